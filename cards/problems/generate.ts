// Seeded variants: the same (template, seed) always yields the same problem.
import { resolveTemplate } from './aliases.ts';
import { TEMPLATES } from './catalogue.ts';
import { createRng } from './rng.ts';
import type { Answer, Lang, Mistake, Params, Problem, Template, Tolerance } from './types.ts';

const MAX_DRAWS = 1000;

/** |v − e| ≤ max(rel·|e|, abs), element-wise for vectors (lengths must match). */
export function withinTolerance(value: Answer, expected: Answer, tol: Tolerance): boolean {
  if (typeof value === 'number' || typeof expected === 'number') {
    return typeof value === 'number' && typeof expected === 'number' && closeScalar(value, expected, tol);
  }
  if (value.length !== expected.length) return false;
  // A loop, not every(): this runs for every mistake of every wrong answer, and the closure was garbage.
  for (let i = 0; i < value.length; i += 1) if (!closeScalar(value[i] as number, expected[i] as number, tol)) return false;
  return true;
}

function closeScalar(v: number, e: number, tol: Tolerance): boolean {
  if (!Number.isFinite(v) || !Number.isFinite(e)) return false;
  return Math.abs(v - e) <= Math.max(tol.rel * Math.abs(e), tol.abs);
}

function finite(a: Answer): boolean {
  if (typeof a === 'number') return Number.isFinite(a);
  if (a.length === 0) return false;
  for (let i = 0; i < a.length; i += 1) if (!Number.isFinite(a[i])) return false;
  return true;
}

/** The template's mistakes listed in `mustDiffer`, looked up once per template. */
const MUST_DIFFER = new WeakMap<Template, readonly Mistake[]>();
function mustDifferOf(t: Template): readonly Mistake[] {
  let ms = MUST_DIFFER.get(t);
  if (ms === undefined) {
    ms = (t.mustDiffer ?? []).flatMap((id) => t.mistakes.filter((x) => x.id === id).slice(0, 1));
    MUST_DIFFER.set(t, ms);
  }
  return ms;
}

/** The variant's answer, or null when the variant is degenerate. */
function usableAnswer(t: Template, params: Params): Answer | null {
  if (t.reject?.(params)) return null;
  const answer = t.answer(params);
  if (!finite(answer)) return null;
  const ms = mustDifferOf(t);
  for (let i = 0; i < ms.length; i += 1) if (withinTolerance((ms[i] as Mistake).value(params), answer, t.tolerance)) return null;
  return answer;
}

/** How precisely to ask for the answer, derived from the tolerance. */
function formatHint(t: Template): Lang {
  if (t.kind === 'int') return { zh: '（整数）', en: '(an integer)' };
  const digits = Math.max(3, Math.ceil(-Math.log10(t.tolerance.rel)) + 1);
  if (t.kind === 'vector') return { zh: '（向量，如 `[0.1, 0.2]`，每项保留 4 位小数）', en: '(a vector such as `[0.1, 0.2]`, 4 decimals per entry)' };
  return { zh: `（保留 ${digits} 位有效数字，可填分数或表达式）`, en: `(${digits} significant digits; fractions and expressions are fine)` };
}

// Built once: the hint only depends on the template.
const HINTS: ReadonlyMap<string, Lang> = new Map(TEMPLATES.map((t) => [t.id, formatHint(t)]));

/** A stored card or mock question names a template this version does not have (nor any alias of it). */
export class UnknownTemplateError extends Error {
  constructor(readonly templateId: string) {
    super(`unknown problem template: ${templateId}`);
    this.name = 'UnknownTemplateError';
  }
}

// The prompt and the worked solution are built on first read. Most variants are
// graded without being shown: checkAnswer, answer, reveal and the CLI's `grade`
// regenerate a card's variant only for its answer, and the bench grades 100,000
// of them. Their bilingual text was most of the cost of a variant (the solution
// more than half, the prompt another fifth). Each is an enumerable own accessor
// (JSON, structuredClone, spreads and deep equality see plain data, keys in the
// order of `Problem`) defined from ONE shared descriptor: getters written in the
// object literal made a fresh closure pair, hence a fresh hidden class, per
// problem — about 2 µs each, and every later read of a problem field went
// megamorphic. Assigning either field stores the given text instead.
function lazyText(build: (t: Template, params: Params) => Lang): PropertyDescriptor {
  const built = new WeakMap<object, Lang>();
  return {
    get(this: Problem): Lang {
      let s = built.get(this);
      if (s === undefined) {
        const t = resolveTemplate(this.template);
        if (!t) throw new UnknownTemplateError(this.template);
        s = build(t, this.params);
        built.set(this, s);
      }
      return s;
    },
    set(this: Problem, v: Lang) {
      built.set(this, v);
    },
    enumerable: true,
    configurable: true,
  };
}

function promptOf(t: Template, params: Params): Lang {
  const prompt = t.prompt(params);
  const hint = HINTS.get(t.id) ?? formatHint(t);
  return { zh: `${prompt.zh}${hint.zh}`, en: `${prompt.en} ${hint.en}` };
}

const LAZY_PROMPT = lazyText(promptOf);
const LAZY_SOLUTION = lazyText((t, params) => t.solution(params));

export function generate(templateId: string, seed: number): Problem {
  const t = resolveTemplate(templateId);
  if (!t) throw new UnknownTemplateError(templateId);
  const rng = createRng(seed);
  for (let draw = 0; draw < MAX_DRAWS; draw += 1) {
    const params = t.sample(rng);
    const answer = usableAnswer(t, params);
    if (answer === null) continue;
    // Keys in the order of `Problem`; every problem takes the same transitions, so all share one hidden class.
    const problem: Partial<Problem> = { template: t.id, seed, params };
    Object.defineProperty(problem, 'prompt', LAZY_PROMPT);
    problem.answer = answer;
    problem.answerKind = t.kind;
    Object.defineProperty(problem, 'solution', LAZY_SOLUTION);
    problem.targetSeconds = t.targetSeconds;
    // Field by field: a spread over ~80 template objects goes megamorphic and was a hot spot.
    problem.tolerance = { rel: t.tolerance.rel, abs: t.tolerance.abs };
    return problem as Problem;
  }
  // Only reachable if a template's sampler almost never yields a usable variant: a bug.
  throw new Error(`template ${templateId} found no usable variant for seed ${seed}`);
}
