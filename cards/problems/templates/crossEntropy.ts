// Cross-entropy loss and its gradients through softmax and sigmoid.
import { defineTemplate, REAL, VECTOR, worked } from '../define.ts';
import { fmt, lang, p, vec } from '../format.ts';
import { logSumExp, oneHot, sigmoid, softmax } from '../math.ts';
import { SECTIONS } from '../sections.ts';
import { binaryParams, logitsParams, logitsPrompt, rejectLabel, sampleBinary, sampleLabelled, sigmoidStep, softmaxStep, type Binary, type Logits } from './logits.ts';

const ce = ({ x, y }: Logits): number => logSumExp(x) - (x[y] as number);
const bce = ({ x, q }: Binary): number => -(q * Math.log(sigmoid(x)) + (1 - q) * Math.log(1 - sigmoid(x)));
const LOG2 = lang('交叉熵用自然对数 $\\ln$（单位 nat），不是 $\\log_2$。', 'Cross-entropy uses the natural log (nats), not $\\log_2$.');
const LOG10 = lang('用自然对数 $\\ln$，不是 $\\log_{10}$。', 'Use the natural log, not $\\log_{10}$.');
const SIGN = lang('损失是 $-\\ln$：概率小于 1，损失为正。', 'The loss is $-\\ln$: probabilities are below 1, so the loss is positive.');

export const crossEntropy = defineTemplate<Logits>({
  id: 'loss.ce',
  section: SECTIONS.sigmoidSoftmax,
  title: lang('softmax 交叉熵损失', 'Softmax cross-entropy loss'),
  formula: '$l=-\\sum_j q_j\\ln y_j=-\\ln y_{label},\\quad y=\\mathrm{softmax}(x)$',
  params: logitsParams,
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 90,
  sample: (r) => sampleLabelled(r),
  reject: rejectLabel,
  answer: ce,
  prompt: (q) => logitsPrompt(q, `。求交叉熵损失（自然对数）。`, `. What is the cross-entropy loss (natural log)?`),
  solution: (q) => {
    const py = softmax(q.x)[q.y] as number;
    return worked('l=-\\ln y_{label}', [softmaxStep(q.x), `l=-\\ln ${fmt(py)}=${fmt(-Math.log(py))}`]);
  },
  mistakes: [
    { id: 'log2', hint: LOG2, value: (q) => ce(q) / Math.LN2 },
    { id: 'log10', hint: LOG10, value: (q) => ce(q) / Math.LN10 },
    { id: 'sign-flipped', hint: SIGN, value: (q) => -ce(q) },
    { id: 'one-minus-p', hint: lang('损失是 $-\\ln y$，不是 $1-y$。', 'The loss is $-\\ln y$, not $1-y$.'), value: (q) => 1 - (softmax(q.x)[q.y] as number) },
    { id: 'sigmoid-of-logit', hint: lang('多分类要先做 softmax，不是对单个 logit 做 sigmoid。', 'Use the softmax over all logits, not a sigmoid of one.'), value: (q) => -Math.log(sigmoid(q.x[q.y] as number)) },
  ],
});

export const softmaxCeGrad = defineTemplate<Logits>({
  id: 'loss.softmax_ce.grad',
  section: SECTIONS.sigmoidSoftmax,
  title: lang('softmax + 交叉熵对 logits 的梯度', 'Gradient of softmax + cross-entropy w.r.t. the logits'),
  formula: '$\\frac{\\partial l}{\\partial x}=y-q$（$y=\\mathrm{softmax}(x)$，$q$ 为 one-hot）',
  params: logitsParams,
  kind: 'vector',
  tolerance: VECTOR,
  targetSeconds: 90,
  sample: (r) => sampleLabelled(r),
  reject: rejectLabel,
  answer: ({ x, y }) => softmax(x).map((v, i) => v - (i === y ? 1 : 0)),
  prompt: (q) => logitsPrompt(q, `。求 softmax + 交叉熵损失对 logits 的梯度 $\\frac{\\partial l}{\\partial x}$。`, `. What is the gradient $\\frac{\\partial l}{\\partial x}$ of softmax + cross-entropy?`),
  solution: ({ x, y }) => worked('\\frac{\\partial l}{\\partial x}=y-q', [softmaxStep(x), `y-q=${vec(softmax(x))}-${vec(oneHot(x.length, y))}=${vec(softmax(x).map((v, i) => v - (i === y ? 1 : 0)))}`]),
  mistakes: [
    { id: 'sign-flipped', hint: lang('是 $y-q$，不是 $q-y$。', 'It is $y-q$, not $q-y$.'), value: ({ x, y }) => softmax(x).map((v, i) => (i === y ? 1 : 0) - v) },
    { id: 'forgot-label', hint: lang('别忘了在真实类别上减 1。', 'Subtract 1 at the true class.'), value: ({ x }) => softmax(x) },
    { id: 'minus-one-everywhere', hint: lang('只在真实类别减 1；其他类梯度是 $y_j$。', 'Subtract 1 only at the true class; the others are $y_j$.'), value: ({ x }) => softmax(x).map((v) => v - 1) },
    { id: 'gradient-wrt-probabilities', hint: lang('$-1/y_i$ 是对概率 $y$ 的梯度，题目问对 logits $x$。', '$-1/y_i$ is the gradient w.r.t. the probabilities; the question asks for the logits.'), value: ({ x, y }) => softmax(x).map((v, i) => (i === y ? -1 / v : 0)) },
  ],
});

