// A review history as the evaluation sees it: per card, the answers that
// moved the schedule (the first of each study day; same-day repeats are never
// targets), each with its rating and the gap to the previous one.
import { qualityToRating, type Rating } from '../rating.ts';
import type { Quality } from '../sm2.ts';

export interface LoggedAnswer {
  cardId: string;
  /** Epoch ms, orders answers in time. */
  at: number;
  day: number;
  quality: Quality;
}

export interface CardReview {
  day: number;
  at: number;
  quality: Quality;
  rating: Rating;
  /** Days since the card's previous counted review (0 for its first). */
  deltaT: number;
}

export interface CardHistory {
  cardId: string;
  reviews: CardReview[];
}

/** Add log[from, to) to per-card lists (callers slice a big log to keep their thread responsive). */
export function groupInto(by: Map<string, LoggedAnswer[]>, log: readonly LoggedAnswer[], from = 0, to = log.length): void {
  for (let i = from; i < to; i++) {
    const a = log[i]!;
    let l = by.get(a.cardId);
    if (!l) by.set(a.cardId, (l = []));
    l.push(a);
  }
}

/** One card's answers (any order) as its counted history. */
export function historyOf(cardId: string, answers: LoggedAnswer[]): CardHistory {
  answers.sort((a, b) => a.at - b.at);
  const reviews: CardReview[] = [];
  for (const a of answers) {
    const prev = reviews[reviews.length - 1];
    if (prev && a.day <= prev.day) continue; // a same-day repeat (drill, mock): kept in the log, never a target
    reviews.push({ day: a.day, at: a.at, quality: a.quality, rating: qualityToRating(a.quality), deltaT: prev ? a.day - prev.day : 0 });
  }
  return { cardId, reviews };
}

/** Group, order and thin a log (any order) into per-card counted histories. */
export function cardHistories(log: readonly LoggedAnswer[]): CardHistory[] {
  const by = new Map<string, LoggedAnswer[]>();
  groupInto(by, log);
  return [...by].map(([cardId, answers]) => historyOf(cardId, answers));
}

/** Prediction targets: every counted review after a card's first. */
export function targetCount(h: readonly CardHistory[]): number {
  let n = 0;
  for (const c of h) n += Math.max(0, c.reviews.length - 1);
  return n;
}
