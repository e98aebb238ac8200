// Feature scaling (min-max, z-score) and training-mode batch norm.
import { defineTemplate, REAL, VECTOR, worked } from '../define.ts';
import { fmt, lang, p, vec } from '../format.ts';
import { mean, variance } from '../math.ts';
import { SECTIONS } from '../sections.ts';
import { times } from '../arrays.ts';

type MinMax = { x: number; min: number; max: number };
type Z = { x: number; mu: number; sigma: number };
type Bn = { x: number[]; gamma: number; beta: number; eps: number };

export const normMinMax = defineTemplate<MinMax>({
  id: 'norm.minmax',
  section: SECTIONS.preprocess,
  title: lang('最小最大值归一化', 'Min-max normalisation'),
  formula: '$x_{new}=\\frac{x-x_{min}}{x_{max}-x_{min}}$',
  params: [
    { name: 'x', type: 'real' },
    { name: 'min', type: 'real' },
    { name: 'max', type: 'real', note: '> min' },
  ],
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 30,
  sample: (r) => {
    const min = r.int(-50, 50);
    const max = min + r.int(2, 200);
    return { x: r.int(min * 10, max * 10) / 10, min, max };
  },
  reject: ({ x, min, max }) => (max <= min ? 'empty range' : x === min ? 'trivial zero' : null),
  answer: ({ x, min, max }) => (x - min) / (max - min),
  prompt: ({ x, min, max }) => ({
    zh: `某特征的最小值 $x_{min}=${fmt(min)}$，最大值 $x_{max}=${fmt(max)}$。对 $x=${fmt(x)}$ 做最小最大值归一化，结果是多少？`,
    en: `A feature ranges from $x_{min}=${fmt(min)}$ to $x_{max}=${fmt(max)}$. What is $x=${fmt(x)}$ after min-max normalisation?`,
  }),
  solution: ({ x, min, max }) =>
    worked('\\frac{x-x_{min}}{x_{max}-x_{min}}', [`\\frac{${fmt(x)}-${p(min)}}{${fmt(max)}-${p(min)}}=\\frac{${fmt(x - min)}}{${fmt(max - min)}}=${fmt((x - min) / (max - min))}`]),
  mistakes: [
    { id: 'divided-by-max', hint: lang('分母是范围 $x_{max}-x_{min}$，不是 $x_{max}$。', 'Divide by the range $x_{max}-x_{min}$, not by $x_{max}$.'), value: ({ x, min, max }) => (x - min) / max },
    { id: 'forgot-shift', hint: lang('分子要先减去 $x_{min}$。', 'Subtract $x_{min}$ from $x$ first.'), value: ({ x, min, max }) => x / (max - min) },
    { id: 'flipped', hint: lang('是 $x-x_{min}$，不是 $x_{max}-x$。', 'It is $x-x_{min}$, not $x_{max}-x$.'), value: ({ x, min, max }) => (max - x) / (max - min) },
  ],
});

export const normZ = defineTemplate<Z>({
  id: 'norm.zscore',
  section: SECTIONS.preprocess,
  title: lang('Z 值标准化', 'Z-score standardisation'),
  formula: '$x_{new}=\\frac{x-\\mu}{\\sigma}$',
  params: [
    { name: 'x', type: 'real' },
    { name: 'mu', type: 'real' },
    { name: 'sigma', type: 'real', min: 0.1, note: '> 0' },
  ],
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 25,
  sample: (r) => ({ x: r.int(-200, 1000) / 10, mu: r.int(-100, 600) / 10, sigma: r.int(2, 300) / 10 }),
  reject: ({ x, mu, sigma }) => (sigma <= 0 ? 'non-positive sigma' : x === mu ? 'trivial zero' : sigma === 1 ? 'sigma 1 hides mistakes' : null),
  answer: ({ x, mu, sigma }) => (x - mu) / sigma,
  prompt: ({ x, mu, sigma }) => ({
    zh: `某特征均值 $\\mu=${fmt(mu)}$，标准差 $\\sigma=${fmt(sigma)}$。$x=${fmt(x)}$ 标准化（Z-score）后是多少？`,
    en: `A feature has mean $\\mu=${fmt(mu)}$ and standard deviation $\\sigma=${fmt(sigma)}$. What is the z-score of $x=${fmt(x)}$?`,
  }),
  solution: ({ x, mu, sigma }) => worked('\\frac{x-\\mu}{\\sigma}', [`\\frac{${fmt(x)}-${p(mu)}}{${fmt(sigma)}}=\\frac{${fmt(x - mu)}}{${fmt(sigma)}}=${fmt((x - mu) / sigma)}`]),
  mistakes: [
    { id: 'divided-by-variance', hint: lang('除以标准差 $\\sigma$，不是方差 $\\sigma^2$。', 'Divide by the standard deviation $\\sigma$, not the variance $\\sigma^2$.'), value: ({ x, mu, sigma }) => (x - mu) / sigma ** 2 },
    { id: 'sign-flipped', hint: lang('是 $x-\\mu$，不是 $\\mu-x$。', 'It is $x-\\mu$, not $\\mu-x$.'), value: ({ x, mu, sigma }) => (mu - x) / sigma },
    { id: 'forgot-shift', hint: lang('先减去均值 $\\mu$ 再除。', 'Subtract the mean $\\mu$ before dividing.'), value: ({ x, sigma }) => x / sigma },
  ],
});

