// LayerNorm, RMSNorm and GroupNorm forward passes, and learnable parameter
// counts of PyTorch's normalisation modules.
import { defineTemplate, INT, VECTOR, worked } from '../define.ts';
import { fmt, lang, p, vec } from '../format.ts';
import { mean, variance } from '../math.ts';
import type { Rng } from '../rng.ts';
import { SECTIONS_B } from './sectionsB.ts';
import { times } from '../arrays.ts';

type Ln = { x: number[]; gamma: number; beta: number; eps: number };
type Rms = { x: number[]; g: number; eps: number };
type Gn = { x: number[][]; G: number; c: number; eps: number };
type NormKind = 'bn2d' | 'ln_last' | 'ln_chw' | 'in' | 'in_affine' | 'gn';
type NormP = { kind: NormKind; C: number; H: number; G: number };

const tenths = (r: Rng, n: number, m: number): number[] => times(n, () => r.int(-m, m) / 10);
const sumText = (xs: readonly number[]): string => xs.map((v, i) => (i > 0 && v >= 0 ? `+${fmt(v)}` : fmt(v))).join('');

/**
 * γ(x−μ)/√(σ²+ε)+β over one token's features (biased σ²). The flags give the common
 * wrong versions; plain loops because the grader runs every mistake on each wrong answer.
 */
export function layerNormWith(x: readonly number[], gamma: number, beta: number, eps: number, unbiased = false, byVariance = false): number[] {
  const n = x.length;
  let s = 0;
  for (let j = 0; j < n; j += 1) s += x[j] as number;
  const m = s / n;
  let ss = 0;
  for (let j = 0; j < n; j += 1) ss += ((x[j] as number) - m) ** 2;
  const v = ss / (unbiased ? n - 1 : n);
  const d = byVariance ? v + eps : Math.sqrt(v + eps);
  const out = new Array<number>(n);
  for (let j = 0; j < n; j += 1) out[j] = (gamma * ((x[j] as number) - m)) / d + beta;
  return out;
}
export const layerNorm = (q: Ln, unbiased = false): number[] => layerNormWith(q.x, q.gamma, q.beta, q.eps, unbiased);

