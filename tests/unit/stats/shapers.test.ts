// The pure stats shapers against small hand-computed inputs.
import { describe, expect, it } from 'vitest';
import { cardCounts, easeBuckets, forecast, intervalBuckets } from '../../../srs/stats/cards.ts';
import { add, zero } from '../../../srs/stats/counters.ts';
import { answers, dailySeries, heatmap, streaks, totals } from '../../../srs/stats/daily.ts';
import { hourly } from '../../../srs/stats/hourly.ts';
import { isUnder, rangeDays, sectionIds } from '../../../srs/stats/range.ts';
import { retention } from '../../../srs/stats/retention.ts';
import type { Counters, DayCounters, ReviewMode } from '../../../srs/stats/types.ts';

function c(over: Partial<Counters>): Counters {
  return add(zero(), { ...zero(), ...over });
}
const row = (day: number, mode: ReviewMode, over: Partial<Counters>): DayCounters => ({ day, mode, c: c(over) });

describe('ranges and sections', () => {
  it('ends today; all starts at the first active day', () => {
    expect(rangeDays('1m', 100, 5)).toEqual({ from: 71, to: 100 });
    expect(rangeDays('3m', 100, 5)).toEqual({ from: 11, to: 100 });
    expect(rangeDays('1y', 400, 5)).toEqual({ from: 36, to: 400 });
    expect(rangeDays('all', 100, 5)).toEqual({ from: 5, to: 100 });
    expect(rangeDays('all', 100, null)).toEqual({ from: 100, to: 100 });
  });

  it('a section filter matches whole headings, the section and below', () => {
    expect(isUnder(['a', 'b', 'c'], ['a', 'b'])).toBe(true);
    expect(isUnder(['a', 'bc'], ['a', 'b'])).toBe(false);
    expect(isUnder(['a'], ['a', 'b'])).toBe(false);
    const all = [{ id: 1, path: ['卷积'] }, { id: 2, path: ['卷积', '感受野'] }, { id: 3, path: ['卷积层'] }];
    expect(sectionIds(all, ['卷积'])).toEqual([1, 2]);
    expect(sectionIds(all, null)).toBeNull();
    expect(sectionIds(all, ['无'])).toEqual([]);
  });
});

describe('daily views', () => {
  const rows = [
    row(10, 'review', { n: 3, ms: 3000, learned: 2, q: [0, 1, 0, 1, 1, 0] }),
    row(10, 'drill', { n: 1, ms: 500, q: [0, 0, 0, 0, 1, 0] }),
    row(12, 'mock', { n: 2, ms: 8000, q: [1, 0, 0, 0, 0, 1] }),
    row(3, 'review', { n: 5, ms: 1, q: [5, 0, 0, 0, 0, 0] }), // before the range
  ];

  it('the series is dense, zero-filled, split by mode and quality', () => {
    const s = dailySeries(rows, 9, 12);
    expect(s.map((p) => p.n)).toEqual([0, 4, 0, 2]);
    expect(s[1]).toMatchObject({ day: 10, iso: '1970-01-11', ms: 3500, learned: 2, byMode: { review: 3, drill: 1, mock: 0 }, byQuality: [0, 1, 0, 1, 2, 0] });
    expect(totals(s)).toEqual({ reviews: 6, ms: 11500, learned: 2, activeDays: 2, perActiveDay: 3, byMode: { review: 3, drill: 1, mock: 2 } });
  });

  it('answer distribution by quality and mode, inside the range only', () => {
    const a = answers(rows, 9, 12);
    expect(a.byQuality).toEqual([1, 1, 0, 1, 2, 1]);
    expect(a.byMode.mock).toEqual([1, 0, 0, 0, 0, 1]);
    expect(a.byMode.drill).toEqual([0, 0, 0, 0, 1, 0]);
  });

  it('heatmap covers exactly the last 365 days', () => {
    const h = heatmap(rows, 400);
    expect(h.days).toHaveLength(365);
    expect(h.from).toBe(36);
    expect(h.days.every((d) => d.n === 0)).toBe(true);
    expect(heatmap(rows, 12).days.at(-1)).toEqual({ day: 12, iso: '1970-01-13', n: 2 });
  });

  it('streaks: current ends today or yesterday, longest is the longest run', () => {
    expect(streaks([1, 2, 3, 7, 8], 8)).toEqual({ current: 2, longest: 3 });
    expect(streaks([1, 2, 3, 7, 8], 9)).toEqual({ current: 2, longest: 3 });
    expect(streaks([1, 2, 3, 7, 8], 10)).toEqual({ current: 0, longest: 3 });
    expect(streaks([], 10)).toEqual({ current: 0, longest: 0 });
  });
});

