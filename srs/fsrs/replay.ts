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

export function replayMixed(log: readonly MixedLogEntry[]): Sm2State | null {
  let state: Sm2State | null = null;
  let lastDay: number | null = null;
  for (const r of log) {
    const effect = applyAnswer({ state, quality: r.quality, today: r.day, answeredToday: alreadyMoved(lastDay, r.day) });
    if (effect.mode === 'drill') continue;
    state = r.fsrsAfter ?? effect.after;
    lastDay = r.day;
  }
  return state;
}
