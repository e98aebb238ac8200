import { describe, expect, it } from 'vitest';
import { streak } from '../../../srs/streak.ts';

describe('streak', () => {
  it('counts consecutive days ending today', () => expect(streak([10, 9, 8, 6], 10)).toBe(3));
  it('still counts yesterday when today has no answer yet', () => expect(streak([9, 8], 10)).toBe(2));
  it('is 0 after a missed day', () => expect(streak([8, 7], 10)).toBe(0));
  it('is 0 with no history', () => expect(streak([], 10)).toBe(0));
});
