// perParams: one run per params object, kept on that object where no key, JSON or equality check sees it.
import { describe, expect, it } from 'vitest';
import { perParams } from '../../../cards/problems/define.ts';

describe('perParams', () => {
  it('runs once for repeated calls on one params object and again for another', () => {
    let runs = 0;
    const f = perParams((p: { x: number }) => {
      runs += 1;
      return [p.x * 2];
    });
    const a = { x: 1 };
    const b = { x: 1 };
    expect(f(a)).toEqual([2]);
    expect(f(a)).toBe(f(a));
    expect(runs).toBe(1);
    expect(f(b)).toEqual([2]);
    expect(runs).toBe(2);
    expect(f(a)).toEqual([2]);
    expect(runs).toBe(2); // a's value stays with a
    expect(Object.keys(a)).toEqual(['x']);
    expect(JSON.stringify(a)).toBe('{"x":1}');
    expect(a).toEqual({ x: 1 });
  });

  it('works on frozen params too (computed each time, nothing stored)', () => {
    let runs = 0;
    const f = perParams((p: { x: number }) => (runs += 1, p.x));
    const a = Object.freeze({ x: 3 });
    expect(f(a)).toBe(3);
    expect(f(a)).toBe(3);
    expect(runs).toBe(2);
  });

  it('does not remember a run that threw', () => {
    let fail = true;
    const f = perParams((p: { x: number }) => {
      if (fail) throw new Error('boom');
      return p.x;
    });
    const a = { x: 5 };
    expect(() => f(a)).toThrow('boom');
    fail = false;
    expect(f(a)).toBe(5);
  });
});
