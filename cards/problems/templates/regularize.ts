// Weight decay update and label smoothing targets.
import { defineTemplate, REAL, VECTOR, worked } from '../define.ts';
import { fmt, lang, p, vec } from '../format.ts';
import { SECTIONS } from '../sections.ts';
import { times } from '../arrays.ts';

type Wd = { theta: number; lr: number; beta: number; g: number };
type Ls = { classes: number; eps: number; y: number };

const wd = ({ theta, lr, beta, g }: Wd): number => (1 - beta) * theta - lr * g;

export const weightDecay = defineTemplate<Wd>({
  id: 'opt.weight_decay',
  section: SECTIONS.weightDecay,
  title: lang('带权重衰减的参数更新', 'A parameter update with weight decay'),
  formula: '$\\theta_t=(1-\\beta)\\theta_{t-1}-\\alpha g_t$',
  params: [
    { name: 'theta', type: 'real' },
    { name: 'lr', type: 'real', min: 0.001, max: 0.1 },
    { name: 'beta', type: 'real', min: 0.001, max: 0.1 },
    { name: 'g', type: 'real' },
  ],
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 40,
  sample: (r) => ({
    theta: (r.bool() ? 1 : -1) * r.int(20, 300) / 100,
    lr: r.pick([0.1, 0.05, 0.01]),
    beta: r.pick([0.005, 0.01, 0.02, 0.05, 0.1]),
    g: (r.bool() ? 1 : -1) * r.int(5, 300) / 100,
  }),
  reject: (q) => (Math.abs(wd(q)) < 0.01 ? 'update lands near zero' : null),
  mustDiffer: ['forgot-decay', 'decay-times-lr'],
  answer: wd,
  prompt: ({ theta, lr, beta, g }) => ({
    zh: `SGD + 权重衰减：当前参数 $\\theta_{t-1}=${fmt(theta)}$，梯度 $g_t=${fmt(g)}$，学习率 $\\alpha=${fmt(lr)}$，衰减系数 $\\beta=${fmt(beta)}$（按 $\\theta_t=(1-\\beta)\\theta_{t-1}-\\alpha g_t$）。更新后的 $\\theta_t$ 是多少？`,
    en: `SGD with weight decay: $\\theta_{t-1}=${fmt(theta)}$, gradient $g_t=${fmt(g)}$, learning rate $\\alpha=${fmt(lr)}$, decay $\\beta=${fmt(beta)}$ (in the form $\\theta_t=(1-\\beta)\\theta_{t-1}-\\alpha g_t$). What is $\\theta_t$?`,
  }),
  solution: (q) =>
    worked('\\theta_t=(1-\\beta)\\theta_{t-1}-\\alpha g_t', [
      `(1-${fmt(q.beta)})\\times ${p(q.theta)}-${fmt(q.lr)}\\times ${p(q.g)}=${fmt((1 - q.beta) * q.theta)}-${p(q.lr * q.g)}=${fmt(wd(q))}`,
    ]),
  mistakes: [
    { id: 'forgot-decay', hint: lang('别忘了先把 $\\theta$ 乘以 $1-\\beta$。', 'Shrink $\\theta$ by $1-\\beta$ first.'), value: ({ theta, lr, g }) => theta - lr * g },
    { id: 'gradient-sign', hint: lang('梯度下降是减去 $\\alpha g$。', 'Gradient descent subtracts $\\alpha g$.'), value: ({ theta, lr, beta, g }) => (1 - beta) * theta + lr * g },
    {
      id: 'decay-times-lr',
      hint: lang('这是 PyTorch SGD 的 weight_decay 写法 $(1-\\alpha\\beta)\\theta-\\alpha g$；题目的 $\\beta$ 直接乘 $\\theta$。', 'That is PyTorch SGD’s weight_decay form $(1-\\alpha\\beta)\\theta-\\alpha g$; here $\\beta$ multiplies $\\theta$ directly.'),
      value: ({ theta, lr, beta, g }) => (1 - lr * beta) * theta - lr * g,
    },
    { id: 'beta-not-one-minus', hint: lang('保留的是 $(1-\\beta)\\theta$，不是 $\\beta\\theta$。', 'Keep $(1-\\beta)\\theta$, not $\\beta\\theta$.'), value: ({ theta, lr, beta, g }) => beta * theta - lr * g },
  ],
});

