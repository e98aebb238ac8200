// Mock time-keeping as pure functions of (progress, now). Question i starts
// when question i−1 ended (answer or time-out), so nothing but the start
// instant and the end instant of each finished question needs storing, and a
// reload can recompute everything from the database and the wall clock.

export interface MockTiming {
  startedAt: number; // epoch ms
  totalMs: number;
  perQuestionMs: number;
  count: number; // questions in the mock
}

export interface MockProgress {
  timing: MockTiming;
  /** End instant of every finished question, in order; its length is the current index. */
  endedAt: readonly number[];
}

export interface QuestionWindow {
  index: number;
  startsAt: number;
  /** Per-question limit or the total limit, whichever comes first. */
  deadline: number;
  totalDeadline: number;
}

export interface TimedOut {
  index: number;
  startedAt: number;
  endedAt: number;
}

export type EndReason = 'completed' | 'total';

export interface Settlement {
  /** Questions that ran out of time before `now`, oldest first, to be recorded as unanswered (quality 0). */
  timeouts: TimedOut[];
  /** Set when the mock is over after applying them. */
  end: EndReason | null;
}

/** A small allowance for an answer sent just before the deadline and received just after. */
export const ANSWER_GRACE_MS = 1500;

export function totalDeadline(t: MockTiming): number {
  return t.startedAt + t.totalMs;
}

/** The running question, or null when every question has an outcome. */
export function currentWindow(p: MockProgress): QuestionWindow | null {
  const index = p.endedAt.length;
  if (index >= p.timing.count) return null;
  const startsAt = index === 0 ? p.timing.startedAt : p.endedAt[index - 1]!;
  const total = totalDeadline(p.timing);
  return { index, startsAt, deadline: Math.min(startsAt + p.timing.perQuestionMs, total), totalDeadline: total };
}

/** Apply every limit that has passed by `now`. Does not mutate `p`. */
export function settle(p: MockProgress, now: number): Settlement {
  const ended = [...p.endedAt];
  const timeouts: TimedOut[] = [];
  const total = totalDeadline(p.timing);
  for (;;) {
    const w = currentWindow({ timing: p.timing, endedAt: ended });
    if (!w) return { timeouts, end: 'completed' };
    // An answer recorded exactly at the total deadline leaves the next question no time at all.
    if (w.startsAt >= total) return { timeouts, end: 'total' };
    if (now < w.deadline) return { timeouts, end: null };
    timeouts.push({ index: w.index, startedAt: w.startsAt, endedAt: w.deadline });
    ended.push(w.deadline);
    if (w.deadline >= total && ended.length < p.timing.count) return { timeouts, end: 'total' };
  }
}

/** Remaining time of the running question and of the whole mock at `now` (never negative). */
export function remaining(p: MockProgress, now: number): { questionMs: number; totalMs: number } | null {
  const w = currentWindow(p);
  if (!w) return null;
  return { questionMs: Math.max(0, w.deadline - now), totalMs: Math.max(0, w.totalDeadline - now) };
}

export type AnswerCheck =
  | { ok: true; window: QuestionWindow; endedAt: number; elapsedMs: number }
  | { ok: false; reason: 'ended' | 'not-current' | 'timed-out'; current: number | null };

/**
 * May question `index` be answered at `now`? Call after settling at
 * `now − ANSWER_GRACE_MS`; an answer inside the grace window counts as given
 * at the deadline, so the next question's clock is not shortened.
 */
export function checkAnswer(p: MockProgress, index: number, now: number, graceMs = ANSWER_GRACE_MS): AnswerCheck {
  const w = currentWindow(p);
  if (!w) return { ok: false, reason: 'ended', current: null };
  if (index !== w.index) return { ok: false, reason: 'not-current', current: w.index };
  if (now > w.deadline + graceMs) return { ok: false, reason: 'timed-out', current: w.index };
  const endedAt = Math.max(w.startsAt, Math.min(now, w.deadline));
  return { ok: true, window: w, endedAt, elapsedMs: endedAt - w.startsAt };
}
