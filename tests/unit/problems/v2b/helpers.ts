// Shared helpers for the second catalogue's independent checks (not a test file).
import { generate } from '../../../../cards/problems/generate.ts';
import type { Problem } from '../../../../cards/problems/types.ts';

/** n generated variants of a template (seeds spread like the generic tests'). */
export const variants = (id: string, n = 200): Problem[] => Array.from({ length: n }, (_, i) => generate(id, i * 104729 + 3));

/** |a − b| ≤ 1e-9 relative (or absolute near 0): independent methods must agree to rounding. */
export function close(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

export function closeAll(a: readonly number[], b: readonly number[], rel = 1e-9): boolean {
  return a.length === b.length && a.every((v, i) => close(v, b[i] as number, rel));
}
