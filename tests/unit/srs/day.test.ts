import { describe, expect, it } from 'vitest';
import { dayToIso, isoToDay, studyDay } from '../../../srs/day.ts';

const at = (iso: string) => Date.parse(iso);

describe('studyDay', () => {
  it('rolls over at 04:00 local by default, not at midnight', () => {
    // UTC+8: 2026-11-27 02:30 local is still the study day of Nov 26
    const d1 = studyDay(at('2026-11-26T18:30:00Z'), 480);
    const d2 = studyDay(at('2026-11-26T20:30:00Z'), 480); // 04:30 local
    expect(dayToIso(d1)).toBe('2026-11-26');
    expect(dayToIso(d2)).toBe('2026-11-27');
  });
  it('honours a configured rollover hour', () => {
    const t = at('2026-11-27T05:30:00Z'); // 05:30 UTC
    expect(dayToIso(studyDay(t, 0, 6))).toBe('2026-11-26');
    expect(dayToIso(studyDay(t, 0, 5))).toBe('2026-11-27');
    expect(dayToIso(studyDay(t, 0, 0))).toBe('2026-11-27');
  });
  it('uses the offset passed in (time zones west of UTC)', () => {
    const t = at('2026-11-27T07:00:00Z'); // 02:00 in New York (UTC-5)
    expect(dayToIso(studyDay(t, -300))).toBe('2026-11-26');
    expect(dayToIso(studyDay(t, 60))).toBe('2026-11-27');
  });
  it('iso round trip', () => {
    expect(dayToIso(isoToDay('2026-02-28'))).toBe('2026-02-28');
  });
});
