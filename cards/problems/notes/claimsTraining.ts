// Note formulas about preprocessing, initialisation, regularisation, metrics
// and divergences.
import { js, kl } from '../math.ts';
import { fbeta } from '../templates/metrics.ts';
import { smoothLabels } from '../templates/regularize.ts';
import { createRng, type Rng } from '../rng.ts';
import type { Chunk } from './chunks.ts';
import { lhsKey, tryParse, varsOf, type Claim, type Verdict } from './claim.ts';
import { evalTex } from './texEval.ts';

const fanSample = (r: Rng, truth: (n: number) => number) => {
  const n = r.int(1, 2048);
  return [{ env: { scalars: { n } }, truth: truth(n) }];
};

/** Random distributions, plus the extreme pairs where bounds are attained. */
function distributions(r: Rng): [number[], number[]][] {
  const rand = (): number[] => {
    const w = [r.next() + 1e-3, r.next() + 1e-3, r.next() + 1e-3];
    const s = w[0]! + w[1]! + w[2]!;
    return w.map((x) => x / s);
  };
  const pairs: [number[], number[]][] = Array.from({ length: 200 }, () => [rand(), rand()]);
  pairs.push([[1, 0, 0], [0, 1, 0]], [[0.5, 0.5, 0], [0.5, 0.5, 0]]);
  return pairs;
}

/** '[0,1]' or '[0, \\ln 2]' → [lo, hi]; null when the text is not an interval of constants. */
function interval(tex: string): [number, number] | null {
  const m = /^\[(.+),(.+)\]$/.exec(tex.trim());
  if (!m) return null;
  const ends = [m[1] as string, m[2] as string].map(tryParse);
  try {
    return ends[0] && ends[1] ? [evalTex(ends[0], { scalars: {} }), evalTex(ends[1], { scalars: {} })] : null;
  } catch {
    return null;
  }
}

const norm = (s: string): string => s.replace(/[\s{}]/g, '');