export const layerNormTemplate = defineTemplate<Ln>({
  id: 'norm.layer.forward',
  section: SECTIONS_B.norm,
  title: lang('LayerNorm 前向', 'LayerNorm forward pass'),
  formula: '$\\mu=\\frac1n\\sum x_j,\\ \\sigma^2=\\frac1n\\sum(x_j-\\mu)^2,\\ y=\\gamma\\frac{x-\\mu}{\\sqrt{\\sigma^2+\\epsilon}}+\\beta$',
  params: [
    { name: 'x', type: 'vector', min: 4, max: 6, note: 'the features of one token' },
    { name: 'gamma', type: 'real' },
    { name: 'beta', type: 'real' },
    { name: 'eps', type: 'real', min: 1e-5, max: 0.1 },
  ],
  kind: 'vector',
  tolerance: VECTOR,
  targetSeconds: 150,
  sample: (r) => ({
    x: tenths(r, r.int(4, 6), 30),
    gamma: r.pick([0.5, 1, 1.5, 2]),
    beta: r.pick([-1, -0.5, 0, 0, 0.5, 1]),
    eps: r.pick([1e-5, 1e-5, 1e-3, 0.01, 0.1]),
  }),
  reject: ({ x }) => (variance(x) < 0.05 ? 'nearly constant token' : null),
  mustDiffer: ['unbiased-variance'],
  answer: (q) => layerNorm(q),
  prompt: ({ x, gamma, beta, eps }) => ({
    zh: `对一个 token 的 ${x.length} 个特征 $x=${vec(x)}$ 做 LayerNorm（在特征维上归一化，方差用有偏估计即除以 $n$，与 PyTorch 相同），所有特征共用 $\\gamma=${fmt(gamma)}$，$\\beta=${fmt(beta)}$，$\\epsilon=${fmt(eps)}$。输出 $y$ 是多少？`,
    en: `LayerNorm over the ${x.length} features of one token, $x=${vec(x)}$ (normalised over the feature axis with the biased variance, dividing by $n$ as PyTorch does), with $\\gamma=${fmt(gamma)}$ and $\\beta=${fmt(beta)}$ for every feature and $\\epsilon=${fmt(eps)}$. What is the output $y$?`,
  }),
  solution: (q) => {
    const m = mean(q.x);
    const v = variance(q.x);
    const sd = Math.sqrt(v + q.eps);
    return worked('y=\\gamma\\frac{x-\\mu}{\\sqrt{\\sigma^2+\\epsilon}}+\\beta', [
      `\\mu=\\frac{${sumText(q.x)}}{${q.x.length}}=${fmt(m)}`,
      `\\sigma^2=\\frac1{${q.x.length}}\\sum(x_j-\\mu)^2=${fmt(v)}`,
      `\\sqrt{\\sigma^2+\\epsilon}=\\sqrt{${fmt(v)}+${fmt(q.eps)}}=${fmt(sd)}`,
      `y=${fmt(q.gamma)}\\times\\frac{x-${p(m)}}{${fmt(sd)}}+${p(q.beta)}=${vec(layerNorm(q))}`,
    ], { zh: 'LayerNorm 在**一个样本的特征维**上求均值和有偏方差（BatchNorm 则在 batch 维上）。', en: 'LayerNorm takes the mean and biased variance over **one sample’s features** (batch norm takes them over the batch).' });
  },
  mistakes: [
    { id: 'unbiased-variance', hint: lang('LayerNorm 用有偏方差（除以 $n$），不是 $n-1$。', 'LayerNorm uses the biased variance (divide by $n$), not $n-1$.'), value: (q) => layerNorm(q, true) },
    { id: 'forgot-affine', hint: lang('别忘了乘 $\\gamma$ 再加 $\\beta$。', 'Remember to scale by $\\gamma$ and shift by $\\beta$.'), value: (q) => layerNormWith(q.x, 1, 0, q.eps) },
    { id: 'divided-by-variance', hint: lang('除以标准差 $\\sqrt{\\sigma^2+\\epsilon}$，不是方差。', 'Divide by the standard deviation $\\sqrt{\\sigma^2+\\epsilon}$, not the variance.'), value: (q) => layerNormWith(q.x, q.gamma, q.beta, q.eps, false, true) },
    { id: 'gamma-beta-swapped', hint: lang('$\\gamma$ 是缩放，$\\beta$ 是平移。', '$\\gamma$ scales and $\\beta$ shifts.'), value: (q) => layerNormWith(q.x, q.beta, q.gamma, q.eps) },
    { id: 'forgot-eps', hint: lang('分母是 $\\sqrt{\\sigma^2+\\epsilon}$。', 'The denominator is $\\sqrt{\\sigma^2+\\epsilon}$.'), value: (q) => layerNormWith(q.x, q.gamma, q.beta, 0) },
  ],
});

interface RmsOpts {
  center?: boolean;
  sum?: boolean;
  noSqrt?: boolean;
  gain?: number;
}

/** g·x/√(mean x²+ε); the options produce the common wrong versions. */
export function rmsNorm(q: Rms, o: RmsOpts = {}): number[] {
  const { x } = q;
  const n = x.length;
  let m = 0;
  if (o.center) {
    for (let j = 0; j < n; j += 1) m += x[j] as number;
    m /= n;
  }
  let ss = 0;
  for (let j = 0; j < n; j += 1) ss += ((x[j] as number) - m) ** 2;
  const ms = o.sum ? ss : ss / n;
  const d = o.noSqrt ? ms + q.eps : Math.sqrt(ms + q.eps);
  const g = o.gain ?? q.g;
  const out = new Array<number>(n);
  for (let j = 0; j < n; j += 1) out[j] = (g * ((x[j] as number) - m)) / d;
  return out;
}

