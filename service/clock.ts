import { studyDay } from '../srs/day.ts';

/** Time enters the app only here, so tests can pass a fake clock. */
export interface Clock {
  now(): number;
  /** Minutes east of UTC in force at `ms` (DST-aware). */
  utcOffsetMinutes(ms: number): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  utcOffsetMinutes: (ms) => -new Date(ms).getTimezoneOffset(),
};

export function todayOf(clock: Clock, rolloverHour: number, ms = clock.now()): number {
  return studyDay(ms, clock.utcOffsetMinutes(ms), rolloverHour);
}
