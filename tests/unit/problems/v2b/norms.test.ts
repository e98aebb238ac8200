// LayerNorm, RMSNorm and GroupNorm by direct loops; learnable parameters by
// listing each PyTorch module's nn.Parameter tensors.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../cards/problems/catalogue.ts';
import type { Params } from '../../../../cards/problems/types.ts';
import { TABLE_B } from './table.ts';
import { closeAll, variants } from './helpers.ts';

function layerNormLoop(x: number[], gamma: number, beta: number, eps: number): number[] {
  let s = 0;
  for (let j = 0; j < x.length; j += 1) s += x[j] as number;
  const mu = s / x.length;
  let ss = 0;
  for (let j = 0; j < x.length; j += 1) ss += ((x[j] as number) - mu) * ((x[j] as number) - mu);
  const out: number[] = [];
  for (let j = 0; j < x.length; j += 1) out.push((gamma * ((x[j] as number) - mu)) / Math.sqrt(ss / x.length + eps) + beta);
  return out;
}

function rmsLoop(x: number[], g: number, eps: number): number[] {
  let ss = 0;
  for (const v of x) ss += v * v;
  const out: number[] = [];
  for (const v of x) out.push((g * v) / Math.sqrt(ss / x.length + eps));
  return out;
}

/** Whole GroupNorm output (N = 1), then channel c: group of channel ch is ⌊ch·G/C⌋. */
function groupNormLoop(x: number[][], G: number, c: number, eps: number): number[] {
  const C = x.length;
  const sums = new Array<number>(G).fill(0);
  const counts = new Array<number>(G).fill(0);
  x.forEach((row, ch) => row.forEach((v) => { sums[Math.floor((ch * G) / C)]! += v; counts[Math.floor((ch * G) / C)]! += 1; }));
  const means = sums.map((s, g) => s / counts[g]!);
  const sq = new Array<number>(G).fill(0);
  x.forEach((row, ch) => row.forEach((v) => { const g = Math.floor((ch * G) / C); sq[g]! += (v - means[g]!) ** 2; }));
  const out = x.map((row, ch) => { const g = Math.floor((ch * G) / C); return row.map((v) => (v - means[g]!) / Math.sqrt(sq[g]! / counts[g]! + eps)); });
  return out[c]!;
}

describe('norm.layer.forward / norm.rms.forward / norm.group.forward', () => {
  it('LayerNorm matches a direct loop on 300 variants, and the normalised token has mean 0 and biased variance σ²/(σ²+ε)', () => {
    for (const v of variants('norm.layer.forward', 300)) {
      const { x, gamma, beta, eps } = v.params as { x: number[]; gamma: number; beta: number; eps: number };
      expect(closeAll(v.answer as number[], layerNormLoop(x, gamma, beta, eps)), JSON.stringify(v.params)).toBe(true);
      const z = (v.answer as number[]).map((y) => (y - beta) / gamma);
      expect(Math.abs(z.reduce((a, b) => a + b, 0))).toBeLessThan(1e-9);
    }
  });

  it('RMSNorm matches a direct loop on 300 variants; the output’s mean square is about g²', () => {
    for (const v of variants('norm.rms.forward', 300)) {
      const { x, g, eps } = v.params as { x: number[]; g: number; eps: number };
      expect(closeAll(v.answer as number[], rmsLoop(x, g, eps))).toBe(true);
      const ms = (v.answer as number[]).reduce((a, y) => a + y * y, 0) / x.length;
      expect(Math.abs(ms / (g * g) - 1)).toBeLessThan(1e-3);
    }
  });

  it('GroupNorm matches a loop over the whole tensor on 300 variants', () => {
    for (const v of variants('norm.group.forward', 300)) {
      const { x, G, c, eps } = v.params as { x: number[][]; G: number; c: number; eps: number };
      expect(closeAll(v.answer as number[], groupNormLoop(x, G, c, eps)), JSON.stringify(v.params)).toBe(true);
    }
  });

  it('gives the table examples', () => {
    for (const id of ['norm.layer.forward', 'norm.rms.forward', 'norm.group.forward'] as const) {
      const ex = TABLE_B[id]!.example;
      const n = (k: string): number => ex[k] as number;
      const ref = id === 'norm.layer.forward' ? layerNormLoop(ex.x as number[], n('gamma'), n('beta'), n('eps'))
        : id === 'norm.rms.forward' ? rmsLoop(ex.x as number[], n('g'), n('eps'))
        : groupNormLoop(ex.x as number[][], n('G'), n('c'), n('eps'));
      expect(closeAll(getTemplate(id)?.answer(ex) as number[], ref), id).toBe(true);
    }
    // GroupNorm example by hand: channels 4 and 5 = [2, 3, 4, -4], μ = 1.25, σ² = 9.6875.
    const y = getTemplate('norm.group.forward')?.answer(TABLE_B['norm.group.forward']!.example) as number[];
    expect(closeAll(y, [(4 - 1.25) / Math.sqrt(9.6875 + 1e-5), (-4 - 1.25) / Math.sqrt(9.6875 + 1e-5)])).toBe(true);
  });
});

// nn.Parameter tensors per module (torch docs); buffers listed apart and never counted.
function moduleTensors(p: Params): { params: number[][]; buffers: number[][] } {
  const C = p.C as number;
  const H = p.H as number;
  switch (p.kind) {
    case 'bn2d':
      return { params: [[C], [C]], buffers: [[C], [C], []] }; // weight, bias | running_mean, running_var, num_batches_tracked
    case 'ln_last':
      return { params: [[C], [C]], buffers: [] };
    case 'ln_chw':
      return { params: [[C, H, H], [C, H, H]], buffers: [] };
    case 'in':
      return { params: [], buffers: [] }; // affine=False, track_running_stats=False
    case 'in_affine':
      return { params: [[C], [C]], buffers: [] };
    case 'gn':
      return { params: [[C], [C]], buffers: [] };
    default:
      throw new Error(`unknown kind ${String(p.kind)}`);
  }
}
const count = (ts: number[][]): number => ts.reduce((a, s) => a + s.reduce((x, y) => x * y, 1), 0);

describe('norm.params', () => {
  it('matches the listed nn.Parameter tensors on 300 variants', () => {
    for (const v of variants('norm.params', 300)) expect(v.answer, JSON.stringify(v.params)).toBe(count(moduleTensors(v.params).params));
  });

  it('gives the table example (InstanceNorm2d(32, affine=True): 64) and BatchNorm2d(64): 128, not 256', () => {
    expect(getTemplate('norm.params')?.answer(TABLE_B['norm.params']!.example)).toBe(64);
    const bn = { kind: 'bn2d', C: 64, H: 7, G: 2 };
    expect(getTemplate('norm.params')?.answer(bn)).toBe(128);
    expect(count(moduleTensors(bn).params) + count(moduleTensors(bn).buffers)).toBe(64 * 4 + 1);
  });
});
