// Answers by local hour of day. The aggregates keep UTC quarter-hours so any
// time zone (including :30 and :45 offsets) can be applied when reading; the
// caller passes the offset in force now, so answers from before a DST change
// shift by that hour — a documented approximation.
import { rate } from './counters.ts';
import type { HourRow, Stats } from './types.ts';

export function hourly(rows: readonly HourRow[], utcOffsetMinutes: number): Stats['hourly'] {
  const shift = Math.round(utcOffsetMinutes / 15);
  const n = new Array<number>(24).fill(0);
  const pass = new Array<number>(24).fill(0);
  for (const r of rows) {
    const local = (((r.slot + shift) % 96) + 96) % 96;
    const h = Math.floor(local / 4);
    n[h] = n[h]! + r.n;
    pass[h] = pass[h]! + r.pass;
  }
  return n.map((count, hour) => ({ hour, n: count, pass: pass[hour]!, rate: rate(count, pass[hour]!).rate }));
}
