// The AppApi implementation every host shares, plus `dispatch`, the single
// place where untrusted arguments are validated before any handler runs.
import fs from 'node:fs';
import type { z } from 'zod';
import { explain } from '../db/errors.ts';
import type { Store } from '../db/store.ts';
import { ApiError, isMethod, schemas, type AppApi } from './contract/index.ts';
import { systemClock, type Clock } from './clock.ts';
import { DEFAULT_DECK_ID, defaultDeckPath } from './deck.ts';
import { LibraryService } from './library.ts';
import { ReviewService } from './review.ts';
import { mockHandlers } from './mock.ts';
import { statsHandlers } from './stats.ts';
import { doctorHandlers } from './doctor.ts';
import type { BindingLoader } from './fsrs/binding.ts';
import { FsrsService, fsrsHandlers } from './fsrs/service.ts';

export type HandlersFor<S extends Record<string, z.ZodType>> = { [K in keyof S]: (args: z.output<S[K]>) => unknown };
type Handlers = HandlersFor<typeof schemas>;

export class App {
  readonly review: ReviewService;
  readonly library: LibraryService;
  readonly fsrs: FsrsService;
  private readonly handlers: Handlers;

  constructor(
    readonly store: Store,
    readonly clock: Clock = systemClock,
    opts: { fsrsBinding?: BindingLoader } = {},
  ) {
    this.library = new LibraryService(store, () => clock.now());
    this.review = new ReviewService(store, clock, () => this.library.getSettings());
    this.fsrs = new FsrsService(this, opts.fsrsBinding);
    const r = this.review;
    const l = this.library;
    this.handlers = {
      summary: () => r.summary(),
      nextCard: () => r.nextCard(),
      reveal: (a) => r.reveal(a.cardId, a.seed),
      answer: (a) => r.answer(a),
      checkAnswer: (a) => r.checkAnswer(a),
      undo: () => r.undo(),
      importNotes: (a) => l.importNotes(a),
      importDefaultDeck: () => this.importDefaultDeck(),
      listCards: (a) => l.listCards(a, r.today()),
      cardDetail: (a) => l.cardDetail(a.id),
      setSuspended: (a) => l.setSuspended(a.id, a.suspended),
      restoreCard: (a) => l.restoreCard(a.id),
      sections: () => l.sections(),
      getSettings: () => l.getSettings(),
      updateSettings: (a) => this.fsrs.updateSettings(a),
      ...mockHandlers(this),
      ...statsHandlers(this),
      ...doctorHandlers(this),
      ...fsrsHandlers(this, this.fsrs),
    };
  }

  importDefaultDeck() {
    const file = defaultDeckPath();
    return this.library.importNotes({ name: 'dl-interview-notes.md', markdown: fs.readFileSync(file, 'utf8'), path: file }, { deckId: DEFAULT_DECK_ID });
  }

  /** First launch: an empty profile gets the bundled deck so there is something to study. */
  ensureDefaultDeck(): void {
    if (!this.store.cards.deck(DEFAULT_DECK_ID) && this.library.sections().length === 0) this.importDefaultDeck();
  }

  /** Validate, then run. Throws ApiError(400) naming the bad argument; never runs a handler on bad input. */
  async dispatch(method: string, rawArgs: unknown): Promise<unknown> {
    if (!isMethod(method)) throw new ApiError(404, `unknown method ${JSON.stringify(method.slice(0, 80))}`);
    const parsed = schemas[method].safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'arguments';
      throw new ApiError(400, `${method}: ${where}: ${issue?.message ?? 'invalid'}`, parsed.error.issues);
    }
    const handler = this.handlers[method] as (a: unknown) => unknown;
    try {
      return await handler(parsed.data);
    } catch (err) {
      // A locked or damaged file mid-session becomes a one-line error naming the file.
      if (typeof (err as { code?: unknown }).code === 'string' && (err as { code: string }).code.startsWith('SQLITE_')) {
        throw explain(this.store.file, err);
      }
      throw err;
    }
  }

  /** A typed in-process client, for the CLI and tests: same validation path as IPC/HTTP. */
  client(): AppApi {
    return new Proxy({} as AppApi, {
      get: (_t, name) => (args?: unknown) => this.dispatch(String(name), args),
    });
  }
}
