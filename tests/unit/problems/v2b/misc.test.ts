// Inverted dropout by its expectation (and a seeded simulation), DPO from
// the probability ratios, and the GAN value summed directly over outcomes.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../cards/problems/catalogue.ts';
import { createRng } from '../../../../cards/problems/rng.ts';
import { TABLE_B } from './table.ts';
import { close, variants } from './helpers.ts';

describe('reg.dropout.inverted', () => {
  it('keeps the expectation in training (mean over a seeded simulation ≈ x) and is the identity in eval', () => {
    for (const v of variants('reg.dropout.inverted', 200)) {
      const { p, x, ask } = v.params as { p: number; x: number; ask: string };
      if (ask === 'eval') {
        expect(v.answer).toBe(x);
        continue;
      }
      // E[y] = (1 − p)·y_kept must equal x.
      expect(close((1 - p) * (v.answer as number), x, 1e-12)).toBe(true);
    }
    const rng = createRng(1);
    const t = getTemplate('reg.dropout.inverted')!;
    const ex = TABLE_B['reg.dropout.inverted']!.example;
    const kept = t.answer(ex) as number;
    let sum = 0;
    const n = 200_000;
    for (let i = 0; i < n; i += 1) sum += rng.next() < 0.8 ? 0 : kept;
    expect(kept).toBeCloseTo(17, 12);
    expect(Math.abs(sum / n - 3.4)).toBeLessThan(0.05);
  });
});

/** −log σ(z) = log(1 + e^{−z}), z = β·ln[(π_w/π_ref,w)/(π_l/π_ref,l)] from the probabilities themselves. */
function dpoFromRatios(q: Record<string, number>): number {
  const rw = Math.exp(q.pol_w!) / Math.exp(q.ref_w!);
  const rl = Math.exp(q.pol_l!) / Math.exp(q.ref_l!);
  const z = q.beta! * Math.log(rw / rl);
  return Math.log1p(Math.exp(-z));
}

describe('rl.dpo.loss', () => {
  it('matches log(1 + e^{−z}) computed from probability ratios on 300 variants', () => {
    for (const v of variants('rl.dpo.loss', 300)) expect(close(v.answer as number, dpoFromRatios(v.params as Record<string, number>), 1e-9), JSON.stringify(v.params)).toBe(true);
  });

  it('gives the table example: z = 0.05·(2.1 + 0.3) = 0.12 → ln(1 + e^{−0.12}); ln 2 when policy = reference', () => {
    expect(getTemplate('rl.dpo.loss')?.answer(TABLE_B['rl.dpo.loss']!.example)).toBeCloseTo(Math.log(1 + Math.exp(-0.12)), 12);
    expect(getTemplate('rl.dpo.loss')?.answer({ beta: 0.1, ref_w: -3, ref_l: -5, pol_w: -3, pol_l: -5 })).toBeCloseTo(Math.LN2, 12);
  });
});

/** V(D*, G) = Σ p_data ln D* + Σ p_g ln(1 − D*), D* = p_data/(p_data + p_g). */
function ganDirect(pd: number[], pg: number[]): number {
  let v = 0;
  pd.forEach((a, i) => {
    const b = pg[i]!;
    const d = a / (a + b);
    v += a * Math.log(d) + b * Math.log(1 - d);
  });
  return v;
}

describe('gan.optimal_value', () => {
  it('matches V(D*, G) summed over outcomes on 300 variants, and lies in [−ln 4, 0]', () => {
    for (const v of variants('gan.optimal_value', 300)) {
      const { p_data, p_g } = v.params as { p_data: number[]; p_g: number[] };
      expect(close(v.answer as number, ganDirect(p_data, p_g), 1e-9)).toBe(true);
      expect(v.answer as number).toBeGreaterThan(-Math.log(4));
      expect(v.answer as number).toBeLessThanOrEqual(0);
    }
  });

  it('gives the table example and −ln 4 for equal distributions', () => {
    expect(close(getTemplate('gan.optimal_value')?.answer(TABLE_B['gan.optimal_value']!.example) as number, ganDirect([0.2, 0.6, 0.2], [0.1, 0.1, 0.8]))).toBe(true);
    expect(getTemplate('gan.optimal_value')?.answer({ p_data: [0.3, 0.7], p_g: [0.3, 0.7] })).toBeCloseTo(-Math.log(4), 12);
  });
});
