// Shapes and receptive fields checked against explicit convolutions over arrays.
import { describe, expect, it } from 'vitest';
import { generate } from '../../../cards/problems/generate.ts';
import type { Layer } from '../../../cards/problems/types.ts';
import { SEEDS } from './helpers.ts';

/** An actual 1-D convolution (cross-correlation) over a zero-padded array; returns the outputs. */
function conv1d(input: readonly number[], kernel: readonly number[], s: number, pLo: number, pHi = pLo, d = 1): number[] {
  const x = [...Array(pLo).fill(0), ...input, ...Array(pHi).fill(0)] as number[];
  const out: number[] = [];
  for (let start = 0; start + d * (kernel.length - 1) < x.length; start += s) {
    let acc = 0;
    kernel.forEach((w, t) => (acc += w * (x[start + t * d] as number)));
    out.push(acc);
  }
  return out;
}

const ramp = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
const ones = (k: number): number[] => Array(k).fill(1) as number[];
const num = (v: unknown): number => v as number;

describe('convolution output sizes by sliding a window over an array', () => {
  it.each(['conv.out.valid', 'conv.out.padded', 'conv.out.dilated'])('%s', (id) => {
    for (const seed of SEEDS) {
      const { params: q, answer } = generate(id, seed);
      const out = conv1d(ramp(num(q.n)), ones(num(q.k)), num(q.s), num(q.p ?? 0), num(q.p ?? 0), num(q.d ?? 1));
      expect(out.length, JSON.stringify(q)).toBe(answer);
    }
  });

  it('conv.out.same: TensorFlow pads (out−1)·s+k−n zeros, smaller half first, and a VALID pass then yields the answer', () => {
    for (const seed of SEEDS) {
      const { params: q, answer } = generate('conv.out.same', seed);
      const [n, k, s] = [num(q.n), num(q.k), num(q.s)];
      // TF's rule, written from its documentation rather than from the template.
      const outTf = Math.floor((n + s - 1) / s);
      const total = Math.max((outTf - 1) * s + k - n, 0);
      const out = conv1d(ramp(n), ones(k), s, Math.floor(total / 2), total - Math.floor(total / 2));
      expect(out.length, JSON.stringify(q)).toBe(answer);
    }
  });
});

describe('transposed convolution by scattering', () => {
  it('deconv.out: scatter each input s apart through the (dilated) kernel, crop p per side, add output padding', () => {
    for (const seed of SEEDS) {
      const { params: q, answer } = generate('deconv.out', seed);
      const [n, k, s, p, d, op] = ['n', 'k', 's', 'p', 'd', 'op'].map((x) => num(q[x])) as [number, number, number, number, number, number];
      const full = new Map<number, number>();
      for (let i = 0; i < n; i += 1) for (let t = 0; t < k; t += 1) full.set(i * s + t * d, (full.get(i * s + t * d) ?? 0) + 1);
      const uncropped = Math.max(...full.keys()) + 1;
      expect(uncropped - 2 * p + op, JSON.stringify(q)).toBe(answer);
      // Adjoint check: the forward convolution with the same parameters maps the output size back to n
      // (PyTorch also allows s ≤ op < d, where the shapes no longer invert).
      if (op < s) expect(conv1d(ramp(answer as number), ones(k), s, p, p, d).length).toBe(n);
    }
  });
});

/** Input index range that one unit of the last layer depends on, by tracing index sets down the stack. */
function trace(layers: readonly Layer[], unit = 0): { lo: number; hi: number; touched: Set<number> } {
  let idx = new Set([unit]);
  for (const l of [...layers].reverse()) {
    const next = new Set<number>();
    for (const v of idx) for (let t = 0; t < num(l.k); t += 1) next.add(v * num(l.s) - num(l.p ?? 0) + t * num(l.d ?? 1));
    idx = next;
  }
  return { lo: Math.min(...idx), hi: Math.max(...idx), touched: idx };
}

describe('receptive fields by tracing which inputs affect one output', () => {
  it('conv.rf: span of the traced input indices', () => {
    for (const seed of SEEDS) {
      const { params, answer } = generate('conv.rf', seed);
      const layers = params.layers as Layer[];
      const { lo, hi } = trace(layers, 3);
      expect(hi - lo + 1, JSON.stringify(layers)).toBe(answer);
      // Changing an input inside the field changes the output; one outside does not.
      const n = hi + 10;
      const run = (x: number[]) => layers.reduce((a, l) => conv1d(a, ones(num(l.k)), num(l.s), 0, 0, num(l.d)), x)[3];
      const base = run(ramp(n));
      const bump = (i: number) => run(ramp(n).map((v, j) => (j === i ? v + 1000 : v)));
      expect(bump(lo)).not.toBe(base);
      expect(bump(hi)).not.toBe(base);
      if (lo > 0) expect(bump(lo - 1)).toBe(base);
      expect(bump(hi + 1)).toBe(base);
    }
  });

  it('conv.rf.start: centre of the traced window of unit 0, padding at negative indices', () => {
    for (const seed of SEEDS) {
      const { params, answer } = generate('conv.rf.start', seed);
      const { lo, hi } = trace(params.layers as Layer[], 0);
      expect((lo + hi) / 2, JSON.stringify(params)).toBeCloseTo(answer as number, 12);
    }
  });
});
