// Decoding by brute force: temperature from the definition, the nucleus as the
// smallest of all token subsets, and a generic beam search compared with the
// enumeration of every sequence.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../cards/problems/catalogue.ts';
import { generate } from '../../../../cards/problems/generate.ts';
import { SEEDS } from '../helpers.ts';

describe('dec.temperature', () => {
  it('p_k = 1 / Σ_j exp((z_j − z_k)/T), for 100 variants', () => {
    for (const s of SEEDS) {
      const p = generate('dec.temperature', s);
      const z = p.params.z as number[];
      const T = p.params.T as number;
      const zk = z[p.params.k as number] as number;
      const expected = 1 / z.reduce((acc, zj) => acc + Math.exp((zj - zk) / T), 0);
      expect(Math.abs((p.answer as number) - expected)).toBeLessThan(1e-12);
    }
  });
});

describe('dec.top_p.count', () => {
  it('= the size of the smallest subset of tokens whose probability is ≥ p (all 2^n subsets)', () => {
    let onBoundary = 0;
    for (const s of SEEDS) {
      const p = generate('dec.top_p.count', s);
      const cents = (p.params.probs as number[]).map((v) => Math.round(v * 100));
      const P = Math.round((p.params.p as number) * 100);
      let smallest = Infinity;
      for (let mask = 1; mask < 1 << cents.length; mask++) {
        let sum = 0;
        let size = 0;
        cents.forEach((c, i) => {
          if (mask & (1 << i)) {
            sum += c;
            size += 1;
          }
        });
        if (sum >= P) smallest = Math.min(smallest, size);
        if (sum === P) onBoundary += 1;
      }
      expect(p.answer).toBe(smallest);
    }
    // Some variants put p exactly on a cumulative sum, where ≥ versus > matters.
    expect(onBoundary).toBeGreaterThan(0);
  });
});

type Seq = { tokens: number[]; logp: number };

/** Textbook beam search for `steps` steps: expand every beam, keep the k best by Σ log p. */
function beamSearch(next: (prefix: number[]) => number[], steps: number, k: number): Seq {
  let beams: Seq[] = [{ tokens: [], logp: 0 }];
  for (let t = 0; t < steps; t++) {
    const cand = beams.flatMap((b) => next(b.tokens).map((p, tok) => ({ tokens: [...b.tokens, tok], logp: b.logp + Math.log(p) })));
    beams = cand.sort((a, b) => b.logp - a.logp).slice(0, k);
  }
  return beams[0] as Seq;
}

describe('dec.beam.best', () => {
  it('= what beam width k returns, which is not always the global optimum nor greedy', () => {
    let notOptimal = 0;
    let notGreedy = 0;
    for (const s of SEEDS) {
      const p = generate('dec.beam.best', s);
      const p1 = p.params.p1 as number[];
      const p2 = p.params.p2 as number[][];
      const next = (prefix: number[]) => (prefix.length === 0 ? p1 : (p2[prefix[0] as number] as number[]));
      const beam = beamSearch(next, 2, p.params.k as number);
      expect(Math.abs((p.answer as number) - Math.exp(beam.logp))).toBeLessThan(1e-9);
      // Enumerate all |V|² sequences: the global optimum, and a full-width beam finds it.
      let best = 0;
      p1.forEach((a, i) => (p2[i] as number[]).forEach((b) => (best = Math.max(best, a * b))));
      expect(Math.abs(Math.exp(beamSearch(next, 2, p1.length * p1.length).logp) - best)).toBeLessThan(1e-12);
      if (Math.abs(best - (p.answer as number)) > 1e-9) notOptimal += 1;
      if (Math.abs(Math.exp(beamSearch(next, 2, 1).logp) - (p.answer as number)) > 1e-9) notGreedy += 1;
    }
    expect(notOptimal).toBeGreaterThan(5);
    expect(notGreedy).toBeGreaterThan(5);
  });

  it('the example from the issue returns 0.35·0.94 (tokens 0 then 2)', () => {
    const a = getTemplate('dec.beam.best')!.answer({ p1: [0.35, 0.42, 0.23], p2: [[0.02, 0.04, 0.94], [0.34, 0.33, 0.33], [0.27, 0.63, 0.1]], k: 2 });
    // Beam keeps tokens 1 and 0; best continuation: (0,2) = 0.329 vs (1,0) = 0.1428 → 0.329.
    expect(a).toBeCloseTo(0.35 * 0.94, 12);
  });
});
