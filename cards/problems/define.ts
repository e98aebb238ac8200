// Helpers that keep each template file short and uniform.
import type { Lang, Params, Template, Tolerance } from './types.ts';

/** Erase a template's own parameter type so the catalogue can hold them all. */
export function defineTemplate<P extends Params>(t: Template<P>): Template {
  return t as unknown as Template;
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
