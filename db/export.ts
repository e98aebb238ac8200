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

/** [id, `id,time,study_day,card_id,` (formatted), card_id, `,quality,…,mock_id\r\n`]: the card's section and kind go between. */
export type ReviewCsvParts = [id: number, head: string, cardId: string, rest: string];

/** Times SQLite's date functions can show (1970-01-01 to 9999-12-31, as ms and as study days). */
// `+day`: never let the planner walk the day index for this filter (it would sort every batch by id).
const CSV_DATES_OK = 'reviewed_at BETWEEN 0 AND 253402300799999 AND +day BETWEEN 0 AND 2932896';

/** A text column as a CSV field: quoted only when it holds a comma, quote, CR or LF. */
const csvText = (col: string) =>
  `CASE WHEN ${col} GLOB '*[",' || char(13, 10) || ']*' THEN '"' || replace(${col}, '"', '""') || '"' ELSE ${col} END`;

/**
 * A REAL as text that reads back as the same double. SQLite's own conversion
 * keeps 15 significant digits (2.3600000000000003 → "2.36", a different
 * number); where that loses the value, 17 digits keep it. EF is never rounded
 * in storage (DESIGN.md), so it is not rounded on its way out either.
 */
const exactReal = (col: string) =>
  `CASE WHEN ${col} IS NULL THEN '' WHEN CAST(CAST(${col} AS TEXT) AS REAL) = ${col} THEN CAST(${col} AS TEXT) ELSE printf('%!.17g', ${col}) END`;

export class ExportReader {
  readonly stats: StatsRepo;
  private readonly reviewsStmt;
  private readonly labelsStmt;
  private readonly reviewsCsvStmt;
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
    this.labelsStmt = db.prepare('SELECT id, section, kind FROM cards').raw();
    // reviews.csv rows with SQLite doing the formatting (in C, one string per side of
    // the card's label) — see reviewsCsvLines. Columns as REVIEWS_HEADER in service/export/csv.ts.
    this.reviewsCsvStmt = db
      .prepare<{ after: number; limit: number }>(
        `SELECT id,
           id || ',' || strftime('%Y-%m-%dT%H:%M:%fZ', reviewed_at / 1000.0, 'unixepoch') || ',' || date(day * 86400, 'unixepoch') || ','
             || ${csvText('card_id')} || ',',
           card_id,
           ',' || quality || ',' || elapsed_ms || ',' || ifnull(ivl_before, '') || ',' || ${exactReal('ease_before')} || ','
             || ivl_after || ',' || ${exactReal('ease_after')} || ',' || mode || ',' || ifnull(correct, '') || ',' || ifnull(mock_id, '') || char(13, 10)
         FROM reviews WHERE id > @after AND undone_at IS NULL
           AND ${CSV_DATES_OK} ORDER BY id LIMIT @limit`,
      )
      .raw();
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

  /**
   * reviews.csv, batch by batch, formatted by SQLite in C (ReviewCsvParts):
   * the caller adds the card's section and kind from its small per-card map
   * (a join would read a card page per review). Rows whose time is outside
   * 1970–9999, which SQLite's date functions cannot show, are left to
   * \`reviewsOutsideCsvRange\`.
   */
  *reviewsCsvLines(): IterableIterator<ReviewCsvParts> {
    const BATCH = 10_000;
    let last = 0;
    for (;;) {
      const rows = this.reviewsCsvStmt.all({ after: last, limit: BATCH }) as ReviewCsvParts[];
      yield* rows;
      if (rows.length < BATCH) return;
      last = rows[rows.length - 1]![0];
    }
  }

  /** The few reviews reviewsCsvLines leaves out: times outside 1970–9999 (a broken clock). */
  reviewsOutsideCsvRange(): ReviewExportRow[] {
    return this.db
      .prepare(
        `SELECT id, reviewed_at, day, card_id, quality, elapsed_ms, ivl_before, ease_before, ivl_after, ease_after, mode, correct, mock_id
         FROM reviews WHERE undone_at IS NULL AND NOT (${CSV_DATES_OK}) ORDER BY id`,
      )
      .raw()
      .all() as ReviewExportRow[];
  }

  /** Card id → section (JSON) and kind: memory grows with cards, never with reviews. */
  cardLabels(): Map<string, { section: string; kind: string }> {
    const out = new Map<string, { section: string; kind: string }>();
    for (const [id, section, kind] of this.labelsStmt.iterate() as IterableIterator<[string, string, string]>) out.set(id, { section, kind });
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
