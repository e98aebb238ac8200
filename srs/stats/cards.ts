// Card-state views: counts by class, the due forecast, and the interval and
// ease histograms, from the per-section aggregate rows.
import { dayToIso } from '../day.ts';
import type { Bucket, CardClassRow, CardCounts, DueRow, Stats } from './types.ts';

const CLASS_NAMES = ['new', 'learning', 'young', 'mature', 'suspended', 'retired'] as const;

export function cardCounts(rows: readonly CardClassRow[]): CardCounts {
  const out: CardCounts = { new: 0, learning: 0, young: 0, mature: 0, suspended: 0, retired: 0, total: 0 };
  for (const r of rows) {
    const name = CLASS_NAMES[r.cls];
    if (!name) continue;
    out[name] += r.n;
    out.total += r.n;
  }
  return out;
}

export const FORECAST_DAYS = 30;

/** Cards due on each of the next 30 days (today first); overdue ones are counted apart, not piled onto today. */
export function forecast(rows: readonly DueRow[], today: number, days = FORECAST_DAYS): Stats['forecast'] {
  const out = Array.from({ length: days }, (_, i) => ({ day: today + i, iso: dayToIso(today + i), n: 0 }));
  let overdue = 0;
  for (const r of rows) {
    if (r.day < today) overdue += r.n;
    else if (r.day < today + days) out[r.day - today]!.n += r.n;
  }
  return { overdue, days: out };
}

/** Interval bins in days, chosen so the young/mature boundary (21) is a bin edge. */
export const INTERVAL_EDGES = [0, 1, 2, 3, 7, 14, 21, 30, 60, 90, 180, 365] as const;

function binned(edges: readonly number[], label: (from: number, to: number | null) => string): Bucket[] {
  return edges.map((from, i) => {
    const next = edges[i + 1];
    const to = next === undefined ? null : next - 1;
    return { label: label(from, to), from, to, n: 0 };
  });
}

function place(buckets: Bucket[], value: number, n: number): void {
  for (let i = buckets.length - 1; i >= 0; i--) {
    if (value >= buckets[i]!.from) {
      buckets[i]!.n += n;
      return;
    }
  }
  buckets[0]!.n += n;
}

export function intervalBuckets(rows: readonly { ivl: number; n: number }[]): Bucket[] {
  const b = binned(INTERVAL_EDGES, (f, t) => (t === null ? `${f}+` : f === t ? `${f}` : `${f}–${t}`));
  for (const r of rows) place(b, r.ivl, r.n);
  return b;
}

/** Ease bins of 0.1 from the SM-2 floor 1.3 up to 3.0+, stored as tenths. */
export function easeBuckets(rows: readonly { bin: number; n: number }[]): Bucket[] {
  const edges: number[] = [];
  for (let t = 13; t <= 30; t++) edges.push(t);
  const b = binned(edges, (f, t) => (t === null ? `${(f / 10).toFixed(1)}+` : (f / 10).toFixed(1)));
  for (const r of rows) place(b, r.bin, r.n);
  // Upper bounds become exclusive here: ease is real-valued, [from, to).
  return b.map((x) => ({ ...x, from: x.from / 10, to: x.to === null ? null : (x.to + 1) / 10 }));
}