export const sigmoidCeGrad = defineTemplate<Binary>({
  id: 'loss.sigmoid_ce.grad',
  section: SECTIONS.sigmoidSoftmax,
  title: lang('sigmoid + 交叉熵对 logit 的梯度', 'Gradient of sigmoid + cross-entropy w.r.t. the logit'),
  formula: '$\\frac{\\partial l}{\\partial x}=y-q$（$q=1$：$y-1$；$q=0$：$y$）',
  params: binaryParams,
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 60,
  sample: sampleBinary,
  answer: ({ x, q }) => sigmoid(x) - q,
  prompt: ({ x, q }) => ({
    zh: `二分类：logit $x=${fmt(x)}$，标签 $q=${q}$，$y=\\sigma(x)$，$l=-[q\\ln y+(1-q)\\ln(1-y)]$。求 $\\frac{\\partial l}{\\partial x}$。`,
    en: `Binary classification: logit $x=${fmt(x)}$, label $q=${q}$, $y=\\sigma(x)$, $l=-[q\\ln y+(1-q)\\ln(1-y)]$. What is $\\frac{\\partial l}{\\partial x}$?`,
  }),
  solution: ({ x, q }) => worked('\\frac{\\partial l}{\\partial x}=y-q', [sigmoidStep(x), `y-q=${fmt(sigmoid(x))}-${q}=${fmt(sigmoid(x) - q)}`]),
  mistakes: [
    { id: 'sign-flipped', hint: lang('是 $y-q$，不是 $q-y$。', 'It is $y-q$, not $q-y$.'), value: ({ x, q }) => q - sigmoid(x) },
    { id: 'swapped-cases', hint: lang('$q=1$ 时是 $y-1$，$q=0$ 时是 $y$。', '$y-1$ when $q=1$, $y$ when $q=0$.'), value: ({ x, q }) => sigmoid(x) - (1 - q) },
    { id: 'sigmoid-derivative-only', hint: lang('$y(1-y)$ 只是 sigmoid 的导数，还要乘 $\\partial l/\\partial y$。', '$y(1-y)$ is only the sigmoid’s derivative; multiply by $\\partial l/\\partial y$.'), value: ({ x }) => sigmoid(x) * (1 - sigmoid(x)) },
    { id: 'gradient-wrt-probability', hint: lang('这是对 $y$ 的梯度；题目问对 logit $x$。', 'That is the gradient w.r.t. $y$; the question asks for the logit $x$.'), value: ({ x, q }) => (q === 1 ? -1 / sigmoid(x) : 1 / (1 - sigmoid(x))) },
  ],
});

export const sigmoidCe = defineTemplate<Binary>({
  id: 'loss.sigmoid_ce',
  section: SECTIONS.sigmoidSoftmax,
  title: lang('sigmoid 二分类交叉熵损失', 'Binary cross-entropy of a sigmoid output'),
  formula: '$l=-[q\\ln y+(1-q)\\ln(1-y)],\\quad y=\\sigma(x)$',
  params: binaryParams,
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 60,
  sample: sampleBinary,
  answer: bce,
  prompt: ({ x, q }) => ({
    zh: `二分类：logit $x=${fmt(x)}$，标签 $q=${q}$，$y=\\sigma(x)$。求交叉熵损失 $l$（自然对数）。`,
    en: `Binary classification: logit $x=${fmt(x)}$, label $q=${q}$, $y=\\sigma(x)$. What is the cross-entropy loss $l$ (natural log)?`,
  }),
  solution: ({ x, q }) => {
    const y = sigmoid(x);
    const pq = q === 1 ? y : 1 - y;
    return worked('l=-[q\\ln y+(1-q)\\ln(1-y)]', [sigmoidStep(x), `l=-\\ln ${q === 1 ? 'y' : '(1-y)'}=-\\ln ${p(pq)}=${fmt(-Math.log(pq))}`]);
  },
  mistakes: [
    { id: 'log2', hint: LOG2, value: (b) => bce(b) / Math.LN2 },
    { id: 'sign-flipped', hint: SIGN, value: (b) => -bce(b) },
    { id: 'swapped-label', hint: lang('$q=1$ 用 $-\\ln y$，$q=0$ 用 $-\\ln(1-y)$。', '$-\\ln y$ when $q=1$, $-\\ln(1-y)$ when $q=0$.'), value: ({ x, q }) => bce({ x, q: 1 - q }) },
  ],
});
