// What a checkable note formula is, and how it is checked: evaluate every
// '='-separated part the mini LaTeX reader understands at sample values, and
// compare with the verified core.
import { createRng, type Rng } from '../rng.ts';
import type { Chunk } from './chunks.ts';
import { parseTex, type Tex } from './latex.ts';
import { evalTex, freeVars, type TexEnv } from './texEval.ts';

export type Verdict = 'agrees' | 'disagrees' | 'unchecked';

export interface Sample {
  env: TexEnv;
  truth: number;
}

export interface Claim {
  id: string;
  /** What the formula is about, for the warning. */
  what: string;
  /** The verified formula, Markdown with $…$. */
  corrected: string;
  applies: (c: Chunk) => boolean;
  /** Sample environments with the verified value; the chunk supplies conditions such as q=1. */
  samples?: (c: Chunk, rng: Rng) => Sample[];
  /** A custom check for claims that are not evaluable formulas (ranges, bounds, P(x) notation). */
  judge?: (c: Chunk) => Verdict;
}

/** 'r_{l-1}' → 'r_l-1', '\frac{\partial{l}}{\partial{x_i}}' → 'dl/dx_i', '\theta_t' → 'theta_t'. */
export function lhsKey(lhs: string): string {
  const s = lhs.replace(/[\s{}]/g, '');
  const d = /^\\frac\\partial([A-Za-z]+(?:_[A-Za-z0-9]+)?)\\partial([A-Za-z]+(?:_[A-Za-z0-9]+)?)$/.exec(s);
  return d ? `d${d[1]}/d${d[2]}` : s.replace(/\\/g, '');
}

export function tryParse(tex: string): Tex | null {
  try {
    return parseTex(tex);
  } catch {
    return null;
  }
}

/** Free variables of the formula's right-hand side(s), for claims recognised by what they read. */
export function varsOf(c: Chunk): Set<string> {
  const out = new Set<string>();
  for (const part of c.rhs) {
    const t = tryParse(part);
    if (t) for (const v of freeVars(t)) out.add(v);
  }
  return out;
}

const SAMPLES = 12;

/** Disagrees when some understood part of the formula differs from the verified value; unchecked when no part was understood. */
export function verdict(claim: Claim, c: Chunk): Verdict {
  if (claim.judge) return claim.judge(c);
  if (!claim.samples) return 'unchecked';
  const rng = createRng(0x5eed ^ claim.id.length);
  const samples = Array.from({ length: SAMPLES }, () => claim.samples?.(c, rng) ?? []).flat();
  let checked = false;
  for (const part of c.rhs) {
    const tex = tryParse(part);
    if (!tex) continue; // e.g. the chain-rule step written with \partial
    let values: number[];
    try {
      values = samples.map((s) => evalTex(tex, s.env));
    } catch {
      continue; // reads a name the claim does not provide: not this claim's formula
    }
    checked = true;
    const off = values.some((v, i) => {
      const t = (samples[i] as Sample).truth;
      return !(Math.abs(v - t) <= 1e-6 * Math.max(1, Math.abs(t)));
    });
    if (off) return 'disagrees';
  }
  return checked ? 'agrees' : 'unchecked';
}
