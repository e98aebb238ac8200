// What one answer does to a card: the day's first answer moves SM-2; later
// answers the same day are drill repetitions that are logged but leave the
// state exactly as the first answer set it (DESIGN.md, SM-2 rule 5).

import { newState, sm2, type Quality, type Sm2State } from './sm2.ts';

export type AnswerMode = 'review' | 'drill' | 'mock';

export interface AnswerEffect {
  mode: AnswerMode;
  before: Sm2State | null;
  after: Sm2State;
}

export function applyAnswer(args: {
  state: Sm2State | null;
  quality: Quality;
  today: number;
  /**
   * The card's schedule was already moved today — or on a later day, which
   * happens when the clock went back: either way this answer must not move it
   * again (see `alreadyMoved`).
   */
  answeredToday: boolean;
  mock?: boolean;
}): AnswerEffect {
  const { state, quality, today, answeredToday } = args;
  if (answeredToday && state) {
    return { mode: args.mock ? 'mock' : 'drill', before: state, after: state };
  }
  const after = sm2(state ?? newState(today), quality, today);
  return { mode: args.mock ? 'mock' : 'review', before: state, after };
}

/**
 * True when the day's first answer already moved the schedule: the last
 * answer that counted was today, or "after" today because the clock was set
 * back. Without the second case a clock moved back a day would let the same
 * card be scheduled twice.
 */
export function alreadyMoved(lastDay: number | null | undefined, today: number): boolean {
  return lastDay !== null && lastDay !== undefined && lastDay >= today;
}

/** Rebuild a card's state by replaying its log (used by checks and tests). */
export function replay(
  log: readonly { quality: Quality; day: number }[],
): Sm2State | null {
  let state: Sm2State | null = null;
  let lastDay: number | null = null;
  for (const r of log) {
    const effect = applyAnswer({ state, quality: r.quality, today: r.day, answeredToday: alreadyMoved(lastDay, r.day) });
    state = effect.after;
    if (effect.mode !== 'drill') lastDay = r.day;
  }
  return state;
}
