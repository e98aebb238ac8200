// FLOPs by loops over matmul shapes; memory by listing the tensors a GPU
// holds (states, shards, caches, quantised groups) and adding their bytes.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../cards/problems/catalogue.ts';
import { generate } from '../../../../cards/problems/generate.ts';
import type { Params } from '../../../../cards/problems/types.ts';
import { SEEDS } from '../helpers.ts';
import { gpt2, numel } from './modules.ts';

const BYTES: Record<string, number> = { bf16: 2, fp16: 2, fp32: 4, int8: 1 };
const UNIT: Record<string, number> = { GB: 1000 ** 3, GiB: 1024 ** 3, MiB: 1024 ** 2 };
const close = (a: number, b: number) => expect(Math.abs(a - b) / Math.abs(b)).toBeLessThan(1e-9);
const each = (id: string, check: (p: Params, a: number) => void) => {
  const seen = new Set<string>();
  for (const s of SEEDS) {
    const g = generate(id, s);
    check(g.params, g.answer as number);
    seen.add(JSON.stringify([g.params.unit, g.params.ask, g.params.stage, g.params.optimizer, g.params.dtype]));
  }
  return seen;
};

/** FLOPs of C = A·B with A m×k and B k×n, counted multiply-add by multiply-add (2 each). */
function matmulFlops(m: number, k: number, n: number): number {
  let f = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) f += 2 * k;
  return f;
}

describe('attn.core.flops by loops over the matmuls of every sequence and head', () => {
  it('matches 100 variants', () => {
    // Rows of the score matrix are identical in cost, so one row × n stands for the n×n loop.
    each('attn.core.flops', (p, a) => {
      const [b, n, d, h] = [p.b, p.n, p.d, p.h] as [number, number, number, number];
      const dh = d / h;
      let f = 0;
      for (let s = 0; s < b; s++) {
        for (let head = 0; head < h; head++) {
          f += n * matmulFlops(1, dh, n); // S = Q Kᵀ: (n×dh)(dh×n)
          f += n * matmulFlops(1, n, dh); // O = A V: (n×n)(n×dh)
        }
      }
      expect(a).toBe(f);
    });
  });

  it('the row shortcut agrees with the full loop on a small case', () => {
    expect(matmulFlops(6, 4, 6)).toBe(6 * matmulFlops(1, 4, 6));
    expect(getTemplate('attn.core.flops')!.answer({ b: 2, n: 6, d: 8, h: 2 })).toBe(2 * 2 * (matmulFlops(6, 4, 6) + matmulFlops(6, 6, 4)));
  });
});

describe('llm.flops.train', () => {
  it('6ND is forward (2 per weight per token) + backward (dX and dW, each as large) summed over the matmuls of a model', () => {
    // GPT-2 small's weight matrices, per token: forward y = xW, backward dX = dY Wᵀ and dW = xᵀ dY.
    const mats = gpt2({ V: 50257, n_ctx: 1024, d: 768, L: 12, tied: false }).filter((t) => t.shape.length === 2 && !t.name.startsWith('wpe') && !t.name.startsWith('wte'));
    let perToken = 0;
    for (const t of mats) {
      const [outF, inF] = t.shape as [number, number];
      perToken += matmulFlops(1, inF, outF) + matmulFlops(1, outF, inF) + matmulFlops(inF, 1, outF);
    }
    const N = mats.reduce((s, t) => s + numel(t), 0);
    const D = 1e9;
    const t = getTemplate('llm.flops.train')!;
    close(t.answer({ N, D, ask: 'flops', gpus: 8, peak_tflops: 312, mfu: 0.5 }) as number, perToken * D);
  });

  it("GPT-3 175B on 300B tokens: 3.14e23 FLOPs (the paper's table D.1)", () => {
    const c = getTemplate('llm.flops.train')!.answer({ N: 175e9, D: 300e9, ask: 'flops', gpus: 1, peak_tflops: 312, mfu: 0.5 }) as number;
    expect(Math.abs(c / 3.14e23 - 1)).toBeLessThan(0.01);
  });

  it('days: a simulated cluster that adds each GPU-day of useful FLOPs until the budget is spent', () => {
    const seen = each('llm.flops.train', (p, a) => {
      const c = 6 * (p.N as number) * (p.D as number);
      if (p.ask === 'flops') return close(a, c);
      const perDay = (p.gpus as number) * (p.peak_tflops as number) * 1e12 * (p.mfu as number) * 24 * 3600;
      let whole = 0;
      while ((whole + 1) * perDay <= c) whole += 1; // whole days (answers are < 3000 days)
      close(a, whole + (c - whole * perDay) / perDay);
    });
    expect([...seen].some((s) => s.includes('"days"')) && [...seen].some((s) => s.includes('"flops"'))).toBe(true);
  });
});

