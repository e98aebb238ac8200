// Reads for exports, on a separate read-only connection: better-sqlite3 does
// not let a connection run anything else while an iterator is open, and an
// export streams for seconds with awaits in between. In WAL mode this
// connection also sees one consistent snapshot for the whole export.
import Database from 'better-sqlite3';
import type { Db } from './open.ts';
import { StatsRepo } from './stats.ts';
import type { CardRow, StateRow } from './rows.ts';

/** A review row as an array, in the statement's column order (raw rows skip an object per row). */
export type ReviewExportRow = [
  id: number, reviewed_at: number, day: number, card_id: string, quality: number, elapsed_ms: number, ivl_before: number | null,
  ease_before: number | null, ivl_after: number, ease_after: number, mode: string, correct: number | null, mock_id: number | null,
];

/** A card row as the export query selects it: the card's columns plus its state (null for new cards). */
export type CardExportRow = { rowid: number } & Pick<
  CardRow,
  'id' | 'deck_id' | 'kind' | 'section' | 'card_key' | 'front' | 'back' | 'links' | 'template_id' | 'ord' | 'suspended' | 'retired_at'
> & { [K in Exclude<keyof StateRow, 'card_id'>]: StateRow[K] | null };

/** Tables a JSON export copies verbatim: everything but SQLite's own and the derived stat_* aggregates. */
const TABLES_SQL = `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
  AND name NOT LIKE 'stat\\_%' ESCAPE '\\' ORDER BY rowid`;

/**
 * One batch of reviews.csv as SQLite formats it: `last` is the batch's highest
 * review id (null when there were none), `body` its lines as UTF-8 bytes in id
 * order. Each line carries `\xFF<card id>\xFF` where the card's id, section and
 * kind go; a review whose time SQLite's date functions cannot show (outside
 * 1970–9999, a broken clock) is only `\xFF\xFE<review id>\xFF`, for the caller
 * to format from reviewById. 0xFF and 0xFE never occur in UTF-8 text, so no
 * stored value can be mistaken for a mark.
 */
export interface ReviewCsvBatch {
  last: number | null;
  body: Buffer | null;
}

export const CSV_CARD_MARK = 0xff;
export const CSV_ODD_ROW = 0xfe;

/** Times SQLite's date functions can show (1970-01-01 to 9999-12-31, as ms and as study days). */
const CSV_DATES_OK = 'at BETWEEN 0 AND 253402300799999 AND day BETWEEN 0 AND 2932896';

/**
 * A REAL as text that reads back as the same double. SQLite's own conversion
 * keeps 15 significant digits (2.3600000000000003 → "2.36", a different
 * number); where that loses the value, 17 digits keep it. EF is never rounded
 * in storage (DESIGN.md), so it is not rounded on its way out either.
 *
 * SQLite's REAL → TEXT conversion costs ~0.4 µs, and checking it reads back
 * costs as much again: on a million reviews the two EFs were half of the
 * whole export. Most EFs are a whole number of hundredths (2.5, 2.36, 1.3:
 * SM-2's steps), so `hundredths` (the column × 100, rounded to an integer, in
 * the batch's inner select) is tried first: when k / 100.0 is exactly the
 * stored double, the double is the one nearest to the decimal k/100, which
 * has at most 14 significant digits below 1e12, so SQLite's 15-digit text is
 * that decimal: k / 100, a point, and the hundredths without a trailing zero
 * (at least one digit: "2.0", "2.5", "2.05"). Built from integers by printf,
 * it is the same text for a fraction of the cost. `col > 0` keeps -0.0 and
 * negatives (signs) on the general path; a TEXT or BLOB value never equals
 * the REAL k / 100.0, so it takes the general path too.
 */
export const exactRealSql = (col: string, hundredths: string) =>
  `CASE WHEN ${col} IS NULL THEN ''
     WHEN ${col} > 0 AND ${col} < 1e12 AND ${hundredths} / 100.0 = ${col} THEN
       CASE WHEN ${hundredths} % 10 = 0 THEN printf('%d.%d', ${hundredths} / 100, ${hundredths} % 100 / 10)
         ELSE printf('%d.%02d', ${hundredths} / 100, ${hundredths} % 100) END
     WHEN CAST(CAST(${col} AS TEXT) AS REAL) = ${col} THEN CAST(${col} AS TEXT) ELSE printf('%!.17g', ${col}) END`;

/** Rows per reviews.csv batch: one native call and one ~100 KB buffer each. */
export const CSV_BATCH = 1000;

export class ExportReader {
  readonly stats: StatsRepo;
  private readonly reviewsStmt;
  private readonly labelsStmt;
  private readonly labelGroupsStmt;
  private readonly reviewsCsvStmt;
  private readonly reviewByIdStmt;
  private readonly cardsStmt;
  private readonly countsStmt;

