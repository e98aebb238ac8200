import { describe, expect, it } from 'vitest';
import { QUALITIES } from '../../../srs/sm2.ts';
import { qualityToRating, ratingToQuality, RATINGS, recalled } from '../../../srs/rating.ts';

describe('quality ↔ rating', () => {
  it('maps every quality as documented', () => {
    expect(QUALITIES.map(qualityToRating)).toEqual([1, 1, 1, 2, 3, 4]);
  });
  it('maps every rating back to one quality that maps to it again', () => {
    expect(RATINGS.map(ratingToQuality)).toEqual([1, 3, 4, 5]);
    for (const r of RATINGS) expect(qualityToRating(ratingToQuality(r))).toBe(r);
  });
  it('counts a review as recalled exactly when the rating is not Again', () => {
    for (const q of QUALITIES) expect(recalled(q)).toBe(qualityToRating(q) !== 1);
  });
});
