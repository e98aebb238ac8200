// Inverted dropout, the DPO loss and the value of the GAN game at the
// optimal discriminator.
import { defineTemplate, worked } from '../define.ts';
import { fmt, lang, p, vec } from '../format.ts';
import { js, sigmoid } from '../math.ts';
import type { Rng } from '../rng.ts';
import { PCT } from './depthwise.ts';
import { SECTIONS_B } from './sectionsB.ts';
import { times } from '../arrays.ts';

type Drop = { p: number; x: number; ask: 'train_kept' | 'eval' };
type Dpo = { beta: number; ref_w: number; ref_l: number; pol_w: number; pol_l: number };
type Gan = { p_data: number[]; p_g: number[] };

export const dropoutOut = ({ p: drop, x, ask }: Drop): number => (ask === 'eval' ? x : x / (1 - drop));

export const dropoutTemplate = defineTemplate<Drop>({
  id: 'reg.dropout.inverted',
  section: SECTIONS_B.dropout,
  title: lang('Inverted dropout 的输出', 'Inverted dropout output'),
  formula: '$\\text{train: } y=\\frac{x}{1-p}\\ (\\text{kept}),\\ 0\\ (\\text{dropped});\\quad \\text{eval: } y=x$',
  params: [
    { name: 'p', type: 'real', min: 0.1, max: 0.9, note: 'drop probability' },
    { name: 'x', type: 'real' },
    { name: 'ask', type: 'enum', values: ['train_kept', 'eval'] },
  ],
  kind: 'real',
  tolerance: PCT,
  targetSeconds: 25,
  sample: (r) => ({ p: r.pick([0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.75, 0.8, 0.9]), x: (r.bool() ? 1 : -1) * r.int(1, 50) / 10, ask: r.next() < 0.7 ? 'train_kept' : 'eval' }),
  reject: ({ p: drop, x }) => (drop <= 0 || drop >= 1 ? 'p must be in (0, 1)' : drop === 0.5 ? 'p = 0.5 hides p versus 1 − p' : x === 0 ? 'zero input' : null),
  mustDiffer: ['times-keep'],
  answer: dropoutOut,
  prompt: ({ p: drop, x, ask }) =>
    ask === 'eval'
      ? {
        zh: `PyTorch 的 nn.Dropout(p=${fmt(drop)})（$p$ 是**丢弃**概率，inverted dropout）。**评估模式**（model.eval()）下输入 $x=${fmt(x)}$ 的输出是多少？`,
        en: `PyTorch's nn.Dropout(p=${fmt(drop)}) ($p$ is the **drop** probability; inverted dropout). In **eval mode** (model.eval()), what is the output for input $x=${fmt(x)}$?`,
      }
      : {
        zh: `PyTorch 的 nn.Dropout(p=${fmt(drop)})（$p$ 是**丢弃**概率，inverted dropout）。**训练模式**下输入 $x=${fmt(x)}$ 且这个单元被保留，输出是多少？`,
        en: `PyTorch's nn.Dropout(p=${fmt(drop)}) ($p$ is the **drop** probability; inverted dropout). In **training mode**, input $x=${fmt(x)}$ and the unit is kept: what is the output?`,
      },
  solution: (q) =>
    q.ask === 'eval'
      ? worked('y=x', [`y=${fmt(q.x)}`], { zh: 'Inverted dropout 在训练时已经除以 $1-p$，评估时什么都不做。', en: 'Inverted dropout already divides by $1-p$ during training, so evaluation is the identity.' })
      : worked('y=\\frac{x}{1-p}', [`y=\\frac{${fmt(q.x)}}{1-${fmt(q.p)}}=${fmt(dropoutOut(q))}`], { zh: '保留的单元除以保留概率 $1-p$，使期望不变。', en: 'Kept units are divided by the keep probability $1-p$ so the expectation is unchanged.' }),
  mistakes: [
    { id: 'times-keep', hint: lang('乘 $1-p$ 是原始（非 inverted）dropout 在测试时的做法；inverted dropout 训练时除以 $1-p$，评估时不变。', 'Multiplying by $1-p$ is the original (non-inverted) dropout’s test-time rule; inverted dropout divides by $1-p$ in training and is the identity in eval.'), value: ({ p: drop, x }) => x * (1 - drop) },
    { id: 'divided-by-p', hint: lang('$p$ 是丢弃概率：除以保留概率 $1-p$。', '$p$ is the drop probability: divide by the keep probability $1-p$.'), value: (q) => (q.ask === 'eval' ? q.x : q.x / q.p) },
    { id: 'scaled-at-eval', hint: lang('评估模式下 dropout 什么都不做。', 'In eval mode dropout does nothing.'), value: ({ p: drop, x }) => x / (1 - drop) },
  ],
});

interface DpoOpts {
  noRef?: boolean;
  noBeta?: boolean;
  swapped?: boolean;
}