export function smoothLabels(classes: number, eps: number, y: number, onTarget = 1 - eps + eps / classes, offTarget = eps / classes): number[] {
  return times(classes, (i) => (i === y ? onTarget : offTarget));
}

export const labelSmoothing = defineTemplate<Ls>({
  id: 'reg.label_smoothing',
  section: SECTIONS.labelSmoothing,
  title: lang('标签平滑后的目标分布', 'Label-smoothed target'),
  formula: '$p_i=1-\\frac{N-1}{N}\\epsilon\\ (i=y),\\quad p_i=\\frac{\\epsilon}{N}\\ (i\\ne y)$',
  params: [
    { name: 'classes', type: 'int', min: 3, max: 6 },
    { name: 'eps', type: 'real', min: 0.05, max: 0.3 },
    { name: 'y', type: 'int', min: 0, note: '0-based class index < classes' },
  ],
  kind: 'vector',
  tolerance: VECTOR,
  targetSeconds: 45,
  sample: (r) => {
    const classes = r.int(3, 6);
    return { classes, eps: r.pick([0.05, 0.1, 0.1, 0.15, 0.2, 0.3]), y: r.int(0, classes - 1) };
  },
  reject: ({ classes, y }) => (y < 0 || y >= classes ? 'label out of range' : null),
  answer: ({ classes, eps, y }) => smoothLabels(classes, eps, y),
  prompt: ({ classes, eps, y }) => ({
    zh: `标签平滑：共 $N=${classes}$ 类，真实类别下标 $y=${y}$（从 0 开始），平滑系数 $\\epsilon=${fmt(eps)}$（$\\epsilon$ 均匀分给全部 $N$ 类）。平滑后的目标分布是什么？`,
    en: `Label smoothing with $N=${classes}$ classes, true class index $y=${y}$ (0-based) and $\\epsilon=${fmt(eps)}$ spread uniformly over all $N$ classes. What is the smoothed target?`,
  }),
  solution: ({ classes, eps, y }) =>
    worked('p_y=1-\\frac{N-1}{N}\\epsilon,\\quad p_{i\\ne y}=\\frac{\\epsilon}{N}', [
      `p_{${y}}=1-\\frac{${classes - 1}}{${classes}}\\times ${fmt(eps)}=${fmt(1 - ((classes - 1) / classes) * eps)},\\quad p_{i\\ne ${y}}=\\frac{${fmt(eps)}}{${classes}}=${fmt(eps / classes)}`,
      `p=${vec(times(classes, (i) => (i === y ? 1 - ((classes - 1) / classes) * eps : eps / classes)))}`,
    ]),
  mistakes: [
    { id: 'target-one-minus-eps', hint: lang('目标类还会分到 $\\epsilon/N$：$1-\\epsilon+\\epsilon/N$，否则总和不为 1。', 'The true class also gets $\\epsilon/N$: $1-\\epsilon+\\epsilon/N$; otherwise the target does not sum to 1.'), value: ({ classes, eps, y }) => smoothLabels(classes, eps, y, 1 - eps) },
    { id: 'spread-over-others', hint: lang('本题把 $\\epsilon$ 分给全部 $N$ 类（$\\epsilon/N$），不是只分给其余 $N-1$ 类。', 'Here $\\epsilon$ is spread over all $N$ classes ($\\epsilon/N$), not only the other $N-1$.'), value: ({ classes, eps, y }) => smoothLabels(classes, eps, y, 1 - eps, eps / (classes - 1)) },
    { id: 'one-hot', hint: lang('没有做平滑。', 'You did not smooth at all.'), value: ({ classes, y }) => smoothLabels(classes, 0, y) },
  ],
});
