// SM-2 invariants (EF ≥ 1.3, interval ≥ 1, due after today) in the cases
// tests/unit/srs/sm2.test.ts leaves out: answers early, late or several times
// a day (drills, through applyAnswer), and any valid state as the start.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAnswer, replay } from '../../../srs/answer.ts';
import { MIN_EASE, newState, sm2, type Quality, type Sm2State } from '../../../srs/sm2.ts';

const quality = fc.integer({ min: 0, max: 5 }) as fc.Arbitrary<Quality>;

function invariants(s: Sm2State, today: number): void {
  expect(s.easeFactor).toBeGreaterThanOrEqual(MIN_EASE);
  expect(Number.isFinite(s.easeFactor)).toBe(true);
  expect(Number.isInteger(s.intervalDays)).toBe(true);
  expect(s.intervalDays).toBeGreaterThanOrEqual(1);
  expect(s.dueDay).toBeGreaterThan(today);
  expect(s.repetitions).toBeGreaterThanOrEqual(0);
  expect(s.lapses).toBeGreaterThanOrEqual(0);
}

/**
 * Any state SM-2 can reach, including ones short tests never do (EF at the
 * floor, huge intervals): a new card, or any interval of at least a day.
 */
const state: fc.Arbitrary<Sm2State> = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }).map(newState),
  fc.record({
    repetitions: fc.integer({ min: 0, max: 60 }),
    easeFactor: fc.oneof(fc.constant(MIN_EASE), fc.double({ min: MIN_EASE, max: 4, noNaN: true })),
    intervalDays: fc.integer({ min: 1, max: 40_000 }),
    dueDay: fc.integer({ min: -1000, max: 100_000 }),
    lapses: fc.integer({ min: 0, max: 100 }),
  }),
);

describe('SM-2 invariants', () => {
  it('hold after one answer from any valid state on any day', () => {
    fc.assert(
      fc.property(state, quality, fc.integer({ min: -1000, max: 100_000 }), (s, q, today) => {
        invariants(sm2(s, q, today), today);
      }),
      { numRuns: 3000 },
    );
  });

  it('hold for any quality sequence answered early, on time, late or several times a day', () => {
    // gap -1 means "before the card was due" relative to the last due day; 0 is a same-day repeat (a drill).
    const step = fc.tuple(quality, fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 }), fc.constant(-1)));
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 150 }), (steps) => {
        let s: Sm2State | null = null;
        let lastDay: number | null = null;
        let today = 0;
        const log: { quality: Quality; day: number }[] = [];
        for (const [q, gap] of steps) {
          if (gap === -1 && s) today = Math.max(today + 1, s.dueDay - 3);
          else today += gap;
          const e = applyAnswer({ state: s, quality: q, today, answeredToday: lastDay === today });
          if (e.mode === 'drill') expect(e.after).toBe(s); // drills never move the schedule
          else lastDay = today;
          s = e.after;
          invariants(s, today);
          log.push({ quality: q, day: today });
        }
        // The log alone gives the same state, so a rebuild (Check database) can never break the invariants either.
        expect(replay(log)).toEqual(s);
      }),
      { numRuns: 1500 },
    );
  });

  it('EF reaches the floor under repeated failure and stays there exactly', () => {
    fc.assert(
      fc.property(fc.double({ min: MIN_EASE, max: 4, noNaN: true }), fc.array(fc.constantFrom<Quality>(0, 1, 2), { minLength: 12, maxLength: 40 }), (ef, qs) => {
        let s: Sm2State = { ...newState(0), easeFactor: ef };
        qs.forEach((q, day) => (s = sm2(s, q, day)));
        expect(s.easeFactor).toBe(MIN_EASE);
        expect(s.repetitions).toBe(0);
        expect(s.intervalDays).toBe(1);
      }),
    );
  });
});
