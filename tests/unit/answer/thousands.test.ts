// Thousands separators (issue 15): 6,738,415,616 · 6 738 415 616 · 6_738_415_616
// are one number where a single number is expected; 1,2,3 stays a vector, and a
// comma is a vector comma wherever a vector is expected.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grade } from '../../../cards/answer/grade.ts';
import { parseAnswer, type ExpectedShape } from '../../../cards/answer/parse.ts';
import { generate } from '../../../cards/problems/generate.ts';
import type { Answer, Problem } from '../../../cards/problems/types.ts';

const read = (s: string, expect?: ExpectedShape): Answer => {
  const r = parseAnswer(s, expect);
  if (!r.ok) throw new Error(`${s}: ${r.reason}`);
  return r.value;
};

/** A problem of a real template with a chosen answer (grade reads the template only for its mistakes). */
const withAnswer = (template: string, answer: Answer): Problem => {
  const p = generate(template, 1);
  p.answer = answer;
  return p;
};

describe('grouped numbers where one number is expected', () => {
  it.each([
    ['6,738,415,616', 6738415616],
    ['6 738 415 616', 6738415616],
    ['6_738_415_616', 6738415616],
    ['124,439,808', 124439808],
    ['1,234', 1234],
    ['-1,234', -1234],
    ['+12,345.5', 12345.5],
    ['999,999', 999999],
    ['６，７３８，４１５，６１６', 6738415616],
    ['6\u202f738\u202f415\u202f616', 6738415616], // narrow no-break spaces, as some locales print
  ])('%s = %d', (s, v) => expect(read(s, 'scalar')).toBe(v));

  it('keeps anything that is not exactly 1–3 digits then groups of 3 as before', () => {
    expect(read('1,2,3', 'scalar')).toEqual([1, 2, 3]);
    expect(read('12,34', 'scalar')).toEqual([12, 34]); // not a decimal comma either
    expect(read('0,001', 'scalar')).toEqual([0, 1]); // a leading 0 group is not a thousands group
    expect(read('1234,567', 'scalar')).toEqual([1234, 567]);
    expect(read('1,234,56', 'scalar')).toEqual([1, 234, 56]);
    expect(read('1, 234', 'scalar')).toEqual([1, 234]); // a space after the comma: a list
    expect(read('1,234 567', 'scalar')).toEqual([1, 234567]); // mixed separators: the comma is a list comma
    expect(parseAnswer('1 2 3', 'scalar').ok).toBe(false);
    expect(parseAnswer('12 34', 'scalar').ok).toBe(false);
  });

  it('reads the integer any en-US locale prints, back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const en = n.toLocaleString('en-US');
        return read(en, 'scalar') === n && read(en.replace(/,/g, ' '), 'scalar') === n && read(en.replace(/,/g, '_'), 'scalar') === n;
      }),
      { numRuns: 500 },
    );
  });
});

describe('where a vector is expected, or nothing is said', () => {
  it('a comma separates entries', () => {
    expect(read('1,234', 'vector')).toEqual([1, 234]);
    expect(read('6,738,415,616', 'vector')).toEqual([6, 738, 415, 616]);
    expect(read('1,234')).toEqual([1, 234]);
    expect(read('1,2,3', 'vector')).toEqual([1, 2, 3]);
  });

  it('spaces and underscores group digits inside vectors and expressions too', () => {
    expect(read('[6 738 415 616, 8_030_261_248]', 'vector')).toEqual([6738415616, 8030261248]);
    expect(read('6 738 415 616 / 1e9', 'scalar')).toBeCloseTo(6.738415616, 12);
    expect(read('2*1_000_000')).toBe(2e6);
    expect(read('ln 100 000')).toBeCloseTo(Math.log(1e5), 12);
  });
});

describe('the grader picks the reading by the expected kind and shows it', () => {
  it('grades a published total typed with separators right (scalar)', () => {
    const p = withAnswer('llm.params.llama', 6738415616);
    for (const s of ['6,738,415,616', '6 738 415 616', '6_738_415_616', '6738415616']) {
      expect(grade(p, s, 0), s).toMatchObject({ status: 'right', value: 6738415616 });
    }
    expect(grade(p, '6,738,415,617', 0)).toMatchObject({ status: 'wrong', value: 6738415617 });
    expect(grade(p, '1,2,3', 0)).toMatchObject({ status: 'unparseable', reason: 'expected a single number' });
  });

  it('reads 1,234 as [1, 234] where a vector is expected, and says so in the verdict', () => {
    const p = withAnswer('rnn.lstm.step', [1, 234]);
    expect(grade(p, '1,234', 0)).toMatchObject({ status: 'right', value: [1, 234] });
    const q = withAnswer('rnn.lstm.step', [0.5, 0.25]);
    const v = grade(q, '1,234', 0);
    expect(v.status).toBe('wrong');
    expect(v.value).toEqual([1, 234]); // the review screen prints "= [1, 234]" next to what was typed
  });

  it('a grouped number where a vector is expected asks for a vector', () => {
    const p = withAnswer('rnn.lstm.step', [0.5, 0.25]);
    expect(grade(p, '1 234', 0)).toMatchObject({ status: 'unparseable', value: 1234, reason: expect.stringContaining('vector') });
  });
});
