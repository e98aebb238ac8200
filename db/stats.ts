// Reads for the stats screen. Everything comes from the small stat_* tables
// that migration 003 keeps exact with triggers, so the cost grows with days ×
// sections, not with the number of reviews. A section filter is a list of
// stat_sections ids (the section and everything below it), passed as JSON.
import type { Db } from './open.ts';
import { rebuildStats, STAT_TABLES } from './statsRebuild.ts';
import type { CardClassRow, DayCounters, DueRow, HourRow, MockScoreRow, SectionCounters } from '../srs/stats/types.ts';

const C = ['n', 'ms', 'learned', 'q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'young_n', 'young_pass', 'mature_n', 'mature_pass', 'graded', 'correct'];
const SUMS = C.map((c) => `sum(${c}) AS ${c}`).join(', ');
const IN_IDS = 'section_id IN (SELECT value FROM json_each(@ids))';

type Raw = Record<string, number>;
const ZERO_ROW: Raw = Object.fromEntries(C.map((c) => [c, 0]));
function counters(r: Raw): DayCounters['c'] {
  return {
    n: r.n!, ms: r.ms!, learned: r.learned!, q: [r.q0!, r.q1!, r.q2!, r.q3!, r.q4!, r.q5!],
    youngN: r.young_n!, youngPass: r.young_pass!, matureN: r.mature_n!, maturePass: r.mature_pass!, graded: r.graded!, correct: r.correct!,
  };
}

/** Two prepared forms of one query: all sections (from the global table) and a section subset. */
interface Pair { all: ReturnType<Db['prepare']>; some: ReturnType<Db['prepare']> }

export class StatsRepo {
  private readonly sectionsStmt;
  private readonly dailyQ: Pair;
  private readonly hourQ: Pair;
  private readonly activeQ: Pair;
  private readonly bySectionQ: Pair;
  private readonly clsQ: Pair;
  private readonly dueQ: Pair;
  private readonly ivlQ: Pair;
  private readonly easeQ: Pair;
  private readonly mocksStmt;

  constructor(private readonly db: Db) {
    this.sectionsStmt = db.prepare<[], { id: number; path: string }>('SELECT id, path FROM stat_sections ORDER BY id');
    const pair = (all: string, some: string): Pair => ({ all: db.prepare(all), some: db.prepare(some) });
    const RANGE = 'day BETWEEN @from AND @to';
    this.dailyQ = pair(
      `SELECT day, mode, ${C.join(', ')} FROM stat_day WHERE ${RANGE}`,
      `SELECT day, mode, ${SUMS} FROM stat_section_day WHERE ${IN_IDS} AND ${RANGE} GROUP BY day, mode`,
    );
    this.hourQ = pair(
      `SELECT slot, sum(n) AS n, sum(pass) AS pass FROM stat_hour WHERE ${RANGE} GROUP BY slot`,
      // One row per (section, slot) in key order, summed by slot in srs/stats/hourly.ts: no sort here.
      `SELECT slot, sum(n) AS n, sum(pass) AS pass FROM stat_section_hour WHERE ${IN_IDS} AND ${RANGE} GROUP BY section_id, slot`,
    );
    this.activeQ = pair(
      `SELECT day FROM stat_day GROUP BY day HAVING sum(n) > 0 ORDER BY day DESC`,
      `SELECT day FROM stat_section_day WHERE ${IN_IDS} GROUP BY day HAVING sum(n) > 0 ORDER BY day DESC`,
    );
    // Grouped by section only (the key's first column, so no sort); mock answers summed apart.
    const MOCK = "sum(CASE WHEN mode = 'mock' THEN n ELSE 0 END) AS mock_n, sum(CASE WHEN mode = 'mock' THEN q3 + q4 + q5 ELSE 0 END) AS mock_pass";
    // Only the sums mastery uses: this scan covers days × sections rows when the range is 'all'.
    const MASTERY = 'sum(n) AS n, sum(young_n) AS young_n, sum(young_pass) AS young_pass, sum(graded) AS graded, sum(correct) AS correct';
    this.bySectionQ = pair(
      `SELECT section_id, ${MASTERY}, ${MOCK} FROM stat_section_day WHERE ${RANGE} GROUP BY section_id`,
      `SELECT section_id, ${MASTERY}, ${MOCK} FROM stat_section_day WHERE ${IN_IDS} AND ${RANGE} GROUP BY section_id`,
    );
    const cardPair = (cols: string, table: string, group: string, where = 'n != 0') =>
      pair(
        `SELECT ${cols} FROM ${table} WHERE ${where} GROUP BY ${group}`,
        `SELECT ${cols} FROM ${table} WHERE ${IN_IDS} AND ${where} GROUP BY ${group}`,
      );
    this.clsQ = cardPair('section_id, cls, sum(n) AS n, sum(ease_micro) AS ease_micro', 'stat_card_cls', 'section_id, cls');
    // Overdue cards collapse onto @today - 1 so the result stays one row per day.
    this.dueQ = cardPair('max(due_day, @today - 1) AS day, sum(n) AS n', 'stat_card_due', '1', 'n != 0 AND due_day <= @last');
    this.ivlQ = cardPair('ivl, sum(n) AS n', 'stat_card_ivl', 'ivl');
    this.easeQ = cardPair('bin, sum(n) AS n', 'stat_card_ease', 'bin');
    // A mock's study day comes from its logged answers (stored with the zone in force then);
    // a mock that logged none falls back to its finish time in today's zone.
    this.mocksStmt = db.prepare<[], MockScoreRow>(
      `SELECT m.id, m.finished_at AS finishedAt, m.score,
         (SELECT max(r.day) FROM mock_answers a JOIN reviews r ON r.id = a.review_id WHERE a.mock_id = m.id) AS day
       FROM mocks m WHERE m.status = 'finished' AND m.score IS NOT NULL AND m.finished_at IS NOT NULL ORDER BY m.finished_at`,
    );
  }

  sections(): { id: number; path: string[] }[] {
    return this.sectionsStmt.all().map((r) => ({ id: r.id, path: JSON.parse(r.path) as string[] }));
  }

  private run<T>(q: Pair, ids: number[] | null, params: Record<string, number> = {}): T[] {
    return (ids === null ? q.all.all(params) : q.some.all({ ...params, ids: JSON.stringify(ids) })) as T[];
  }

  daily(from: number, to: number, ids: number[] | null): DayCounters[] {
    const q = ids === null ? this.dailyQ.all : this.dailyQ.some;
    const rows = q.raw().all({ from, to, ...(ids === null ? {} : { ids: JSON.stringify(ids) }) }) as [number, DayCounters['mode'], ...number[]][];
    return rows.map((r) => ({
      day: r[0],
      mode: r[1],
      c: {
        n: r[2]!, ms: r[3]!, learned: r[4]!, q: [r[5]!, r[6]!, r[7]!, r[8]!, r[9]!, r[10]!],
        youngN: r[11]!, youngPass: r[12]!, matureN: r[13]!, maturePass: r[14]!, graded: r[15]!, correct: r[16]!,
      },
    }));
  }

  hourly(from: number, to: number, ids: number[] | null): HourRow[] {
    return this.run<HourRow>(this.hourQ, ids, { from, to });
  }

  /** Days with at least one answer, newest first. */
  activeDays(ids: number[] | null): number[] {
    return this.run<{ day: number }>(this.activeQ, ids).map((r) => r.day);
  }

  /** Per-section answer counts for mastery: n, retention, problem and mock counters (others are 0). */
  bySection(from: number, to: number, ids: number[] | null): SectionCounters[] {
    return this.run<Raw>(this.bySectionQ, ids, { from, to }).map((r) => ({
      sectionId: r.section_id!,
      c: { ...counters({ ...ZERO_ROW, ...r }) },
      mockN: r.mock_n!,
      mockPass: r.mock_pass!,
    }));
  }

  cardClasses(ids: number[] | null): CardClassRow[] {
    return this.run<{ section_id: number; cls: number; n: number; ease_micro: number }>(this.clsQ, ids).map((r) => ({
      sectionId: r.section_id, cls: r.cls, n: r.n, easeSum: r.ease_micro / 1e6,
    }));
  }

  /** Active reviewed cards by due day up to `last`; everything overdue comes back as day `today - 1`. */
  due(today: number, last: number, ids: number[] | null): DueRow[] {
    return this.run<DueRow>(this.dueQ, ids, { today, last });
  }

  intervals(ids: number[] | null): { ivl: number; n: number }[] {
    return this.run(this.ivlQ, ids);
  }

  /** Ease histogram: bin b holds ease in [b/10, (b+1)/10). */
  ease(ids: number[] | null): { bin: number; n: number }[] {
    return this.run(this.easeQ, ids);
  }

  mockScores(): MockScoreRow[] {
    return this.mocksStmt.all();
  }

  /** Recompute every aggregate from the base tables; the triggers make this unnecessary except after bulk loads. */
  rebuild(): void {
    this.db.transaction(() => rebuildStats(this.db))();
  }

  /**
   * Run a bulk load with the stat triggers dropped, then rebuild once: per-row
   * triggers would triple the cost of inserting a million generated reviews.
   * All in one transaction, so a failure leaves triggers and data as they were.
   */
  bulk<T>(fn: () => T): T {
    // A big transaction spills to the WAL and then reads itself back slowly;
    // a larger page cache for the duration keeps it in memory.
    const cache = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma('cache_size = -262144');
    try {
      return this.db.transaction(() => {
        const triggers = this.db
          .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'stat\\_%' ESCAPE '\\'")
          .all();
        for (const t of triggers) this.db.exec(`DROP TRIGGER ${t.name}`);
        const out = fn();
        rebuildStats(this.db);
        for (const t of triggers) this.db.exec(t.sql);
        return out;
      })();
    } finally {
      this.db.pragma(`cache_size = ${cache}`);
    }
  }

  /**
   * The same bulk load as `bulk`, opened and closed by hand, for a load that
   * runs in steps across event-loop turns (an import reporting progress).
   * Exactly one of `commit` / `rollback` must follow; until then the
   * connection is inside the transaction, so the caller keeps every other
   * writer out (service/progress/gate.ts).
   */
  bulkBegin(): { commit(): void; rollback(): void } {
    const cache = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma('cache_size = -262144');
    let open = false;
    const end = (sql: 'COMMIT' | 'ROLLBACK') => {
      if (!open) return;
      open = false;
      try {
        if (this.db.inTransaction) this.db.exec(sql);
      } catch (err) {
        // A COMMIT that fails (disk full, I/O) must not leave the connection inside the transaction.
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      } finally {
        this.db.pragma(`cache_size = ${cache}`);
      }
    };
    try {
      this.db.exec('BEGIN IMMEDIATE');
      open = true;
    } catch (err) {
      this.db.pragma(`cache_size = ${cache}`);
      throw err;
    }
    const triggers = this.db
      .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'stat\\_%' ESCAPE '\\'")
      .all();
    try {
      for (const t of triggers) this.db.exec(`DROP TRIGGER ${t.name}`);
    } catch (err) {
      end('ROLLBACK');
      throw err;
    }
    return {
      commit: () => {
        try {
          rebuildStats(this.db);
          for (const t of triggers) this.db.exec(t.sql);
        } catch (err) {
          end('ROLLBACK');
          throw err;
        }
        end('COMMIT');
      },
      rollback: () => end('ROLLBACK'),
    };
  }

  /** Every aggregate row, for the consistency test. */
  snapshot(): Record<string, unknown[]> {
    const out: Record<string, unknown[]> = {};
    for (const t of STAT_TABLES) out[t] = this.db.prepare(`SELECT * FROM ${t} WHERE n != 0 ORDER BY 1, 2, 3`).raw().all();
    return out;
  }
}
