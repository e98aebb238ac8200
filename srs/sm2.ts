// SM-2 exactly as DESIGN.md states it. Pure: no clock; `today` is passed in.

export type Quality = 0 | 1 | 2 | 3 | 4 | 5;
export const QUALITIES: readonly Quality[] = [0, 1, 2, 3, 4, 5];

export interface Sm2State {
  repetitions: number;
  /** A double; never rounded, in memory or in storage. */
  easeFactor: number;
  intervalDays: number;
  dueDay: number;
  lapses: number;
}

export const INITIAL_EASE = 2.5;
export const MIN_EASE = 1.3;

/** The state a card has before its first answer. */
export function newState(today: number): Sm2State {
  return { repetitions: 0, easeFactor: INITIAL_EASE, intervalDays: 0, dueDay: today, lapses: 0 };
}

export function isQuality(q: unknown): q is Quality {
  return typeof q === 'number' && Number.isInteger(q) && q >= 0 && q <= 5;
}

export function nextEase(easeFactor: number, q: Quality): number {
  const d = 5 - q;
  return Math.max(MIN_EASE, easeFactor + 0.1 - d * (0.08 + d * 0.02));
}

/**
 * One SM-2 step. `today` defaults to the state's due day so the function also
 * works for callers that only care about repetitions/EF/interval.
 */
export function sm2(state: Sm2State, quality: Quality, today: number = state.dueDay): Sm2State {
  if (!isQuality(quality)) throw new RangeError(`quality must be an integer 0..5, got ${String(quality)}`);
  let { repetitions, intervalDays, lapses } = state;
  if (quality >= 3) {
    // The interval uses the EF from before this answer (step 1 of the contract).
    if (repetitions === 0) intervalDays = 1;
    else if (repetitions === 1) intervalDays = 6;
    else intervalDays = Math.round(intervalDays * state.easeFactor);
    repetitions += 1;
  } else {
    repetitions = 0;
    intervalDays = 1;
    lapses += 1;
  }
  return {
    repetitions,
    easeFactor: nextEase(state.easeFactor, quality),
    intervalDays,
    dueDay: today + intervalDays,
    lapses,
  };
}

/** The interval each grade would give, for labelling answer buttons. */
export function previewIntervals(state: Sm2State, today: number): Record<Quality, number> {
  const out = {} as Record<Quality, number>;
  for (const q of QUALITIES) out[q] = sm2(state, q, today).intervalDays;
  return out;
}
