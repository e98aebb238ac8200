// Recompute the stat_* aggregates from the base tables in one pass over the
// review log. The same sums are defined in SQL (rebuildSql in migration 003,
// and the triggers); SQLite's GROUP BY needs ~60 s for a million reviews on a
// modest laptop because it sorts every row, while one streaming pass with
// hash maps takes a few seconds. A test checks all three agree.
import type { Db } from './open.ts';

export const STAT_TABLES = ['stat_day', 'stat_section_day', 'stat_hour', 'stat_section_hour', 'stat_card_cls', 'stat_card_due', 'stat_card_ivl', 'stat_card_ease'] as const;

const MODES = ['review', 'drill', 'mock'] as const;
const N_COUNTERS = 15;
// Numeric keys keep a million map updates cheap; day < 10^5 holds until the year 2243.
const DAYS = 100_000;

type Sums = Map<number, Float64Array>;

/** Entries in key order, which is each table's primary-key order: sorted inserts into a b-tree are far cheaper. */
function sorted(map: Sums): [number, Float64Array][] {
  return [...map].sort((x, y) => x[0] - y[0]);
}

function bump(map: Sums, key: number, size: number): Float64Array {
  let a = map.get(key);
  if (!a) map.set(key, (a = new Float64Array(size)));
  return a;
}

interface ReviewRow {
  0: number; // day
  1: string; // mode
  2: number; // quality
  3: number; // elapsed_ms
  4: number; // reps_before IS NULL
  5: number | null; // ivl_before
  6: number | null; // correct
  7: number; // reviewed_at
  8: string; // card_id
}

function reviewSums(db: Db, sectionOfCard: Map<string, number>) {
  const day: Sums = new Map();
  const sectionDay: Sums = new Map();
  const hour: Sums = new Map();
  const sectionHour: Sums = new Map();
  const rows = db
    .prepare(
      `SELECT day, mode, quality, elapsed_ms, reps_before IS NULL, ivl_before, correct, reviewed_at, card_id
       FROM reviews NOT INDEXED WHERE undone_at IS NULL`,
    )
    .raw()
    .iterate() as IterableIterator<ReviewRow>;
  const add = (a: Float64Array, r: ReviewRow) => {
    const q = r[2];
    const ivl = r[5] ?? 0;
    const counts = r[1] !== 'drill';
    a[0]! += 1;
    a[1]! += r[3];
    a[2]! += r[4];
    a[3 + q]! += 1;
    if (counts && ivl >= 1) {
      a[9]! += 1;
      if (q >= 3) a[10]! += 1;
    }
    if (counts && ivl >= 21) {
      a[11]! += 1;
      if (q >= 3) a[12]! += 1;
    }
    if (r[6] !== null) a[13]! += 1;
    if (r[6] === 1) a[14]! += 1;
  };
  for (const r of rows) {
    const mode = MODES.indexOf(r[1] as (typeof MODES)[number]);
    const sid = sectionOfCard.get(r[8])!;
    const slot = Math.floor((r[7] % 86_400_000) / 900_000);
    const pass = r[2] >= 3 ? 1 : 0;
    add(bump(day, r[0] * 4 + mode, N_COUNTERS), r);
    add(bump(sectionDay, (sid * DAYS + r[0]) * 4 + mode, N_COUNTERS), r);
    // Keys follow each table's primary key (slot first) so the sorted inserts run in key order.
    const h = bump(hour, slot * DAYS + r[0], 2);
    h[0]! += 1;
    h[1]! += pass;
    const sh = bump(sectionHour, (sid * 96 + slot) * DAYS + r[0], 2);
    sh[0]! += 1;
    sh[1]! += pass;
  }
  return { day, sectionDay, hour, sectionHour };
}