describe('retention periods', () => {
  it('today, 7 and 30 days and all, young includes mature', () => {
    const rows = [
      row(100, 'review', { youngN: 4, youngPass: 3, matureN: 1, maturePass: 1 }),
      row(95, 'mock', { youngN: 2, youngPass: 0 }),
      row(80, 'review', { youngN: 10, youngPass: 10, matureN: 5, maturePass: 4 }),
      row(101, 'review', { youngN: 99, youngPass: 0 }), // a future day (clock moved back) is ignored
    ];
    const r = retention(rows, 100);
    expect(r.today.young).toEqual({ n: 4, pass: 3, rate: 0.75 });
    expect(r.week.young).toEqual({ n: 6, pass: 3, rate: 0.5 });
    expect(r.month.young).toEqual({ n: 16, pass: 13, rate: 13 / 16 });
    expect(r.month.mature).toEqual({ n: 6, pass: 5, rate: 5 / 6 });
    expect(r.all.young.n).toBe(16);
    expect(retention([], 100).all.mature).toEqual({ n: 0, pass: 0, rate: null });
  });
});

describe('card views', () => {
  it('counts by class', () => {
    const counts = cardCounts([
      { sectionId: 1, cls: 0, n: 5, easeSum: 0 },
      { sectionId: 2, cls: 0, n: 1, easeSum: 0 },
      { sectionId: 1, cls: 3, n: 2, easeSum: 5 },
      { sectionId: 1, cls: 5, n: 1, easeSum: 0 },
    ]);
    expect(counts).toEqual({ new: 6, learning: 0, young: 0, mature: 2, suspended: 0, retired: 1, total: 9 });
  });

  it('forecast: 30 days from today, overdue apart', () => {
    const f = forecast([{ day: 99, n: 7 }, { day: 100, n: 2 }, { day: 129, n: 1 }, { day: 130, n: 50 }], 100);
    expect(f.overdue).toBe(7);
    expect(f.days).toHaveLength(30);
    expect(f.days[0]).toEqual({ day: 100, iso: '1970-04-11', n: 2 });
    expect(f.days[29]!.n).toBe(1);
  });

  it('interval bins put 21 days in the first mature bin', () => {
    const b = intervalBuckets([{ ivl: 0, n: 1 }, { ivl: 1, n: 2 }, { ivl: 20, n: 3 }, { ivl: 21, n: 4 }, { ivl: 400, n: 5 }]);
    const at = (label: string) => b.find((x) => x.label === label)!.n;
    expect(at('0')).toBe(1);
    expect(at('1')).toBe(2);
    expect(at('14–20')).toBe(3);
    expect(at('21–29')).toBe(4);
    expect(at('365+')).toBe(5);
    expect(b.reduce((s, x) => s + x.n, 0)).toBe(15);
  });

  it('ease bins of 0.1 from 1.3, open at 3.0', () => {
    const b = easeBuckets([{ bin: 13, n: 1 }, { bin: 25, n: 2 }, { bin: 34, n: 3 }]);
    expect(b[0]).toMatchObject({ label: '1.3', from: 1.3, n: 1 });
    expect(b.find((x) => x.label === '2.5')!.n).toBe(2);
    expect(b.at(-1)).toMatchObject({ label: '3.0+', to: null, n: 3 });
  });
});

describe('hourly', () => {
  const rows = [
    { slot: 0, n: 1, pass: 1 }, // 00:00–00:15 UTC
    { slot: 94, n: 2, pass: 0 }, // 23:30–23:45 UTC
  ];
  it('shifts UTC quarter-hours by the offset, including half-hour zones', () => {
    const east8 = hourly(rows, 480);
    expect(east8[8]).toEqual({ hour: 8, n: 1, pass: 1, rate: 1 });
    expect(east8[7]!.n).toBe(2);
    const india = hourly(rows, 330); // +5:30: 23:30 UTC is 05:00 local
    expect(india[5]!.n).toBe(3);
    const newYork = hourly(rows, -300);
    expect(newYork[19]!.n).toBe(1);
    expect(newYork[18]!.n).toBe(2);
    expect(newYork[0]).toEqual({ hour: 0, n: 0, pass: 0, rate: null });
  });
});
