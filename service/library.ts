// Import, browse and settings: everything about the collection except answering.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { currentTemplateId } from '../cards/problems/ids.ts';
import type { CardDraft, ParseResult } from '../cards/types.ts';
import type { Store } from '../db/store.ts';
// Nothing here loads zod or the problem templates: browser mode's first card uses this module before they load (service/earlyCard.ts).
import { ApiError } from './contract/apiError.ts';
import type { CardDetail, CardList, ImportReport, SectionInfo, Settings } from './contract/index.ts';
import { readSettings } from './settings.ts';
import { DEFAULT_DECK_ID, DEFAULT_DECK_NAME, deckIdFromName } from './deck.ts';
import { decodeCursor, encodeCursor } from './cardCursor.ts';
import { cardStateLabel } from './review.ts';
import { prebuiltDeckFile, readPrebuiltDeck } from './prebuiltDeck.ts';

const templateMissing = (c: { kind: string; templateId: string | null }) => c.kind === 'problem' && (!c.templateId || currentTemplateId(c.templateId) === undefined);

const isPrefix = (prefix: readonly string[], path: readonly string[]) => prefix.length <= path.length && prefix.every((p, i) => path[i] === p);

/**
 * New cards come in notes order, so each problem goes right after the notes of
 * the section it exercises: a learner meets "conv output size" problems the
 * day they learn the formula, not after every other card in the deck.
 */
export function interleaveProblems(notes: readonly CardDraft[], problems: readonly CardDraft[]): CardDraft[] {
  const out: CardDraft[] = [...notes];
  for (const p of problems) {
    let at = -1;
    out.forEach((c, i) => {
      if (c.kind !== 'problem' && isPrefix(p.section, c.section)) at = i;
    });
    // Keep problems of one section together, in catalogue order.
    while (at >= 0 && at + 1 < out.length && out[at + 1]!.kind === 'problem' && isPrefix(p.section, out[at + 1]!.section)) at++;
    if (at < 0) out.push(p);
    else out.splice(at + 1, 0, p);
  }
  return out.map((c, i) => ({ ...c, order: i }));
}

export class LibraryService {
  /** The build's prebuilt default deck (service/prebuiltDeck.ts); replaceable so a test can play a bundle. */
  prebuiltDeckFile: () => string | null = prebuiltDeckFile;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  /**
   * Parse and store a notes file. The default deck also gets the formula-core
   * problem cards; other notes go through the folder importer (images, title).
   * The parser and importer are loaded here, at the first import, not at start.
   */
  async importNotes(a: { name: string; markdown: string; path?: string }, opts: { deckId?: string } = {}): Promise<ImportReport> {
    const deck = opts.deckId ?? deckIdFromName(a.name);
    if (deck !== DEFAULT_DECK_ID) {
      const { diskImages, NotesImporter } = await import('./importer.ts');
      const f = new NotesImporter(this.store, this.now).importText({
        deck, name: a.name, title: a.name.replace(/\.(md|markdown|txt)$/i, ''), markdown: a.markdown, sourcePath: a.path ?? null,
        // Without a path (a browser upload of one file) nothing can be looked up: local images become placeholders.
        images: a.path ? diskImages(path.dirname(a.path)) : null,
      });
      if (f.error || !f.counts) throw new ApiError(422, `${a.name}: ${f.error ?? 'not imported'}`);
      return { deck, cards: f.cards, counts: f.counts, byKind: f.byKind ?? {}, warnings: f.warnings, ...(f.renamed ? { renamed: f.renamed } : {}) };
    }
    const sourceHash = createHash('sha256').update(a.markdown).digest('hex');
    // The bundle ships this deck parsed; an edited deck (other hash) is parsed here.
    const parsed: ParseResult = readPrebuiltDeck(this.prebuiltDeckFile(), sourceHash) ?? (await import('./deckDrafts.ts')).defaultDeckDrafts(a.markdown, deck);
    const drafts = parsed.cards;
    const renamed: NonNullable<ImportReport['renamed']> = [];
    const counts = this.store.cards.syncDeck(
      { id: deck, name: deck === DEFAULT_DECK_ID ? DEFAULT_DECK_NAME : a.name, sourcePath: a.path ?? null, sourceHash },
      drafts,
      this.now(),
      renamed,
    );
    const byKind: Record<string, number> = {};
    for (const d of drafts) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
    return { deck, cards: drafts.length, counts, byKind, warnings: parsed.warnings, ...(renamed.length ? { renamed } : {}) };
  }

