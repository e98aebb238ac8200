// Replaying a card's log into FSRS memory when the scheduler is switched.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FSRS } from '../../../srs/fsrs/config.ts';
import { countedReviews, memoryFromLog } from '../../../srs/fsrs/convert.ts';

describe('countedReviews / memoryFromLog', () => {
  it('counts the first answer of each study day only', () => {
    const log = [{ day: 10, quality: 4 }, { day: 10, quality: 2 }, { day: 12, quality: 5 }] as const;
    expect(countedReviews(log).map((r) => r.day)).toEqual([10, 12]);
  });

  it('skips answers dated on or before the last counted day (clock set back) instead of failing', () => {
    // The third answer was given with the clock set back two days: a drill, as in SM-2 (srs/answer.ts alreadyMoved).
    const log = [{ day: 10, quality: 4 }, { day: 14, quality: 4 }, { day: 12, quality: 3 }, { day: 20, quality: 4 }] as const;
    expect(countedReviews(log).map((r) => r.day)).toEqual([10, 14, 20]);
    const m = memoryFromLog(DEFAULT_FSRS, log);
    expect(m).not.toBeNull();
    expect(m!.lastDay).toBe(20);
    expect(m).toEqual(memoryFromLog(DEFAULT_FSRS, [log[0], log[1], log[3]]));
  });
});
