// Optimiser steps as PyTorch implements them (Adam, AdamW, SGD with
// momentum), the warm-up + cosine schedule and the global batch size.
import { defineTemplate, INT, REAL, worked } from '../define.ts';
import { fmt, lang, p, vec } from '../format.ts';
import type { Rng } from '../rng.ts';
import type { Tolerance } from '../types.ts';
import { SECTIONS_B } from './sectionsB.ts';
import { times } from '../arrays.ts';

type AdamP = { theta: number; g: number[]; lr: number; beta1: number; beta2: number; eps: number };
type AdamWP = AdamP & { wd: number };
type SgdP = { theta: number; g: number[]; lr: number; mu: number; nesterov: boolean };
type LrP = { peak: number; min_lr: number; W: number; T: number; t: number };
type AccP = { micro: number; accum: number; world: number; seq: number; ask: 'samples' | 'tokens' };

/**
 * One step moves θ by about lr (≤ 0.1), so the answer must carry 6 significant
 * digits for the step itself to be checked to ~1 %.
 */
export const STEP: Tolerance = { rel: 1e-5, abs: 1e-9 };
const f8 = (x: number): string => fmt(x, 8);

interface AdamOpts {
  biasCorrection?: boolean;
  /** AdamW: decoupled decay θ ← θ(1 − lr·wd) before the step. */
  decoupled?: number;
  /** L2 in the gradient: g ← g + wd·θ (Adam's weight_decay, a mistake for AdamW). */
  l2?: number;
  sign?: 1 | -1;
}

/** θ after one torch.optim.Adam(W) step per gradient. */
export function adamSteps(q: AdamP, o: AdamOpts = {}): number {
  let theta = q.theta;
  let m = 0;
  let v = 0;
  q.g.forEach((g0, k) => {
    const t = k + 1;
    if (o.decoupled) theta *= 1 - q.lr * o.decoupled;
    const g = g0 + (o.l2 ?? 0) * theta;
    m = q.beta1 * m + (1 - q.beta1) * g;
    v = q.beta2 * v + (1 - q.beta2) * g * g;
    const mh = o.biasCorrection === false ? m : m / (1 - q.beta1 ** t);
    const vh = o.biasCorrection === false ? v : v / (1 - q.beta2 ** t);
    theta -= (o.sign ?? 1) * q.lr * (mh / (Math.sqrt(vh) + q.eps));
  });
  return theta;
}

const signedTenths = (r: Rng, lo: number, hi: number): number => (r.bool() ? 1 : -1) * r.int(lo, hi) / 10;
const adamSample = (r: Rng): AdamP => ({
  theta: signedTenths(r, 2, 30),
  g: times(r.int(1, 3), () => signedTenths(r, 1, 30)),
  lr: r.pick([0.1, 0.01, 0.01, 0.001]),
  beta1: 0.9,
  beta2: r.pick([0.999, 0.999, 0.99, 0.95]),
  eps: 1e-8,
});
const adamParams = [
  { name: 'theta', type: 'real' },
  { name: 'g', type: 'vector', min: 1, max: 3, note: 'one gradient per step' },
  { name: 'lr', type: 'real', min: 0.001, max: 0.1 },
  { name: 'beta1', type: 'real' },
  { name: 'beta2', type: 'real' },
  { name: 'eps', type: 'real' },
] as const;

function adamTrace(q: AdamP, wd?: number): string[] {
  const steps: string[] = [];
  let theta = q.theta;
  let m = 0;
  let v = 0;
  q.g.forEach((g, k) => {
    const t = k + 1;
    if (wd) {
      const before = theta;
      theta *= 1 - q.lr * wd;
      steps.push(`t=${t}: \\theta\\leftarrow ${p(before, 8)}\\times(1-${fmt(q.lr)}\\times ${fmt(wd)})=${f8(theta)}`);
    }
    m = q.beta1 * m + (1 - q.beta1) * g;
    v = q.beta2 * v + (1 - q.beta2) * g * g;
    const mh = m / (1 - q.beta1 ** t);
    const vh = v / (1 - q.beta2 ** t);
    const before = theta;
    theta -= q.lr * (mh / (Math.sqrt(vh) + q.eps));
    steps.push(`t=${t},\\ g=${fmt(g)}: m=${f8(m)},\\ v=${f8(v)},\\ \\hat m=${f8(mh)},\\ \\hat v=${f8(vh)}`);
    steps.push(`\\theta=${p(before, 8)}-${fmt(q.lr)}\\times\\frac{${p(mh, 8)}}{\\sqrt{${f8(vh)}}+${fmt(q.eps)}}=${f8(theta)}`);
  });
  return steps;
}

