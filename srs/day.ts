// Study days are local calendar days that roll over at a configurable hour
// (default 04:00), so a session past midnight still counts as "today".
// Pure: the caller passes the instant and the UTC offset in force at it.

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

export const DEFAULT_ROLLOVER_HOUR = 4;

/**
 * Day number (days since 1970-01-01 local, shifted by the rollover hour).
 * @param utcOffsetMinutes minutes EAST of UTC (UTC+8 → 480), i.e. −Date#getTimezoneOffset().
 */
export function studyDay(epochMs: number, utcOffsetMinutes: number, rolloverHour = DEFAULT_ROLLOVER_HOUR): number {
  const local = epochMs + utcOffsetMinutes * 60_000 - rolloverHour * MS_PER_HOUR;
  return Math.floor(local / MS_PER_DAY);
}

/** ISO date (YYYY-MM-DD) of a study day, for exports and charts. */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isoToDay(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}
