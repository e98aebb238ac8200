// The profile's FSRS configuration: retention and maximum interval live in
// Settings (validated by its zod schema); fitted weights are stored under
// their own settings key, re-validated on every read so a hand-edited value
// falls back to the defaults instead of breaking scheduling. The check is
// plain code, not zod: the review queue reads it, and browser mode computes
// its first card before zod is loaded (service/earlyCard.ts).
import type { Store } from '../../db/store.ts';
import { DEFAULT_WEIGHTS, type FsrsConfig } from '../../srs/fsrs/config.ts';
import type { Settings } from '../contract/index.ts';

export const WEIGHTS_KEY = 'fsrsWeights';

export interface StoredWeights {
  weights: number[];
  /** When and on how many answers they were fitted. */
  fittedAt: number;
  answers: number;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The stored value as weights, or null unless it has exactly their shape (21 finite weights, a time, a count). */
export function parseStoredWeights(v: unknown): StoredWeights | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const { weights, fittedAt, answers } = v as Record<string, unknown>;
  if (!Array.isArray(weights) || weights.length !== DEFAULT_WEIGHTS.length || !weights.every(finite)) return null;
  if (!finite(fittedAt) || !Number.isSafeInteger(answers) || (answers as number) < 0) return null;
  return { weights: [...weights], fittedAt, answers: answers as number };
}

export function storedWeights(store: Store): StoredWeights | null {
  return parseStoredWeights(store.settings.all()[WEIGHTS_KEY]);
}

export function saveWeights(store: Store, w: StoredWeights | null): void {
  if (w) store.settings.set(WEIGHTS_KEY, w);
  else store.db.prepare('DELETE FROM settings WHERE key = ?').run(WEIGHTS_KEY);
}

export function fsrsConfig(store: Store, s: Settings): FsrsConfig {
  return { desiredRetention: s.desiredRetention, maximumInterval: s.maximumInterval, weights: storedWeights(store)?.weights ?? null };
}
