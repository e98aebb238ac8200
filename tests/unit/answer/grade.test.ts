import { describe, expect, it } from 'vitest';
import { grade, relativeError } from '../../../cards/answer/grade.ts';
import { generate } from '../../../cards/problems/generate.ts';
import type { Problem } from '../../../cards/problems/types.ts';

const find = (id: string, ok: (p: Problem) => boolean): Problem => {
  for (let s = 1; s < 5000; s += 1) {
    const p = generate(id, s);
    if (ok(p)) return p;
  }
  throw new Error(`no variant of ${id}`);
};

describe('grade', () => {
  const conv = find('conv.out.padded', (p) => p.params.s === 2 && p.params.p === 1 && (p.answer as number) > 20);
  const t = conv.targetSeconds * 1000;

  it('maps right answers to quality 5 / 4 / 3 by time', () => {
    const a = String(conv.answer);
    expect(grade(conv, a, t)).toMatchObject({ status: 'right', quality: 5, relError: 0, expected: conv.answer, value: conv.answer });
    expect(grade(conv, a, t + 1).quality).toBe(4);
    expect(grade(conv, a, 2 * t).quality).toBe(4);
    expect(grade(conv, a, 2 * t + 1).quality).toBe(3);
  });

  it('grades integers exactly but accepts equal expressions', () => {
    const a = conv.answer as number;
    expect(grade(conv, `${a}.0`, 0).status).toBe('right');
    expect(grade(conv, `${2 * a}/2`, 0).status).toBe('right');
    expect(grade(conv, `${a + 0.5}`, 0).status).toBe('wrong');
    expect(grade(conv, `${a + 1}`, 0)).toMatchObject({ status: 'wrong', quality: 2 }); // within 10 %
    expect(grade(conv, `${a * 3}`, 0)).toMatchObject({ status: 'wrong', quality: 1 });
  });

  it('names the matched mistake and its hint', () => {
    const n = conv.params.n as number;
    const k = conv.params.k as number;
    const v = grade(conv, String(Math.floor((n + 2 - k) / 2)), 0); // forgot the +1
    expect(v.status).toBe('wrong');
    expect(v.mistake?.id).toBe('forgot-plus-one');
    expect(v.mistake?.hint.zh).toContain('+1');
    expect(v.quality).toBe(2);
  });

  it('uses a relative tolerance for reals', () => {
    const p = find('init.he.bound', (q) => q.params.mode === 'in');
    const a = p.answer as number;
    expect(grade(p, `sqrt(6/${p.params.nin})`, 0).status).toBe('right');
    expect(grade(p, String(a * (1 + 5e-4)), 0).status).toBe('right');
    expect(grade(p, String(a * (1 + 2e-3)), 0)).toMatchObject({ status: 'wrong', quality: 2 });
    expect(grade(p, `sqrt(3/${p.params.nin})`, 0).mistake?.id).toBe('used-xavier');
  });

  it('compares vectors element by element with a length check', () => {
    const p = find('act.softmax', (q) => (q.answer as number[]).length === 3);
    const a = p.answer as number[];
    expect(grade(p, `[${a.map((x) => x.toFixed(4)).join(', ')}]`, 0).status).toBe('right');
    expect(grade(p, a.map((x) => x.toFixed(4)).join('，'), 0).status).toBe('right');
    const short = grade(p, `[${a.slice(0, 2).join(', ')}]`, 0);
    expect(short).toMatchObject({ status: 'wrong', quality: 1 });
    expect(short.relError).toBeUndefined();
    expect(grade(p, `[${a.map((x, i) => (i === 1 ? x + 0.01 : x)).join(', ')}]`, 0).status).toBe('wrong');
  });

  it('treats unparseable input and shape errors as retypable, with no quality', () => {
    const p = find('act.softmax', () => true);
    for (const text of ['', 'hello', 'constructor', 'x'.repeat(1e6)]) {
      const v = grade(p, text, 0);
      expect(v.status).toBe('unparseable');
      expect(v.quality).toBeUndefined();
      expect(v.reason).toBeTruthy();
      expect(v.expected).toEqual(p.answer);
    }
    expect(grade(p, '0.5', 0)).toMatchObject({ status: 'unparseable', reason: expect.stringContaining('vector') });
    expect(grade(conv, '[1, 2]', 0)).toMatchObject({ status: 'unparseable', reason: 'expected a single number' });
    expect(grade(conv, `[${conv.answer}]`, 0).status).toBe('right');
  });

  it('computes a scale-aware relative error', () => {
    expect(relativeError(110, 100)).toBeCloseTo(0.1, 12);
    expect(relativeError([1, 2.2], [1, 2])).toBeCloseTo(0.1, 12);
    expect(relativeError([1], [1, 2])).toBeUndefined();
    expect(relativeError(0, 0)).toBe(0);
    expect(relativeError(1, 0)).toBe(Infinity);
  });

  it('survives problems from storage with odd params', () => {
    const p = { ...generate('act.softmax', 3), params: { x: 'oops' } } as unknown as Problem;
    expect(grade(p, '[1, 2, 3]', 0).status).toBe('wrong');
    const q = { ...conv, template: 'gone' };
    expect(grade(q, '1', 0).status).toBe('wrong');
  });
});
