// Scientific notation, magnitude suffixes and vectors in typed answers (issue 15):
// 6.7e9, 1e-3, 7.5B, 124M, 2k, [-1, 2.5k]; a half-typed "1e" is refused
// instead of being read as 1·e, while e, e^-1 and 2e^-1 keep Euler's number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../../cards/answer/parse.ts';

const value = (s: string) => {
  const r = parseAnswer(s);
  if (!r.ok) throw new Error(`${s}: ${r.reason}`);
  return r.value;
};
const SUFFIX: Record<string, number> = { k: 3, K: 3, M: 6, B: 9, G: 9, T: 12 };

describe('scientific notation', () => {
  it.each([
    ['6.7e9', 6.7e9],
    ['1e-3', 0.001],
    ['2.5E+4', 25000],
    ['-1e3', -1000],
    ['6*350e6*1e12', 2.1e21],
    ['1e-3*2', 0.002],
    ['.5e2', 50],
  ])('%s = %d', (s, v) => expect(value(s)).toBe(v));

  it('refuses a number followed by e/E without exponent digits, naming both readings', () => {
    for (const s of ['1e', '2e', '2.5E', '1e+', '1e 3', '1.5e-3e', '[1e, 2]', '3E']) {
      const r = parseAnswer(s);
      expect(r.ok, s).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/exponent.*1\*e/);
    }
  });

  it("keeps e as Euler's number where it is not a number's exponent", () => {
    expect(value('e')).toBe(Math.E);
    expect(value('e^-1')).toBeCloseTo(1 / Math.E, 15);
    expect(value('2*e')).toBeCloseTo(2 * Math.E, 14);
    expect(value('2e^-1')).toBeCloseTo(2 / Math.E, 14);
    expect(value('2exp(1)')).toBeCloseTo(2 * Math.E, 14);
    expect(value('ln(e^2)')).toBeCloseTo(2, 14);
  });

  it('reads any <mantissa>e<exponent> exactly as Number() does', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 999, noNaN: true }), fc.integer({ min: -20, max: 20 }), fc.constantFrom('e', 'E'), (m, x, e) => {
        const s = `${m}${e}${x}`; // String(m) has no exponent of its own in this range
        return value(s) === Number(s);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('magnitude suffixes', () => {
  it.each([
    ['7.5B', 7.5e9],
    ['124M', 124e6],
    ['2k', 2000],
    ['2K', 2000],
    ['1.2T', 1.2e12],
    ['1G', 1e9],
    ['-7.5B', -7.5e9],
    ['.5k', 500],
    ['1.5e3k', 1.5e6],
    ['6*7B*1T', 6 * 7e9 * 1e12],
    ['2k^2', 4e6],
    ['７．５Ｂ', 7.5e9],
  ])('%s = %d', (s, v) => expect(value(s)).toBe(v));

  it('refuses lower-case m, b, g, t (milli? bits?) and suffixes without a number', () => {
    for (const s of ['3m', '1.2t', '4b', '2g', 'B', 'kB', '2kk', 'x2k', '2 k']) expect(parseAnswer(s).ok, s).toBe(false);
  });

  it('x followed by a suffix is x·10^n, for any decimal x', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999999, max: 999999 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom(...Object.keys(SUFFIX)), (n, dp, suf) => {
        const x = (n / 10 ** dp).toFixed(dp);
        const v = value(`${x}${suf}`) as number;
        return v === Number(`${x}e${SUFFIX[suf]}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('vectors', () => {
  it('take negative, scientific and suffixed entries, with or without brackets', () => {
    expect(value('[-1, -2.5e-3, 3k]')).toEqual([-1, -0.0025, 3000]);
    expect(value('-1, 2M')).toEqual([-1, 2e6]);
    expect(value('[ -0.5 , 1/4 ]')).toEqual([-0.5, 0.25]);
    expect(value('［1，-2］')).toEqual([1, -2]);
  });

  it('refuse nested vectors and empty entries', () => {
    for (const s of ['[[1,2]]', '[[1,2],[3,4]]', '[1,,2]', '[1, 2,]']) expect(parseAnswer(s).ok, s).toBe(false);
  });
});
