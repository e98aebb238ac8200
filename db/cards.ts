import { createHash } from 'node:crypto';
import type { CardDraft } from '../cards/types.ts';
import type { Db } from './open.ts';
import { toCard, type CardRow, type StoredCard } from './rows.ts';

export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
  retired: number;
  restored: number;
  /** Same content at another place in the notes: position updated, history and content untouched. */
  moved: number;
}

export interface DeckInfo {
  id: string;
  name: string;
  sourcePath: string | null;
  sourceHash: string | null;
}

/** Everything that shows on a card; a change here is an "update", never a new card. */
function contentHash(d: CardDraft): string {
  const h = createHash('sha1');
  h.update(JSON.stringify([d.kind, d.section, d.key, d.front, d.back, d.links, d.templateId ?? null, d.warnings ?? []]));
  return h.digest('hex');
}

export type CardStateFilter = 'all' | 'new' | 'learning' | 'young' | 'mature' | 'suspended' | 'retired' | 'due';

export interface CardQuery {
  text?: string;
  section?: string[]; // heading path: the section and everything below it
  state?: CardStateFilter;
  kind?: string;
  today: number;
  limit: number;
  offset: number;
}

const STATE_SQL: Record<CardStateFilter, string> = {
  all: 'c.retired_at IS NULL',
  new: 'c.retired_at IS NULL AND c.suspended = 0 AND s.card_id IS NULL',
  learning: 'c.retired_at IS NULL AND c.suspended = 0 AND s.interval_days < 1',
  young: 'c.retired_at IS NULL AND c.suspended = 0 AND s.interval_days BETWEEN 1 AND 20',
  mature: 'c.retired_at IS NULL AND c.suspended = 0 AND s.interval_days >= 21',
  suspended: 'c.retired_at IS NULL AND c.suspended = 1',
  retired: 'c.retired_at IS NOT NULL',
  due: 'c.retired_at IS NULL AND c.suspended = 0 AND s.due_day <= @today',
};

export class CardRepo {
  private readonly byDeck;
  private readonly insert;
  private readonly update;
  private readonly retire;
  private readonly move;
  private readonly get;
  private readonly getDeck;
  private readonly upsertDeck;
  private readonly setSuspendedStmt;
  private readonly unretireStmt;
  private readonly listStmts = new Map<CardStateFilter, ReturnType<Db['prepare']>>();
  private readonly sectionsStmt;

  constructor(private readonly db: Db) {
    this.byDeck = db.prepare<[string], { id: string; content_hash: string; retired_at: number | null; ord: number; line: number }>(
      'SELECT id, content_hash, retired_at, ord, line FROM cards WHERE deck_id = ?',
    );
    this.insert = db.prepare(
      `INSERT INTO cards (id, deck_id, kind, section, card_key, front, back, links, template_id, warnings, ord, line, content_hash, created_at, updated_at)
       VALUES (@id, @deck, @kind, @section, @key, @front, @back, @links, @templateId, @warnings, @ord, @line, @hash, @now, @now)`,
    );
    this.update = db.prepare(
      `UPDATE cards SET kind=@kind, section=@section, card_key=@key, front=@front, back=@back, links=@links, template_id=@templateId,
         warnings=@warnings, ord=@ord, line=@line, content_hash=@hash, retired_at=NULL, updated_at=@now WHERE id=@id`,
    );
    this.retire = db.prepare('UPDATE cards SET retired_at = ? WHERE id = ?');
    this.move = db.prepare('UPDATE cards SET ord = ?, line = ? WHERE id = ?');
    this.get = db.prepare<[string], CardRow>('SELECT * FROM cards WHERE id = ?');
    this.getDeck = db.prepare<[string], { id: string; name: string; source_path: string | null; source_hash: string | null }>(
      'SELECT id, name, source_path, source_hash FROM decks WHERE id = ?',
    );
    this.upsertDeck = db.prepare(
      `INSERT INTO decks (id, name, source_path, source_hash, imported_at) VALUES (@id, @name, @path, @hash, @now)
       ON CONFLICT(id) DO UPDATE SET name=excluded.name, source_path=excluded.source_path, source_hash=excluded.source_hash, imported_at=excluded.imported_at`,
    );
    this.setSuspendedStmt = db.prepare('UPDATE cards SET suspended = ?, updated_at = ? WHERE id = ? AND retired_at IS NULL');
    this.unretireStmt = db.prepare('UPDATE cards SET retired_at = NULL, updated_at = ? WHERE id = ? AND retired_at IS NOT NULL');
    this.sectionsStmt = db.prepare<[], { section: string; n: number }>(
      'SELECT section, count(*) AS n FROM cards WHERE retired_at IS NULL GROUP BY section ORDER BY min(ord)',
    );
  }