const adamGiven = (q: AdamP): string => `$\\theta_0=${fmt(q.theta)}$, $g=${vec(q.g)}$, $\\text{lr}=${fmt(q.lr)}$, $\\beta_1=${fmt(q.beta1)}$, $\\beta_2=${fmt(q.beta2)}$, $\\epsilon=${fmt(q.eps)}$`;
const STEPS_N = (q: AdamP) => (q.g.length === 1 ? { zh: '一步', en: 'one step' } : { zh: `${q.g.length} 步（每步一个梯度）`, en: `${q.g.length} steps (one gradient each)` });
const ADAM_FORMULA = 'm_t=\\beta_1m_{t-1}+(1-\\beta_1)g_t,\\ v_t=\\beta_2v_{t-1}+(1-\\beta_2)g_t^2,\\ \\theta_t=\\theta_{t-1}-\\text{lr}\\frac{m_t/(1-\\beta_1^t)}{\\sqrt{v_t/(1-\\beta_2^t)}+\\epsilon}';

export const adamTemplate = defineTemplate<AdamP>({
  id: 'opt.adam.step',
  section: SECTIONS_B.optim,
  title: lang('Adam 更新（PyTorch）', 'Adam steps (PyTorch)'),
  formula: `$${ADAM_FORMULA}$`,
  params: adamParams,
  kind: 'real',
  tolerance: STEP,
  targetSeconds: 180,
  sample: adamSample,
  reject: (q) => (q.g.length === 0 ? 'no gradient' : Math.abs(adamSteps(q)) < 0.05 ? 'θ lands near zero' : null),
  mustDiffer: ['no-bias-correction'],
  answer: (q) => adamSteps(q),
  prompt: (q) => ({
    zh: `PyTorch 的 torch.optim.Adam（$m_0=v_0=0$，一阶二阶矩都做偏差修正，$\\epsilon$ 加在开方**之后**，无权重衰减）：${adamGiven(q)}。走${STEPS_N(q).zh}后 $\\theta$ 是多少？`,
    en: `PyTorch's torch.optim.Adam ($m_0=v_0=0$, both moments bias-corrected, $\\epsilon$ added **after** the square root, no weight decay): ${adamGiven(q)}. What is $\\theta$ after ${STEPS_N(q).en}?`,
  }),
  solution: (q) => worked(ADAM_FORMULA, adamTrace(q), {
    zh: '第一步偏差修正后 $\\hat m/\\sqrt{\\hat v}=g/|g|$：不论梯度大小，$\\theta$ 约移动 lr。',
    en: 'After bias correction the first step has $\\hat m/\\sqrt{\\hat v}=g/|g|$: θ moves by about lr whatever the gradient’s size.',
  }),
  mistakes: [
    { id: 'no-bias-correction', hint: lang('别忘了偏差修正 $\\hat m=m/(1-\\beta_1^t)$，$\\hat v=v/(1-\\beta_2^t)$。', 'Apply the bias corrections $\\hat m=m/(1-\\beta_1^t)$ and $\\hat v=v/(1-\\beta_2^t)$.'), value: (q) => adamSteps(q, { biasCorrection: false }) },
    { id: 'wrong-sign', hint: lang('沿梯度的反方向走：$\\theta-\\text{lr}\\cdots$。', 'Step against the gradient: $\\theta-\\text{lr}\\cdots$.'), value: (q) => adamSteps(q, { sign: -1 }) },
    { id: 'plain-sgd', hint: lang('这是普通 SGD $\\theta-\\text{lr}\\sum g$；Adam 用 $\\hat m/(\\sqrt{\\hat v}+\\epsilon)$。', 'That is plain SGD $\\theta-\\text{lr}\\sum g$; Adam steps by $\\hat m/(\\sqrt{\\hat v}+\\epsilon)$.'), value: (q) => q.g.reduce((t, g) => t - q.lr * g, q.theta) },
  ],
});

