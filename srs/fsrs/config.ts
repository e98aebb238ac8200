// What FSRS needs from the profile: desired retention, the longest interval,
// and the 21 FSRS-6 weights (null = ts-fsrs's defaults, until the learner
// optimises them on their own history).
import { default_w } from 'ts-fsrs';

export interface FsrsConfig {
  desiredRetention: number;
  maximumInterval: number;
  weights: readonly number[] | null;
}

export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.97;
export const DEFAULT_RETENTION = 0.9;
export const DEFAULT_MAX_INTERVAL = 36500;
/** Below this many answers an optimisation would fit noise: the defaults stay. */
export const MIN_ANSWERS_TO_OPTIMISE = 400;

export const DEFAULT_FSRS: FsrsConfig = { desiredRetention: DEFAULT_RETENTION, maximumInterval: DEFAULT_MAX_INTERVAL, weights: null };

export const DEFAULT_WEIGHTS: readonly number[] = Object.freeze([...default_w]);

export function weightsOf(cfg: Pick<FsrsConfig, 'weights'>): readonly number[] {
  return cfg.weights ?? DEFAULT_WEIGHTS;
}
