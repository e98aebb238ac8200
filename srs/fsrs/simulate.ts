// "Which desired retention?" — a seeded simulation of the next days under
// FSRS for one desired retention: the learner's current cards (their FSRS
// memory) plus new cards at the daily limit; each due card is recalled with
// FSRS's predicted probability (Good) or forgotten (Again), then rescheduled
// by ts-fsrs at that retention. Reports reviews per day and expected
// knowledge (the sum of every introduced card's recall probability). Pure.
import { fsrs, generatorParameters, type FSRSState } from 'ts-fsrs';
import { mockRng } from '../mock/rng.ts';

export interface SimCard {
  stability: number;
  difficulty: number;
  /** Days relative to the simulation's day 0 (≤ 0 for the past). */
  lastDay: number;
  dueDay: number;
}

export interface SimulationInput {
  weights: readonly number[];
  desiredRetention: number;
  maximumInterval: number;
  days: number;
  cards: readonly SimCard[];
  newPerDay: number;
  newCards: number;
  seed: number;
}

export interface SimulationResult {
  desiredRetention: number;
  reviewsPerDay: number[];
  /** Expected number of cards remembered at the end of each day. */
  knowledge: number[];
  totalReviews: number;
}

/** First answers to new cards: the shares of Again, Hard, Good, Easy. */
const FIRST_RATINGS = [0.15, 0.1, 0.65, 0.1];

export function simulate(o: SimulationInput): SimulationResult {
  const f = fsrs(generatorParameters({
    w: [...o.weights], request_retention: o.desiredRetention, maximum_interval: o.maximumInterval, enable_fuzz: false, enable_short_term: false,
  }));
  const rng = mockRng(o.seed);
  const cards: { m: FSRSState; last: number; due: number }[] = o.cards.map((c) => ({
    m: { stability: c.stability, difficulty: c.difficulty },
    last: c.lastDay,
    due: c.dueDay,
  }));
  const reviewsPerDay: number[] = [];
  const knowledge: number[] = [];
  let introduced = 0;
  for (let day = 0; day < o.days; day++) {
    let n = 0;
    for (const c of cards) {
      if (c.due > day) continue;
      const r = f.forgetting_curve(day - c.last, c.m.stability);
      const rating = rng.next() < r ? 3 : 1;
      c.m = f.next_state(c.m, day - c.last, rating);
      c.last = day;
      c.due = day + Math.max(1, f.next_interval(c.m.stability, 0));
      n++;
    }
    for (let k = 0; k < o.newPerDay && introduced < o.newCards; k++, introduced++) {
      const u = rng.next();
      let rating = 1;
      for (let acc = FIRST_RATINGS[0]!; rating < 4 && u >= acc; rating++) acc += FIRST_RATINGS[rating]!;
      const m = f.next_state(null, 0, rating);
      cards.push({ m, last: day, due: day + Math.max(1, f.next_interval(m.stability, 0)) });
      n++;
    }
    let known = 0;
    for (const c of cards) known += f.forgetting_curve(day - c.last, c.m.stability);
    reviewsPerDay.push(n);
    knowledge.push(known);
  }
  return { desiredRetention: o.desiredRetention, reviewsPerDay, knowledge, totalReviews: reviewsPerDay.reduce((a, b) => a + b, 0) };
}

export const SIM_RETENTIONS: readonly number[] = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