export const adamwTemplate = defineTemplate<AdamWP>({
  id: 'opt.adamw.step',
  section: SECTIONS_B.optim,
  title: lang('AdamW 更新（PyTorch）', 'AdamW steps (PyTorch)'),
  formula: `$\\theta\\leftarrow\\theta(1-\\text{lr}\\cdot\\text{wd}),\\ \\text{then }${ADAM_FORMULA}$`,
  params: [...adamParams, { name: 'wd', type: 'real', min: 0.01, max: 0.1 }],
  kind: 'real',
  tolerance: STEP,
  targetSeconds: 200,
  sample: (r) => {
    // Built field by field (a spread here was a hot spot); draws in the same order as before.
    const a = adamSample(r);
    return { theta: a.theta, g: a.g, lr: r.pick([0.01, 0.001]), beta1: a.beta1, beta2: a.beta2, eps: a.eps, wd: r.pick([0.01, 0.05, 0.1]) };
  },
  reject: (q) => (q.g.length === 0 ? 'no gradient' : Math.abs(adamSteps(q, { decoupled: q.wd })) < 0.05 ? 'θ lands near zero' : null),
  mustDiffer: ['l2-in-gradient', 'no-decay'],
  answer: (q) => adamSteps(q, { decoupled: q.wd }),
  prompt: (q) => ({
    zh: `PyTorch 的 torch.optim.AdamW（解耦权重衰减：每步先 $\\theta\\leftarrow\\theta(1-\\text{lr}\\cdot\\text{wd})$，再做带偏差修正的 Adam 更新，$\\epsilon$ 在开方之后，$m_0=v_0=0$）：${adamGiven(q)}，$\\text{wd}=${fmt(q.wd)}$。走${STEPS_N(q).zh}后 $\\theta$ 是多少？`,
    en: `PyTorch's torch.optim.AdamW (decoupled weight decay: each step first $\\theta\\leftarrow\\theta(1-\\text{lr}\\cdot\\text{wd})$, then the bias-corrected Adam update, $\\epsilon$ after the square root, $m_0=v_0=0$): ${adamGiven(q)}, $\\text{wd}=${fmt(q.wd)}$. What is $\\theta$ after ${STEPS_N(q).en}?`,
  }),
  solution: (q) => worked(`\\theta\\leftarrow\\theta(1-\\text{lr}\\cdot\\text{wd});\\ ${ADAM_FORMULA}`, adamTrace(q, q.wd), {
    zh: '衰减不进入梯度，因此也不进入 $m,v$。',
    en: 'The decay never enters the gradient, hence not $m$ or $v$ either.',
  }),
  mistakes: [
    { id: 'l2-in-gradient', hint: lang('AdamW 的衰减是解耦的：不把 $\\text{wd}\\cdot\\theta$ 加进梯度（那是 Adam 的 weight_decay / L2）。', 'AdamW decouples the decay: do not add $\\text{wd}\\cdot\\theta$ to the gradient (that is Adam’s weight_decay, L2).'), value: (q) => adamSteps(q, { l2: q.wd }) },
    { id: 'no-decay', hint: lang('每步先乘 $(1-\\text{lr}\\cdot\\text{wd})$。', 'Multiply by $(1-\\text{lr}\\cdot\\text{wd})$ every step first.'), value: (q) => adamSteps(q) },
    { id: 'decay-without-lr', hint: lang('PyTorch 的衰减系数是 $\\text{lr}\\cdot\\text{wd}$，不是 $\\text{wd}$。', 'PyTorch decays by $\\text{lr}\\cdot\\text{wd}$, not by $\\text{wd}$.'), value: (q) => adamSteps(q, { decoupled: q.wd / q.lr }) },
    { id: 'no-bias-correction', hint: lang('别忘了偏差修正。', 'Apply the bias corrections.'), value: (q) => adamSteps(q, { decoupled: q.wd, biasCorrection: false }) },
  ],
});

