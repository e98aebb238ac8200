import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAnswer, replay } from '../../../srs/answer.ts';
import { newState, sm2, type Quality } from '../../../srs/sm2.ts';

describe('applyAnswer', () => {
  it("the day's first answer moves SM-2", () => {
    const e = applyAnswer({ state: null, quality: 4, today: 10, answeredToday: false });
    expect(e.mode).toBe('review');
    expect(e.before).toBeNull();
    expect(e.after).toEqual(sm2(newState(10), 4, 10));
  });
  it('a drill answer later the same day leaves the state as the first answer set it', () => {
    const first = applyAnswer({ state: null, quality: 1, today: 10, answeredToday: false }).after;
    const drill = applyAnswer({ state: first, quality: 5, today: 10, answeredToday: true });
    expect(drill.mode).toBe('drill');
    expect(drill.after).toEqual(first);
  });
  it('mock answers are labelled mock and follow the same rule', () => {
    expect(applyAnswer({ state: null, quality: 5, today: 1, answeredToday: false, mock: true }).mode).toBe('mock');
  });
});

describe('replay', () => {
  it('rebuilds the state that step-by-step answering produced', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 })), { maxLength: 60 }), (steps) => {
        let state = null as ReturnType<typeof replay>;
        let lastDay: number | null = null;
        let day = 0;
        const log: { quality: Quality; day: number }[] = [];
        for (const [q, gap] of steps) {
          day += gap;
          const e = applyAnswer({ state, quality: q as Quality, today: day, answeredToday: lastDay === day });
          if (e.mode !== 'drill') lastDay = day;
          state = e.after;
          log.push({ quality: q as Quality, day });
        }
        expect(replay(log)).toEqual(state);
      }),
    );
  });
});

describe('a clock set back', () => {
  it('alreadyMoved: today or a later day counts as already moved', async () => {
    const { alreadyMoved } = await import('../../../srs/answer.ts');
    expect(alreadyMoved(null, 10)).toBe(false);
    expect(alreadyMoved(undefined, 10)).toBe(false);
    expect(alreadyMoved(9, 10)).toBe(false);
    expect(alreadyMoved(10, 10)).toBe(true);
    expect(alreadyMoved(11, 10)).toBe(true);
  });

  it('replay treats an answer dated before the last counted one as a drill', async () => {
    const { replay } = await import('../../../srs/answer.ts');
    const once = replay([{ day: 10, quality: 5 }]);
    expect(replay([{ day: 10, quality: 5 }, { day: 9, quality: 5 }])).toEqual(once);
  });
});