  private constructor(readonly db: Db) {
    this.stats = new StatsRepo(db);
    // No join: looking up each review's card costs ~20 µs of random page reads per row on
    // a large profile; cardLabels() holds the few bytes per card the rows need instead.
    this.reviewsStmt = db
      .prepare<{ after: number; limit: number }>(
        `SELECT id, reviewed_at, day, card_id, quality, elapsed_ms, ivl_before, ease_before, ivl_after, ease_after, mode, correct, mock_id
         FROM reviews WHERE id > @after AND undone_at IS NULL ORDER BY id LIMIT @limit`,
      )
      .raw();
    this.labelsStmt = db
      .prepare<{ after: number; limit: number }>('SELECT rowid, id, section, kind FROM cards WHERE rowid > @after ORDER BY rowid LIMIT @limit')
      .raw();
    // One row per (section, kind) with its cards' ids in one blob: a hundred
    // rows instead of 100,000 (and no JS string per card for the section and
    // kind, which repeat). Ids are UTF-8 text, where the 0xFF separator cannot
    // occur (see ReviewCsvBatch).
    this.labelGroupsStmt = db
      .prepare<[]>(`SELECT section, kind, CAST(group_concat(id, CAST(x'FF' AS TEXT)) AS BLOB) FROM cards GROUP BY section, kind`)
      .raw();
    // reviews.csv with SQLite doing all the formatting in C and handing over one
    // buffer per batch (group_concat as a BLOB: no JS string per row or per
    // field). The inner select reads each row once (it runs as a co-routine, so
    // each EF's hundredths are computed once); the time is its UTC date plus integer
    // arithmetic, cheaper than strftime and the same for integer ms in range.
    // The card's id, section and kind are left to the caller (a join would
    // cost a random B-tree lookup per review): see ReviewCsvBatch.
    // Columns as REVIEWS_HEADER in service/export/csv.ts.
    const mark = "CAST(x'FF' AS TEXT)";
    this.reviewsCsvStmt = db
      .prepare<{ after: number }>(
        `SELECT max(id), CAST(group_concat(CASE WHEN ${CSV_DATES_OK}
           THEN printf('%d,%sT%02d:%02d:%02d.%03dZ,%s,%s%s%s,%d,%d,%s,%s,%d,%s,%s,%s,%s' || char(13, 10),
             id, date(at / 86400000 * 86400, 'unixepoch'), at / 3600000 % 24, at / 60000 % 60, at / 1000 % 60, at % 1000,
             date(day * 86400, 'unixepoch'), ${mark}, card_id, ${mark}, quality, elapsed_ms, ivl_before, ${exactRealSql('eb', 'eb_k')},
             ivl_after, ${exactRealSql('ea', 'ea_k')}, mode, correct, mock_id)
           ELSE printf('%s%s%d%s', ${mark}, CAST(x'FE' AS TEXT), id, ${mark}) END, '') AS BLOB)
         FROM (SELECT id, reviewed_at AS at, day, card_id, quality, elapsed_ms, ivl_before, ease_before AS eb,
                 CAST(round(ease_before * 100) AS INTEGER) AS eb_k, ivl_after, ease_after AS ea, CAST(round(ease_after * 100) AS INTEGER) AS ea_k,
                 mode, correct, mock_id
               FROM reviews WHERE id > @after AND undone_at IS NULL ORDER BY id LIMIT ${CSV_BATCH})`,
      )
      .raw();
    this.reviewByIdStmt = db.prepare<[number]>(
      `SELECT id, reviewed_at, day, card_id, quality, elapsed_ms, ivl_before, ease_before, ivl_after, ease_after, mode, correct, mock_id
       FROM reviews WHERE id = ?`,
    ).raw();
    this.cardsStmt = db.prepare<{ after: number; limit: number }, CardExportRow>(
      `SELECT c.rowid, c.id, c.deck_id, c.kind, c.section, c.card_key, c.front, c.back, c.links, c.template_id, c.ord, c.suspended, c.retired_at,
         s.repetitions, s.ease_factor, s.interval_days, s.due_day, s.lapses, s.last_day
       FROM cards c LEFT JOIN card_state s ON s.card_id = c.id WHERE c.rowid > @after ORDER BY c.rowid LIMIT @limit`,
    );
    // Non-undone reviews counted from the aggregates: exact, and free.
    this.countsStmt = db.prepare<[], { reviews: number; cards: number; mocks: number }>(
      `SELECT (SELECT ifnull(sum(n), 0) FROM stat_day) AS reviews, (SELECT count(*) FROM cards) AS cards,
         (SELECT count(*) FROM mocks) AS mocks`,
    );
  }

