// What each model predicted before each review (pure). SM-2 follows the
// srs-benchmark convention: p = 0.9^(Δt / I), I the interval SM-2 had
// scheduled, as if every SM-2 interval aimed at 90 % recall. FSRS replays its
// memory model (ts-fsrs `next_state`) with the given weights and predicts R
// from the stability before the review.
import { fsrs, generatorParameters, type FSRS, type FSRSState } from 'ts-fsrs';
import { recalled } from '../rating.ts';
import { newState, sm2 } from '../sm2.ts';
import type { CardHistory } from './history.ts';

/** One prediction target: review k ≥ 1 of a card. */
export interface Target {
  day: number;
  at: number;
  y: number;
  deltaT: number;
  /** 1-based index of this review in the card's counted history. */
  i: number;
  /** Again answers between the card's first review and this one. */
  lapses: number;
}

export function targetsOf(h: CardHistory): Target[] {
  const out: Target[] = [];
  let lapses = 0;
  for (let k = 1; k < h.reviews.length; k++) {
    const r = h.reviews[k]!;
    out.push({ day: r.day, at: r.at, y: recalled(r.quality) ? 1 : 0, deltaT: r.deltaT, i: k + 1, lapses });
    if (r.rating === 1) lapses++;
  }
  return out;
}

export function sm2Predictions(h: CardHistory): number[] {
  const out: number[] = [];
  const first = h.reviews[0];
  if (!first) return out;
  let s = sm2(newState(first.day), first.quality, first.day);
  for (let k = 1; k < h.reviews.length; k++) {
    const r = h.reviews[k]!;
    out.push(0.9 ** (r.deltaT / Math.max(1, s.intervalDays)));
    s = sm2(s, r.quality, r.day);
  }
  return out;
}

export type FsrsModel = FSRS;

export function fsrsModel(weights: readonly number[]): FsrsModel {
  return fsrs(generatorParameters({ w: [...weights], enable_fuzz: false, enable_short_term: false }));
}

export function fsrsPredictions(model: FsrsModel, h: CardHistory): number[] {
  const out: number[] = [];
  let m: FSRSState | null = null;
  for (let k = 0; k < h.reviews.length; k++) {
    const r = h.reviews[k]!;
    if (k > 0) out.push(model.forgetting_curve(r.deltaT, m!.stability));
    m = model.next_state(m, r.deltaT, r.rating);
  }
  return out;
}