/** The DPO margin β[(π_w − ref_w) − (π_l − ref_l)] (log-probabilities). */
export const dpoMargin = (q: Dpo, o: DpoOpts = {}): number => {
  const w = q.pol_w - (o.noRef ? 0 : q.ref_w);
  const l = q.pol_l - (o.noRef ? 0 : q.ref_l);
  return (o.noBeta ? 1 : q.beta) * (o.swapped ? l - w : w - l);
};
export const dpoLoss = (q: Dpo, o: DpoOpts = {}): number => -Math.log(sigmoid(dpoMargin(q, o)));

const logp = (r: Rng): number => -r.int(50, 400) / 10;

export const dpoTemplate = defineTemplate<Dpo>({
  id: 'rl.dpo.loss',
  section: SECTIONS_B.llm,
  title: lang('DPO 损失（单个偏好对）', 'DPO loss of one preference pair'),
  formula: '$\\mathcal L=-\\ln\\sigma\\left(\\beta\\left[(\\ln\\pi_\\theta(y_w)-\\ln\\pi_{ref}(y_w))-(\\ln\\pi_\\theta(y_l)-\\ln\\pi_{ref}(y_l))\\right]\\right)$',
  params: [
    { name: 'beta', type: 'real', min: 0.05, max: 0.5 },
    { name: 'ref_w', type: 'real', note: 'log-prob of the chosen answer under the reference model' },
    { name: 'ref_l', type: 'real', note: 'log-prob of the rejected answer under the reference model' },
    { name: 'pol_w', type: 'real', note: 'log-prob of the chosen answer under the policy' },
    { name: 'pol_l', type: 'real', note: 'log-prob of the rejected answer under the policy' },
  ],
  kind: 'real',
  tolerance: PCT,
  targetSeconds: 90,
  sample: (r) => {
    const ref_w = logp(r);
    const ref_l = logp(r);
    return { beta: r.pick([0.05, 0.1, 0.1, 0.2, 0.5]), ref_w, ref_l, pol_w: ref_w + r.int(-40, 60) / 10, pol_l: ref_l + r.int(-60, 40) / 10 };
  },
  reject: (q) => (Math.abs(dpoMargin(q)) < 0.02 ? 'margin near zero' : null),
  mustDiffer: ['no-reference'],
  answer: (q) => dpoLoss(q),
  prompt: (q) => ({
    zh: `DPO：一个偏好对的序列对数概率（自然对数）为：策略模型 $\\ln\\pi_\\theta(y_w)=${fmt(q.pol_w)}$，$\\ln\\pi_\\theta(y_l)=${fmt(q.pol_l)}$；参考模型 $\\ln\\pi_{ref}(y_w)=${fmt(q.ref_w)}$，$\\ln\\pi_{ref}(y_l)=${fmt(q.ref_l)}$；$\\beta=${fmt(q.beta)}$（$y_w$ 被偏好）。求损失 $-\\ln\\sigma(\\cdot)$。`,
    en: `DPO: a preference pair has sequence log-probabilities (natural log) $\\ln\\pi_\\theta(y_w)=${fmt(q.pol_w)}$, $\\ln\\pi_\\theta(y_l)=${fmt(q.pol_l)}$ under the policy and $\\ln\\pi_{ref}(y_w)=${fmt(q.ref_w)}$, $\\ln\\pi_{ref}(y_l)=${fmt(q.ref_l)}$ under the reference, with $\\beta=${fmt(q.beta)}$ ($y_w$ preferred). What is the loss $-\\ln\\sigma(\\cdot)$?`,
  }),
  solution: (q) => {
    const dw = q.pol_w - q.ref_w;
    const dl = q.pol_l - q.ref_l;
    const z = dpoMargin(q);
    return worked('-\\ln\\sigma\\left(\\beta[(\\ln\\pi_\\theta(y_w)-\\ln\\pi_{ref}(y_w))-(\\ln\\pi_\\theta(y_l)-\\ln\\pi_{ref}(y_l))]\\right)', [
      `${p(q.pol_w)}-${p(q.ref_w)}=${fmt(dw)},\\quad ${p(q.pol_l)}-${p(q.ref_l)}=${fmt(dl)}`,
      `z=${fmt(q.beta)}\\times(${fmt(dw)}-${p(dl)})=${fmt(z)}`,
      `-\\ln\\sigma(${fmt(z)})=\\ln(1+e^{${fmt(-z)}})=${fmt(dpoLoss(q))}`,
    ]);
  },
  mistakes: [
    { id: 'no-reference', hint: lang('DPO 比较的是相对参考模型的对数概率比：要减去 $\\ln\\pi_{ref}$。', 'DPO compares log-ratios against the reference model: subtract $\\ln\\pi_{ref}$.'), value: (q) => dpoLoss(q, { noRef: true }) },
    { id: 'forgot-beta', hint: lang('差值要乘 $\\beta$。', 'Scale the difference by $\\beta$.'), value: (q) => dpoLoss(q, { noBeta: true }) },
    { id: 'swapped', hint: lang('偏好的是 $y_w$：$\\sigma$ 里是 $y_w$ 的比减去 $y_l$ 的比。', '$y_w$ is preferred: inside $\\sigma$ it is $y_w$’s log-ratio minus $y_l$’s.'), value: (q) => dpoLoss(q, { swapped: true }) },
    { id: 'sign', hint: lang('损失是 $-\\ln\\sigma(z)$，为正数。', 'The loss is $-\\ln\\sigma(z)$, a positive number.'), value: (q) => -dpoLoss(q) },
  ],
});