  deck(id: string): DeckInfo | null {
    const r = this.getDeck.get(id);
    return r ? { id: r.id, name: r.name, sourcePath: r.source_path, sourceHash: r.source_hash } : null;
  }

  /**
   * Make the deck's cards equal `drafts`: new ids inserted, changed content
   * updated in place (history kept), missing ids retired (never deleted).
   * Unchanged cards are not written at all.
   */
  syncDeck(deck: { id: string; name: string; sourcePath: string | null; sourceHash: string }, drafts: readonly CardDraft[], now: number): ImportCounts {
    const counts: ImportCounts = { new: 0, updated: 0, unchanged: 0, retired: 0, restored: 0, moved: 0 };
    this.db.transaction(() => {
      const prev = this.deck(deck.id);
      if (!prev || prev.sourceHash !== deck.sourceHash || prev.name !== deck.name || prev.sourcePath !== deck.sourcePath) {
        this.upsertDeck.run({ id: deck.id, name: deck.name, path: deck.sourcePath, hash: deck.sourceHash, now });
      }
      const existing = new Map(this.byDeck.all(deck.id).map((r) => [r.id, r]));
      const seen = new Set<string>();
      for (const d of drafts) {
        if (seen.has(d.id)) continue; // parser guarantees uniqueness; never let a duplicate abort an import
        seen.add(d.id);
        const hash = contentHash(d);
        const row = {
          id: d.id, deck: deck.id, kind: d.kind, section: JSON.stringify(d.section), key: d.key, front: d.front, back: d.back,
          links: JSON.stringify(d.links), templateId: d.templateId ?? null, warnings: JSON.stringify(d.warnings ?? []),
          ord: d.order, line: d.line, hash, now,
        };
        const old = existing.get(d.id);
        if (!old) {
          this.insert.run(row);
          counts.new++;
        } else if (old.retired_at !== null) {
          this.update.run(row);
          counts.restored++;
        } else if (old.content_hash !== hash) {
          this.update.run(row);
          counts.updated++;
        } else if (old.ord !== d.order || old.line !== d.line) {
          this.move.run(d.order, d.line, d.id);
          counts.moved++;
        } else counts.unchanged++;
      }
      for (const [id, old] of existing) {
        if (!seen.has(id) && old.retired_at === null) {
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

  list(q: CardQuery): { cards: (StoredCard & { dueDay: number | null; intervalDays: number | null; easeFactor: number | null })[]; total: number } {
    const state = q.state ?? 'all';
    let stmt = this.listStmts.get(state);
    if (!stmt) {
      stmt = this.db.prepare(
        `SELECT c.*, s.due_day, s.interval_days, s.ease_factor, count(*) OVER () AS total
         FROM cards c LEFT JOIN card_state s ON s.card_id = c.id
         WHERE ${STATE_SQL[state]}
           AND (@text IS NULL OR c.front LIKE @text ESCAPE '\\' OR c.back LIKE @text ESCAPE '\\' OR c.card_key LIKE @text ESCAPE '\\' OR c.section LIKE @text ESCAPE '\\')
           AND (@section IS NULL OR c.section = @section OR c.section LIKE @sectionPrefix ESCAPE '\\')
           AND (@kind IS NULL OR c.kind = @kind)
         ORDER BY c.ord LIMIT @limit OFFSET @offset`,
      );
      this.listStmts.set(state, stmt);
    }
    const like = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const rows = stmt.all({
      text: q.text ? like(q.text) : null,
      // Paths are stored as JSON arrays, so '["a","b",' prefixes exactly the subtree below a › b.
      section: q.section ? JSON.stringify(q.section) : null,
      sectionPrefix: q.section ? `${JSON.stringify(q.section).slice(0, -1).replace(/[\\%_]/g, (m) => `\\${m}`)},%` : null,
      kind: q.kind ?? null,
      today: q.today,
      limit: q.limit,
      offset: q.offset,
    }) as (CardRow & { due_day: number | null; interval_days: number | null; ease_factor: number | null; total: number })[];
    return {
      cards: rows.map((r) => ({ ...toCard(r), dueDay: r.due_day, intervalDays: r.interval_days, easeFactor: r.ease_factor })),
      total: rows[0]?.total ?? 0,
    };
  }
}
