// Shared helpers for the formula-core tests (not a test file itself).
import { readFileSync } from 'node:fs';
import { parseAnswer } from '../../../cards/answer/parse.ts';
import type { Answer, Problem, Tolerance } from '../../../cards/problems/types.ts';

export const SEEDS = Array.from({ length: 100 }, (_, i) => i * 7919 + 1);

/** Every $…$ and $$…$$ span of a Markdown string. */
export function mathSpans(md: string): string[] {
  return [...md.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$]+?)\$/g)].map((m) => (m[1] ?? m[2] ?? '').trim());
}

/** The number a worked solution ends with: the right-hand side of its last formula. */
export function finalValue(md: string): Answer | null {
  const last = mathSpans(md).at(-1);
  if (last === undefined) return null;
  const rhs = last.split(/=|\\approx/).at(-1) ?? '';
  const plain = rhs.replace(/\\times\s*10\^\{(-?\d+)\}/g, 'e$1').replace(/\\left|\\right/g, '');
  const parsed = parseAnswer(plain);
  return parsed.ok ? parsed.value : null;
}

/** The answer as a learner would type it. */
export const typed = (a: Answer): string => (Array.isArray(a) ? `[${a.join(', ')}]` : String(a));

/** The smallest change that must be graded wrong, per element. */
export function slack(e: number, tol: Tolerance): number {
  return Math.max(tol.rel * Math.abs(e), tol.abs);
}

export function nudge(p: Problem, factor: number): Answer {
  if (p.answerKind === 'int') return (p.answer as number) + Math.sign(factor);
  if (typeof p.answer === 'number') return p.answer + factor * slack(p.answer, p.tolerance);
  return p.answer.map((v, i) => (i === 0 ? v + factor * slack(v, p.tolerance) : v));
}

export const NOTES = readFileSync(new URL('../../../decks/dl-interview-notes.md', import.meta.url), 'utf8');

/** Heading paths of the notes, outermost first (ignores '#' lines inside code fences; the notes have none). */
export function headingPaths(md: string): { path: string[]; line: number; body: string }[] {
  const out: { path: string[]; line: number; body: string }[] = [];
  const stack: string[] = [];
  md.split('\n').forEach((l, i) => {
    const h = /^(#{1,6})\s+(.*?)\s*$/.exec(l);
    if (h) {
      stack.length = (h[1] as string).length - 1;
      stack[(h[1] as string).length - 1] = h[2] as string;
      out.push({ path: stack.filter((s) => s !== undefined), line: i + 1, body: '' });
    } else if (out.length) (out[out.length - 1] as { body: string }).body += `${l}\n`;
  });
  return out;
}