interface SgdOpts {
  ema?: boolean;
  nesterov?: boolean;
}

/** θ after torch.optim.SGD(momentum=μ, dampening=0) steps: buf₁ = g₁, buf ← μ·buf + g. */
export function sgdMomentum(q: SgdP, o: SgdOpts = {}): number {
  const nesterov = o.nesterov ?? q.nesterov;
  let theta = q.theta;
  let buf = 0;
  q.g.forEach((g, k) => {
    buf = o.ema ? q.mu * buf + (1 - q.mu) * g : k === 0 ? g : q.mu * buf + g;
    theta -= q.lr * (nesterov ? g + q.mu * buf : buf);
  });
  return theta;
}

export const sgdMomentumTemplate = defineTemplate<SgdP>({
  id: 'opt.sgd.momentum',
  section: SECTIONS_B.optim,
  title: lang('SGD 动量更新（PyTorch）', 'SGD with momentum (PyTorch)'),
  formula: '$v_1=g_1,\\ v_t=\\mu v_{t-1}+g_t,\\ \\theta_t=\\theta_{t-1}-\\text{lr}\\,v_t$；Nesterov：$\\theta_t=\\theta_{t-1}-\\text{lr}(g_t+\\mu v_t)$',
  params: [
    { name: 'theta', type: 'real' },
    { name: 'g', type: 'vector', min: 1, max: 3, note: 'one gradient per step' },
    { name: 'lr', type: 'real', min: 0.01, max: 0.1 },
    { name: 'mu', type: 'real', min: 0.5, max: 0.9 },
    { name: 'nesterov', type: 'boolean' },
  ],
  kind: 'real',
  tolerance: STEP,
  targetSeconds: 120,
  sample: (r) => ({ theta: signedTenths(r, 2, 30), g: times(r.int(1, 3), () => signedTenths(r, 1, 30)), lr: r.pick([0.1, 0.05, 0.01]), mu: r.pick([0.5, 0.9, 0.9]), nesterov: r.bool() }),
  reject: (q) => (q.g.length === 0 ? 'no gradient' : Math.abs(sgdMomentum(q)) < 0.05 ? 'θ lands near zero' : null),
  mustDiffer: ['ema-momentum'],
  answer: (q) => sgdMomentum(q),
  prompt: (q) => {
    const rule = q.nesterov ? '$\\theta\\leftarrow\\theta-\\text{lr}(g+\\mu v)$（Nesterov）' : '$\\theta\\leftarrow\\theta-\\text{lr}\\,v$';
    const ruleEn = q.nesterov ? '$\\theta\\leftarrow\\theta-\\text{lr}(g+\\mu v)$ (Nesterov)' : '$\\theta\\leftarrow\\theta-\\text{lr}\\,v$';
    return {
      zh: `PyTorch 的 torch.optim.SGD(momentum=$\\mu$, dampening=0, nesterov=${q.nesterov ? 'True' : 'False'})：$v_1=g_1$，之后 $v\\leftarrow\\mu v+g$，${rule}。$\\theta_0=${fmt(q.theta)}$，梯度依次为 $${vec(q.g)}$，$\\text{lr}=${fmt(q.lr)}$，$\\mu=${fmt(q.mu)}$。最后 $\\theta$ 是多少？`,
      en: `PyTorch's torch.optim.SGD(momentum=$\\mu$, dampening=0, nesterov=${q.nesterov ? 'True' : 'False'}): $v_1=g_1$, then $v\\leftarrow\\mu v+g$, ${ruleEn}. $\\theta_0=${fmt(q.theta)}$, gradients $${vec(q.g)}$ in order, $\\text{lr}=${fmt(q.lr)}$, $\\mu=${fmt(q.mu)}$. What is the final $\\theta$?`,
    };
  },
  solution: (q) => {
    const steps: string[] = [];
    let theta = q.theta;
    let buf = 0;
    q.g.forEach((g, k) => {
      const prev = buf;
      buf = k === 0 ? g : q.mu * buf + g;
      const d = q.nesterov ? g + q.mu * buf : buf;
      const before = theta;
      theta -= q.lr * d;
      const vText = k === 0 ? `v_1=g_1=${fmt(g)}` : `v_${k + 1}=${fmt(q.mu)}\\times ${p(prev, 8)}+${p(g)}=${f8(buf)}`;
      const dText = q.nesterov ? `(${fmt(g)}+${fmt(q.mu)}\\times ${p(buf, 8)})` : p(buf, 8);
      steps.push(`${vText},\\ \\theta_${k + 1}=${p(before, 8)}-${fmt(q.lr)}\\times ${dText}=${f8(theta)}`);
    });
    return worked(q.nesterov ? '\\theta_t=\\theta_{t-1}-\\text{lr}(g_t+\\mu v_t)' : '\\theta_t=\\theta_{t-1}-\\text{lr}\\,v_t', steps, {
      zh: 'PyTorch 的动量缓冲不乘 $(1-\\mu)$，第一步直接等于梯度。',
      en: 'PyTorch’s momentum buffer has no $(1-\\mu)$ factor and starts as the first gradient.',
    });
  },
  mistakes: [
    { id: 'ema-momentum', hint: lang('PyTorch 的 $v\\leftarrow\\mu v+g$ 没有 $(1-\\mu)$ 系数（dampening=0）。', 'PyTorch uses $v\\leftarrow\\mu v+g$, with no $(1-\\mu)$ factor (dampening=0).'), value: (q) => sgdMomentum(q, { ema: true }) },
    { id: 'wrong-variant', hint: lang('注意 nesterov 的取值：Nesterov 用 $g+\\mu v$，否则用 $v$。', 'Check nesterov: Nesterov steps by $g+\\mu v$, otherwise by $v$.'), value: (q) => sgdMomentum(q, { nesterov: !q.nesterov }) },
    { id: 'plain-sgd', hint: lang('别忘了动量项。', 'Do not forget the momentum.'), value: (q) => q.g.reduce((t, g) => t - q.lr * g, q.theta) },
  ],
});

