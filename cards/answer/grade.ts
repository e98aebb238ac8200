// Grades a typed answer against a generated problem and maps the verdict to
// an SM-2 quality (DESIGN.md): wrong → 1, or 2 for a known mistake or < 10 %
// off; right → 5 within the target time, 4 within twice it, else 3.
import { getTemplate } from '../problems/catalogue.ts';
import { withinTolerance } from '../problems/generate.ts';
import type { Answer, Lang, Mistake, Problem, Tolerance } from '../problems/types.ts';
import { parseAnswer } from './parse.ts';

export interface Verdict {
  status: 'right' | 'wrong' | 'unparseable';
  reason?: string;
  value?: number | number[];
  expected: number | number[];
  mistake?: { id: string; hint: Lang };
  relError?: number;
  quality?: 0 | 1 | 2 | 3 | 4 | 5;
}

const NEAR_MISS = 0.1;

/** Relative error, scale-aware for vectors: max |v−e| over max |e|. */
export function relativeError(value: Answer, expected: Answer): number | undefined {
  let err = 0;
  let scale = 0;
  if (typeof value === 'number' && typeof expected === 'number') {
    err = Math.abs(value - expected);
    scale = Math.abs(expected);
  } else {
    // Scalars as one-entry vectors, without allocating the wrapper arrays.
    const n = typeof value === 'number' ? 1 : value.length;
    if (n !== (typeof expected === 'number' ? 1 : expected.length)) return undefined;
    for (let i = 0; i < n; i += 1) {
      const v = typeof value === 'number' ? value : (value[i] as number);
      const e = typeof expected === 'number' ? expected : (expected[i] as number);
      err = Math.max(err, Math.abs(v - e));
      scale = Math.max(scale, Math.abs(e));
    }
  }
  if (scale === 0) return err === 0 ? 0 : Infinity;
  return err / scale;
}

/** Absorbs float noise from expressions such as 224/2 before an exact integer comparison. */
function snap(x: number): number {
  return Math.abs(x - Math.round(x)) < 1e-9 * Math.max(1, Math.abs(x)) ? Math.round(x) : x;
}

function isRight(value: Answer, problem: Problem): boolean {
  if (problem.answerKind !== 'int') return withinTolerance(value, problem.answer, problem.tolerance);
  return typeof value === 'number' && typeof problem.answer === 'number' && snap(value) === problem.answer;
}

const EXACT: Tolerance = { rel: 1e-9, abs: 1e-9 };

/**
 * The first common mistake whose value the wrong answer matches. Only wrong
 * answers get here; each mistake's value is computed once and compared with
 * the answer typed first (one comparison usually settles it), and only a match
 * pays for the check that the mistake differs from the right answer.
 */
function matchMistake(problem: Problem, value: Answer): Verdict['mistake'] {
  const t = getTemplate(problem.template);
  if (!t) return undefined;
  const tol = problem.answerKind === 'int' ? EXACT : problem.tolerance;
  const mistakes = t.mistakes;
  for (let i = 0; i < mistakes.length; i += 1) {
    const m = mistakes[i] as Mistake;
    try {
      const mv = m.value(problem.params);
      if (!withinTolerance(value, mv, tol)) continue;
      if (withinTolerance(mv, problem.answer, tol)) continue; // indistinguishable from the answer here
      return { id: m.id, hint: m.hint };
    } catch {
      // A mistake formula may be undefined for odd stored params; it just does not match.
    }
  }
  return undefined;
}

export function grade(problem: Problem, text: string, elapsedMs: number): Verdict {
  const expected = problem.answer;
  // The expected kind settles 1,234: one number (thousands) for a scalar, [1, 234] for a vector.
  const parsed = parseAnswer(text, problem.answerKind === 'vector' ? 'vector' : 'scalar');
  if (!parsed.ok) return { status: 'unparseable', reason: parsed.reason, expected };
  let value = parsed.value;
  if (Array.isArray(value) && value.length === 1) value = value[0] as number;
  if (problem.answerKind === 'vector' && typeof value === 'number') {
    const n = Array.isArray(expected) ? expected.length : 1;
    return { status: 'unparseable', reason: `expected a vector of ${n} numbers, e.g. [a, b, …]`, value, expected };
  }
  if (problem.answerKind !== 'vector' && Array.isArray(value)) {
    return { status: 'unparseable', reason: 'expected a single number', value, expected };
  }
  const relError = relativeError(value, expected);
  if (isRight(value, problem)) {
    const target = problem.targetSeconds * 1000;
    const quality = elapsedMs <= target ? 5 : elapsedMs <= 2 * target ? 4 : 3;
    const right: Verdict = { status: 'right', value, expected, quality };
    if (relError !== undefined) right.relError = relError;
    return right;
  }
  const mistake = matchMistake(problem, value);
  const near = relError !== undefined && relError < NEAR_MISS;
  const verdict: Verdict = { status: 'wrong', value, expected, quality: mistake || near ? 2 : 1 };
  if (relError !== undefined) verdict.relError = relError;
  if (mistake) verdict.mistake = mistake;
  if (relError === undefined) verdict.reason = `expected ${Array.isArray(expected) ? expected.length : 1} numbers`;
  return verdict;
}