export function rebuildStats(db: Db): void {
  for (const t of STAT_TABLES) db.exec(`DELETE FROM ${t}`);
  db.exec('INSERT OR IGNORE INTO stat_sections (path) SELECT DISTINCT section FROM cards');
  const sectionId = new Map(db.prepare<[], { path: string; id: number }>('SELECT path, id FROM stat_sections').all().map((r) => [r.path, r.id]));
  const sectionOfCard = new Map<string, number>();
  for (const [id, section] of db.prepare('SELECT id, section FROM cards').raw().iterate() as IterableIterator<[string, string]>) {
    sectionOfCard.set(id, sectionId.get(section)!);
  }

  const s = reviewSums(db, sectionOfCard);
  const ph = Array.from({ length: N_COUNTERS }, () => '?').join(', ');
  const insDay = db.prepare(`INSERT INTO stat_day VALUES (?, ?, ${ph})`);
  for (const [k, a] of sorted(s.day)) insDay.run(Math.floor(k / 4), MODES[k % 4], ...a);
  const insSecDay = db.prepare(`INSERT INTO stat_section_day VALUES (?, ?, ?, ${ph})`);
  for (const [k, a] of sorted(s.sectionDay)) {
    const sd = Math.floor(k / 4);
    insSecDay.run(Math.floor(sd / DAYS), sd % DAYS, MODES[k % 4], ...a);
  }
  const insHour = db.prepare('INSERT INTO stat_hour VALUES (?, ?, ?, ?)');
  for (const [k, a] of sorted(s.hour)) insHour.run(k % DAYS, Math.floor(k / DAYS), a[0], a[1]);
  const insSecHour = db.prepare('INSERT INTO stat_section_hour VALUES (?, ?, ?, ?, ?)');
  for (const [k, a] of sorted(s.sectionHour)) {
    const ss = Math.floor(k / DAYS);
    insSecHour.run(Math.floor(ss / 96), k % DAYS, ss % 96, a[0], a[1]);
  }

  const cls: Sums = new Map();
  const due: Sums = new Map();
  const ivl: Sums = new Map();
  const ease: Sums = new Map();
  const cards = db
    .prepare(
      `SELECT c.section, c.suspended, c.retired_at IS NOT NULL, s.interval_days, s.ease_factor, s.due_day
       FROM cards c LEFT JOIN card_state s ON s.card_id = c.id`,
    )
    .raw()
    .iterate() as IterableIterator<[string, number, number, number | null, number | null, number | null]>;
  for (const [section, suspended, retired, interval, ef, dueDay] of cards) {
    const sid = sectionId.get(section)!;
    const active = !retired && suspended === 0 && interval !== null;
    const k = retired ? 5 : suspended !== 0 ? 4 : interval === null ? 0 : interval < 1 ? 1 : interval < 21 ? 2 : 3;
    const c = bump(cls, sid * 8 + k, 2);
    c[0]! += 1;
    if (!active) continue;
    // Same rounding as the SQL: round half away from zero, then integer division.
    c[1]! += Math.round(ef! * 1_000_000);
    bump(due, sid * 4 * DAYS + dueDay! + 2 * DAYS, 1)[0]! += 1;
    bump(ivl, sid * 4 * DAYS + interval!, 1)[0]! += 1;
    bump(ease, sid * 1000 + Math.floor(Math.round(ef! * 100) / 10), 1)[0]! += 1;
  }
  const insCls = db.prepare('INSERT INTO stat_card_cls VALUES (?, ?, ?, ?)');
  for (const [k, a] of sorted(cls)) insCls.run(Math.floor(k / 8), k % 8, a[0], a[1]);
  const split = (k: number, base: number) => [Math.floor(k / base), k % base] as const;
  const insDue = db.prepare('INSERT INTO stat_card_due VALUES (?, ?, ?)');
  for (const [k, a] of sorted(due)) {
    const [sid, d] = split(k, 4 * DAYS);
    insDue.run(sid, d - 2 * DAYS, a[0]);
  }
  const insIvl = db.prepare('INSERT INTO stat_card_ivl VALUES (?, ?, ?)');
  for (const [k, a] of sorted(ivl)) insIvl.run(...split(k, 4 * DAYS), a[0]);
  const insEase = db.prepare('INSERT INTO stat_card_ease VALUES (?, ?, ?)');
  for (const [k, a] of sorted(ease)) insEase.run(...split(k, 1000), a[0]);
}
