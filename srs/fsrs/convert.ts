// Switching SM-2 → FSRS: each card's FSRS memory comes from its own log,
// replayed through ts-fsrs, when the log holds the card's whole history; from
// its SM-2 ease and interval otherwise (history imported without a log, or
// cut short). Either way the card keeps its due day and last day: a switch
// never floods "today".
import { alreadyMoved } from '../answer.ts';
import { qualityToRating } from '../rating.ts';
import type { Quality, Sm2State } from '../sm2.ts';
import { weightsOf, type FsrsConfig } from './config.ts';
import { fsrsStep, type FsrsMemory } from './schedule.ts';

/** Retention SM-2's intervals are assumed to aim at (Anki's convention for this conversion). */
export const SM2_RETENTION = 0.9;

/**
 * Memory state from SM-2 ease and interval: fsrs-rs's `memory_state_from_sm2`
 * restated (stability so that R(interval) = SM2_RETENTION; difficulty from
 * the ease through FSRS's stability-increase term). Used directly when the
 * optimizer binding is missing; equal to the binding's result where present
 * (tests/integration/fsrs/binding.test.ts).
 */
export function sm2ToMemoryState(weights: readonly number[], easeFactor: number, intervalDays: number): { stability: number; difficulty: number } {
  const w = weights;
  const decay = -w[20]!;
  const factor = 0.9 ** (1 / decay) - 1;
  const stability = (Math.max(intervalDays, 0.001) * factor) / (SM2_RETENTION ** (1 / decay) - 1);
  const difficulty = 11 - (easeFactor - 1) / (Math.exp(w[8]!) * stability ** -w[9]! * Math.expm1((1 - SM2_RETENTION) * w[10]!));
  return { stability, difficulty: Math.min(10, Math.max(1, difficulty)) };
}

export function memoryFromSm2(cfg: FsrsConfig, s: Sm2State, lastDay: number): FsrsMemory {
  const { stability, difficulty } = sm2ToMemoryState(weightsOf(cfg), s.easeFactor, s.intervalDays);
  return { stability, difficulty, state: 2, reps: s.repetitions, lapses: s.lapses, lastDay, dueDay: s.dueDay };
}

/**
 * The answers that moved the schedule: the first of each study day. Drills never
 * count, and neither does an answer dated on or before the last counted day (the
 * clock was set back): the same rule as `alreadyMoved` in srs/answer.ts, and it
 * keeps ts-fsrs from being asked for a negative elapsed time.
 */
export function countedReviews<T extends { day: number }>(log: readonly T[]): T[] {
  const out: T[] = [];
  let last: number | null = null;
  for (const r of log) {
    if (alreadyMoved(last, r.day)) continue;
    out.push(r);
    last = r.day;
  }
  return out;
}

/** Replay a card's counted answers through ts-fsrs (null for an empty log). */
export function memoryFromLog(cfg: FsrsConfig, log: readonly { day: number; quality: Quality }[]): FsrsMemory | null {
  let m: FsrsMemory | null = null;
  for (const r of countedReviews(log)) m = fsrsStep(cfg, m, qualityToRating(r.quality), r.day);
  return m;
}

/**
 * A card's memory after the switch. `complete` says the log starts at the
 * card's first answer. Due day and last day are the card's current ones.
 */
export function convertCard(
  cfg: FsrsConfig,
  card: { state: Sm2State; lastDay: number; log: readonly { day: number; quality: Quality }[]; complete: boolean },
): { memory: FsrsMemory; from: 'log' | 'sm2' } {
  const replayed = card.complete ? memoryFromLog(cfg, card.log) : null;
  if (!replayed) return { memory: memoryFromSm2(cfg, card.state, card.lastDay), from: 'sm2' };
  return { memory: { ...replayed, lastDay: card.lastDay, dueDay: card.state.dueDay }, from: 'log' };
}