  /** Open `file` read-only and pin a snapshot; close() releases it. */
  static open(file: string, nativeBinding?: string): ExportReader {
    const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    db.exec('BEGIN');
    // The snapshot starts at the first read, so read something now.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return new ExportReader(db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  counts(): { reviews: number; cards: number; mocks: number } {
    return this.countsStmt.get()!;
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /**
   * Non-undone reviews with id > after, oldest first; limit -1 for all.
   * Read in batches of .all() rather than one .iterate(): better-sqlite3's
   * iterator costs a native round trip per row, a batch one per 10,000
   * (the reader's transaction keeps every batch in the same snapshot).
   */
  *reviews(after = 0, limit = -1): IterableIterator<ReviewExportRow> {
    const BATCH = 10_000;
    let left = limit < 0 ? Number.POSITIVE_INFINITY : limit;
    let last = after;
    while (left > 0) {
      const rows = this.reviewsStmt.all({ after: last, limit: Math.min(BATCH, left) }) as ReviewExportRow[];
      yield* rows;
      if (rows.length < BATCH) return;
      last = rows[rows.length - 1]![0];
      left -= rows.length;
    }
  }

  /** The next reviews.csv batch (ReviewCsvBatch): up to CSV_BATCH non-undone reviews with id > after, formatted by SQLite. */
  reviewsCsvBatch(after: number): ReviewCsvBatch {
    const [last, body] = this.reviewsCsvStmt.get({ after }) as [number | null, Buffer | null];
    return { last, body };
  }

  /** One review as an export row, for the rare reviews.csv line SQLite cannot format. */
  reviewById(id: number): ReviewExportRow | undefined {
    return this.reviewByIdStmt.get(id) as ReviewExportRow | undefined;
  }

  /** [card id, section (JSON), kind] of every card, read 10,000 at a time (a native round trip per row costs more than the row). */
  *cardLabelRows(): IterableIterator<[id: string, section: string, kind: string]> {
    const BATCH = 10_000;
    let last = 0;
    for (;;) {
      const rows = this.labelsStmt.all({ after: last, limit: BATCH }) as [number, string, string, string][];
      for (const r of rows) yield [r[1], r[2], r[3]];
      if (rows.length < BATCH) return;
      last = rows[rows.length - 1]![0];
    }
  }

  /**
   * Every card's id grouped by section (JSON) and kind: `ids` holds the
   * group's ids as UTF-8 bytes, each followed by 0xFF but the last. For
   * reviews.csv's labels: memory grows with cards, never with reviews.
   */
  *cardLabelGroups(): IterableIterator<[section: string, kind: string, ids: Buffer]> {
    yield* this.labelGroupsStmt.iterate() as IterableIterator<[string, string, Buffer]>;
  }

  /** Card id → section (JSON) and kind: memory grows with cards, never with reviews. */
  cardLabels(): Map<string, { section: string; kind: string }> {
    const out = new Map<string, { section: string; kind: string }>();
    for (const [id, section, kind] of this.cardLabelRows()) out.set(id, { section, kind });
    return out;
  }

  cards(after = 0, limit = -1): IterableIterator<CardExportRow> {
    return this.cardsStmt.iterate({ after, limit });
  }

  tables(): string[] {
    return this.db.prepare<[], { name: string }>(TABLES_SQL).all().map((r) => r.name);
  }

  /** Every row of a table from tables(); the name is checked against that list, never interpolated from input. */
  rows(table: string): IterableIterator<Record<string, unknown>> {
    if (!this.tables().includes(table)) throw new Error(`not an exportable table: ${table}`);
    return this.db.prepare(`SELECT * FROM "${table}"`).iterate() as IterableIterator<Record<string, unknown>>;
  }

  /** Reviews for Anki's revlog: every non-undone answer with its before/after state. */
  revlog(): IterableIterator<{ card_id: string; reviewed_at: number; quality: number; elapsed_ms: number; ivl_before: number | null; ivl_after: number; ease_after: number; mode: string; reps_before: number | null }> {
    return this.db
      .prepare(
        `SELECT card_id, reviewed_at, quality, elapsed_ms, ivl_before, ivl_after, ease_after, mode, reps_before
         FROM reviews WHERE undone_at IS NULL ORDER BY reviewed_at, id`,
      )
      .iterate() as never;
  }

  /** A stored card image by `<sha256>.<ext>` for the .apkg; null when the profile has no media table or no such file. */
  media(name: string): Buffer | null {
    if (this.mediaStmt === undefined) {
      const has = this.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'media'").get();
      this.mediaStmt = has ? this.db.prepare<[string], Buffer>('SELECT data FROM media WHERE name = ?').pluck() : null;
    }
    return this.mediaStmt?.get(name) ?? null;
  }

  private mediaStmt: Database.Statement<[string], Buffer> | null | undefined;

  decks(): { id: string; name: string }[] {
    return this.db.prepare<[], { id: string; name: string }>('SELECT id, name FROM decks ORDER BY rowid').all();
  }

  settings(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const r of this.db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings').all()) {
      try {
        out[r.key] = JSON.parse(r.value);
      } catch {
        // a hand-edited bad value: the service falls back to defaults for it
      }
    }
    return out;
  }
}
