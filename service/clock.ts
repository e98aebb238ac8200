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

/**
 * `DEEPRECALL_NOW` (an ISO date-time or epoch ms) starts the app's clock at
 * that moment, still ticking: for trying rollover, streaks or a clock set
 * back by hand, in tests and by a user. Unset or unreadable: the system clock.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env, realNow: () => number = Date.now): Clock {
  const raw = env.DEEPRECALL_NOW?.trim();
  if (!raw) return systemClock;
  const start = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(start)) return systemClock;
  const offset = start - realNow();
  return { now: () => realNow() + offset, utcOffsetMinutes: systemClock.utcOffsetMinutes };
}
