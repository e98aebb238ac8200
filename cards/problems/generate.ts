// Seeded variants: the same (template, seed) always yields the same problem.
import { resolveTemplate } from './aliases.ts';
import { TEMPLATES } from './catalogue.ts';
import { createRng } from './rng.ts';
import type { Answer, Lang, Params, Problem, Template, Tolerance } from './types.ts';

const MAX_DRAWS = 1000;

/** |v − e| ≤ max(rel·|e|, abs), element-wise for vectors (lengths must match). */
export function withinTolerance(value: Answer, expected: Answer, tol: Tolerance): boolean {
  if (typeof value === 'number' || typeof expected === 'number') {
    return typeof value === 'number' && typeof expected === 'number' && closeScalar(value, expected, tol);
  }
  return value.length === expected.length && value.every((v, i) => closeScalar(v, expected[i] as number, tol));
}

function closeScalar(v: number, e: number, tol: Tolerance): boolean {
  if (!Number.isFinite(v) || !Number.isFinite(e)) return false;
  return Math.abs(v - e) <= Math.max(tol.rel * Math.abs(e), tol.abs);
}

const finite = (a: Answer): boolean => (typeof a === 'number' ? Number.isFinite(a) : a.length > 0 && a.every(Number.isFinite));

/** The variant's answer, or null when the variant is degenerate. */
function usableAnswer(t: Template, params: Params): Answer | null {
  if (t.reject?.(params)) return null;
  const answer = t.answer(params);
  if (!finite(answer)) return null;
  for (const id of t.mustDiffer ?? []) {
    const m = t.mistakes.find((x) => x.id === id);
    if (m && withinTolerance(m.value(params), answer, t.tolerance)) return null;
  }
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

export function generate(templateId: string, seed: number): Problem {
  const t = resolveTemplate(templateId);
  if (!t) throw new UnknownTemplateError(templateId);
  const rng = createRng(seed);
  for (let draw = 0; draw < MAX_DRAWS; draw += 1) {
    const params = t.sample(rng);
    const answer = usableAnswer(t, params);
    if (answer === null) continue;
    const prompt = t.prompt(params);
    const hint = HINTS.get(t.id) ?? formatHint(t);
    // The worked solution is built on first read: most variants (bench, drills, CLI
    // lists) are graded before anyone opens one, and its bilingual text is more than
    // half the cost of a variant. An enumerable accessor in the literal keeps the
    // object plain data for JSON, structuredClone, spreads and deep equality.
    let solution: Lang | undefined;
    return {
      template: t.id,
      seed,
      params,
      prompt: { zh: `${prompt.zh}${hint.zh}`, en: `${prompt.en} ${hint.en}` },
      answer,
      answerKind: t.kind,
      get solution(): Lang {
        return (solution ??= t.solution(params));
      },
      set solution(v: Lang) {
        solution = v;
      },
      targetSeconds: t.targetSeconds,
      tolerance: { ...t.tolerance },
    };
  }
  // Only reachable if a template's sampler almost never yields a usable variant: a bug.
  throw new Error(`template ${templateId} found no usable variant for seed ${seed}`);
}
