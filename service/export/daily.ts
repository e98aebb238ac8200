// daily.csv: one row per study day from the first answer to today, every day
// present (zeros included) so a spreadsheet chart has no gaps.
import { dayToIso } from '../../srs/day.ts';
import { firstDay } from '../../srs/stats/build.ts';
import { add, passed, zero } from '../../srs/stats/counters.ts';
import type { Counters, DayCounters } from '../../srs/stats/types.ts';

export const DAILY_HEADER = ['date', 'reviews', 'review', 'drill', 'mock', 'q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'passed', 'minutes',
  'learned', 'retention_n', 'retention_pass', 'mature_n', 'mature_pass', 'problems_graded', 'problems_correct'];

export function* dailyRows(rows: readonly DayCounters[], today: number): Generator<unknown[]> {
  const first = firstDay(rows);
  if (first === null) return;
  const byDay = new Map<number, { all: Counters; modes: Record<string, number> }>();
  for (const r of rows) {
    let d = byDay.get(r.day);
    if (!d) byDay.set(r.day, (d = { all: zero(), modes: { review: 0, drill: 0, mock: 0 } }));
    add(d.all, r.c);
    d.modes[r.mode] = (d.modes[r.mode] ?? 0) + r.c.n;
  }
  const last = Math.max(today, ...byDay.keys());
  for (let day = first; day <= last; day++) {
    const d = byDay.get(day) ?? { all: zero(), modes: { review: 0, drill: 0, mock: 0 } };
    const c = d.all;
    yield [dayToIso(day), c.n, d.modes.review, d.modes.drill, d.modes.mock, ...c.q, passed(c), Math.round((c.ms / 60000) * 100) / 100,
      c.learned, c.youngN, c.youngPass, c.matureN, c.maturePass, c.graded, c.correct];
  }
}
