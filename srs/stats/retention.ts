// Retention: the share of passing answers (quality ≥ 3) among first answers
// of a day on cards whose interval before the answer was ≥ 1 day ("young",
// which includes mature) and ≥ 21 days ("mature"). Drills are already left
// out by the aggregates. Periods end today and ignore the chosen range.
import { rate } from './counters.ts';
import type { DayCounters, Stats } from './types.ts';

export const PERIOD_DAYS = { today: 1, week: 7, month: 30, all: Infinity } as const;

export function retention(rows: readonly DayCounters[], today: number): Stats['retention'] {
  const out = {} as Stats['retention'];
  for (const [period, days] of Object.entries(PERIOD_DAYS) as [keyof typeof PERIOD_DAYS, number][]) {
    let yn = 0, yp = 0, mn = 0, mp = 0;
    for (const r of rows) {
      if (r.day > today || today - r.day >= days) continue;
      yn += r.c.youngN;
      yp += r.c.youngPass;
      mn += r.c.matureN;
      mp += r.c.maturePass;
    }
    out[period] = { young: rate(yn, yp), mature: rate(mn, mp) };
  }
  return out;
}
