// The AppApi implementation every host shares, plus `dispatch`, the single
// place where untrusted arguments are validated before any handler runs.
import type { z } from 'zod';
import { explain } from '../db/errors.ts';
import type { Store } from '../db/store.ts';
import { ApiError, isMethod, schemas, type AppApi, type Settings } from './contract/index.ts';
import { retryWhileBusy } from './busy.ts';
import { clockFromEnv, type Clock } from './clock.ts';
import { defaultDeckPath } from './deck.ts';
import { generate } from '../cards/problems/generate.ts';
import { LibraryService } from './library.ts';
import { loadGrader, ReviewService } from './review.ts';
import { doctorHandlers } from './doctor.ts';
import { lazyArea } from './lazyArea.ts';
import { withSides } from './sides.ts';
import { mockSchemas } from './contract/mock.ts';
import { statsSchemas } from './contract/stats.ts';
import { decksSchemas } from './contract/decks.ts';
import { ankiSchemas } from './contract/anki.ts';
import type { BindingLoader } from './fsrs/binding.ts';
import { FsrsService, fsrsHandlers } from './fsrs/service.ts';
import { ImportJobs } from './progress/imports.ts';

export type HandlersFor<S extends Record<string, z.ZodType>> = { [K in keyof S]: (args: z.output<S[K]>) => unknown };
type Handlers = HandlersFor<typeof schemas>;

/** More top-level argument keys than any method has: refused before validation. */
export const MAX_ARG_KEYS = 64;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The first few validation issues, each small: an error reply stays a few KB whatever was sent. */
function briefIssues(issues: readonly z.core.$ZodIssue[]): unknown[] {
  return issues.slice(0, 5).map((i) => {
    const out: Record<string, unknown> = { code: i.code, path: i.path.slice(0, 10), message: clip(i.message, 300) };
    if ('keys' in i && Array.isArray(i.keys)) out.keys = i.keys.slice(0, 10);
    return out;
  });
}

/** Answered at once even while an Anki import holds its write transaction: they read no profile data. */
const WHILE_IMPORTING: ReadonlySet<string> = new Set(['importProgress', 'exportStatus', 'fsrsJobStatus']);

/** The calls of the answer loop: they never add, remove or suspend cards, so cached card facts stay valid. */
const REVIEW_LOOP: ReadonlySet<string> = new Set(['summary', 'nextCard', 'reveal', 'answer', 'checkAnswer', 'undo']);

export class App {
  readonly review: ReviewService;
  readonly library: LibraryService;
  readonly fsrs: FsrsService;
  /** Long imports, one at a time, with progress the UI polls. */
  readonly imports = new ImportJobs();
  private readonly handlers: Handlers;
  /** > 0: a handler that meets another process's write lock is retried off the thread for this long (service/busy.ts). */
  private readonly busyRetryMs: number;
  /** Host abilities the service cannot have itself (Electron's folder dialog); absent in browser mode and the CLI. */
  readonly host: { pickFolder?: () => Promise<string | null> } = {};
  /** Called after every settings change (the notes-folder watcher listens). */
  readonly settingsListeners = new Set<(s: Settings) => void>();

  constructor(
    readonly store: Store,
    readonly clock: Clock = clockFromEnv(),
    opts: { fsrsBinding?: BindingLoader; busyRetryMs?: number } = {},
  ) {
    this.busyRetryMs = opts.busyRetryMs ?? 0;
    this.library = new LibraryService(store, () => clock.now());
    this.review = new ReviewService(store, clock, () => this.library.getSettings(), generate);
    this.fsrs = new FsrsService(this, opts.fsrsBinding);
    const r = this.review;
    const l = this.library;
    this.handlers = {
      summary: () => r.summary(),
      // Card sides: prebuilt, or rendered once the renderer has loaded (service/sides.ts).
      nextCard: () => withSides(() => r.nextCard()),
      reveal: (a) => withSides(() => r.reveal(a.cardId, a.seed)),
      // A typed answer needs the grader (mathjs' parser), loaded at the first one.
      answer: async (a) => (a.typed !== undefined ? loadGrader().then(() => r.answer(a)) : r.answer(a)),
      checkAnswer: (a) => loadGrader().then(() => r.checkAnswer(a)),
      undo: () => r.undo(),
      importNotes: (a) => l.importNotes(a),
      importDefaultDeck: () => this.importDefaultDeck(),
      listCards: (a) => l.listCards(a, r.today()),
      cardDetail: (a) => l.cardDetail(a.id),
      setSuspended: (a) => l.setSuspended(a.id, a.suspended),
      restoreCard: (a) => l.restoreCard(a.id),
      sections: () => l.sections(),
      getSettings: () => l.getSettings(),
      updateSettings: async (a) => {
        const next = await this.fsrs.updateSettings(a);
        for (const f of this.settingsListeners) f(next);
        return next;
      },
      // Loaded at their first call (KaTeX, sanitize-html, fflate, the parser): start-up stays small.
      ...lazyArea(mockSchemas, async () => (await Promise.all([import('./mock.ts'), loadGrader()]))[0].mockHandlers(this)),
      ...lazyArea(statsSchemas, async () => (await import('./stats.ts')).statsHandlers(this)),
      ...doctorHandlers(this),
      ...lazyArea(decksSchemas, async () => (await import('./decks.ts')).decksHandlers(this)),
      ...lazyArea(ankiSchemas, async () => (await import('./anki.ts')).ankiHandlers(this)),
      ...fsrsHandlers(this, this.fsrs),
      importProgress: (a) => this.imports.progress(a.id),
    };
  }

  /** Where the bundled deck is; replaceable so a test can play an installation that lost it. */
  locateDefaultDeck: () => string = defaultDeckPath;

  importDefaultDeck() {
    return this.library.importDefaultDeck(this.locateDefaultDeck);
  }

  /** First launch: an empty profile gets the bundled deck so there is something to study. */
  ensureDefaultDeck(): Promise<void> {
    return this.library.ensureDefaultDeck(this.locateDefaultDeck);
  }

  /** Validate, then run. Throws ApiError(400) naming the bad argument; never runs a handler on bad input. */
  async dispatch(method: string, rawArgs: unknown): Promise<unknown> {
    if (!isMethod(method)) throw new ApiError(404, `unknown method ${JSON.stringify(method.slice(0, 80))}`);
    // Fail fast before the schema walks a million unknown keys (strict objects list every one of them).
    const keys = rawArgs !== null && typeof rawArgs === 'object' && !Array.isArray(rawArgs) ? Object.keys(rawArgs).length : 0;
    if (keys > MAX_ARG_KEYS) throw new ApiError(400, `${method}: arguments: ${keys} keys; no method takes more than ${MAX_ARG_KEYS}`);
    const parsed = schemas[method].safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'arguments';
      throw new ApiError(400, clip(`${method}: ${where}: ${issue?.message ?? 'invalid'}`, 500), briefIssues(parsed.error.issues));
    }
    const handler = this.handlers[method] as (a: unknown) => unknown;
    // Another import may take the transaction the moment one ends: wait until none holds it.
    for (let importing = WHILE_IMPORTING.has(method) ? null : this.imports.idle(); importing; importing = this.imports.idle()) await importing;
    try {
      const result = this.busyRetryMs > 0 ? await retryWhileBusy(() => handler(parsed.data), this.busyRetryMs) : await handler(parsed.data);
      // Anything but the review loop may have changed which cards exist or are suspended.
      if (!REVIEW_LOOP.has(method)) this.review.forgetTemplates();
      return result;
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