export const rmsNormTemplate = defineTemplate<Rms>({
  id: 'norm.rms.forward',
  section: SECTIONS_B.norm,
  title: lang('RMSNorm 前向', 'RMSNorm forward pass'),
  formula: '$y=g\\frac{x}{\\sqrt{\\frac1n\\sum x_j^2+\\epsilon}}$',
  params: [
    { name: 'x', type: 'vector', min: 3, max: 5 },
    { name: 'g', type: 'real', note: 'gain shared by every feature' },
    { name: 'eps', type: 'real', min: 1e-8, max: 1e-5 },
  ],
  kind: 'vector',
  tolerance: VECTOR,
  targetSeconds: 90,
  sample: (r) => ({ x: tenths(r, r.int(3, 5), 30), g: r.pick([0.5, 1, 1.5, 2, 2, 3]), eps: r.pick([1e-5, 1e-6, 1e-8]) }),
  reject: ({ x }) => (x.every((v) => v === 0) ? 'zero vector' : null),
  mustDiffer: ['subtracts-mean'],
  answer: (q) => rmsNorm(q),
  prompt: ({ x, g, eps }) => ({
    zh: `RMSNorm（Llama 所用，不减均值）：输入 $x=${vec(x)}$，所有特征共用增益 $g=${fmt(g)}$，$\\epsilon=${fmt(eps)}$。输出是多少？`,
    en: `RMSNorm (as in Llama, no mean subtraction): input $x=${vec(x)}$, gain $g=${fmt(g)}$ for every feature, $\\epsilon=${fmt(eps)}$. What is the output?`,
  }),
  solution: (q) => {
    const ms = q.x.reduce((a, v) => a + v * v, 0) / q.x.length;
    const rms = Math.sqrt(ms + q.eps);
    return worked('y=g\\frac{x}{\\sqrt{\\frac1n\\sum x_j^2+\\epsilon}}', [
      `\\frac1n\\sum x_j^2=\\frac{${q.x.map((v) => `${p(v)}^2`).join('+')}}{${q.x.length}}=${fmt(ms)}`,
      `\\sqrt{${fmt(ms)}+${fmt(q.eps)}}=${fmt(rms)}`,
      `y=${fmt(q.g)}\\times\\frac{x}{${fmt(rms)}}=${vec(rmsNorm(q))}`,
    ]);
  },
  mistakes: [
    { id: 'subtracts-mean', hint: lang('RMSNorm 不减均值（那是 LayerNorm）。', 'RMSNorm does not subtract the mean (LayerNorm does).'), value: (q) => rmsNorm(q, { center: true }) },
    { id: 'sum-not-mean', hint: lang('根号里是平方的**均值**，不是平方和。', 'Under the root is the **mean** of squares, not their sum.'), value: (q) => rmsNorm(q, { sum: true }) },
    { id: 'forgot-sqrt', hint: lang('除以均方根（要开方）。', 'Divide by the root mean square: take the square root.'), value: (q) => rmsNorm(q, { noSqrt: true }) },
    { id: 'forgot-gain', hint: lang('最后乘增益 $g$。', 'Finally multiply by the gain $g$.'), value: (q) => rmsNorm(q, { gain: 1 }) },
  ],
});

interface GnOpts {
  /** Whether channel ch shares statistics with channel c (default: PyTorch's contiguous groups). */
  member?: (ch: number, q: Gn) => boolean;
  unbiased?: boolean;
}

const sameGroup = (ch: number, { x, G, c }: Gn): boolean => {
  const per = x.length / G;
  return Math.floor(ch / per) === Math.floor(c / per);
};

/** The channels of c's group: PyTorch groups contiguous channels. */
export const groupOf = (q: Gn): number[] => q.x.map((_, ch) => ch).filter((ch) => sameGroup(ch, q));

