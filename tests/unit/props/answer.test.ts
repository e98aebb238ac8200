// The typed-answer parser at its boundary: hostile text is rejected without
// a throw, nothing reaches mathjs' own evaluator, nothing global changes, and
// whatever it accepts is built only from allow-listed names. (The numeric
// properties — exact read-back, reference evaluation — live in
// tests/unit/answer/parse.property.test.ts.)
import fc from 'fast-check';
import { Node, parse as mathParse } from 'mathjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONSTANTS, FUNCTIONS } from '../../../cards/answer/expression.ts';
import { parseAnswer, type ParsedAnswer } from '../../../cards/answer/parse.ts';

const ALLOWED = new Set([...FUNCTIONS.keys(), ...CONSTANTS.keys()]);

/** Code, mathjs features beyond arithmetic, and resource bombs: every one must be refused. */
const HOSTILE = [
  'constructor.constructor("globalThis.__pwned = 1")()',
  '"".constructor.constructor("return process")().exit()',
  '__proto__.polluted = 1',
  'x = 1', 'f(x) = x^2', 'a.b', 'a[1]', '[1,2][1]', '{a: 1}', '"text"', "'text'", '`1`',
  'import({}, {override: true})', 'evaluate("1+1")', 'compile("1")', 'parse("1")', 'createUnit("foo")', 'simplify("x")',
  'cos(0)', 'sin(pi)', 'factorial(5)', '5!', '1:10', 'true ? 1 : 2', 'true', 'null', 'undefined', 'NaN', 'Infinity', 'i', '2i',
  '5 cm', '1 inch to cm', 'matrix([1])', '[[1, 2], [3, 4]]', 'sqrt(-1)', 'log(-1)', '0/0', '1/0', '1e309', '9^9^9', '-(1e308 * 10)',
  'sqrt(' + '('.repeat(50) + '1' + ')'.repeat(50) + ')', '('.repeat(5000), '1+'.repeat(2000) + '1', '1'.repeat(100_000),
  'process.exit()', 'require("fs")', 'globalThis', 'window.alert(1)', 'this', 'new Function("1")', '<script>alert(1)</script>',
  '${1}', '#{1}', '1; 2', '1\n2', 'ln 2; ln 3', 'abs(1, 2, 3)', 'log(1, 2, 3)', 'sqrt()', 'exp', 'pi()', 'e(1)',
  '\u0000', '½', '∞', '1..2', '[]', '[,]', '[1,,2]', ',1', '[' + '1,'.repeat(100) + '1]',
];
/** Odd but harmless: any well-formed result will do. */
const ODD = ['\uFEFF1', '１＋１', '²', '−−1', '1e', '.', '..', '+-+-1', 'log2 log2 4'];

function wellFormed(r: ParsedAnswer): boolean {
  if (!r.ok) return typeof r.reason === 'string' && r.reason.length > 0;
  return Array.isArray(r.value) ? r.value.length > 0 && r.value.every(Number.isFinite) : typeof r.value === 'number' && Number.isFinite(r.value);
}

/** Identifiers as a reader of the normalised text sees them; numbers such as 1e5 are not names, and "sqrt2" is sqrt(2). */
function names(text: string): string[] {
  const s = text.normalize('NFKC').replace(/π/g, 'pi').replace(/\b(sqrt|exp|ln)(?=\d)/g, '$1 ');
  return [...s.matchAll(/(\d*\.?\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)/g)].flatMap((m) => (m[2] ? [m[2]] : []));
}

const globals = () => Object.getOwnPropertyNames(globalThis).sort().join(',');
const protos = () => [Object.prototype, Function.prototype, Array.prototype, String.prototype, Number.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(',')).join('|');

describe('parseAnswer against hostile input', () => {
  // mathjs' evaluator is reached only through Node#compile / Node#evaluate: spying there catches any use.
  const compile = vi.spyOn(Node.prototype, 'compile');
  const evaluate = vi.spyOn(Node.prototype, 'evaluate');
  let before: { g: string; p: string };

  beforeAll(() => {
    before = { g: globals(), p: protos() };
  });
  afterAll(() => {
    compile.mockRestore();
    evaluate.mockRestore();
  });

  function check(text: string): ParsedAnswer {
    let r: ParsedAnswer | undefined;
    expect(() => (r = parseAnswer(text))).not.toThrow();
    expect(wellFormed(r!), JSON.stringify({ text: text.slice(0, 80), r })).toBe(true);
    if (r!.ok) expect(names(text).filter((n) => !ALLOWED.has(n)), text.slice(0, 80)).toEqual([]);
    return r!;
  }

  it('refuses every string of a hostile corpus, and reads odd ones without a throw', () => {
    expect(HOSTILE.filter((h) => check(h).ok)).toEqual([]);
    for (const o of ODD) check(o);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('accepts only allow-listed names, for any mix of names, numbers and operators', () => {
    const piece = fc.oneof(
      fc.constantFrom(...ALLOWED),
      fc.constantFrom('cos', 'x', 'E', 'PI', 'Infinity', 'NaN', 'true', 'i', 'constructor', '__proto__', 'import', 'evaluate', 'Math', 'process', 'f', 'to', 'cm', 'mod', 'not', 'and'),
      fc.constantFrom('(', ')', '[', ']', ',', '+', '-', '*', '/', '^', '%', '!', '=', ':', '?', '.', ';', '"', "'", ' ', '\n', '，', '（', '）', '×', '÷', '−', 'π', '**'),
      fc.integer({ min: 0, max: 999 }).map(String),
      fc.constantFrom('0.5', '1e5', '2E-3', '.5'),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (ps) => void check(ps.join(''))), { numRuns: 4000 });
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 200 }), (s) => void check(s)), { numRuns: 2000 });
  });

  it('never reached mathjs evaluation, and left globals and prototypes as they were', () => {
    expect(compile).not.toHaveBeenCalled();
    expect(evaluate).not.toHaveBeenCalled();
    expect(globals()).toBe(before.g);
    expect(protos()).toBe(before.p);
    // Control: the spies do see mathjs evaluating, so the silence above means something.
    expect(mathParse('1 + 1').evaluate()).toBe(2);
    expect(compile).toHaveBeenCalled();
  });
});
