// Sigmoid derivative, softmax and the softmax Jacobian.
import { defineTemplate, REAL, VECTOR, worked } from '../define.ts';
import { fmt, lang, vec } from '../format.ts';
import { sigmoid, softmax, sum } from '../math.ts';
import { SECTIONS } from '../sections.ts';
import { sampleLogits, sigmoidStep, softmaxStep } from './logits.ts';

type X = { x: number };
type V = { x: number[] };
type Jac = { x: number[]; i: number; j: number };

export const sigmoidGrad = defineTemplate<X>({
  id: 'act.sigmoid.grad',
  section: SECTIONS.sigmoidSoftmax,
  title: lang('sigmoid 的导数', 'Derivative of the sigmoid'),
  formula: '$y=\\frac{1}{1+e^{-x}},\\quad \\frac{\\partial y}{\\partial x}=y(1-y)$',
  params: [{ name: 'x', type: 'real', min: -5, max: 5 }],
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 45,
  sample: (r) => ({ x: r.int(-50, 50) / 10 }),
  answer: ({ x }) => sigmoid(x) * (1 - sigmoid(x)),
  prompt: ({ x }) => ({
    zh: `$\\sigma(x)=\\frac{1}{1+e^{-x}}$。求 $x=${fmt(x)}$ 处的导数 $\\sigma'(x)$。`,
    en: `$\\sigma(x)=\\frac{1}{1+e^{-x}}$. What is the derivative $\\sigma'(x)$ at $x=${fmt(x)}$?`,
  }),
  solution: ({ x }) => {
    const y = 1 / (1 + Math.exp(-x));
    return worked('\\sigma\'(x)=\\sigma(x)(1-\\sigma(x))', [sigmoidStep(x), `y(1-y)=${fmt(y)}\\times ${fmt(1 - y)}=${fmt(y * (1 - y))}`]);
  },
  mistakes: [
    { id: 'sigmoid-value', hint: lang('这是 $\\sigma(x)$ 本身；导数是 $\\sigma(1-\\sigma)$。', 'That is $\\sigma(x)$ itself; the derivative is $\\sigma(1-\\sigma)$.'), value: ({ x }) => sigmoid(x) },
    { id: 'tanh-derivative', hint: lang('$1-y^2$ 是 tanh 的导数。', '$1-y^2$ is the derivative of tanh.'), value: ({ x }) => 1 - sigmoid(x) ** 2 },
    { id: 'sign-flipped', hint: lang('sigmoid 单调递增，导数为正。', 'The sigmoid is increasing: its derivative is positive.'), value: ({ x }) => -sigmoid(x) * (1 - sigmoid(x)) },
  ],
});

export const softmaxTemplate = defineTemplate<V>({
  id: 'act.softmax',
  section: SECTIONS.sigmoidSoftmax,
  title: lang('计算 softmax', 'Compute a softmax'),
  formula: '$y_i=\\frac{e^{x_i}}{\\sum_{j=1}^{K}e^{x_j}}$',
  params: [{ name: 'x', type: 'vector', min: 3, max: 4, note: 'logits' }],
  kind: 'vector',
  tolerance: VECTOR,
  targetSeconds: 90,
  sample: (r) => ({ x: sampleLogits(r) }),
  reject: ({ x }) => (x.every((v) => v === x[0]) ? 'uniform logits' : null),
  answer: ({ x }) => softmax(x),
  prompt: ({ x }) => ({ zh: `logits $x=${vec(x)}$。求 $\\mathrm{softmax}(x)$。`, en: `Logits $x=${vec(x)}$. What is $\\mathrm{softmax}(x)$?` }),
  solution: ({ x }) => worked('y_i=\\frac{e^{x_i}}{\\sum_j e^{x_j}}', [softmaxStep(x)]),
  mistakes: [
    { id: 'linear-normalisation', hint: lang('要先取指数再归一化。', 'Exponentiate before normalising.'), value: ({ x }) => x.map((v) => v / sum(x)) },
    { id: 'sigmoid-each', hint: lang('softmax 不是逐元素 sigmoid：各分量之和为 1。', 'Softmax is not an element-wise sigmoid: its outputs sum to 1.'), value: ({ x }) => x.map(sigmoid) },
    { id: 'unnormalised', hint: lang('别忘了除以 $\\sum_j e^{x_j}$。', 'Divide by $\\sum_j e^{x_j}$.'), value: ({ x }) => x.map(Math.exp) },
  ],
});

const jac = ({ x, i, j }: Jac): number => {
  const y = softmax(x);
  return (y[i] as number) * ((i === j ? 1 : 0) - (y[j] as number));
};

export const softmaxJacobian = defineTemplate<Jac>({
  id: 'act.softmax.jacobian',
  section: SECTIONS.sigmoidSoftmax,
  title: lang('softmax 的偏导数', 'A partial derivative of the softmax'),
  formula: '$\\frac{\\partial y_i}{\\partial x_i}=y_i(1-y_i),\\quad \\frac{\\partial y_i}{\\partial x_j}=-y_iy_j\\ (i\\ne j)$',
  params: [
    { name: 'x', type: 'vector', min: 3, max: 4, note: 'logits' },
    { name: 'i', type: 'int', min: 0, note: '0-based output index' },
    { name: 'j', type: 'int', min: 0, note: '0-based input index' },
  ],
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 90,
  sample: (r) => {
    const x = sampleLogits(r);
    const i = r.int(0, x.length - 1);
    return { x, i, j: r.next() < 0.4 ? i : r.int(0, x.length - 1) };
  },
  reject: ({ x, i, j }) => (i >= x.length || j >= x.length ? 'index out of range' : null),
  answer: jac,
  prompt: ({ x, i, j }) => ({
    zh: `$y=\\mathrm{softmax}(x)$，$x=${vec(x)}$（下标从 0 开始）。求 $\\frac{\\partial y_{${i}}}{\\partial x_{${j}}}$。`,
    en: `$y=\\mathrm{softmax}(x)$ with $x=${vec(x)}$ (0-based indices). What is $\\frac{\\partial y_{${i}}}{\\partial x_{${j}}}$?`,
  }),
  solution: ({ x, i, j }) => {
    const y = softmax(x);
    const yi = y[i] as number;
    const yj = y[j] as number;
    const last = i === j ? `y_{${i}}(1-y_{${i}})=${fmt(yi)}\\times ${fmt(1 - yi)}=${fmt(yi * (1 - yi))}` : `-y_{${i}}y_{${j}}=-${fmt(yi)}\\times ${fmt(yj)}=${fmt(-yi * yj)}`;
    return worked('\\frac{\\partial y_i}{\\partial x_j}=y_i(\\delta_{ij}-y_j)', [softmaxStep(x), last]);
  },
  mistakes: [
    { id: 'wrong-case', hint: lang('$i=j$ 时是 $y_i(1-y_i)$，$i\\ne j$ 时是 $-y_iy_j$。', '$y_i(1-y_i)$ when $i=j$, $-y_iy_j$ when $i\\ne j$.'), value: (q) => { const y = softmax(q.x); return q.i === q.j ? -((y[q.i] as number) ** 2) : (y[q.i] as number) * (1 - (y[q.i] as number)); } },
    { id: 'sign-flipped', hint: lang('符号反了：增大 $x_j$ 会减小其他类的概率。', 'Sign flipped: raising $x_j$ lowers the other probabilities.'), value: (q) => -jac(q) },
  ],
});