/** A distribution on n outcomes in steps of 0.1, every outcome possible. */
function tenthsDistribution(r: Rng, n: number): number[] {
  const parts = times(n, () => 1);
  for (let left = 10 - n; left > 0; left -= 1) {
    const i = r.int(0, n - 1);
    parts[i] = (parts[i] as number) + 1;
  }
  return parts.map((c) => c / 10);
}

/** V(D*, G) = Σ p_data ln D* + Σ p_g ln(1 − D*), D* = p_data / (p_data + p_g). */
export const ganValue = ({ p_data, p_g }: Gan): number => -Math.log(4) + 2 * js(p_data, p_g);

export const ganTemplate = defineTemplate<Gan>({
  id: 'gan.optimal_value',
  section: SECTIONS_B.gan,
  title: lang('最优判别器下的 GAN 目标值', 'GAN value at the optimal discriminator'),
  formula: '$D^*=\\frac{p_{data}}{p_{data}+p_g},\\ V(D^*,G)=-\\ln 4+2\\,JS(p_{data}\\|p_g)$',
  params: [
    { name: 'p_data', type: 'vector', min: 2, max: 4 },
    { name: 'p_g', type: 'vector', min: 2, max: 4 },
  ],
  kind: 'real',
  tolerance: PCT,
  targetSeconds: 150,
  sample: (r) => {
    const n = r.int(2, 4);
    return { p_data: tenthsDistribution(r, n), p_g: tenthsDistribution(r, n) };
  },
  reject: ({ p_data, p_g }) =>
    p_data.length !== p_g.length ? 'length mismatch' : p_data.every((v, i) => v === p_g[i]) ? 'identical distributions' : [...p_data, ...p_g].some((v) => v <= 0) ? 'zero probability' : null,
  mustDiffer: ['minus-ln4'],
  answer: ganValue,
  prompt: ({ p_data, p_g }) => ({
    zh: `离散 GAN：真实分布 $p_{data}=${vec(p_data)}$，生成分布 $p_g=${vec(p_g)}$。判别器取最优 $D^*$ 时，$V(D^*,G)=\\mathbb E_{p_{data}}\\ln D^*+\\mathbb E_{p_g}\\ln(1-D^*)$ 是多少（自然对数）？`,
    en: `A discrete GAN: data distribution $p_{data}=${vec(p_data)}$, generator distribution $p_g=${vec(p_g)}$. With the optimal discriminator $D^*$, what is $V(D^*,G)=\\mathbb E_{p_{data}}\\ln D^*+\\mathbb E_{p_g}\\ln(1-D^*)$ (natural log)?`,
  }),
  solution: ({ p_data, p_g }) => {
    const d = p_data.map((v, i) => v / (v + (p_g[i] as number)));
    const terms = p_data.map((v, i) => `${fmt(v)}\\ln ${fmt(d[i] as number, 4)}+${fmt(p_g[i] as number)}\\ln ${fmt(1 - (d[i] as number), 4)}`);
    return worked('V(D^*,G)=\\sum_x p_{data}\\ln D^*+p_g\\ln(1-D^*)=-\\ln 4+2JS', [
      `D^*=\\frac{p_{data}}{p_{data}+p_g}=${vec(d.map((v) => Number(v.toFixed(4))))}`,
      `${terms.join('+')}=${fmt(ganValue({ p_data, p_g }))}`,
    ], { zh: '只有 $p_g=p_{data}$ 时才取到最小值 $-\\ln 4$。', en: 'The minimum $-\\ln 4$ is reached only when $p_g=p_{data}$.' });
  },
  mistakes: [
    { id: 'minus-ln4', hint: lang('$-\\ln 4$ 只在 $p_g=p_{data}$ 时成立；这里还要加 $2JS$。', '$-\\ln 4$ holds only when $p_g=p_{data}$; here add $2JS$.'), value: () => -Math.log(4) },
    { id: 'forgot-ln4', hint: lang('$V(D^*,G)=-\\ln 4+2JS$，别漏了 $-\\ln 4$。', '$V(D^*,G)=-\\ln 4+2JS$: do not drop the $-\\ln 4$.'), value: ({ p_data, p_g }) => 2 * js(p_data, p_g) },
    { id: 'one-js', hint: lang('JS 前的系数是 2。', 'The JS term has a factor 2.'), value: ({ p_data, p_g }) => -Math.log(4) + js(p_data, p_g) },
    { id: 'log2', hint: lang('用自然对数（nats），不是 $\\log_2$。', 'Use natural logs (nats), not $\\log_2$.'), value: (q) => ganValue(q) / Math.LN2 },
  ],
});
