// Perplexity as the n-th root of the inverse likelihood; BLEU by matching
// candidate n-grams one by one against unused reference positions.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../cards/problems/catalogue.ts';
import { TABLE_B } from './table.ts';
import { close, variants } from './helpers.ts';

/** (Π p)^(−1/n): the likelihood view, no logs. */
const pplRoot = (p: number[]): number => p.reduce((a, v) => a * v, 1) ** (-1 / p.length);

describe('seq.ppl', () => {
  it('matches (Π p)^(−1/n) on 300 variants', () => {
    for (const v of variants('seq.ppl', 300)) expect(close(v.answer as number, pplRoot((v.params as { p: number[] }).p))).toBe(true);
  });

  it('is the vocabulary size for a uniform model, and gives the table example', () => {
    expect(getTemplate('seq.ppl')?.answer({ p: [0.25, 0.25, 0.25] })).toBeCloseTo(4, 12);
    const ex = TABLE_B['seq.ppl']!.example as { p: number[] };
    expect(close(getTemplate('seq.ppl')?.answer(ex) as number, pplRoot(ex.p))).toBe(true);
  });
});

/** Clipped matches: each candidate n-gram consumes one unused equal n-gram of the reference. */
function clippedMatches(ref: string[], cand: string[], n: number): { matched: number; total: number } {
  const used = new Array<boolean>(Math.max(0, ref.length - n + 1)).fill(false);
  let matched = 0;
  let total = 0;
  for (let i = 0; i + n <= cand.length; i += 1) {
    total += 1;
    for (let j = 0; j + n <= ref.length; j += 1) {
      if (used[j]) continue;
      let same = true;
      for (let k = 0; k < n; k += 1) if (ref[j + k] !== cand[i + k]) same = false;
      if (same) {
        used[j] = true;
        matched += 1;
        break;
      }
    }
  }
  return { matched, total };
}

function bleuReference(ref: string[], cand: string[], N: number): number {
  let prod = 1;
  for (let n = 1; n <= N; n += 1) {
    const { matched, total } = clippedMatches(ref, cand, n);
    prod *= matched / total;
  }
  const bp = cand.length > ref.length ? 1 : Math.exp(1 - ref.length / cand.length);
  return bp * prod ** (1 / N);
}

describe('seq.bleu', () => {
  it('matches greedy clipped matching on 300 variants', () => {
    for (const v of variants('seq.bleu', 300)) {
      const { ref, cand, N } = v.params as { ref: string[]; cand: string[]; N: number };
      expect(close(v.answer as number, bleuReference(ref, cand, N)), JSON.stringify(v.params)).toBe(true);
    }
  });

  it('gives Papineni et al.’s clipping example (2/7), the table example (1) and a brevity penalty by hand', () => {
    const t = getTemplate('seq.bleu');
    expect(t?.answer({ ref: 'the cat is on the mat'.split(' '), cand: 'the the the the the the the'.split(' '), N: 1 })).toBeCloseTo(2 / 7, 12);
    expect(t?.answer(TABLE_B['seq.bleu']!.example)).toBeCloseTo(1, 12);
    // c = 4 < r = 6, every unigram and bigram matches: BLEU-2 = e^{1 − 6/4}.
    expect(t?.answer({ ref: 'a b c d e f'.split(' '), cand: 'a b c d'.split(' '), N: 2 })).toBeCloseTo(Math.exp(-0.5), 12);
  });
});
