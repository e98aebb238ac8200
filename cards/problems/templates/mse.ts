// Squared-error loss on softmax / sigmoid outputs and its gradients.
import { defineTemplate, REAL, VECTOR, worked } from '../define.ts';
import { fmt, lang, vec } from '../format.ts';
import { oneHot, sigmoid, softmax, softmaxMseGrad, sum } from '../math.ts';
import { SECTIONS } from '../sections.ts';
import { binaryParams, logitsParams, logitsPrompt, rejectLabel, sampleBinary, sampleLabelled, sigmoidStep, softmaxStep, type Binary, type Logits } from './logits.ts';

/** The notes' component at the true class, −2y_i(1−y_i)² + Σ_{j≠i} 2y_j y_i(1−y_i): wrong (∂y_j/∂x_i is −y_j y_i). */
export function notesSoftmaxMseGrad({ x, y }: Logits): number[] {
  const p = softmax(x);
  const pi = p[y] as number;
  const others = sum(p.filter((_, j) => j !== y).map((pj) => 2 * pj * pi * (1 - pi)));
  return softmaxMseGrad(x, y).map((g, m) => (m === y ? -2 * pi * (1 - pi) ** 2 + others : g));
}

const sigMse = ({ x, q }: Binary): number => 2 * (sigmoid(x) - q) * sigmoid(x) * (1 - sigmoid(x));

export const softmaxMseGradTemplate = defineTemplate<Logits>({
  id: 'loss.softmax_mse.grad',
  section: SECTIONS.sigmoidSoftmax,
  title: lang('softmax + MSE 对 logits 的梯度', 'Gradient of softmax + MSE w.r.t. the logits'),
  formula: '$\\frac{\\partial l}{\\partial x_m}=2y_m\\Big((y_m-q_m)-\\sum_k y_k(y_k-q_k)\\Big),\\quad l=\\sum_j(q_j-y_j)^2$',
  params: logitsParams,
  kind: 'vector',
  tolerance: VECTOR,
  targetSeconds: 240,
  sample: (r) => sampleLabelled(r),
  reject: rejectLabel,
  answer: ({ x, y }) => softmaxMseGrad(x, y),
  prompt: (q) => logitsPrompt(q, `，$y=\\mathrm{softmax}(x)$，$l=\\sum_j(q_j-y_j)^2$。求 $\\frac{\\partial l}{\\partial x}$。`, `, $y=\\mathrm{softmax}(x)$, $l=\\sum_j(q_j-y_j)^2$. What is $\\frac{\\partial l}{\\partial x}$?`),
  solution: ({ x, y }) => {
    const p = softmax(x);
    const q = oneHot(x.length, y);
    const inner = sum(p.map((pk, k) => pk * (pk - (q[k] as number))));
    return worked('\\frac{\\partial l}{\\partial x_m}=\\sum_k\\frac{\\partial l}{\\partial y_k}\\frac{\\partial y_k}{\\partial x_m}=2y_m\\Big((y_m-q_m)-\\sum_k y_k(y_k-q_k)\\Big)', [
      softmaxStep(x),
      `\\sum_k y_k(y_k-q_k)=${fmt(inner)}`,
      `2y\\odot\\big((y-q)-${fmt(inner)}\\big)=${vec(p.map((pm, m) => 2 * pm * (pm - (q[m] as number) - inner)))}`,
    ], { zh: '链式法则要对所有 $y_k$ 求和：$\\frac{\\partial y_k}{\\partial x_m}=y_k(\\delta_{km}-y_m)$。', en: 'The chain rule sums over every $y_k$: $\\frac{\\partial y_k}{\\partial x_m}=y_k(\\delta_{km}-y_m)$.' });
  },
  mistakes: [
    {
      id: 'notes-formula',
      hint: lang('笔记里真实类别分量的第二项写成了 $+\\sum_{j\\ne i}2y_jy_i(1-y_i)$，应为 $-\\sum_{j\\ne i}2y_j^2y_i$（因为 $\\partial y_j/\\partial x_i=-y_jy_i$）。', 'The notes’ true-class component uses $+\\sum_{j\\ne i}2y_jy_i(1-y_i)$; it should be $-\\sum_{j\\ne i}2y_j^2y_i$ (since $\\partial y_j/\\partial x_i=-y_jy_i$).'),
      value: notesSoftmaxMseGrad,
    },
    { id: 'gradient-wrt-probabilities', hint: lang('$2(y-q)$ 是对概率的梯度，还要乘 softmax 的雅可比矩阵。', '$2(y-q)$ is the gradient w.r.t. the probabilities; multiply by the softmax Jacobian.'), value: ({ x, y }) => softmax(x).map((v, i) => 2 * (v - (i === y ? 1 : 0))) },
    { id: 'diagonal-jacobian-only', hint: lang('只用了对角项 $y_m(1-y_m)$，漏了 $-y_ky_m$ 的交叉项。', 'You kept only the diagonal $y_m(1-y_m)$ and dropped the cross terms $-y_ky_m$.'), value: ({ x, y }) => softmax(x).map((v, i) => 2 * (v - (i === y ? 1 : 0)) * v * (1 - v)) },
    { id: 'sign-flipped', hint: lang('符号反了。', 'The sign is flipped.'), value: ({ x, y }) => softmaxMseGrad(x, y).map((g) => -g) },
    { id: 'forgot-factor-two', hint: lang('平方求导带来因子 2。', 'Differentiating the square brings a factor 2.'), value: ({ x, y }) => softmaxMseGrad(x, y).map((g) => g / 2) },
  ],
});