/** Mean, biased variance and count over the member channels (all spatial positions). */
function groupStats(q: Gn, member: (ch: number, q: Gn) => boolean): { m: number; v: number; n: number } {
  let s = 0;
  let n = 0;
  for (let ch = 0; ch < q.x.length; ch += 1) {
    if (!member(ch, q)) continue;
    for (const v of q.x[ch] as number[]) {
      s += v;
      n += 1;
    }
  }
  const m = s / n;
  let ss = 0;
  for (let ch = 0; ch < q.x.length; ch += 1) {
    if (!member(ch, q)) continue;
    for (const v of q.x[ch] as number[]) ss += (v - m) ** 2;
  }
  return { m, v: ss / n, n };
}

/** Channel c of a GroupNorm output (γ = 1, β = 0). */
export function groupNorm(q: Gn, o: GnOpts = {}): number[] {
  const { m, v, n } = groupStats(q, o.member ?? sameGroup);
  const d = Math.sqrt((o.unbiased ? (v * n) / (n - 1) : v) + q.eps);
  const row = q.x[q.c] as number[];
  const out = new Array<number>(row.length);
  for (let j = 0; j < row.length; j += 1) out[j] = ((row[j] as number) - m) / d;
  return out;
}

const GROUPINGS: readonly (readonly [number, number])[] = [[4, 2], [6, 2], [6, 3], [8, 2], [8, 4]];

export const groupNormTemplate = defineTemplate<Gn>({
  id: 'norm.group.forward',
  section: SECTIONS_B.norm,
  title: lang('GroupNorm 前向（一个通道）', 'GroupNorm forward pass (one channel)'),
  formula: '$\\hat x_{c}=\\frac{x_{c}-\\mu_{g(c)}}{\\sqrt{\\sigma^2_{g(c)}+\\epsilon}}$，统计量取组内 $C/G$ 个通道的全部空间位置',
  params: [
    { name: 'x', type: 'matrix', note: 'C rows (channels) × spatial positions, one sample' },
    { name: 'G', type: 'int', min: 2, max: 4, note: 'groups, divides C' },
    { name: 'c', type: 'int', min: 0, note: '0-based channel' },
    { name: 'eps', type: 'real', min: 1e-5, max: 1e-5 },
  ],
  kind: 'vector',
  tolerance: VECTOR,
  targetSeconds: 180,
  sample: (r) => {
    const [C, G] = r.pick(GROUPINGS);
    const s = r.int(2, 3);
    return { x: times(C, () => times(s, () => r.int(-5, 5))), G, c: r.int(0, C - 1), eps: 1e-5 };
  },
  reject: (q) => {
    if (q.G < 1 || q.x.length % q.G !== 0) return 'G must divide C';
    if (q.c < 0 || q.c >= q.x.length) return 'channel out of range';
    return groupStats(q, sameGroup).v === 0 ? 'constant group' : null;
  },
  mustDiffer: ['per-channel'],
  answer: (q) => groupNorm(q),
  prompt: (q) => {
    const rows = q.x.map((row) => vec(row)).join(',');
    return {
      zh: `一个样本的特征图有 $C=${q.x.length}$ 个通道，每行是一个通道的全部空间位置：$x=[${rows}]$。GroupNorm 分 $G=${q.G}$ 组（PyTorch：相邻的 $C/G$ 个通道为一组，方差除以元素个数），$\\gamma=1,\\ \\beta=0,\\ \\epsilon=${fmt(q.eps)}$。求通道 $c=${q.c}$（从 0 开始）的输出。`,
      en: `One sample's feature map has $C=${q.x.length}$ channels, one row per channel holding all its spatial positions: $x=[${rows}]$. GroupNorm with $G=${q.G}$ groups (PyTorch: each group is $C/G$ adjacent channels; biased variance), $\\gamma=1,\\ \\beta=0,\\ \\epsilon=${fmt(q.eps)}$. What is the output of channel $c=${q.c}$ (0-based)?`,
    };
  },
  solution: (q) => {
    const members = groupOf(q);
    const vals = members.flatMap((ch) => q.x[ch] as number[]);
    const m = mean(vals);
    const v = variance(vals);
    const sd = Math.sqrt(v + q.eps);
    return worked('\\hat x=\\frac{x-\\mu_g}{\\sqrt{\\sigma_g^2+\\epsilon}}', [
      `\\text{group of } c=${q.c}: \\text{channels } ${members[0]}..${members.at(-1)}:\\ ${vec(vals)}`,
      `\\mu_g=${fmt(m)},\\ \\sigma_g^2=${fmt(v)},\\ \\sqrt{\\sigma_g^2+\\epsilon}=${fmt(sd)}`,
      `\\hat x_{${q.c}}=\\frac{${vec(q.x[q.c] as number[])}-${p(m)}}{${fmt(sd)}}=${vec(groupNorm(q))}`,
    ], { zh: `每组 $C/G=${q.x.length / q.G}$ 个通道，统计量取这些通道的所有空间位置。`, en: `Each group has $C/G=${q.x.length / q.G}$ channels; the statistics cover all their spatial positions.` });
  },
  mistakes: [
    { id: 'per-channel', hint: lang('GroupNorm 在整组通道上求统计量，不是单个通道（那是 InstanceNorm）。', 'GroupNorm takes statistics over the whole group of channels, not one channel (that is InstanceNorm).'), value: (q) => groupNorm(q, { member: (ch, { c }) => ch === c }) },
    { id: 'all-channels', hint: lang('只用本组的通道，不是全部通道（那是 $G=1$，即 LayerNorm）。', 'Use only this group’s channels, not all of them ($G=1$, i.e. LayerNorm).'), value: (q) => groupNorm(q, { member: () => true }) },
    {
      id: 'strided-groups',
      hint: lang('PyTorch 的组由**相邻**通道组成，不是隔 $G$ 取一个。', 'PyTorch groups **adjacent** channels, not every $G$-th channel.'),
      value: (q) => groupNorm(q, { member: (ch, { G, c }) => ch % G === c % G }),
    },
    { id: 'unbiased-variance', hint: lang('用有偏方差（除以元素个数）。', 'Use the biased variance (divide by the count).'), value: (q) => groupNorm(q, { unbiased: true }) },
  ],
});

