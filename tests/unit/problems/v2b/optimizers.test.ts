// Optimisers run step by step the way torch.optim implements them (state
// dicts, in-place updates), an independent schedule function, and the
// global batch counted sample by sample.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../cards/problems/catalogue.ts';
import { TABLE_B } from './table.ts';
import { close, variants } from './helpers.ts';

interface AdamCfg { theta: number; g: number[]; lr: number; beta1: number; beta2: number; eps: number; wd?: number }

/** torch/optim/adam.py (_single_tensor_adam), amsgrad=False, maximize=False; AdamW decays the param first. */
function torchAdam(c: AdamCfg, decoupled: boolean): number {
  const param = { data: c.theta };
  const state = { step: 0, exp_avg: 0, exp_avg_sq: 0 };
  for (const grad of c.g) {
    state.step += 1;
    if (decoupled && c.wd) param.data *= 1 - c.lr * c.wd;
    state.exp_avg += (grad - state.exp_avg) * (1 - c.beta1); // lerp_
    state.exp_avg_sq = state.exp_avg_sq * c.beta2 + (1 - c.beta2) * grad * grad; // mul_().addcmul_()
    const bc1 = 1 - c.beta1 ** state.step;
    const bc2 = 1 - c.beta2 ** state.step;
    const stepSize = c.lr / bc1;
    const denom = Math.sqrt(state.exp_avg_sq) / Math.sqrt(bc2) + c.eps;
    param.data += -stepSize * (state.exp_avg / denom); // addcdiv_
  }
  return param.data;
}

interface SgdCfg { theta: number; g: number[]; lr: number; mu: number; nesterov: boolean }

/** torch/optim/sgd.py, dampening=0, weight_decay=0. */
function torchSgd(c: SgdCfg): number {
  let param = c.theta;
  let buf: number | null = null;
  for (const grad of c.g) {
    let d = grad;
    buf = buf === null ? d : buf * c.mu + d;
    d = c.nesterov ? d + c.mu * buf : buf;
    param += -c.lr * d;
  }
  return param;
}

describe('opt.adam.step / opt.adamw.step / opt.sgd.momentum', () => {
  it('Adam matches torch.optim.Adam run step by step on 300 variants', () => {
    for (const v of variants('opt.adam.step', 300)) expect(close(v.answer as number, torchAdam(v.params as unknown as AdamCfg, false), 1e-12), JSON.stringify(v.params)).toBe(true);
  });

  it('AdamW matches torch.optim.AdamW run step by step on 300 variants', () => {
    for (const v of variants('opt.adamw.step', 300)) expect(close(v.answer as number, torchAdam(v.params as unknown as AdamCfg, true), 1e-12), JSON.stringify(v.params)).toBe(true);
  });

  it('SGD with momentum matches torch.optim.SGD run step by step on 300 variants', () => {
    for (const v of variants('opt.sgd.momentum', 300)) expect(close(v.answer as number, torchSgd(v.params as unknown as SgdCfg), 1e-12), JSON.stringify(v.params)).toBe(true);
  });

  it('gives the table examples, worked by hand', () => {
    // Adam's first step moves by lr·g/(|g|+ε).
    expect(getTemplate('opt.adam.step')?.answer(TABLE_B['opt.adam.step']!.example)).toBeCloseTo(0.9 + 0.01 * (2.7 / (2.7 + 1e-8)), 12);
    expect(getTemplate('opt.adamw.step')?.answer(TABLE_B['opt.adamw.step']!.example)).toBeCloseTo(-1.8 * (1 - 1e-4) + 0.001 * (0.1 / (0.1 + 1e-8)), 12);
    // v1 = −1.3, θ1 = −1.77; v2 = 0.5·(−1.3) + 1.9 = 1.25, θ2 = −1.895.
    expect(getTemplate('opt.sgd.momentum')?.answer(TABLE_B['opt.sgd.momentum']!.example)).toBeCloseTo(-1.895, 12);
  });
});

/** A LambdaLR-style multiplier of peak, written from the schedule's description. */
function schedule(peak: number, minLr: number, W: number, T: number, t: number): number {
  const ratio = minLr / peak;
  let mult: number;
  if (t < W) mult = t / W;
  else if (t <= T) {
    const progress = (t - W) / (T - W);
    mult = ratio + (1 - ratio) * (Math.cos(Math.PI * progress) + 1) / 2;
  } else mult = ratio;
  return peak * mult;
}

describe('opt.lr.warmup_cosine', () => {
  it('matches an independent schedule function on 300 variants, covering all three phases', () => {
    const phases = new Set<string>();
    for (const v of variants('opt.lr.warmup_cosine', 300)) {
      const { peak, min_lr, W, T, t } = v.params as Record<string, number>;
      phases.add(t! < W! ? 'warm-up' : t! <= T! ? 'cosine' : 'floor');
      expect(close(v.answer as number, schedule(peak!, min_lr!, W!, T!, t!), 1e-9), JSON.stringify(v.params)).toBe(true);
    }
    expect(phases).toEqual(new Set(['warm-up', 'cosine', 'floor']));
  });

  it('is continuous at W and T, and halfway down at the middle of the cosine', () => {
    const t = getTemplate('opt.lr.warmup_cosine')!;
    const q = { peak: 1e-3, min_lr: 1e-4, W: 100, T: 1100 };
    expect(t.answer({ ...q, t: 100 })).toBeCloseTo(1e-3, 15);
    expect(t.answer({ ...q, t: 99 })).toBeCloseTo(0.99e-3, 15);
    expect(t.answer({ ...q, t: 1100 })).toBeCloseTo(1e-4, 15);
    expect(t.answer({ ...q, t: 600 })).toBeCloseTo(5.5e-4, 15);
    expect(t.answer(TABLE_B['opt.lr.warmup_cosine']!.example)).toBeCloseTo(3e-5 + 0.5 * 2.7e-4 * (1 + Math.cos((Math.PI * 1320) / 1848)), 15);
  });
});

describe('opt.grad_accum', () => {
  it('matches counting every sample (and token) one optimizer step consumes on 300 variants', () => {
    for (const v of variants('opt.grad_accum', 300)) {
      const { micro, accum, world, seq, ask } = v.params as { micro: number; accum: number; world: number; seq: number; ask: string };
      let samples = 0;
      for (let rank = 0; rank < world; rank += 1) for (let a = 0; a < accum; a += 1) samples += micro;
      expect(v.answer).toBe(ask === 'tokens' ? samples * seq : samples);
    }
    expect(getTemplate('opt.grad_accum')?.answer(TABLE_B['opt.grad_accum']!.example)).toBe(128);
  });
});