interface LrOpts {
  plusOne?: boolean;
  ignoreMin?: boolean;
  progressOverT?: boolean;
  keepCosine?: boolean;
}

/** LR at 0-based step t: linear warm-up t/W, cosine from peak to min_lr over [W, T], then min_lr. */
export function warmupCosine({ peak, min_lr, W, T, t }: LrP, o: LrOpts = {}): number {
  if (t < W) return (peak * (o.plusOne ? t + 1 : t)) / W;
  if (t > T && !o.keepCosine) return o.ignoreMin ? 0 : min_lr;
  const progress = o.progressOverT ? t / T : (t - W) / (T - W);
  const floor = o.ignoreMin ? 0 : min_lr;
  return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
}

export const warmupCosineTemplate = defineTemplate<LrP>({
  id: 'opt.lr.warmup_cosine',
  section: SECTIONS_B.optim,
  title: lang('线性预热 + 余弦衰减学习率', 'Linear warm-up + cosine decay learning rate'),
  formula: '$t<W:\\ \\eta_{max}\\frac tW;\\ W\\le t\\le T:\\ \\eta_{min}+\\frac12(\\eta_{max}-\\eta_{min})\\left(1+\\cos\\frac{\\pi(t-W)}{T-W}\\right);\\ t>T:\\ \\eta_{min}$',
  params: [
    { name: 'peak', type: 'real' },
    { name: 'min_lr', type: 'real' },
    { name: 'W', type: 'int', min: 10, note: 'warm-up steps' },
    { name: 'T', type: 'int', note: 'step where the cosine reaches min_lr' },
    { name: 't', type: 'int', min: 0, note: '0-based step' },
  ],
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 90,
  sample: (r) => {
    const peak = r.pick([1e-3, 6e-4, 3e-4, 1e-4]);
    const min_lr = peak * r.pick([0, 0.1, 0.1]);
    const regime = r.int(0, 9);
    if (regime < 3) {
      const W = r.int(10, 400);
      return { peak, min_lr, W, T: W + r.int(100, 5000), t: r.int(1, W - 1) };
    }
    const W = r.int(10, 2000);
    const T = W + r.int(200, 5000);
    return { peak, min_lr, W, T, t: regime < 9 ? r.int(W, T) : T + r.int(1, 1000) };
  },
  reject: ({ W, T, t }) => (W < 1 || T <= W ? 'empty cosine phase' : t < 0 ? 'negative step' : t === 0 ? 'learning rate 0' : null),
  answer: (q) => warmupCosine(q),
  prompt: (q) => {
    const given = `$\\eta_{max}=${fmt(q.peak)}$，$\\eta_{min}=${fmt(q.min_lr)}$，$W=${q.W}$，$T=${q.T}$`;
    return {
      zh: `学习率调度：步数 $t$ 从 0 开始；$t<W$ 时线性预热 $\\eta=\\eta_{max}\\cdot t/W$；$W\\le t\\le T$ 时余弦衰减 $\\eta_{min}+\\frac12(\\eta_{max}-\\eta_{min})(1+\\cos\\frac{\\pi(t-W)}{T-W})$；$t>T$ 时保持 $\\eta_{min}$。${given}。求 $t=${q.t}$ 时的学习率。`,
      en: `A schedule with 0-based step $t$: linear warm-up $\\eta=\\eta_{max}\\cdot t/W$ for $t<W$; cosine decay $\\eta_{min}+\\frac12(\\eta_{max}-\\eta_{min})(1+\\cos\\frac{\\pi(t-W)}{T-W})$ for $W\\le t\\le T$; $\\eta_{min}$ for $t>T$. ${given.replace(/，/g, ', ')}. What is the learning rate at $t=${q.t}$?`,
    };
  },
  solution: (q) => {
    const v = warmupCosine(q);
    if (q.t < q.W) return worked('\\eta=\\eta_{max}\\frac tW', [`t=${q.t}<W=${q.W}: ${fmt(q.peak)}\\times\\frac{${q.t}}{${q.W}}=${fmt(v)}`]);
    if (q.t > q.T) return worked('\\eta=\\eta_{min}', [`t=${q.t}>T=${q.T}: \\eta=\\eta_{min}=${fmt(v)}`]);
    const prog = (q.t - q.W) / (q.T - q.W);
    return worked('\\eta=\\eta_{min}+\\frac12(\\eta_{max}-\\eta_{min})(1+\\cos\\pi\\frac{t-W}{T-W})', [
      `\\frac{t-W}{T-W}=\\frac{${q.t}-${q.W}}{${q.T}-${q.W}}=${fmt(prog)}`,
      `\\cos(\\pi\\times ${fmt(prog)})=${fmt(Math.cos(Math.PI * prog))}`,
      `${fmt(q.min_lr)}+\\frac12(${fmt(q.peak)}-${fmt(q.min_lr)})(1+${p(Math.cos(Math.PI * prog))})=${fmt(v)}`,
    ]);
  },
  mistakes: [
    { id: 'warmup-plus-one', hint: lang('本题 $t$ 从 0 开始，预热是 $t/W$，不是 $(t+1)/W$。', 'Here $t$ counts from 0: warm-up is $t/W$, not $(t+1)/W$.'), value: (q) => warmupCosine(q, { plusOne: true }) },
    { id: 'forgot-min-lr', hint: lang('余弦从 $\\eta_{max}$ 降到 $\\eta_{min}$，不是降到 0。', 'The cosine goes from $\\eta_{max}$ down to $\\eta_{min}$, not to 0.'), value: (q) => warmupCosine(q, { ignoreMin: true }) },
    { id: 'progress-over-T', hint: lang('余弦进度从预热结束算起：$(t-W)/(T-W)$。', 'The cosine progress starts after warm-up: $(t-W)/(T-W)$.'), value: (q) => warmupCosine(q, { progressOverT: true }) },
    { id: 'cosine-continues', hint: lang('$t>T$ 后学习率停在 $\\eta_{min}$，余弦不再继续。', 'After $T$ the rate stays at $\\eta_{min}$; the cosine does not continue.'), value: (q) => warmupCosine(q, { keepCosine: true }) },
  ],
});

