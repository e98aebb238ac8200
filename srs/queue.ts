// Today's queue, derived from card state + today's review log only, so it
// survives restarts and undo without any session object to keep in sync.
// Pure: `today` and all rows are passed in.

import type { Quality } from './sm2.ts';

export type QueueTag = 'review' | 'new' | 'drill';

export interface QueueLimits {
  newPerDay: number; // default 20
  reviewsPerDay: number; // default 200
}

export const DEFAULT_LIMITS: QueueLimits = { newPerDay: 20, reviewsPerDay: 200 };

/** How many other answers must pass before a failed card is shown again. */
export const DRILL_GAP = 3;

/** A row of today's (non-undone) review log, oldest first. */
export interface TodayAnswer {
  seq: number; // monotonic log id
  cardId: string;
  quality: Quality;
  /** The card had no SM-2 state before this answer (first answer ever). */
  wasNew: boolean;
  mode: 'review' | 'drill' | 'mock';
}

export interface QueueInput {
  /** Due cards, most overdue first; the caller may cap the list at reviewsPerDay. */
  due: readonly string[];
  /** New cards in notes order; the caller may cap the list at newPerDay. */
  fresh: readonly string[];
  todayLog: readonly TodayAnswer[];
  limits: QueueLimits;
}

export interface QueueItem {
  cardId: string;
  tag: QueueTag;
}

export interface Queue {
  next: QueueItem | null;
  remaining: { review: number; new: number; drill: number };
  done: { review: number; new: number; drill: number; total: number };
}

interface DrillInfo {
  cardId: string;
  lastSeq: number;
  answersSince: number;
}

/** The first `max` ids not answered today, in the given order. */
function unseen(ids: readonly string[], seen: ReadonlyMap<string, number>, max: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < ids.length && out.length < max; i++) if (!seen.has(ids[i]!)) out.push(ids[i]!);
  return out;
}

export function buildQueue(input: QueueInput): Queue {
  const { todayLog: log, limits } = input;
  // One pass and one map entry per card (where its last answer is), no object per answer: this runs twice
  // for every card shown, over a log of thousands of answers on a heavy day, and per-answer
  // allocations there were most of the queue's cost and its GC noise. A card's first answer
  // today is the one that adds its entry.
  const lastAt = new Map<string, number>();
  let newDone = 0;
  let reviewDone = 0;
  for (let i = 0; i < log.length; i++) {
    const a = log[i]!;
    const cards = lastAt.size;
    lastAt.set(a.cardId, i);
    if (lastAt.size === cards) continue;
    if (a.wasNew) newDone++;
    else if (a.mode !== 'mock') reviewDone++;
  }
  const due = unseen(input.due, lastAt, limits.reviewsPerDay - reviewDone);
  const fresh = unseen(input.fresh, lastAt, limits.newPerDay - newDone);
  // Cards whose last answer today was below 4, oldest last answer first.
  const drills: DrillInfo[] = [];
  for (const [cardId, i] of lastAt) {
    const a = log[i]!;
    if (a.quality < 4) drills.push({ cardId, lastSeq: a.seq, answersSince: log.length - 1 - i });
  }
  drills.sort((a, b) => a.lastSeq - b.lastSeq);

  let next: QueueItem | null = null;
  const ready = drills.find((d) => d.answersSince >= DRILL_GAP);
  if (ready) next = { cardId: ready.cardId, tag: 'drill' };
  else if (due[0] !== undefined) next = { cardId: due[0], tag: 'review' };
  else if (fresh[0] !== undefined) next = { cardId: fresh[0], tag: 'new' };
  else if (drills[0]) next = { cardId: drills[0].cardId, tag: 'drill' };

  return {
    next,
    remaining: { review: due.length, new: fresh.length, drill: drills.length },
    done: {
      review: reviewDone,
      new: newDone,
      drill: log.length - lastAt.size,
      total: log.length,
    },
  };
}
