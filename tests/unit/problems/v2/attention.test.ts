// Attention weights, sinusoidal encodings and RoPE recomputed from their
// definitions: an explicit matrix product, PyTorch's div_term loop, and the
// block-diagonal rotation matrix.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../cards/problems/catalogue.ts';
import { generate } from '../../../../cards/problems/generate.ts';
import { SEEDS } from '../helpers.ts';

const near = (a: readonly number[], b: readonly number[], tol = 1e-12) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - (b[i] as number)), `${a} vs ${b}`).toBeLessThan(tol));
};
const matVec = (M: readonly number[][], x: readonly number[]) => M.map((row) => row.reduce((s, v, j) => s + v * (x[j] as number), 0));
const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * (b[i] as number), 0);

describe('attn.weights', () => {
  it('= exp(s_j)/Σexp(s) with s = K q / √d, for 100 variants', () => {
    for (const s of SEEDS) {
      const p = generate('attn.weights', s);
      const q = p.params.q as number[];
      const K = p.params.K as number[][];
      const scores = matVec(K, q).map((v) => v / Math.sqrt(q.length));
      const e = scores.map(Math.exp); // scores are small: no shift needed
      const z = e.reduce((a, b) => a + b, 0);
      near(p.answer as number[], e.map((v) => v / z));
    }
  });
});

describe('pos.sinusoidal', () => {
  it("matches the PyTorch tutorial's table built with div_term = exp(2i·(−ln 10000/d))", () => {
    for (const s of SEEDS) {
      const p = generate('pos.sinusoidal', s);
      const d = p.params.d as number;
      const pos = p.params.pos as number;
      const row = new Array<number>(d);
      for (let two = 0; two < d; two += 2) {
        const div = Math.exp(two * (-Math.log(10000) / d));
        row[two] = Math.sin(pos * div);
        row[two + 1] = Math.cos(pos * div);
      }
      expect(Math.abs((p.answer as number) - (row[p.params.j as number] as number))).toBeLessThan(1e-9);
    }
  });
});

/** The d×d block-diagonal RoPE matrix for position m, pairs (2i, 2i+1). */
function ropeMatrix(d: number, m: number, base: number): number[][] {
  const R = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d / 2; i++) {
    const a = m * base ** ((-2 * i) / d);
    const [r0, r1] = [R[2 * i] as number[], R[2 * i + 1] as number[]];
    r0[2 * i] = Math.cos(a);
    r0[2 * i + 1] = -Math.sin(a);
    r1[2 * i] = Math.sin(a);
    r1[2 * i + 1] = Math.cos(a);
  }
  return R;
}

describe('pos.rope.rotate', () => {
  it('= R(m) x with the block-diagonal rotation matrix, for 100 variants', () => {
    for (const s of SEEDS) {
      const p = generate('pos.rope.rotate', s);
      const x = p.params.x as number[];
      near(p.answer as number[], matVec(ropeMatrix(x.length, p.params.m as number, p.params.base as number), x), 1e-9);
    }
  });

  it('keeps norms and makes ⟨R(m)q, R(n)k⟩ depend only on m − n', () => {
    const t = getTemplate('pos.rope.rotate')!;
    const rot = (x: number[], m: number) => t.answer({ x, m, base: 10000 }) as number[];
    const q = [3, -1, 2, 0, 1, -2];
    const k = [-1, 2, 0, 3, -2, 1];
    expect(Math.abs(dot(rot(q, 7), rot(q, 7)) - dot(q, q))).toBeLessThan(1e-9);
    for (const shift of [1, 5, 30]) expect(Math.abs(dot(rot(q, 9 + shift), rot(k, 4 + shift)) - dot(rot(q, 9), rot(k, 4)))).toBeLessThan(1e-9);
  });
});
