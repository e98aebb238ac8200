// Deck-level controls: the deck list with its counts, rename, suspend and
// remove/restore. Cards are never deleted: removing a deck retires its live
// cards at one instant, and restoring un-retires exactly those.
import type { Db } from './open.ts';

export interface DeckSummary {
  id: string;
  name: string; // the user's title when renamed, else the imported name
  importedName: string;
  sourcePath: string | null;
  root: string | null;
  relPath: string | null;
  suspended: boolean;
  removedAt: number | null;
  importedAt: number | null;
  cards: number; // live (not retired)
  due: number; // due today or earlier, studyable
  fresh: number; // never reviewed, studyable
}

interface Row {
  id: string;
  name: string;
  title: string | null;
  source_path: string | null;
  root: string | null;
  rel_path: string | null;
  suspended: number;
  removed_at: number | null;
  imported_at: number | null;
  cards: number;
  due: number;
  fresh: number;
}

export class DeckRepo {
  private readonly listStmt;
  private readonly renameStmt;
  private readonly suspendCards;
  private readonly resumeCards;
  private readonly setDeckSuspended;
  private readonly retireCards;
  private readonly unretireCards;
  private readonly setRemoved;
  private readonly byRootStmt;
  private readonly forgetHash;
  private readonly byKindStmt;

  constructor(private readonly db: Db) {
    this.listStmt = db.prepare<[{ today: number }], Row>(
      `SELECT d.id, d.name, d.title, d.source_path, d.root, d.rel_path, d.suspended, d.removed_at, d.imported_at,
         count(c.id) AS cards,
         count(CASE WHEN c.suspended = 0 AND s.due_day <= @today THEN 1 END) AS due,
         count(CASE WHEN c.suspended = 0 AND c.is_new = 1 AND c.kind != 'reading' THEN 1 END) AS fresh
       FROM decks d
       LEFT JOIN cards c ON c.deck_id = d.id AND c.retired_at IS NULL
       LEFT JOIN card_state s ON s.card_id = c.id
       GROUP BY d.id ORDER BY d.removed_at IS NOT NULL, coalesce(d.root, ''), coalesce(d.rel_path, d.id)`,
    );
    this.renameStmt = db.prepare('UPDATE decks SET title = ? WHERE id = ?');
    this.suspendCards = db.prepare('UPDATE cards SET suspended = 2, updated_at = ? WHERE deck_id = ? AND suspended = 0');
    this.resumeCards = db.prepare('UPDATE cards SET suspended = 0, updated_at = ? WHERE deck_id = ? AND suspended = 2');
    this.setDeckSuspended = db.prepare('UPDATE decks SET suspended = ? WHERE id = ?');
    this.retireCards = db.prepare('UPDATE cards SET retired_at = ? WHERE deck_id = ? AND retired_at IS NULL');
    this.unretireCards = db.prepare('UPDATE cards SET retired_at = NULL, updated_at = ? WHERE deck_id = ? AND retired_at = ?');
    this.setRemoved = db.prepare('UPDATE decks SET removed_at = ? WHERE id = ?');
    this.forgetHash = db.prepare('UPDATE decks SET source_hash = NULL WHERE id = ?');
    this.byKindStmt = db.prepare<[string], { kind: string; n: number }>(
      'SELECT kind, count(*) AS n FROM cards WHERE deck_id = ? AND retired_at IS NULL GROUP BY kind ORDER BY min(ord)',
    );
    this.byRootStmt = db.prepare<[string], { id: string; rel_path: string | null; removed_at: number | null }>(
      'SELECT id, rel_path, removed_at FROM decks WHERE root = ?',
    );
  }

  list(today: number): DeckSummary[] {
    return this.listStmt.all({ today }).map((r) => ({
      id: r.id, name: r.title ?? r.name, importedName: r.name, sourcePath: r.source_path, root: r.root, relPath: r.rel_path,
      suspended: r.suspended !== 0, removedAt: r.removed_at, importedAt: r.imported_at, cards: r.cards, due: r.due, fresh: r.fresh,
    }));
  }

  /** Decks imported from this folder, for finding files that disappeared. */
  byRoot(root: string): { id: string; relPath: string | null; removedAt: number | null }[] {
    return this.byRootStmt.all(root).map((r) => ({ id: r.id, relPath: r.rel_path, removedAt: r.removed_at }));
  }

  rename(id: string, title: string | null): boolean {
    return this.renameStmt.run(title, id).changes === 1;
  }

  /** Suspend or resume every card of the deck (cards suspended on their own stay suspended). */
  setSuspended(id: string, suspended: boolean, now: number): number {
    return this.db.transaction(() => {
      this.setDeckSuspended.run(suspended ? 1 : 0, id);
      return (suspended ? this.suspendCards : this.resumeCards).run(now, id).changes;
    }).immediate();
  }

  /** Retire every live card at `now` and mark the deck removed; history and schedules stay. */
  remove(id: string, now: number): number {
    return this.db.transaction(() => {
      this.setRemoved.run(now, id);
      return this.retireCards.run(now, id).changes;
    }).immediate();
  }

  /** Retire every live card, leaving the deck as it is (its file disappeared; a re-import restores them). */
  retireAll(id: string, now: number): number {
    return this.db.transaction(() => {
      this.forgetHash.run(id); // so the file's return is a real import, never skipped as "unchanged"
      return this.retireCards.run(now, id).changes;
    }).immediate();
  }

  /** Live cards by kind, for the report of a file skipped as unchanged. */
  liveByKind(id: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.byKindStmt.all(id)) out[r.kind] = r.n;
    return out;
  }

  /** Undo `remove`: the cards retired by it come back with their schedules. */
  restore(id: string, removedAt: number, now: number): number {
    return this.db.transaction(() => {
      this.setRemoved.run(null, id);
      return this.unretireCards.run(now, id, removedAt).changes;
    }).immediate();
  }
}
