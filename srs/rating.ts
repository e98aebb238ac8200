// The one mapping between DeepRecall's SM-2 quality (0–5) and the four-button
// rating of FSRS and Anki (1 Again, 2 Hard, 3 Good, 4 Easy). Scheduling,
// evaluation and Anki export/import all use these two functions, so a review
// means the same thing wherever it goes.
//
//   quality 0, 1, 2 → 1 Again   (SM-2 counts q < 3 as a lapse; so does Anki)
//   quality 3       → 2 Hard
//   quality 4       → 3 Good
//   quality 5       → 4 Easy
//
// Back from a rating we pick one quality per button: Again → 1 (a wrong
// answer, not a blackout), Hard → 3, Good → 4, Easy → 5. So
// qualityToRating(ratingToQuality(r)) === r for every rating, and a quality
// survives a round trip except 0 and 2, which come back as 1.
import type { Quality } from './sm2.ts';

export type Rating = 1 | 2 | 3 | 4;
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];

export function qualityToRating(q: Quality): Rating {
  if (q <= 2) return 1;
  return (q - 1) as Rating; // 3 → 2, 4 → 3, 5 → 4
}

export function ratingToQuality(r: Rating): Quality {
  return r === 1 ? 1 : ((r + 1) as Quality); // 2 → 3, 3 → 4, 4 → 5
}

/** Recall as the evaluation counts it: any rating but Again (quality ≥ 3). */
export function recalled(q: Quality): boolean {
  return q >= 3;
}
