import { createHash } from 'node:crypto';
import type { CardDraft } from '../cards/types.ts';
import type { Db } from './open.ts';
import { matchRenames, type RenameCandidate } from './renames.ts';
import { CardLists, type CardQuery } from './cardList.ts';
import { toCard, type CardRow, type StoredCard } from './rows.ts';

export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
  retired: number;
  restored: number;
  /** Same content at another place in the notes: position updated, history and content untouched. */
  moved: number;
  /** A card whose heading was renamed or whose section moved: it keeps its id, reviews and schedule. */
  renamed: number;
}

/** One renamed/moved card, for the import report. */
export interface RenamedCard {
  id: string;
  from: string[]; // old heading path + key
  to: string[];
  line: number;
}

export interface DeckInfo {
  id: string;
  name: string;
  sourcePath: string | null;
  sourceHash: string | null;
  root: string | null;
  relPath: string | null;
  title: string | null;
  suspended: boolean;
  removedAt: number | null;
  /** The last import's warnings (JSON), or null. */
  warnings: string | null;
}

export interface DeckUpsert {
  id: string;
  name: string;
  sourcePath: string | null;
  sourceHash: string;
  /** The imported folder and the file relative to it (folder imports only). */
  root?: string | null;
  relPath?: string | null;
  /** The import's warnings, kept so a skipped unchanged file can show them again. */
  warnings?: string | null;
}

interface DeckRow {
  id: string;
  name: string;
  source_path: string | null;
  source_hash: string | null;
  root: string | null;
  rel_path: string | null;
  title: string | null;
  suspended: number;
  removed_at: number | null;
  warnings: string | null;
}

const toDeck = (r: DeckRow): DeckInfo => ({
  id: r.id, name: r.name, sourcePath: r.source_path, sourceHash: r.source_hash, root: r.root, relPath: r.rel_path,
  title: r.title, suspended: r.suspended !== 0, removedAt: r.removed_at, warnings: r.warnings,
});

/** Everything that shows on a card; a change here is an "update", never a new card. */
function contentHash(d: CardDraft): string {
  const h = createHash('sha1');
  const base: unknown[] = [d.kind, d.section, d.key, d.front, d.back, d.links, d.templateId ?? null, d.warnings ?? []];
  // Appended only when present, so cards stored before tags/lang existed keep their hash.
  if (d.tags?.length || d.lang) base.push(d.tags ?? [], d.lang ?? null);
  h.update(JSON.stringify(base));
  return h.digest('hex');
}

/** Cards per deck before the next deck's order starts (rowid × stride stays a safe integer). */
const ORDER_STRIDE = 1_000_000;

interface ExistingRow {
  id: string;
  content_hash: string;
  retired_at: number | null;
  ord: number;
  line: number;
  kind: string;
  section: string;
  card_key: string;
  back: string;
}

export type { CardQuery, CardStateFilter } from './cardList.ts';


export class CardRepo {
  private readonly byDeck;
  private readonly insert;
  private readonly update;
  private readonly retire;
  private readonly move;
  private readonly get;
  private readonly getDeck;
  private readonly aliasesOf;
  private readonly deckRowid;
  private readonly setAlias;
  private readonly dropAlias;
  private readonly upsertDeck;
  private readonly setSuspendedStmt;
  private readonly unretireStmt;
  private readonly lists: CardLists;
  private readonly sectionsStmt;

