import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_EASE, newState, nextEase, previewIntervals, sm2, type Quality, type Sm2State } from '../../../srs/sm2.ts';

const s = (over: Partial<Sm2State> = {}): Sm2State => ({ repetitions: 0, easeFactor: 2.5, intervalDays: 0, dueDay: 100, lapses: 0, ...over });

describe('sm2 — interval branches', () => {
  it('first success gives 1 day', () => {
    expect(sm2(s(), 4, 100)).toMatchObject({ repetitions: 1, intervalDays: 1, dueDay: 101 });
  });
  it('second success gives 6 days', () => {
    expect(sm2(s({ repetitions: 1, intervalDays: 1 }), 3, 100)).toMatchObject({ repetitions: 2, intervalDays: 6, dueDay: 106 });
  });
  it('later successes multiply by the EF from before the answer', () => {
    // 6 × 2.5 = 15 (the EF of 2.5, not the 2.36 that q=3 produces)
    const next = sm2(s({ repetitions: 2, intervalDays: 6, easeFactor: 2.5 }), 3, 100);
    expect(next.intervalDays).toBe(15);
    expect(next.easeFactor).toBeCloseTo(2.36, 12);
  });
  it('rounds the product to the nearest day', () => {
    expect(sm2(s({ repetitions: 3, intervalDays: 7, easeFactor: 1.3 }), 5, 0).intervalDays).toBe(9); // 9.1
    expect(sm2(s({ repetitions: 3, intervalDays: 5, easeFactor: 1.5 }), 5, 0).intervalDays).toBe(8); // 7.5 → 8
  });
  it.each([0, 1, 2] as Quality[])('failure q=%i resets repetitions, interval 1, counts a lapse', (q) => {
    const next = sm2(s({ repetitions: 5, intervalDays: 40, lapses: 2 }), q, 100);
    expect(next).toMatchObject({ repetitions: 0, intervalDays: 1, lapses: 3, dueDay: 101 });
  });
});

describe('sm2 — ease factor', () => {
  it.each([
    [5, 2.6],
    [4, 2.5],
    [3, 2.36],
    [2, 2.18],
    [1, 1.96],
    [0, 1.7],
  ] as [Quality, number][])('q=%i from 2.5 gives %f', (q, ef) => {
    expect(sm2(s(), q, 0).easeFactor).toBeCloseTo(ef, 12);
  });
  it('never drops below 1.3', () => {
    let st = s({ easeFactor: 1.35 });
    for (let i = 0; i < 5; i++) st = sm2(st, 0, 0);
    expect(st.easeFactor).toBe(MIN_EASE);
    expect(nextEase(1.3, 3)).toBe(1.3);
  });
  it('keeps EF as an unrounded double', () => {
    const ef = sm2(sm2(s(), 3, 0), 3, 1).easeFactor;
    // 2.5 + 0.1 − 0.24 twice, in floating point: not snapped to 2.22
    expect(ef).toBe(2.5 + 0.1 - 2 * (0.08 + 2 * 0.02) + 0.1 - 2 * (0.08 + 2 * 0.02));
    expect(ef).not.toBe(2.22);
  });
  it('rejects a quality outside 0..5', () => {
    expect(() => sm2(s(), 6 as Quality, 0)).toThrow(RangeError);
    expect(() => sm2(s(), 2.5 as Quality, 0)).toThrow(RangeError);
  });
});

/** The contract of DESIGN.md written a second time, deliberately differently, as the oracle. */
function oracle(states: { n: number; ef: number; i: number; lapses: number }, q: number) {
  const ok = q >= 3;
  const i = !ok ? 1 : states.n === 0 ? 1 : states.n === 1 ? 6 : Math.round(states.i * states.ef);
  const efRaw = states.ef + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02);
  return { n: ok ? states.n + 1 : 0, ef: efRaw < 1.3 ? 1.3 : efRaw, i, lapses: states.lapses + (ok ? 0 : 1) };
}

describe('sm2 — long random sequences match an independent restatement', () => {
  it('agrees step by step for any quality sequence', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 200 }), (qs) => {
        let st = newState(0);
        let o = { n: 0, ef: 2.5, i: 0, lapses: 0 };
        let day = 0;
        for (const q of qs) {
          st = sm2(st, q as Quality, day);
          o = oracle(o, q);
          expect(st.repetitions).toBe(o.n);
          expect(st.intervalDays).toBe(o.i);
          expect(st.easeFactor).toBe(o.ef);
          expect(st.lapses).toBe(o.lapses);
          expect(st.dueDay).toBe(day + o.i);
          // invariants
          expect(st.easeFactor).toBeGreaterThanOrEqual(1.3);
          expect(st.intervalDays).toBeGreaterThanOrEqual(1);
          expect(st.dueDay).toBeGreaterThan(day);
          day = st.dueDay;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('previewIntervals', () => {
  it('labels each grade with the interval it would give', () => {
    expect(previewIntervals(s({ repetitions: 2, intervalDays: 6 }), 0)).toEqual({ 0: 1, 1: 1, 2: 1, 3: 15, 4: 15, 5: 15 });
  });
});