export const globalBatch = ({ micro, accum, world, seq, ask }: AccP, o: { world?: number; accum?: number; seq?: boolean } = {}): number =>
  micro * (o.accum ?? accum) * (o.world ?? world) * ((o.seq ?? ask === 'tokens') ? seq : 1);

export const gradAccumTemplate = defineTemplate<AccP>({
  id: 'opt.grad_accum',
  section: SECTIONS_B.optim,
  title: lang('梯度累积下的全局 batch', 'Global batch with gradient accumulation'),
  formula: '$\\text{samples}=\\text{micro}\\times\\text{accum}\\times\\text{world}$；tokens 再乘序列长度',
  params: [
    { name: 'micro', type: 'int', min: 1, max: 64, note: 'sequences per GPU per micro-batch' },
    { name: 'accum', type: 'int', min: 1, max: 64 },
    { name: 'world', type: 'int', min: 1, max: 1024, note: 'data-parallel GPUs' },
    { name: 'seq', type: 'int', min: 128, max: 8192 },
    { name: 'ask', type: 'enum', values: ['samples', 'tokens'] },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 30,
  sample: (r) => ({ micro: r.pick([1, 2, 4, 8, 16, 32]), accum: r.pick([1, 2, 4, 8, 16]), world: r.pick([2, 4, 8, 16, 64, 256]), seq: r.pick([512, 1024, 2048, 4096, 8192]), ask: r.pick(['samples', 'tokens'] as const) }),
  mustDiffer: ['forgot-world'],
  answer: (q) => globalBatch(q),
  prompt: (q) => {
    const what = q.ask === 'tokens' ? { zh: '多少个 token', en: 'how many tokens' } : { zh: '多少个样本（序列）', en: 'how many samples (sequences)' };
    return {
      zh: `数据并行训练：${q.world} 张 GPU，每张 GPU 每个 micro-batch 处理 ${q.micro} 条长 ${q.seq} token 的序列，每 ${q.accum} 个 micro-batch 累积一次梯度再更新。每次优化器更新看到${what.zh}？`,
      en: `Data-parallel training on ${q.world} GPUs; each GPU processes micro-batches of ${q.micro} sequences of ${q.seq} tokens and accumulates gradients over ${q.accum} micro-batches per optimizer step. ${what.en[0]?.toUpperCase()}${what.en.slice(1)} does one optimizer step see?`,
    };
  },
  solution: (q) => {
    const samples = q.micro * q.accum * q.world;
    const steps = [`\\text{samples}=${q.micro}\\times ${q.accum}\\times ${q.world}=${samples}`];
    if (q.ask === 'tokens') steps.push(`\\text{tokens}=${samples}\\times ${q.seq}=${samples * q.seq}`);
    return worked(`\\text{micro}\\times\\text{accum}\\times\\text{world}${q.ask === 'tokens' ? '\\times\\text{seq}' : ''}`, steps);
  },
  mistakes: [
    { id: 'forgot-world', hint: lang('每张 GPU 都贡献一份：乘以 GPU 数。', 'Every GPU contributes its share: multiply by the number of GPUs.'), value: (q) => globalBatch(q, { world: 1 }) },
    { id: 'forgot-accum', hint: lang('梯度累积的每个 micro-batch 都计入同一次更新。', 'Every accumulated micro-batch counts toward the same step.'), value: (q) => globalBatch(q, { accum: 1 }) },
    { id: 'unit-mixup', hint: lang('注意问的是样本数还是 token 数（token 要乘序列长度）。', 'Check whether samples or tokens are asked (tokens multiply by the sequence length).'), value: (q) => globalBatch(q, { seq: q.ask !== 'tokens' }) },
  ],
});