  constructor(private readonly db: Db) {
    this.lists = new CardLists(db);
    this.byDeck = db.prepare<[string], ExistingRow>(
      'SELECT id, content_hash, retired_at, ord, line, kind, section, card_key, back FROM cards WHERE deck_id = ?',
    );
    this.aliasesOf = db.prepare<[string], { alias_id: string; card_id: string }>(
      'SELECT a.alias_id, a.card_id FROM card_aliases a JOIN cards c ON c.id = a.card_id WHERE c.deck_id = ?',
    );
    this.deckRowid = db.prepare<[string], number>('SELECT rowid FROM decks WHERE id = ?').pluck();
    this.setAlias = db.prepare('INSERT INTO card_aliases (alias_id, card_id) VALUES (?, ?) ON CONFLICT(alias_id) DO UPDATE SET card_id = excluded.card_id');
    this.dropAlias = db.prepare('DELETE FROM card_aliases WHERE alias_id = ?');
    this.insert = db.prepare(
      `INSERT INTO cards (id, deck_id, kind, section, card_key, front, back, links, template_id, warnings, ord, line, content_hash, created_at, updated_at, tags, lang, suspended)
       VALUES (@id, @deck, @kind, @section, @key, @front, @back, @links, @templateId, @warnings, @ord, @line, @hash, @now, @now, @tags, @lang, @suspended)`,
    );
    this.update = db.prepare(
      `UPDATE cards SET kind=@kind, section=@section, card_key=@key, front=@front, back=@back, links=@links, template_id=@templateId,
         warnings=@warnings, ord=@ord, line=@line, content_hash=@hash, tags=@tags, lang=@lang, retired_at=NULL, updated_at=@now WHERE id=@id`,
    );
    this.retire = db.prepare('UPDATE cards SET retired_at = ? WHERE id = ?');
    this.move = db.prepare('UPDATE cards SET ord = ?, line = ? WHERE id = ?');
    this.get = db.prepare<[string], CardRow>('SELECT * FROM cards WHERE id = ?');
    this.getDeck = db.prepare<[string], DeckRow>(
      'SELECT id, name, source_path, source_hash, root, rel_path, title, suspended, removed_at, warnings FROM decks WHERE id = ?',
    );
    this.upsertDeck = db.prepare(
      `INSERT INTO decks (id, name, source_path, source_hash, imported_at, root, rel_path, warnings) VALUES (@id, @name, @path, @hash, @now, @root, @rel, @warnings)
       ON CONFLICT(id) DO UPDATE SET name=excluded.name, source_path=excluded.source_path, source_hash=excluded.source_hash,
         imported_at=excluded.imported_at, root=excluded.root, rel_path=excluded.rel_path, warnings=excluded.warnings`,
    );
    this.setSuspendedStmt = db.prepare('UPDATE cards SET suspended = ?, updated_at = ? WHERE id = ? AND retired_at IS NULL');
    this.unretireStmt = db.prepare('UPDATE cards SET retired_at = NULL, updated_at = ? WHERE id = ? AND retired_at IS NOT NULL');
    this.sectionsStmt = db.prepare<[], { section: string; n: number }>(
      'SELECT section, count(*) AS n FROM cards WHERE retired_at IS NULL GROUP BY section ORDER BY min(ord)',
    );
  }

  deck(id: string): DeckInfo | null {
    const r = this.getDeck.get(id);
    return r ? toDeck(r) : null;
  }

