// Helpers that keep each template file short and uniform.
import type { Lang, Params, Template, Tolerance } from './types.ts';

/**
 * Erase a template's own parameter type so the catalogue can hold them all. Every
 * template gets the same keys in the same order (absent hooks as undefined): one hidden
 * class keeps `t.sample`, `t.answer`, … in generate and grade from going megamorphic.
 */
export function defineTemplate<P extends Params>(t: Template<P>): Template {
  const uniform: Template<P> = {
    id: t.id,
    section: t.section,
    title: t.title,
    formula: t.formula,
    params: t.params,
    kind: t.kind,
    tolerance: t.tolerance,
    targetSeconds: t.targetSeconds,
    sample: t.sample,
    reject: t.reject,
    mustDiffer: t.mustDiffer,
    answer: t.answer,
    prompt: t.prompt,
    solution: t.solution,
    mistakes: t.mistakes,
  };
  return uniform as unknown as Template;
}

export const INT: Tolerance = { rel: 0, abs: 0 };
export const REAL: Tolerance = { rel: 1e-3, abs: 1e-9 };
// Vectors of probabilities/gradients: typing 4 decimals must be enough.
export const VECTOR: Tolerance = { rel: 1e-3, abs: 1e-4 };

/**
 * A worked solution: optional prose, the general formula, then the
 * substitution steps. The last step ends with `= result`, which the tests
 * compare against the reference answer.
 */
export function worked(formula: string, steps: readonly string[], pre?: Lang): Lang {
  const body = steps.map((s) => `$${s}$`).join('\n\n');
  return {
    zh: `${pre ? `${pre.zh}\n\n` : ''}公式：$${formula}$\n\n代入：\n\n${body}`,
    en: `${pre ? `${pre.en}\n\n` : ''}Formula: $${formula}$\n\nSubstitute:\n\n${body}`,
  };
}

/** Common sizes from real networks mixed with small random ones. */
export const COMMON_SIDES = [7, 14, 28, 32, 56, 64, 112, 128, 224, 227, 256, 300] as const;

/**
 * `f` computed once per params object. A template whose reject, answer and
 * mistakes all start from one costly intermediate (a beam search, an IoU
 * table) shares it through this: generate calls reject, answer and the
 * mustDiffer mistakes on one params object in a row, and grading a wrong
 * answer calls the mistakes next. The value lives on the params object itself,
 * under a symbol and non-enumerable (JSON, Object.keys and equality checks
 * never see it), so the core keeps no state of its own. Sound because a
 * variant's params are never mutated once sampled.
 */
export function perParams<P extends object, R>(f: (p: P) => R): (p: P) => R {
  const slot = Symbol(f.name || 'perParams');
  return (p: P): R => {
    const held = p as P & { [k: symbol]: R };
    if (Object.prototype.hasOwnProperty.call(held, slot)) return held[slot] as R;
    const value = f(p);
    if (Object.isExtensible(p)) Object.defineProperty(p, slot, { value });
    return value;
  };
}
