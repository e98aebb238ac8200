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

/** Rebuild a card's state by replaying its log (used by checks and tests). */
export function replay(
  log: readonly { quality: Quality; day: number }[],
): Sm2State | null {
  let state: Sm2State | null = null;
  let lastDay: number | null = null;
  for (const r of log) {
    const effect = applyAnswer({ state, quality: r.quality, today: r.day, answeredToday: lastDay === r.day });
    state = effect.after;
    if (effect.mode !== 'drill') lastDay = r.day;
  }
  return state;
}