export const trainingClaims: Claim[] = [
  {
    id: 'norm.minmax',
    what: '最小最大值归一化 / min-max normalisation',
    corrected: '$x_{new}=\\frac{x-x_{min}}{x_{max}-x_{min}}$',
    applies: (c) => lhsKey(c.lhs) === 'x_new' && varsOf(c).has('x_min'),
    samples: (_c, r) => {
      const [lo, w] = [r.int(-50, 50), r.int(1, 100)];
      const x = lo + r.next() * w;
      return [{ env: { scalars: { x, x_min: lo, x_max: lo + w } }, truth: (x - lo) / w }];
    },
  },
  {
    id: 'norm.zscore',
    what: 'Z 值标准化 / z-score',
    corrected: '$x_{new}=\\frac{x-\\mu}{\\sigma}$',
    applies: (c) => lhsKey(c.lhs) === 'x_new' && varsOf(c).has('mu'),
    samples: (_c, r) => {
      const [x, mu, sigma] = [r.next() * 100, r.next() * 100, 0.5 + r.next() * 10];
      return [{ env: { scalars: { x, mu, sigma } }, truth: (x - mu) / sigma }];
    },
  },
  {
    id: 'init.uniform.mean',
    what: '均匀分布均值 / mean of U[−r, r]',
    corrected: '$mean=\\frac{a+b}{2}=0$',
    applies: (c) => c.label.startsWith('均匀分布') && lhsKey(c.lhs) === 'mean',
    samples: (_c, r) => { const x = 0.01 + r.next(); return [{ env: { scalars: { a: -x, b: x, r: x } }, truth: 0 }]; },
  },
  {
    id: 'init.uniform.var',
    what: '均匀分布方差 / variance of U[−r, r]',
    corrected: '$var=\\frac{(b-a)^2}{12}=\\frac{r^2}{3}$',
    applies: (c) => c.label.startsWith('均匀分布') && lhsKey(c.lhs) === 'var',
    samples: (_c, r) => { const x = 0.01 + r.next(); return [{ env: { scalars: { a: -x, b: x, r: x } }, truth: (x * x) / 3 }]; },
  },
  ...(['xavier', 'he'] as const).flatMap((kind): Claim[] => {
    const gain = kind === 'xavier' ? 1 : 2;
    const name = kind === 'xavier' ? 'Xavier' : 'He';
    const applies = (c: Chunk): boolean => (kind === 'xavier' ? c.label.includes('xavier') : c.label.startsWith('he') || c.label.includes('msra'));
    return [
      { id: `init.${kind}.var`, what: `${name} 方差 / ${name} variance`, corrected: `$var=\\frac{${gain}}{n}$`, applies: (c) => applies(c) && lhsKey(c.lhs) === 'var', samples: (_c, r) => fanSample(r, (n) => gain / n) },
      // The uniform bound follows from var(U[−r, r]) = r²/3.
      { id: `init.${kind}.bound`, what: `${name} 均匀分布边界 / ${name} uniform bound`, corrected: `$r=\\sqrt{\\frac{${3 * gain}}{n}}$`, applies: (c) => applies(c) && lhsKey(c.lhs) === 'r', samples: (_c, r) => fanSample(r, (n) => Math.sqrt(3 * (gain / n))) },
    ];
  }),
  {
    id: 'opt.weight_decay',
    what: '权重衰减更新 / weight decay update',
    corrected: '$\\theta_t=(1-\\beta)\\theta_{t-1}-\\alpha g_t$',
    applies: (c) => lhsKey(c.lhs) === 'theta_t',
    samples: (_c, r) => {
      const s = { 'theta_t-1': r.next() * 4 - 2, beta: r.next() * 0.1, alpha: r.next() * 0.1, g_t: r.next() * 4 - 2 };
      return [{ env: { scalars: s }, truth: (1 - s.beta) * s['theta_t-1'] - s.alpha * s.g_t }];
    },
  },
  {
    id: 'reg.label_smoothing',
    what: '标签平滑 / label smoothing',
    corrected: '$p_y=1-\\frac{N-1}{N}\\epsilon,\\ p_{i\\ne y}=\\frac{\\epsilon}{N}$',
    applies: (c) => lhsKey(c.lhs) === 'p_i' && /^i(=|≠|\\not=|\\ne)y$/.test(norm(c.cond)),
    samples: (c, r) => {
      const [n, eps] = [r.int(2, 10), r.next() * 0.5];
      const target = smoothLabels(n, eps, 0);
      return [{ env: { scalars: { N: n, epsilon: eps } }, truth: norm(c.cond) === 'i=y' ? (target[0] as number) : (target[1] as number) }];
    },
  },
  {
    id: 'metric.fbeta',
    what: '$F_\\beta$',
    corrected: '$F_\\beta=(1+\\beta^2)\\frac{P\\times R}{\\beta^2\\times P+R}$',
    applies: (c) => lhsKey(c.lhs) === 'F_beta',
    samples: (_c, r) => {
      const cm = { tp: r.int(1, 99), fp: r.int(1, 99), tn: r.int(1, 99), fn: r.int(1, 99) };
      const beta = 0.25 + r.next() * 3;
      return [{ env: { scalars: { P: cm.tp / (cm.tp + cm.fp), R: cm.tp / (cm.tp + cm.fn), beta } }, truth: fbeta(cm, beta) }];
    },
  },
  {
    // Written with P(x), which the formula reader does not model: compare the structure.
    id: 'div.kl',
    what: 'KL 散度 / KL divergence',
    corrected: '$KL(P\\|Q)=\\sum_x P(x)\\log\\frac{P(x)}{Q(x)}$',
    applies: (c) => /^KL\(P\|\|Q\)$/.test(norm(c.lhs)),
    judge: (c): Verdict => {
      const r = norm(c.rhs.join('=')).replace(/\(x\)/g, '');
      if (/^\\sum_?x?P\\log\\fracPQ$/.test(r)) return 'agrees';
      return /^\\sum_?x?P\\log\\fracQP$/.test(r) ? 'disagrees' : 'unchecked';
    },
  },
  {
    id: 'div.js',
    what: 'JS 散度 / JS divergence',
    corrected: '$JS(P\\|Q)=\\frac12KL\\left(P\\|\\frac{P+Q}{2}\\right)+\\frac12KL\\left(Q\\|\\frac{P+Q}{2}\\right)$',
    applies: (c) => /^JS\(P\|\|Q\)$/.test(norm(c.lhs)),
    // Each side is compared with the mixture M = (P+Q)/2, with weight 1/2.
    judge: (c): Verdict => {
      const r = norm(c.rhs.join('=')).replace(/\(x\)/g, '');
      const m = '\\fracP+Q2';
      return r === `\\frac12KL(P||${m})+\\frac12KL(Q||${m})` || r === `\\frac12KL(Q||${m})+\\frac12KL(P||${m})` ? 'agrees' : 'unchecked';
    },
  },
  {
    id: 'div.kl.range',
    what: 'KL 散度的取值 / range of the KL divergence',
    corrected: '$KL(P\\|Q)\\ge 0$',
    applies: (c) => /^(>=|\\geq?)0$/.test(norm(c.tex)) && /KL/.test(c.line) && !/JS/.test(c.lead),
    judge: (): Verdict => (distributions(fixedRng()).some(([p, q]) => kl(p, q) < -1e-12) ? 'disagrees' : 'agrees'),
  },
  {
    id: 'div.js.range',
    what: 'JS 散度的值域 / range of the JS divergence',
    corrected: '自然对数时 $0\\le JS(P\\|Q)\\le\\ln 2\\approx 0.693$；值域 $[0,1]$ 只在以 2 为底（$\\log_2$）时成立。 With the natural log $0\\le JS\\le\\ln 2\\approx 0.693$; the range $[0,1]$ holds only for $\\log_2$.',
    applies: (c) => interval(c.tex) !== null && c.lead.includes('值域') && /JS/.test(c.line),
    judge: (c): Verdict => {
      const [lo, hi] = interval(c.tex) ?? [0, 0];
      const values = distributions(fixedRng()).map(([p, q]) => js(p, q));
      return Math.abs(Math.min(...values) - lo) > 1e-9 || Math.abs(Math.max(...values) - hi) > 1e-9 ? 'disagrees' : 'agrees';
    },
  },
];

// A fixed seed: the same sample set every time, so a verdict never flickers.
function fixedRng(): Rng {
  return createRng(20240601);
}
