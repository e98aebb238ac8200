// What one answer does in FSRS mode. The same rule as SM-2 (srs/answer.ts):
// the day's first answer moves the schedule; drills and same-day mock answers
// are logged but move nothing. SM-2's repetitions, ease and lapses keep
// evolving underneath, so switching back to SM-2 finds a sensible ease; the
// interval and due day are FSRS's.
import { applyAnswer, type AnswerEffect } from '../answer.ts';
import { qualityToRating } from '../rating.ts';
import type { Quality, Sm2State } from '../sm2.ts';
import type { FsrsConfig } from './config.ts';
import { memoryFromSm2 } from './convert.ts';
import { fsrsStep, type FsrsMemory } from './schedule.ts';

export interface FsrsAnswerEffect extends AnswerEffect {
  memoryBefore: FsrsMemory | null;
  /** Unchanged (same object) for drills and same-day mock answers. */
  memoryAfter: FsrsMemory | null;
}

export function applyFsrsAnswer(args: {
  cfg: FsrsConfig;
  state: Sm2State | null;
  lastDay: number | null;
  memory: FsrsMemory | null;
  quality: Quality;
  today: number;
  answeredToday: boolean;
  mock?: boolean;
}): FsrsAnswerEffect {
  const { cfg, state, memory, quality, today } = args;
  const sm2 = applyAnswer({ state, quality, today, answeredToday: args.answeredToday, mock: args.mock });
  if (sm2.after === state) return { ...sm2, memoryBefore: memory, memoryAfter: memory };
  // A card studied under SM-2 whose memory was never converted (no switch ran): convert it now.
  const start = memory ?? (state && args.lastDay !== null ? memoryFromSm2(cfg, state, args.lastDay) : null);
  const next = fsrsStep(cfg, start, qualityToRating(quality), today);
  return {
    ...sm2,
    after: { ...sm2.after, intervalDays: next.dueDay - today, dueDay: next.dueDay },
    memoryBefore: memory,
    memoryAfter: next,
  };
}