/** Training-mode batch norm over one channel of one batch (biased variance). */
export function batchNorm(x: readonly number[], gamma: number, beta: number, eps: number, unbiased = false): number[] {
  const m = mean(x);
  const v = unbiased ? (variance(x) * x.length) / (x.length - 1) : variance(x);
  return x.map((xi) => (gamma * (xi - m)) / Math.sqrt(v + eps) + beta);
}

export const bnForward = defineTemplate<Bn>({
  id: 'bn.forward',
  section: SECTIONS.bn,
  title: lang('BatchNorm 前向（训练模式）', 'Batch norm forward pass (training mode)'),
  formula: '$\\mu=\\frac1m\\sum x_i,\\ \\sigma^2=\\frac1m\\sum(x_i-\\mu)^2,\\ y_i=\\gamma\\frac{x_i-\\mu}{\\sqrt{\\sigma^2+\\epsilon}}+\\beta$',
  params: [
    { name: 'x', type: 'vector', min: 3, max: 5, note: 'one channel of one batch' },
    { name: 'gamma', type: 'real' },
    { name: 'beta', type: 'real' },
    { name: 'eps', type: 'real', min: 1e-5, max: 0.1 },
  ],
  kind: 'vector',
  tolerance: VECTOR,
  targetSeconds: 150,
  sample: (r) => ({
    x: times(r.int(3, 5), () => r.int(-5, 10)),
    gamma: r.pick([0.5, 1, 1.5, 2, 3]),
    beta: r.pick([-1, -0.5, 0, 0.5, 1, 2]),
    eps: r.pick([1e-5, 1e-3, 0.01, 0.1]),
  }),
  reject: ({ x }) => (variance(x) === 0 ? 'constant batch' : null),
  mustDiffer: ['unbiased-variance'],
  answer: ({ x, gamma, beta, eps }) => batchNorm(x, gamma, beta, eps),
  prompt: ({ x, gamma, beta, eps }) => ({
    zh: `训练模式下的 BatchNorm：某通道在一个 batch 中的值为 $x=${vec(x)}$，$\\gamma=${fmt(gamma)}$，$\\beta=${fmt(beta)}$，$\\epsilon=${fmt(eps)}$。输出 $y$ 是多少？`,
    en: `Batch norm in training mode: one channel of a batch holds $x=${vec(x)}$, with $\\gamma=${fmt(gamma)}$, $\\beta=${fmt(beta)}$, $\\epsilon=${fmt(eps)}$. What is the output $y$?`,
  }),
  solution: ({ x, gamma, beta, eps }) => {
    const m = mean(x);
    const v = variance(x);
    const sd = Math.sqrt(v + eps);
    return worked('y_i=\\gamma\\frac{x_i-\\mu}{\\sqrt{\\sigma^2+\\epsilon}}+\\beta', [
      `\\mu=\\frac{${x.join('+').replace(/\+-/g, '-')}}{${x.length}}=${fmt(m)}`,
      `\\sigma^2=\\frac1{${x.length}}\\sum(x_i-\\mu)^2=${fmt(v)}`,
      `\\sqrt{\\sigma^2+\\epsilon}=\\sqrt{${fmt(v)}+${fmt(eps)}}=${fmt(sd)}`,
      `y=${fmt(gamma)}\\times\\frac{x-${p(m)}}{${fmt(sd)}}+${p(beta)}=${vec(x.map((xi) => (gamma * (xi - m)) / sd + beta))}`,
    ], { zh: '训练时用当前 batch 的均值和**有偏**方差（除以 $m$）。', en: 'Training mode uses the batch mean and the **biased** variance (divide by $m$).' });
  },
  mistakes: [
    { id: 'unbiased-variance', hint: lang('归一化用有偏方差（除以 $m$），不是 $m-1$。', 'Normalise with the biased variance (divide by $m$), not $m-1$.'), value: ({ x, gamma, beta, eps }) => batchNorm(x, gamma, beta, eps, true) },
    { id: 'forgot-affine', hint: lang('别忘了乘 $\\gamma$ 再加 $\\beta$。', 'Remember to scale by $\\gamma$ and shift by $\\beta$.'), value: ({ x, eps }) => batchNorm(x, 1, 0, eps) },
    { id: 'divided-by-variance', hint: lang('除以标准差 $\\sqrt{\\sigma^2+\\epsilon}$，不是方差。', 'Divide by the standard deviation $\\sqrt{\\sigma^2+\\epsilon}$, not the variance.'), value: ({ x, gamma, beta, eps }) => x.map((xi) => (gamma * (xi - mean(x))) / (variance(x) + eps) + beta) },
    { id: 'gamma-beta-swapped', hint: lang('$\\gamma$ 是缩放，$\\beta$ 是平移。', '$\\gamma$ scales and $\\beta$ shifts.'), value: ({ x, gamma, beta, eps }) => batchNorm(x, beta, gamma, eps) },
    { id: 'forgot-eps', hint: lang('分母是 $\\sqrt{\\sigma^2+\\epsilon}$。', 'The denominator is $\\sqrt{\\sigma^2+\\epsilon}$.'), value: ({ x, gamma, beta }) => batchNorm(x, gamma, beta, 0) },
  ],
});
