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

/** Group, order and thin a log (any order) into per-card counted histories. */
export function cardHistories(log: readonly LoggedAnswer[]): CardHistory[] {
  const by = new Map<string, LoggedAnswer[]>();
  for (const a of log) {
    let l = by.get(a.cardId);
    if (!l) by.set(a.cardId, (l = []));
    l.push(a);
  }
  const out: CardHistory[] = [];
  for (const [cardId, answers] of by) {
    answers.sort((a, b) => a.at - b.at);
    const reviews: CardReview[] = [];
    for (const a of answers) {
      const prev = reviews[reviews.length - 1];
      if (prev && a.day <= prev.day) continue; // a same-day repeat (drill, mock): kept in the log, never a target
      reviews.push({ day: a.day, at: a.at, quality: a.quality, rating: qualityToRating(a.quality), deltaT: prev ? a.day - prev.day : 0 });
    }
    out.push({ cardId, reviews });
  }
  return out;
}

/** Prediction targets: every counted review after a card's first. */
export function targetCount(h: readonly CardHistory[]): number {
  let n = 0;
  for (const c of h) n += Math.max(0, c.reviews.length - 1);
  return n;
}