export const sigmoidMseGrad = defineTemplate<Binary>({
  id: 'loss.sigmoid_mse.grad',
  section: SECTIONS.sigmoidSoftmax,
  title: lang('sigmoid + MSE 对 logit 的梯度', 'Gradient of sigmoid + MSE w.r.t. the logit'),
  formula: '$\\frac{\\partial l}{\\partial x}=2(y-q)\\,y(1-y),\\quad l=(q-y)^2$',
  params: binaryParams,
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 75,
  sample: sampleBinary,
  answer: sigMse,
  prompt: ({ x, q }) => ({
    zh: `logit $x=${fmt(x)}$，标签 $q=${q}$，$y=\\sigma(x)$，$l=(q-y)^2$。求 $\\frac{\\partial l}{\\partial x}$。`,
    en: `Logit $x=${fmt(x)}$, label $q=${q}$, $y=\\sigma(x)$, $l=(q-y)^2$. What is $\\frac{\\partial l}{\\partial x}$?`,
  }),
  solution: ({ x, q }) => {
    const y = sigmoid(x);
    return worked('\\frac{\\partial l}{\\partial x}=\\frac{\\partial l}{\\partial y}\\frac{\\partial y}{\\partial x}=2(y-q)\\,y(1-y)', [sigmoidStep(x), `2\\times(${fmt(y)}-${q})\\times ${fmt(y)}\\times ${fmt(1 - y)}=${fmt(2 * (y - q) * y * (1 - y))}`]);
  },
  mistakes: [
    { id: 'forgot-factor-two', hint: lang('平方求导带来因子 2。', 'Differentiating the square brings a factor 2.'), value: (b) => sigMse(b) / 2 },
    { id: 'forgot-sigmoid-derivative', hint: lang('还要乘 $\\partial y/\\partial x=y(1-y)$。', 'Multiply by $\\partial y/\\partial x=y(1-y)$.'), value: ({ x, q }) => 2 * (sigmoid(x) - q) },
    { id: 'sign-flipped', hint: lang('是 $2(y-q)$，不是 $2(q-y)$。', 'It is $2(y-q)$, not $2(q-y)$.'), value: (b) => -sigMse(b) },
    { id: 'used-ce-gradient', hint: lang('$y-q$ 是交叉熵的梯度；MSE 多了 $2y(1-y)$。', '$y-q$ is the cross-entropy gradient; MSE has an extra $2y(1-y)$.'), value: ({ x, q }) => sigmoid(x) - q },
  ],
});

const softMse = ({ x, y }: Logits): number => sum(softmax(x).map((v, i) => ((i === y ? 1 : 0) - v) ** 2));

export const softmaxMse = defineTemplate<Logits>({
  id: 'loss.softmax_mse',
  section: SECTIONS.sigmoidSoftmax,
  title: lang('softmax 输出的平方误差损失', 'Squared-error loss of a softmax output'),
  formula: '$l=\\sum_{j=1}^{K}(q_j-y_j)^2,\\quad y=\\mathrm{softmax}(x)$',
  params: logitsParams,
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 90,
  sample: (r) => sampleLabelled(r),
  reject: rejectLabel,
  answer: softMse,
  prompt: (q) => logitsPrompt(q, `，$y=\\mathrm{softmax}(x)$。求 $l=\\sum_j(q_j-y_j)^2$。`, `, $y=\\mathrm{softmax}(x)$. What is $l=\\sum_j(q_j-y_j)^2$?`),
  solution: ({ x, y }) => {
    const d = softmax(x).map((v, i) => (i === y ? 1 : 0) - v);
    return worked('l=\\sum_j(q_j-y_j)^2', [softmaxStep(x), `q-y=${vec(d)}`, `l=${d.map((v) => `${fmt(v < 0 ? -v : v)}^2`).join('+')}=${fmt(sum(d.map((v) => v * v)))}`]);
  },
  mistakes: [
    { id: 'mean-not-sum', hint: lang('本题是求和，不是平均。', 'This loss is a sum, not a mean.'), value: (q) => softMse(q) / q.x.length },
    { id: 'label-term-only', hint: lang('非真实类别的 $y_j^2$ 也要加上。', 'The other classes contribute $y_j^2$ too.'), value: ({ x, y }) => (1 - (softmax(x)[y] as number)) ** 2 },
    { id: 'forgot-square', hint: lang('每项要平方。', 'Square each term.'), value: ({ x, y }) => sum(softmax(x).map((v, i) => Math.abs((i === y ? 1 : 0) - v))) },
  ],
});