describe('memory by listing tensors', () => {
  it('llm.mem.train: bf16 weights and grads + fp32 master copy and optimizer moments', () => {
    const STATES: Record<string, string[]> = { adam: ['master', 'exp_avg', 'exp_avg_sq'], sgd_momentum: ['master', 'momentum_buffer'], sgd: ['master'] };
    const seen = each('llm.mem.train', (p, a) => {
      const N = p.N as number;
      const tensors = [{ n: N, dtype: 'bf16' }, { n: N, dtype: 'bf16' }, ...(STATES[p.optimizer as string] as string[]).map(() => ({ n: N, dtype: 'fp32' }))];
      close(a, tensors.reduce((s, t) => s + t.n * (BYTES[t.dtype] as number), 0) / (UNIT[p.unit as string] as number));
    });
    expect(new Set([...seen].map((s) => JSON.parse(s)[3]))).toEqual(new Set(['adam', 'sgd_momentum', 'sgd']));
    expect(new Set([...seen].map((s) => JSON.parse(s)[0]))).toEqual(new Set(['GB', 'GiB', 'MiB']));
  });

  /** Bytes GPU 0 holds: each state is either replicated or split into nd equal shards. */
  function zeroGpu0(psi: number, nd: number, stage: number): number {
    const states = [
      { bytes: 2 * psi, sharded: stage >= 3 }, // fp16 parameters
      { bytes: 2 * psi, sharded: stage >= 2 }, // fp16 gradients
      { bytes: 12 * psi, sharded: stage >= 1 }, // fp32 master, momentum, variance
    ];
    let held = 0;
    for (const s of states) {
      const shards = s.sharded ? nd : 1;
      const perShard = s.bytes / shards;
      held += perShard; // GPU 0 holds shard 0
    }
    return held;
  }

  it("llm.mem.zero: the ZeRO paper's 7.5B-parameter, 64-GPU example is 120 / 31.4 / 16.6 / 1.9 GB", () => {
    const t = getTemplate('llm.mem.zero')!;
    const got = [0, 1, 2, 3].map((stage) => Math.round((t.answer({ psi: 7.5e9, nd: 64, stage, unit: 'GB' }) as number) * 10) / 10);
    expect(got).toEqual([120, 31.4, 16.6, 1.9]);
  });

  it('llm.mem.zero × 100 seeds = the bytes GPU 0 holds, every stage and unit drawn', () => {
    const seen = each('llm.mem.zero', (p, a) => close(a, zeroGpu0(p.psi as number, p.nd as number, p.stage as number) / (UNIT[p.unit as string] as number)));
    expect(new Set([...seen].map((s) => JSON.parse(s)[2]))).toEqual(new Set([0, 1, 2, 3]));
  });

  it('llm.mem.kv_cache: K and V tensors [batch, n_kv, seq, d_h] for every layer', () => {
    const seen = each('llm.mem.kv_cache', (p, a) => {
      let bytes = 0;
      for (let l = 0; l < (p.L as number); l++) {
        for (const _kv of ['k', 'v']) bytes += numel({ name: 'cache', shape: [p.batch as number, p.n_kv as number, p.seq as number, (p.d as number) / (p.h as number)] }) * (BYTES[p.dtype as string] as number);
      }
      close(a, bytes / (UNIT[p.unit as string] as number));
    });
    expect(new Set([...seen].map((s) => JSON.parse(s)[4]))).toEqual(new Set(['bf16', 'fp16', 'fp32', 'int8']));
  });

  it('llm.mem.quant: packed codes plus one fp16 scale per group', () => {
    each('llm.mem.quant', (p, a) => {
      const N = p.N as number;
      const groups = Math.ceil(N / (p.group as number));
      const codeBytes = (N * (p.bits as number)) / 8;
      close(a, (codeBytes + groups * 2) / (UNIT[p.unit as string] as number));
    });
  });
});
