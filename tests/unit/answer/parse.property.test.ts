// Property tests: parseAnswer never throws, reads every number it prints, and
// evaluates random allow-listed expressions exactly like a reference evaluator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../../cards/answer/parse.ts';

const shape = (r: ReturnType<typeof parseAnswer>): boolean =>
  r.ok ? (Array.isArray(r.value) ? r.value.every(Number.isFinite) : Number.isFinite(r.value)) : typeof r.reason === 'string' && r.reason.length > 0;

type Expr = { text: string; value: number };
const leaf = fc.oneof(
  fc.integer({ min: 0, max: 999 }).map((n): Expr => ({ text: String(n), value: n })),
  fc.constantFrom<Expr>({ text: 'pi', value: Math.PI }, { text: 'e', value: Math.E }, { text: '0.5', value: 0.5 }),
);
const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/'), tie('expr')).map(([a, op, b]): Expr => ({
      text: `(${a.text} ${op} ${b.text})`,
      value: op === '+' ? a.value + b.value : op === '-' ? a.value - b.value : op === '*' ? a.value * b.value : a.value / b.value,
    })),
    tie('expr').map((a): Expr => ({ text: `-(${a.text})`, value: -a.value })),
    tie('expr').map((a): Expr => ({ text: `sqrt(abs(${a.text}))`, value: Math.sqrt(Math.abs(a.value)) })),
    tie('expr').map((a): Expr => ({ text: `exp(-abs(${a.text}))`, value: Math.exp(-Math.abs(a.value)) })),
  ),
}));

describe('parseAnswer properties', () => {
  it('never throws and always returns a well-formed result', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => shape(parseAnswer(s))), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => shape(parseAnswer(s))), { numRuns: 3000 });
  });

  it('never throws on strings built from expression syntax', () => {
    const piece = fc.constantFrom('(', ')', '[', ']', ',', '，', '+', '-', '*', '/', '^', '%', ' ', '1', '0.5', 'e', 'pi', 'ln', 'log', 'sqrt', 'exp', '2', '1e5', '.', 'x', 'constructor', '"', '=', ';');
    fc.assert(fc.property(fc.array(piece, { maxLength: 80 }), (ps) => shape(parseAnswer(ps.join('')))), { numRuns: 5000 });
  });

  it('reads back every finite double it is given, alone and in vectors', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      const r = parseAnswer(String(x));
      return r.ok && r.value === (Object.is(x, -0) ? -0 : x);
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 10 }), (xs) => {
      const r = parseAnswer(`[${xs.join(', ')}]`);
      return r.ok && Array.isArray(r.value) && r.value.every((v, i) => v === xs[i]);
    }), { numRuns: 1000 });
  });

  it('evaluates allow-listed expressions like a reference evaluator', () => {
    fc.assert(fc.property(expr, (e) => {
      if (e.text.length > 200 || !Number.isFinite(e.value)) return true;
      const r = parseAnswer(e.text);
      if (!r.ok) return /nested too deeply|too long/.test(r.reason);
      return typeof r.value === 'number' && Math.abs(r.value - e.value) <= 1e-9 * Math.max(1, Math.abs(e.value));
    }), { numRuns: 2000 });
  });

  it('rejects any identifier outside the allow-list', () => {
    const allowed = new Set(['e', 'pi', 'sqrt', 'exp', 'ln', 'log', 'log2', 'log10', 'abs']);
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/), fc.constantFrom('', '(1)', '()', '.x', '[0]', ' 1'), (name, suffix) => {
      fc.pre(!allowed.has(name) && !/^(sqrt|exp|ln)\d/.test(name));
      return parseAnswer(`${name}${suffix}`).ok === false;
    }), { numRuns: 3000 });
  });
});
