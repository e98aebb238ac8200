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

function drillState(log: readonly TodayAnswer[]): DrillInfo[] {
  const last = new Map<string, { seq: number; quality: Quality; index: number }>();
  log.forEach((a, index) => last.set(a.cardId, { seq: a.seq, quality: a.quality, index }));
  const pending: DrillInfo[] = [];
  for (const [cardId, l] of last) {
    if (l.quality < 4) pending.push({ cardId, lastSeq: l.seq, answersSince: log.length - 1 - l.index });
  }
  return pending.sort((a, b) => a.lastSeq - b.lastSeq);
}

export function buildQueue(input: QueueInput): Queue {
  const { todayLog, limits } = input;
  const firstToday = new Map<string, TodayAnswer>();
  for (const a of todayLog) if (!firstToday.has(a.cardId)) firstToday.set(a.cardId, a);
  let newDone = 0;
  let reviewDone = 0;
  for (const a of firstToday.values()) {
    if (a.wasNew) newDone++;
    else if (a.mode !== 'mock') reviewDone++;
  }
  const seen = (id: string) => firstToday.has(id);
  const due = input.due.filter((id) => !seen(id)).slice(0, Math.max(0, limits.reviewsPerDay - reviewDone));
  const fresh = input.fresh.filter((id) => !seen(id)).slice(0, Math.max(0, limits.newPerDay - newDone));
  const drills = drillState(todayLog);

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
      drill: todayLog.length - firstToday.size,
      total: todayLog.length,
    },
  };
}
