// The profile's FSRS configuration: retention and maximum interval live in
// Settings (validated by its zod schema); fitted weights are stored under
// their own settings key, re-validated on every read so a hand-edited value
// falls back to the defaults instead of breaking scheduling.
import { z } from 'zod';
import type { Store } from '../../db/store.ts';
import type { FsrsConfig } from '../../srs/fsrs/config.ts';
import type { Settings } from '../contract/index.ts';

export const WEIGHTS_KEY = 'fsrsWeights';

export const FsrsWeights = z.array(z.number().finite()).length(21);

export interface StoredWeights {
  weights: number[];
  /** When and on how many answers they were fitted. */
  fittedAt: number;
  answers: number;
}

const Stored = z.object({ weights: FsrsWeights, fittedAt: z.number(), answers: z.number().int().min(0) });

export function storedWeights(store: Store): StoredWeights | null {
  const parsed = Stored.safeParse(store.settings.all()[WEIGHTS_KEY]);
  return parsed.success ? parsed.data : null;
}

export function saveWeights(store: Store, w: StoredWeights | null): void {
  if (w) store.settings.set(WEIGHTS_KEY, w);
  else store.db.prepare('DELETE FROM settings WHERE key = ?').run(WEIGHTS_KEY);
}

export function fsrsConfig(store: Store, s: Settings): FsrsConfig {
  return { desiredRetention: s.desiredRetention, maximumInterval: s.maximumInterval, weights: storedWeights(store)?.weights ?? null };
}