  /**
   * Make the deck's cards equal `drafts`: new ids inserted, changed content
   * updated in place (history kept), missing ids retired (never deleted).
   * Unchanged cards are not written at all. A card that would be retired
   * while a new one of the same kind carries the same (or ≥ 80 % similar)
   * answer under the same parent heading is the same card renamed or moved:
   * its stored row takes the new content and keeps its id, reviews and
   * schedule; the new derived id becomes an alias of it (card_aliases).
   */
  syncDeck(deck: DeckUpsert, drafts: readonly CardDraft[], now: number, renamedOut?: RenamedCard[], deckMajorOrder = false): ImportCounts {
    const counts: ImportCounts = { new: 0, updated: 0, unchanged: 0, retired: 0, restored: 0, moved: 0, renamed: 0 };
    this.db.transaction(() => {
      const prev = this.deck(deck.id);
      const root = deck.root ?? null;
      const rel = deck.relPath ?? null;
      const warnings = deck.warnings ?? null;
      if (!prev || prev.sourceHash !== deck.sourceHash || prev.name !== deck.name || prev.sourcePath !== deck.sourcePath || prev.root !== root || prev.relPath !== rel || prev.warnings !== warnings) {
        this.upsertDeck.run({ id: deck.id, name: deck.name, path: deck.sourcePath, hash: deck.sourceHash, now, root, rel, warnings });
      }
      const suspended = prev?.suspended ? 2 : 0;
      // Notes order across decks: each deck's cards after those of decks imported before it
      // (its rowid is stable), so new cards come one note at a time, not one card from each of 50 files.
      const base = deckMajorOrder ? (this.deckRowid.get(deck.id) ?? 0) * ORDER_STRIDE : 0;
      const existing = new Map(this.byDeck.all(deck.id).map((r) => [r.id, r]));
      const aliases = new Map(this.aliasesOf.all(deck.id).map((a) => [a.alias_id, a.card_id]));
      const unique: CardDraft[] = [];
      const draftIds = new Set<string>();
      for (const d of drafts) {
        if (draftIds.has(d.id)) continue; // parser guarantees uniqueness; never let a duplicate abort an import
        draftIds.add(d.id);
        unique.push(d);
      }
      // Which stored row each draft lands on: its own id, else the row its id is an alias of
      // (unless that row is claimed by a draft of its own id).
      const claimed = new Set<string>();
      const target = new Map<string, string>();
      for (const d of unique) if (existing.has(d.id)) claimed.add(d.id);
      for (const d of unique) {
        if (existing.has(d.id)) target.set(d.id, d.id);
        else {
          const via = aliases.get(d.id);
          if (via && existing.has(via) && !claimed.has(via)) {
            target.set(d.id, via);
            claimed.add(via);
          }
        }
      }
      // Renames: new drafts vs live rows nobody claimed.
      const gone: RenameCandidate[] = [];
      for (const [id, r] of existing) {
        if (!claimed.has(id) && r.retired_at === null) gone.push({ id, kind: r.kind, section: JSON.parse(r.section) as string[], key: r.card_key, back: r.back });
      }
      const added = unique.filter((d) => !target.has(d.id)).map((d) => ({ id: d.id, kind: d.kind, section: d.section, key: d.key, back: d.back }));
      const renames = matchRenames(gone, added);
      for (const d of unique) {
        const hash = contentHash(d);
        const renamedFrom = renames.get(d.id);
        const at = target.get(d.id) ?? renamedFrom ?? d.id;
        const row = {
          id: at, deck: deck.id, kind: d.kind, section: JSON.stringify(d.section), key: d.key, front: d.front, back: d.back,
          links: JSON.stringify(d.links), templateId: d.templateId ?? null, warnings: JSON.stringify(d.warnings ?? []),
          ord: base + d.order, line: d.line, hash, now, tags: JSON.stringify(d.tags ?? []), lang: d.lang ?? null, suspended,
        };
        const old = existing.get(at);
        if (renamedFrom && old) {
          this.update.run(row);
          this.setAlias.run(d.id, at);
          claimed.add(at);
          counts.renamed++;
          renamedOut?.push({ id: at, from: [...(JSON.parse(old.section) as string[]), old.card_key], to: [...d.section, d.key], line: d.line });
        } else if (!old) {
          // A stale alias with this id would send a later import to another row.
          if (aliases.has(d.id)) this.dropAlias.run(d.id);
          this.insert.run(row);
          counts.new++;
        } else if (old.retired_at !== null) {
          this.update.run(row);
          counts.restored++;
        } else if (old.content_hash !== hash) {
          this.update.run(row);
          counts.updated++;
        } else if (old.ord !== base + d.order || old.line !== d.line) {
          this.move.run(base + d.order, d.line, at);
          counts.moved++;
        } else counts.unchanged++;
      }
      for (const [id, old] of existing) {
        if (!claimed.has(id) && old.retired_at === null) {
          this.retire.run(now, id);
          counts.retired++;
        }
      }
    }).immediate();
    return counts;
  }

  byId(id: string): StoredCard | null {
    const r = this.get.get(id);
    return r ? toCard(r) : null;
  }

  setSuspended(id: string, suspended: boolean, now: number): boolean {
    return this.setSuspendedStmt.run(suspended ? 1 : 0, now, id).changes === 1;
  }

  unretire(id: string, now: number): boolean {
    return this.unretireStmt.run(now, id).changes === 1;
  }

  /** Live, unsuspended problem cards with the template each names (null when none is stored). */
  problemTemplates(): { id: string; templateId: string | null }[] {
    return this.db
      .prepare<[], { id: string; template_id: string | null }>(
        "SELECT id, template_id FROM cards WHERE kind = 'problem' AND retired_at IS NULL AND suspended = 0",
      )
      .all()
      .map((r) => ({ id: r.id, templateId: r.template_id }));
  }

  sections(): { section: string[]; count: number }[] {
    return this.sectionsStmt.all().map((r) => ({ section: JSON.parse(r.section) as string[], count: r.n }));
  }

  /** One page of Browse (db/cardList.ts); `total` only when asked for, so paging never recounts the table. */
  list(q: CardQuery, opts: { count?: boolean } = {}): { cards: (StoredCard & { dueDay: number | null; intervalDays: number | null; easeFactor: number | null })[]; total: number | null } {
    const rows = this.lists.page(q);
    return {
      cards: rows.map((r) => ({ ...toCard(r), dueDay: r.due_day, intervalDays: r.interval_days, easeFactor: r.ease_factor })),
      total: opts.count === false ? null : this.lists.count(q),
    };
  }

}
