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

/** Hand-rolled for the million-row case: only the text fields can need quoting. */
export function reviewLine(
  r: ReviewExportRow,
  label: { section: string; kind: string } | undefined,
  iso: ReturnType<typeof isoFormatter>,
  studyIso: ReturnType<typeof isoFormatter>,
): string {
  const [id, at, day, cardId, quality, elapsed, ivlB, easeB, ivlA, easeA, mode, correct, mockId] = r;
  return `${id},${iso.time(at)},${studyIso.day(day)},${csvField(cardId)},${label?.section ?? ''},${label?.kind ?? ''},${quality},${elapsed},${num(ivlB)},${num(easeB)},${ivlA},${easeA},${mode},${num(correct)},${num(mockId)}\r\n`;
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

/**
 * Card id (as the bytes SQLite holds it) → `card_id,section,kind` of a CSV
 * line, quoted and as a byte string: the part of a reviews.csv line that
 * SQLite leaves to us. Memory grows with cards, never with reviews. Read a
 * (section, kind) group at a time (ExportReader.cardLabelGroups): the shared
 * tail is built once per group, and a group whose ids are all plain ASCII
 * (one regexp test over the whole group) uses each id's bytes as they are.
 * Each value is copied into one flat string: the splice in writeReviewsCsv
 * joins it a million times, and a concatenation left as a rope costs more
 * to copy each time.
 */
function cardFields(reader: ExportReader): Map<string, string> {
  const section = sectionJoiner();
  const out = new Map<string, string>();
  for (const [json, kind, ids] of reader.cardLabelGroups()) {
    const tail = `,${asBytes(csvField(section(json)))},${asBytes(csvField(kind))}`;
    const text = ids.toString('latin1');
    const plain = !NOT_PLAIN.test(text);
    for (const key of text.split(String.fromCharCode(CSV_CARD_MARK))) {
      const id = plain ? key : asBytes(csvField(Buffer.from(key, 'latin1').toString('utf8')));
      out.set(key, flat(id + tail));
    }
  }
  return out;
}

/** A byte string as one flat sequential string (not a rope of the pieces it was built from). */
const flat = (s: string) => Buffer.from(s, 'latin1').toString('latin1');

/**
 * reviews.csv. SQLite formats each batch of 1,000 rows into one buffer
 * (ExportReader.reviewsCsvBatch); here each line's `\xFF<card id>\xFF` becomes
 * the card's quoted id, section and kind. The buffer is handled as a latin1
 * string (one char per byte, so UTF-8 passes through untouched) and goes
 * straight into the 1 MB output chunks: a million rows cost a thousand
 * native calls and no per-row strings from SQLite. The rare row whose time
 * SQLite's date functions cannot show comes as `\xFF\xFE<id>\xFF` and is
 * formatted by reviewLine, in its place.
 */
export async function writeReviewsCsv(reader: ExportReader, sink: Sink, progress?: Progress): Promise<number> {
  const fields = cardFields(reader);
  const mark = String.fromCharCode(CSV_CARD_MARK);
  const odd = String.fromCharCode(CSV_ODD_ROW);
  let oddLine: ((id: number) => string) | null = null;
  const oddRow = (id: number) => {
    if (!oddLine) {
      const section = sectionJoiner();
      const labels = new Map<string, { section: string; kind: string }>();
      for (const [cid, l] of reader.cardLabels()) labels.set(cid, { section: csvField(section(l.section)), kind: csvField(l.kind) });
      const iso = isoFormatter();
      const studyIso = isoFormatter();
      oddLine = (rid) => {
        const r = reader.reviewById(rid)!;
        return asBytes(reviewLine(r, labels.get(r[3]), iso, studyIso));
      };
    }
    return oddLine(id);
  };
  const out = new ChunkWriter(sink);
  await out.text(BOM + csvLine(REVIEWS_HEADER), 'utf8');
  let n = 0;
  let after = 0;
  for (;;) {
    const { last, body } = reader.reviewsCsvBatch(after);
    if (last === null || body === null) break;
    const parts = body.toString('latin1').split(mark);
    if (parts.length % 2 !== 1) throw new Error('reviews.csv: a formatted batch has an unpaired card mark');
    for (let i = 1; i < parts.length; i += 2) {
      const key = parts[i]!;
      const f = fields.get(key);
      if (f !== undefined) parts[i] = f;
      else if (key.startsWith(odd)) parts[i] = oddRow(Number(key.slice(1)));
      // A review of a card that is gone (only in a hand-edited file): its id, empty section and kind.
      else parts[i] = `${asBytes(csvField(Buffer.from(key, 'latin1').toString('utf8')))},,`;
    }
    await out.text(parts.join(''), 'latin1');
    const before = Math.floor(n / 5000);
    n += (parts.length - 1) / 2;
    if (Math.floor(n / 5000) > before) progress?.(n);
    after = last;
  }
  await out.flush();
  progress?.(n);
  return n;
}

export function writeCardsCsv(reader: ExportReader, sink: Sink, progress?: Progress): Promise<number> {
  const section = sectionJoiner();
  return pump(sink, CARDS_HEADER, reader.cards(), (r) => cardLine(r, section), progress);
}

export function writeDailyCsv(reader: ExportReader, sink: Sink, today: number): Promise<number> {
  return pump(sink, DAILY_HEADER, dailyRows(reader.stats.daily(-1e9, today, null), today), (r) => csvLine(r));
}
