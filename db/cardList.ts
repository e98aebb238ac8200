// Browse's card list, one page at a time. Pages are keyset-paginated on
// (ord, id): the next page starts right after the last row shown, through the
// cards_browse index (migration 9), so page 900 costs what page 1 costs. An
// offset still works (the contract keeps it) but walks the skipped rows. The
// total is a separate count, asked for only when the caller needs it (the
// first page of a query), not computed beside every page.
import type { Db } from './open.ts';
import type { CardRow } from './rows.ts';

export type CardStateFilter = 'all' | 'new' | 'learning' | 'young' | 'mature' | 'suspended' | 'retired' | 'due';

export interface CardQuery {
  text?: string;
  section?: string[]; // heading path: the section and everything below it
  state?: CardStateFilter;
  kind?: string;
  deck?: string;
  today: number;
  limit: number;
  offset: number;
  /** Keyset: only cards after this (ord, id) in list order; the offset then counts from there. */
  after?: { ord: number; id: string };
}

export type CardListRow = CardRow & { due_day: number | null; interval_days: number | null; ease_factor: number | null };

const STATE_SQL: Record<CardStateFilter, string> = {
  all: 'c.retired_at IS NULL',
  new: 'c.retired_at IS NULL AND c.suspended = 0 AND s.card_id IS NULL',
  learning: 'c.retired_at IS NULL AND c.suspended = 0 AND s.interval_days < 1',
  young: 'c.retired_at IS NULL AND c.suspended = 0 AND s.interval_days BETWEEN 1 AND 20',
  mature: 'c.retired_at IS NULL AND c.suspended = 0 AND s.interval_days >= 21',
  suspended: 'c.retired_at IS NULL AND c.suspended != 0',
  retired: 'c.retired_at IS NOT NULL',
  // `+`: a page walks cards_browse in list order and stops after `limit`
  // rows; left to itself the planner would collect every due card through
  // card_state_due and sort them all (33 → 0.6 ms on 100k cards).
  due: 'c.retired_at IS NULL AND c.suspended = 0 AND +s.due_day <= @today',
};

/** States that need no card_state column: their count skips the join (index-only, ~3 ms on 100k cards). */
const NO_STATE: ReadonlySet<CardStateFilter> = new Set(['all', 'suspended', 'retired']);

const FILTERS = `
  AND (@text IS NULL OR c.front LIKE @text ESCAPE '\\' OR c.back LIKE @text ESCAPE '\\' OR c.card_key LIKE @text ESCAPE '\\' OR c.section LIKE @text ESCAPE '\\')
  AND (@section IS NULL OR c.section = @section OR c.section LIKE @sectionPrefix ESCAPE '\\')
  AND (@kind IS NULL OR c.kind = @kind)
  AND (@deck IS NULL OR c.deck_id = @deck)`;

export class CardLists {
  private readonly pages = new Map<string, ReturnType<Db['prepare']>>();
  private readonly counts = new Map<string, ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db) {}

  private params(q: CardQuery) {
    const like = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    return {
      text: q.text ? like(q.text) : null,
      // Paths are stored as JSON arrays, so '["a","b",' prefixes exactly the subtree below a › b.
      section: q.section ? JSON.stringify(q.section) : null,
      sectionPrefix: q.section ? `${JSON.stringify(q.section).slice(0, -1).replace(/[\\%_]/g, (m) => `\\${m}`)},%` : null,
      kind: q.kind ?? null,
      deck: q.deck ?? null,
      today: q.today,
    };
  }

  page(q: CardQuery): CardListRow[] {
    const state = q.state ?? 'all';
    const key = `${state}:${q.after ? 1 : 0}`;
    let stmt = this.pages.get(key);
    if (!stmt) {
      stmt = this.db.prepare(
        `SELECT c.*, s.due_day, s.interval_days, s.ease_factor
         FROM cards c LEFT JOIN card_state s ON s.card_id = c.id
         WHERE ${STATE_SQL[state]} ${q.after ? 'AND (c.ord, c.id) > (@afterOrd, @afterId)' : ''} ${FILTERS}
         ORDER BY c.ord, c.id LIMIT @limit OFFSET @offset`,
      );
      this.pages.set(key, stmt);
    }
    return stmt.all({
      ...this.params(q),
      ...(q.after ? { afterOrd: q.after.ord, afterId: q.after.id } : {}),
      limit: q.limit,
      offset: q.offset,
    }) as CardListRow[];
  }

  /** How many cards the query matches in all (index-only for the plain filters). */
  count(q: CardQuery): number {
    const state = q.state ?? 'all';
    let stmt = this.counts.get(state);
    if (!stmt) {
      stmt = this.db.prepare(
        `SELECT count(*) FROM cards c ${NO_STATE.has(state) ? '' : 'LEFT JOIN card_state s ON s.card_id = c.id'}
         WHERE ${STATE_SQL[state].replace('+s.', 's.')} ${FILTERS}`,
      ).pluck();
      this.counts.set(state, stmt);
    }
    return stmt.get(this.params(q)) as number;
  }
}