  /** Import the bundled deck from where `locate` finds it (App.locateDefaultDeck; a test plays an installation that lost it). */
  async importDefaultDeck(locate: () => string): Promise<ImportReport> {
    let file: string;
    try {
      file = locate();
    } catch {
      // Where we looked is for the log of whoever packaged the app, not for a reply that any page may read.
      throw new ApiError(503, 'the bundled deck is missing from this installation; reinstall DeepRecall or import your own notes');
    }
    return this.importNotes({ name: 'dl-interview-notes.md', markdown: fs.readFileSync(file, 'utf8'), path: file }, { deckId: DEFAULT_DECK_ID });
  }

  /** First launch: an empty profile gets the bundled deck so there is something to study. */
  async ensureDefaultDeck(locate: () => string): Promise<void> {
    if (!this.store.cards.deck(DEFAULT_DECK_ID) && this.sections().length === 0) await this.importDefaultDeck(locate);
  }

  /**
   * One page of Browse. With `cursor` (the `nextCursor` of the previous page)
   * the page starts after the last card shown and the total comes from the
   * cursor (counted once, on the first page); `offset` still works and counts.
   */
  listCards(
    q: { text?: string; section?: string[]; state?: string; kind?: string; deck?: string; limit: number; offset: number; cursor?: string },
    today: number,
  ): CardList {
    const from = q.cursor === undefined ? null : decodeCursor(q.cursor);
    const query = { ...q, state: q.state as never, today, ...(from ? { after: { ord: from.ord, id: from.id } } : {}) };
    // One row more than asked: whether a next page exists, without an empty last page.
    const { cards: rows, total: counted } = this.store.cards.list({ ...query, limit: q.limit + 1 }, { count: from === null });
    const cards = rows.slice(0, q.limit);
    const total = counted ?? from!.total;
    const last = cards.at(-1);
    return {
      total,
      cards: cards.map((c) => ({
        id: c.id,
        kind: c.kind,
        section: c.section,
        front: c.front,
        state: cardStateLabel(c, c.intervalDays),
        dueDay: c.dueDay,
        intervalDays: c.intervalDays,
        easeFactor: c.easeFactor,
        ...(templateMissing(c) ? { templateMissing: true as const } : {}),
      })),
      ...(last && rows.length > q.limit ? { nextCursor: encodeCursor({ ord: last.order, id: last.id, total }) } : {}),
    };
  }

  cardDetail(id: string): CardDetail {
    const c = this.store.cards.byId(id);
    if (!c) throw new ApiError(404, `no card with id ${id}`);
    const state = this.store.reviews.state(id);
    return {
      card: {
        id: c.id, kind: c.kind, section: c.section, front: c.front, back: c.back, links: c.links, warnings: c.warnings,
        templateId: c.templateId, line: c.line,
        state: cardStateLabel(c, state?.intervalDays ?? null),
        dueDay: state?.dueDay ?? null, intervalDays: state?.intervalDays ?? null, easeFactor: state?.easeFactor ?? null,
        ...(templateMissing(c) ? { templateMissing: true as const } : {}),
      },
      state: state
        ? { repetitions: state.repetitions, easeFactor: state.easeFactor, intervalDays: state.intervalDays, dueDay: state.dueDay, lapses: state.lapses }
        : null,
      history: this.store.reviews.history(id).map((r) => ({
        id: r.id, reviewedAt: r.reviewed_at, day: r.day, quality: r.quality, elapsedMs: r.elapsed_ms, mode: r.mode,
        intervalAfter: r.ivl_after, easeAfter: r.ease_after, undone: r.undone_at !== null, answer: r.answer,
      })),
    };
  }

  setSuspended(id: string, suspended: boolean): { ok: boolean } {
    if (!this.store.cards.byId(id)) throw new ApiError(404, `no card with id ${id}`);
    return { ok: this.store.cards.setSuspended(id, suspended, this.now()) };
  }

  restoreCard(id: string): { ok: boolean } {
    if (!this.store.cards.byId(id)) throw new ApiError(404, `no card with id ${id}`);
    return { ok: this.store.cards.unretire(id, this.now()) };
  }

  sections(): SectionInfo[] {
    return this.store.cards.sections();
  }

  getSettings(): Settings {
    // Stored values are re-validated: a hand-edited DB must not break the app.
    return readSettings(this.store.settings.all());
  }

  updateSettings(patch: Partial<Settings>): Settings {
    this.store.db.transaction(() => {
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) this.store.settings.set(k, v);
    }).immediate();
    return this.getSettings();
  }
}
