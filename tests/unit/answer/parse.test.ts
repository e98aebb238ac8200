import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../../cards/answer/parse.ts';

const value = (s: string) => {
  const r = parseAnswer(s);
  if (!r.ok) throw new Error(`${s}: ${r.reason}`);
  return r.value;
};

describe('parseAnswer accepts', () => {
  it.each([
    ['112', 112],
    ['-3', -3],
    ['0.25', 0.25],
    ['.5', 0.5],
    ['3/64', 3 / 64],
    ['1.2e-3', 0.0012],
    ['1E5', 1e5],
    ['sqrt(6/256)', Math.sqrt(6 / 256)],
    ['2*3*3*64*112*112*128', 2 * 3 * 3 * 64 * 112 * 112 * 128],
    ['e^-1', Math.exp(-1)],
    ['ln 2', Math.LN2],
    ['ln2', Math.LN2],
    ['log(2)', Math.LN2],
    ['log(8, 2)', 3],
    ['log2(8)', 3],
    ['log10(1000)', 3],
    ['exp(1)', Math.E],
    ['pi/4', Math.PI / 4],
    ['3²', 9],
    ['10⁻³', 1e-3],
    ['2×10⁻²', 0.02],
    ['2pi', 2 * Math.PI],
    ['-(1/3)', -1 / 3],
    ['2^-2', 0.25],
    ['2**3', 8],
    ['50%', 0.5],
    ['−0.5', -0.5],
    ['2×3', 6],
    ['１１２', 112],
    ['（1+2）*3', 9],
    ['  7  ', 7],
    ['[3]', [3]],
    ['sqrt 2', Math.SQRT2],
  ] as [string, number | number[]][])('%s', (s, v) => {
    const got = value(s);
    if (Array.isArray(v)) expect(got).toEqual(v);
    else expect(got as number).toBeCloseTo(v, 12);
  });

  it.each([
    ['[1, 2, 3]', [1, 2, 3]],
    ['1, 2, 3', [1, 2, 3]],
    ['1，2，3', [1, 2, 3]],
    ['[0.1, -0.2, 3/4]', [0.1, -0.2, 0.75]],
    ['［0.5，0.5］', [0.5, 0.5]],
    ['[e^-1, 1 - e^-1]', [Math.exp(-1), 1 - Math.exp(-1)]],
    ['1e-3, 2e-3', [0.001, 0.002]],
  ] as [string, number[]][])('vector %s', (s, v) => {
    const got = value(s) as number[];
    expect(got).toHaveLength(v.length);
    got.forEach((x, i) => expect(x).toBeCloseTo(v[i] as number, 12));
  });
});

describe('parseAnswer rejects with a reason, without executing anything', () => {
  const hostile = [
    '',
    '   ',
    'x'.repeat(1024 * 1024),
    '1+'.repeat(150) + '1',
    '('.repeat(1000) + '1' + ')'.repeat(1000),
    '['.repeat(50) + '1' + ']'.repeat(50),
    '-'.repeat(199) + '1',
    'constructor',
    '__proto__',
    'toString',
    'import("fs")',
    'import(…)',
    'evaluate("1+1")',
    'process.exit(1)',
    'require("child_process")',
    'x',
    'a = 1',
    'f(x) = 1',
    '1; 2',
    '1 2',
    '[[1, 2]]',
    '{a: 1}',
    'cos(0)',
    '"1"',
    "'1'",
    '1 ? 2 : 3',
    '1 == 1',
    '5!',
    '3 mod 2',
    '1:3',
    'sqrt',
    'sqrt()',
    'sqrt(1, 2)',
    '1e999',
    '0/0',
    'sqrt(-1)',
    'log(0)',
    '[]',
    '1,',
    ',',
    '(1',
    '1)',
    '\u0000',
    '1\u202e2',
  ];
  it.each(hostile.map((h) => [h.length > 40 ? `${h.slice(0, 40)}… (${h.length} chars)` : h, h]))('%s', (_label, h) => {
    const r = parseAnswer(h);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
  });

  it('says why', () => {
    expect(parseAnswer('')).toEqual({ ok: false, reason: 'empty answer' });
    expect(parseAnswer('x'.repeat(1e6))).toEqual({ ok: false, reason: 'too long' });
    expect(parseAnswer('constructor')).toEqual({ ok: false, reason: 'unknown name "constructor"' });
    expect(parseAnswer('evaluate("1")')).toMatchObject({ ok: false, reason: expect.stringMatching(/unexpected character|unknown name/) });
    expect(parseAnswer('1e999')).toEqual({ ok: false, reason: 'not a finite number' });
  });

  it('never hands learner input to mathjs evaluate/compile (only parse)', () => {
    for (const f of ['parse.ts', 'expression.ts', 'grade.ts']) {
      const src = readFileSync(new URL(`../../../cards/answer/${f}`, import.meta.url), 'utf8');
      expect(src, f).not.toMatch(/\b(evaluate|compile|create|import)\s*\(/);
      expect(src, f).not.toMatch(/import\s*\{[^}]*\b(evaluate|compile)\b[^}]*\}\s*from\s*'mathjs'/);
    }
  });
});