/** Learnable parameters only: running statistics are buffers. */
export function normParams({ kind, C, H }: NormP): number {
  switch (kind) {
    case 'ln_chw':
      return 2 * C * H * H;
    case 'in':
      return 0;
    default:
      return 2 * C;
  }
}

const MODULE: Readonly<Record<NormKind, (q: NormP) => string>> = {
  bn2d: ({ C }) => `nn.BatchNorm2d(${C})`,
  ln_last: ({ C }) => `nn.LayerNorm(${C})`,
  ln_chw: ({ C, H }) => `nn.LayerNorm([${C}, ${H}, ${H}])`,
  in: ({ C }) => `nn.InstanceNorm2d(${C})`,
  in_affine: ({ C }) => `nn.InstanceNorm2d(${C}, affine=True)`,
  gn: ({ C, G }) => `nn.GroupNorm(${G}, ${C})`,
};
const KINDS: readonly NormKind[] = ['bn2d', 'ln_last', 'ln_chw', 'in', 'in_affine', 'gn'];
const when = (k: NormKind, v: (q: NormP) => number) => (q: NormP): number => (q.kind === k ? v(q) : normParams(q));

export const normParamsTemplate = defineTemplate<NormP>({
  id: 'norm.params',
  section: SECTIONS_B.norm,
  title: lang('归一化层的可学习参数量', 'Learnable parameters of a normalisation layer'),
  formula: '$2C$（BatchNorm2d、LayerNorm($C$)、InstanceNorm2d(affine=True)、GroupNorm）；LayerNorm$([C,H,W])$：$2CHW$；InstanceNorm2d 默认：0',
  params: [
    { name: 'kind', type: 'enum', values: KINDS },
    { name: 'C', type: 'int', min: 16, max: 512 },
    { name: 'H', type: 'int', min: 7, max: 56, note: 'feature map is H×H' },
    { name: 'G', type: 'int', min: 2, max: 32, note: 'groups (gn only)' },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 40,
  sample: (r) => {
    const C = r.pick([16, 32, 64, 96, 128, 256, 512]);
    return { kind: r.pick(KINDS), C, H: r.pick([7, 14, 28, 56]), G: r.pick([2, 4, 8, 16, 32].filter((g) => C % g === 0 && g < C)) };
  },
  reject: ({ C, G }) => (C % G !== 0 ? 'G must divide C' : null),
  answer: normParams,
  prompt: (q) => {
    const shape = q.kind === 'ln_last' ? `(N, ${q.H * q.H}, ${q.C})` : `(N, ${q.C}, ${q.H}, ${q.H})`;
    return {
      zh: `PyTorch 的 \`${MODULE[q.kind](q)}\` 作用在形状为 $${shape}$ 的张量上。它有多少个**可学习**参数（nn.Parameter；running mean/var 等 buffer 不算）？`,
      en: `PyTorch's \`${MODULE[q.kind](q)}\` is applied to a tensor of shape $${shape}$. How many **learnable** parameters (nn.Parameter; buffers such as the running mean/var do not count) does it have?`,
    };
  },
  solution: (q) => {
    const n = normParams(q);
    const why: Record<NormKind, string> = {
      bn2d: `\\gamma,\\beta\\in\\mathbb R^{${q.C}}:\\ 2\\times ${q.C}=${n}`,
      ln_last: `\\gamma,\\beta\\in\\mathbb R^{${q.C}}:\\ 2\\times ${q.C}=${n}`,
      ln_chw: `\\gamma,\\beta\\in\\mathbb R^{${q.C}\\times ${q.H}\\times ${q.H}}:\\ 2\\times ${q.C}\\times ${q.H}\\times ${q.H}=${n}`,
      in: `\\text{affine}=\\text{False}:\\ \\#\\gamma+\\#\\beta=0+0=${n}`,
      in_affine: `\\gamma,\\beta\\in\\mathbb R^{${q.C}}:\\ 2\\times ${q.C}=${n}`,
      gn: `\\gamma,\\beta\\in\\mathbb R^{${q.C}}\\ (\\text{per channel, not per group}):\\ 2\\times ${q.C}=${n}`,
    };
    return worked('\\#\\gamma+\\#\\beta', [why[q.kind]], {
      zh: '只数 $\\gamma$、$\\beta$；BatchNorm 的 running mean/var 是 buffer。LayerNorm 的 $\\gamma,\\beta$ 形状等于 normalized_shape；InstanceNorm2d 默认 affine=False。',
      en: 'Count only $\\gamma$ and $\\beta$; batch norm’s running mean/var are buffers. LayerNorm’s $\\gamma,\\beta$ have the normalized_shape; InstanceNorm2d defaults to affine=False.',
    });
  },
  mistakes: [
    { id: 'bn-4c', hint: lang('running mean/var 是 buffer，不是可学习参数：BatchNorm 只有 $2C$。', 'The running mean/var are buffers, not learnable: batch norm has $2C$.'), value: when('bn2d', ({ C }) => 4 * C) },
    { id: 'in-default-affine', hint: lang('nn.InstanceNorm2d 默认 affine=False，没有可学习参数。', 'nn.InstanceNorm2d defaults to affine=False: no learnable parameters.'), value: when('in', ({ C }) => 2 * C) },
    { id: 'ln-per-channel', hint: lang('LayerNorm 的 $\\gamma,\\beta$ 形状等于 normalized_shape $[C,H,W]$。', 'LayerNorm’s $\\gamma,\\beta$ have the full normalized_shape $[C,H,W]$.'), value: when('ln_chw', ({ C }) => 2 * C) },
    { id: 'ln-forgot-width', hint: lang('normalized_shape 是 $C\\times H\\times W$ 三维。', 'normalized_shape is $C\\times H\\times W$, all three.'), value: when('ln_chw', ({ C, H }) => 2 * C * H) },
    { id: 'gn-per-group', hint: lang('GroupNorm 的仿射参数是逐通道的（$2C$），不是逐组。', 'GroupNorm’s affine parameters are per channel ($2C$), not per group.'), value: when('gn', ({ G }) => 2 * G) },
  ],
});
