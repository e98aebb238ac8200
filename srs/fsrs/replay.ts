// Rebuild a card's card_state from a log that may mix SM-2 and FSRS answers.
// SM-2 answers replay through SM-2 (srs/answer.replay). An FSRS answer's
// interval and due day depend on the weights in force when it was given, so
// its logged after-state is the truth; SM-2 answers after it continue from it.
import { alreadyMoved, applyAnswer } from '../answer.ts';
import type { Quality, Sm2State } from '../sm2.ts';

export interface MixedLogEntry {
  quality: Quality;
  day: number;
  /** Set for answers FSRS scheduled: the state the log recorded after them. */
  fsrsAfter?: Sm2State;
}

/** Where a replay stands after some of a card's log: its state and the day of the last answer that counted. */
export interface ReplayCursor {
  state: Sm2State | null;
  lastDay: number | null;
}

/** One answer of a mixed log applied to `c` (in place): the single rule replayMixed and the doctor's one-pass scan share. */
export function replayStep(c: ReplayCursor, r: MixedLogEntry): void {
  const effect = applyAnswer({ state: c.state, quality: r.quality, today: r.day, answeredToday: alreadyMoved(c.lastDay, r.day) });
  if (effect.mode === 'drill') return;
  c.state = r.fsrsAfter ?? effect.after;
  c.lastDay = r.day;
}

export function replayMixed(log: readonly MixedLogEntry[]): Sm2State | null {
  const c: ReplayCursor = { state: null, lastDay: null };
  for (const r of log) replayStep(c, r);
  return c.state;
}
