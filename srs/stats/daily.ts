// Day-based views: the dense daily series, totals, answer distribution,
// calendar heatmap and streaks. Input rows are per (day, mode), any order.
import { dayToIso } from '../day.ts';
import { streak } from '../streak.ts';
import { add, zero } from './counters.ts';
import { MODES, type Counters, type DailyPoint, type DayCounters, type ReviewMode, type Stats } from './types.ts';

const byModeZero = (): Record<ReviewMode, number> => ({ review: 0, drill: 0, mock: 0 });

export function dailySeries(rows: readonly DayCounters[], from: number, to: number): DailyPoint[] {
  const out: DailyPoint[] = [];
  for (let d = from; d <= to; d++) out.push({ day: d, iso: dayToIso(d), n: 0, ms: 0, learned: 0, byMode: byModeZero(), byQuality: [0, 0, 0, 0, 0, 0] });
  for (const r of rows) {
    const p = out[r.day - from];
    if (!p) continue;
    p.n += r.c.n;
    p.ms += r.c.ms;
    p.learned += r.c.learned;
    p.byMode[r.mode] += r.c.n;
    for (let q = 0; q < 6; q++) p.byQuality[q] = p.byQuality[q]! + r.c.q[q]!;
  }
  return out;
}

export function totals(series: readonly DailyPoint[]): Stats['totals'] {
  const t = { reviews: 0, ms: 0, learned: 0, activeDays: 0, perActiveDay: 0, byMode: byModeZero() };
  for (const p of series) {
    t.reviews += p.n;
    t.ms += p.ms;
    t.learned += p.learned;
    if (p.n > 0) t.activeDays++;
    for (const m of MODES) t.byMode[m] += p.byMode[m];
  }
  t.perActiveDay = t.activeDays > 0 ? t.reviews / t.activeDays : 0;
  return t;
}

export function answers(rows: readonly DayCounters[], from: number, to: number): Stats['answers'] {
  const byMode: Record<ReviewMode, Counters> = { review: zero(), drill: zero(), mock: zero() };
  for (const r of rows) if (r.day >= from && r.day <= to) add(byMode[r.mode], r.c);
  const byQuality = [0, 1, 2, 3, 4, 5].map((q) => MODES.reduce((s, m) => s + byMode[m].q[q]!, 0));
  return { byQuality, byMode: { review: [...byMode.review.q], drill: [...byMode.drill.q], mock: [...byMode.mock.q] } };
}

export const HEATMAP_DAYS = 365;

export function heatmap(rows: readonly DayCounters[], today: number): Stats['heatmap'] {
  const from = today - HEATMAP_DAYS + 1;
  const days = dailySeries(rows, from, today).map((p) => ({ day: p.day, iso: p.iso, n: p.n }));
  return { from, to: today, days };
}

/** Current streak (as the home screen counts it) and the longest run of consecutive active days. */
export function streaks(activeDays: readonly number[], today: number): Stats['streak'] {
  const sorted = [...new Set(activeDays)].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && sorted[i] === sorted[i - 1]! + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return { current: streak(sorted, today), longest };
}
