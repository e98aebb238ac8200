// RFC 4180 CSV that spreadsheets open directly: UTF-8 with a BOM (Excel needs
// it to read Chinese), CRLF line ends, a header row, ISO dates. Fields are
// quoted only when they hold a comma, quote, CR or LF; quotes are doubled.
// A leading = + - @ is left as is: these files are data for the user's own
// spreadsheet, and prefixing a quote would corrupt negative numbers.
import { dayToIso } from '../../srs/day.ts';
import { CSV_CARD_MARK, CSV_ODD_ROW, type CardExportRow, type ExportReader, type ReviewExportRow } from '../../db/export.ts';
import { dailyRows, DAILY_HEADER } from './daily.ts';
import type { Sink } from './atomic.ts';

export const BOM = '\uFEFF';
export const SECTION_SEPARATOR = ' › ';

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: readonly unknown[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** Section paths repeat on every row; parse each distinct JSON path once. */
function sectionJoiner(): (json: string) => string {
  const cache = new Map<string, string>();
  return (json) => {
    let s = cache.get(json);
    if (s === undefined) {
      try {
        s = (JSON.parse(json) as string[]).join(SECTION_SEPARATOR);
      } catch {
        s = json;
      }
      cache.set(json, s);
    }
    return s;
  };
}

export const REVIEWS_HEADER = ['review_id', 'time', 'study_day', 'card_id', 'section', 'kind', 'quality', 'elapsed_ms',
  'interval_before', 'ease_before', 'interval_after', 'ease_after', 'mode', 'correct', 'mock_id'];

const num = (v: number | null) => (v === null ? '' : String(v));
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/**
 * ISO strings without two Date objects per row: dates are cached per day
 * (a profile spans thousands of days at most) and times are built from
 * integer arithmetic. A million rows spend most of their time on dates otherwise.
 */
export function isoFormatter(): { day(day: number): string; time(ms: number): string } {
  const cache = new Map<number, string>();
  const day = (d: number) => {
    let iso = cache.get(d);
    if (iso === undefined) cache.set(d, (iso = dayToIso(d)));
    return iso;
  };
  const time = (ms: number) => {
    const d = Math.floor(ms / 86_400_000);
    if (d < 0 || d > 2_900_000) return new Date(ms).toISOString(); // outside 1970–9999: let Date handle it
    let t = ms - d * 86_400_000;
    const h = Math.floor(t / 3_600_000);
    t -= h * 3_600_000;
    const m = Math.floor(t / 60_000);
    t -= m * 60_000;
    const sec = Math.floor(t / 1000);
    return `${day(d)}T${pad2(h)}:${pad2(m)}:${pad2(sec)}.${pad3(t - sec * 1000)}Z`;
  };
  return { day, time };
}

/** A review line up to its card fields: `id,time,study_day,`. */
export const reviewHead = (r: ReviewExportRow, iso: ReturnType<typeof isoFormatter>, studyIso: ReturnType<typeof isoFormatter>) =>
  `${r[0]},${iso.time(r[1])},${studyIso.day(r[2])},`;

/** A review line after its card fields: `,quality,…,mock_id` and CRLF. */
export function reviewTail(r: ReviewExportRow): string {
  const [, , , , quality, elapsed, ivlB, easeB, ivlA, easeA, mode, correct, mockId] = r;
  return `,${quality},${elapsed},${num(ivlB)},${num(easeB)},${ivlA},${easeA},${mode},${num(correct)},${num(mockId)}\r\n`;
}

/** Hand-rolled for the million-row case: only the text fields can need quoting. */
export function reviewLine(
  r: ReviewExportRow,
  label: { section: string; kind: string } | undefined,
  iso: ReturnType<typeof isoFormatter>,
  studyIso: ReturnType<typeof isoFormatter>,
): string {
  return `${reviewHead(r, iso, studyIso)}${csvField(r[3])},${label?.section ?? ''},${label?.kind ?? ''}${reviewTail(r)}`;
}

export const CARDS_HEADER = ['card_id', 'deck', 'kind', 'section', 'key', 'state', 'repetitions', 'ease', 'interval_days', 'due',
  'lapses', 'last_review_day', 'suspended', 'retired_at', 'template_id'];

export function cardState(r: CardExportRow): string {
  if (r.retired_at !== null) return 'retired';
  if (r.suspended) return 'suspended';
  if (r.interval_days === null) return 'new';
  if (r.interval_days < 1) return 'learning';
  return r.interval_days >= 21 ? 'mature' : 'young';
}

export function cardLine(r: CardExportRow, section: (json: string) => string): string {
  return csvLine([r.id, r.deck_id, r.kind, section(r.section), r.card_key, cardState(r), r.repetitions, r.ease_factor, r.interval_days,
    r.due_day === null ? null : dayToIso(r.due_day), r.lapses, r.last_day === null ? null : dayToIso(r.last_day), r.suspended ? 1 : 0,
    r.retired_at === null ? null : new Date(r.retired_at).toISOString(), r.template_id]);
}

export type Progress = (done: number) => void;

const CHUNK_BYTES = 1 << 20;

/** Text into 1 MB byte chunks handed to the sink whole (the stream keeps a chunk until it is written). */
class ChunkWriter {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private at = 0;
  constructor(private readonly sink: Sink) {}

  async text(s: string, encoding: 'utf8' | 'latin1'): Promise<void> {
    // UTF-8 needs at most 3 bytes per UTF-16 unit; latin1 one byte per char.
    const max = encoding === 'latin1' ? s.length : s.length * 3;
    if (this.at + max > CHUNK_BYTES) {
      await this.flush();
      if (max > CHUNK_BYTES) {
        const wait = this.sink.write(encoding === 'latin1' ? Buffer.from(s, 'latin1') : s);
        if (wait) await wait;
        return;
      }
    }
    this.at += this.chunk.write(s, this.at, encoding);
  }

  async flush(): Promise<void> {
    if (this.at === 0) return;
    const full = this.chunk.subarray(0, this.at);
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.at = 0;
    await this.sink.write(full);
  }
}

/**
 * Stream rows from an iterator to the sink, reporting progress every few
 * thousand rows. Each line is encoded straight into a 1 MB byte chunk: a
 * line string then dies young, instead of a 256 KB string of ropes that
 * survives into the old generation (on a million rows that garbage cost more
 * than everything else together).
 */
async function pump<T>(sink: Sink, header: string[], rows: Iterable<T>, line: (r: T) => string, progress?: Progress): Promise<number> {
  await sink.write(BOM + csvLine(header));
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let at = 0;
  const flush = async () => {
    if (at === 0) return;
    const full = chunk.subarray(0, at);
    chunk = Buffer.allocUnsafe(CHUNK_BYTES); // the stream keeps the old one until it is written
    at = 0;
    await sink.write(full);
  };
  let n = 0;
  for (const r of rows) {
    const text = line(r);
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (at + text.length * 3 > CHUNK_BYTES) {
      await flush();
      if (text.length * 3 > CHUNK_BYTES) {
        const wait = sink.write(text);
        if (wait) await wait;
        if (++n % 5000 === 0) progress?.(n);
        continue;
      }
    }
    at += chunk.write(text, at);
    if (++n % 5000 === 0) progress?.(n);
  }
  await flush();
  progress?.(n);
  return n;
}

/** A string as a "byte string": one char per UTF-8 byte, so latin1 writes give back exactly those bytes. */
const asBytes = (s: string) => (/^[\x00-\x7f]*$/.test(s) ? s : Buffer.from(s, 'utf8').toString('latin1'));

/** Bytes that make an id need quoting or re-encoding (see asBytes): none in the usual ASCII ids. */
const NOT_PLAIN = /[",\r\n\x80-\xfe]/;

/** One (section JSON, kind, ids) group as ExportReader.cardLabelGroups reads it; ids may arrive from a worker as a plain Uint8Array. */
export type CardLabelGroup = [section: string, kind: string, ids: Uint8Array];

/** A byte string as one flat sequential string (not a rope of the pieces it was built from). */
const flat = (s: string) => Buffer.from(s, 'latin1').toString('latin1');

/**
 * The part of reviews.csv that SQLite leaves to JS: each line's
 * `\xFF<card id>\xFF` becomes the card's quoted id, section and kind. One
 * splicer serves the in-process export and the pipelined one (the worker
 * formats, this thread splices), so both give the same bytes.
 *
 * The map is card id (as the bytes SQLite holds it) → `card_id,section,kind`,
 * quoted and as a byte string. Memory grows with cards, never with reviews.
 * Built a (section, kind) group at a time (ExportReader.cardLabelGroups): the
 * shared tail is built once per group, and a group whose ids are all plain
 * ASCII (one regexp test over the whole group) uses each id's bytes as they
 * are. Each value is copied into one flat string: the splice joins it a
 * million times, and a concatenation left as a rope costs more to copy each time.
 */
export class ReviewsSplicer {
  private readonly fields = new Map<string, string>();
  private readonly mark = String.fromCharCode(CSV_CARD_MARK);

  constructor(groups: Iterable<CardLabelGroup>) {
    const section = sectionJoiner();
    for (const [json, kind, ids] of groups) {
      const tail = `,${asBytes(csvField(section(json)))},${asBytes(csvField(kind))}`;
      const text = Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength).toString('latin1');
      const plain = !NOT_PLAIN.test(text);
      for (const key of text.split(this.mark)) {
        const id = plain ? key : asBytes(csvField(Buffer.from(key, 'latin1').toString('utf8')));
        this.fields.set(key, flat(id + tail));
      }
    }
  }

  /**
   * One formatted batch (odd rows already resolved, see resolveOddRows) as
   * the final lines, a latin1 byte string (one char per byte, so UTF-8 passes
   * through untouched), and how many lines it holds.
   */
  splice(body: Uint8Array): { text: string; rows: number } {
    const parts = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1').split(this.mark);
    if (parts.length % 2 !== 1) throw new Error('reviews.csv: a formatted batch has an unpaired card mark');
    for (let i = 1; i < parts.length; i += 2) {
      const key = parts[i]!;
      const f = this.fields.get(key);
      if (f !== undefined) parts[i] = f;
      // A review of a card that is gone (only in a hand-edited file): its id, empty section and kind.
      else parts[i] = `${asBytes(csvField(Buffer.from(key, 'latin1').toString('utf8')))},,`;
    }
    return { text: parts.join(''), rows: (parts.length - 1) / 2 };
  }
}

const ODD_MARK = Buffer.from([CSV_CARD_MARK, CSV_ODD_ROW]);
const ODD_ROW = new RegExp(`${String.fromCharCode(CSV_CARD_MARK, CSV_ODD_ROW)}(\\d+)${String.fromCharCode(CSV_CARD_MARK)}`, 'g');

/**
 * A batch with each `\xFF\xFE<review id>\xFF` (a row whose time SQLite's date
 * functions cannot show) replaced by the line reviewLine formats, its card
 * fields left as `\xFF<card id>\xFF` for the splicer like every other line.
 * Done where the reader is (the worker, in the pipelined export). Batches
 * without such rows (all of them, on a sane clock) come back as they are,
 * after one native search.
 */
export function resolveOddRows(reader: ExportReader, body: Buffer, iso = isoFormatter(), studyIso = isoFormatter()): Buffer {
  if (body.indexOf(ODD_MARK) < 0) return body;
  const mark = String.fromCharCode(CSV_CARD_MARK);
  const text = body.toString('latin1').replace(ODD_ROW, (_m, id: string) => {
    const r = reader.reviewById(Number(id))!;
    return `${asBytes(reviewHead(r, iso, studyIso))}${mark}${asBytes(r[3])}${mark}${asBytes(reviewTail(r))}`;
  });
  return Buffer.from(text, 'latin1');
}

/** BOM and header row of reviews.csv. */
export const REVIEWS_PREAMBLE = BOM + csvLine(REVIEWS_HEADER);

/**
 * Splice and write formatted batches, reporting progress every 5,000 rows:
 * the half of reviews.csv after SQLite, shared by both ways of exporting.
 * Each spliced batch goes straight into the 1 MB output chunks.
 */
export class ReviewsCsvWriter {
  private readonly out: ChunkWriter;
  rows = 0;

  constructor(
    sink: Sink,
    private readonly splicer: ReviewsSplicer,
    private readonly progress?: Progress,
  ) {
    this.out = new ChunkWriter(sink);
  }

  start(): Promise<void> {
    return this.out.text(REVIEWS_PREAMBLE, 'utf8');
  }

  async batch(body: Uint8Array): Promise<void> {
    const { text, rows } = this.splicer.splice(body);
    await this.out.text(text, 'latin1');
    const before = Math.floor(this.rows / 5000);
    this.rows += rows;
    if (Math.floor(this.rows / 5000) > before) this.progress?.(this.rows);
  }

  async end(): Promise<number> {
    await this.out.flush();
    this.progress?.(this.rows);
    return this.rows;
  }
}

/**
 * reviews.csv on this thread. SQLite formats each batch of 1,000 rows into
 * one buffer (ExportReader.reviewsCsvBatch); ReviewsSplicer puts in each
 * line's card fields: a million rows cost a thousand native calls and no
 * per-row strings from SQLite. The rare row whose time SQLite's date
 * functions cannot show is formatted by reviewLine, in its place
 * (resolveOddRows). The fallback of the pipelined export (reviewsCsvPipe.ts),
 * which gives the same bytes.
 */
export async function writeReviewsCsv(reader: ExportReader, sink: Sink, progress?: Progress): Promise<number> {
  const w = new ReviewsCsvWriter(sink, new ReviewsSplicer(reader.cardLabelGroups()), progress);
  await w.start();
  const iso = isoFormatter();
  const studyIso = isoFormatter();
  for (let after = 0; ; ) {
    const { last, body } = reader.reviewsCsvBatch(after);
    if (last === null || body === null) break;
    await w.batch(resolveOddRows(reader, body, iso, studyIso));
    after = last;
  }
  return w.end();
}

export function writeCardsCsv(reader: ExportReader, sink: Sink, progress?: Progress): Promise<number> {
  const section = sectionJoiner();
  return pump(sink, CARDS_HEADER, reader.cards(), (r) => cardLine(r, section), progress);
}

export function writeDailyCsv(reader: ExportReader, sink: Sink, today: number): Promise<number> {
  return pump(sink, DAILY_HEADER, dailyRows(reader.stats.daily(-1e9, today, null), today), (r) => csvLine(r));
}
