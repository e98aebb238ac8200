// Uniform initialisation: variance of U[−r, r], Xavier and He bounds.
import { defineTemplate, REAL, worked } from '../define.ts';
import { fmt, lang } from '../format.ts';
import { SECTIONS } from '../sections.ts';

type Var = { r: number };
type Mode = 'in' | 'out' | 'avg';
type Fan = { nin: number; nout: number; mode: Mode };

const FANS = [16, 32, 64, 100, 128, 256, 300, 500, 512, 784, 1024];
const fan = ({ nin, nout, mode }: Fan): number => (mode === 'in' ? nin : mode === 'out' ? nout : (nin + nout) / 2);
const otherFan = ({ nin, nout, mode }: Fan): number => (mode === 'in' ? nout : nin);
const fanText = (f: Fan): { zh: string; en: string } =>
  f.mode === 'in' ? lang('$n=n_{in}$', '$n=n_{in}$') : f.mode === 'out' ? lang('$n=n_{out}$', '$n=n_{out}$') : lang('$n=\\frac{n_{in}+n_{out}}{2}$', '$n=\\frac{n_{in}+n_{out}}{2}$');
const fanStep = (f: Fan): string =>
  f.mode === 'avg' ? `n=\\frac{${f.nin}+${f.nout}}{2}=${fmt(fan(f))}` : `n=n_{${f.mode}}=${fan(f)}`;
const fanParams = [
  { name: 'nin', type: 'int', min: 1, max: 4096 },
  { name: 'nout', type: 'int', min: 1, max: 4096 },
  { name: 'mode', type: 'enum', values: ['in', 'out', 'avg'] },
] as const;
const sampleFan = (r: { pick: <T>(xs: readonly T[]) => T }): Fan => ({ nin: r.pick(FANS), nout: r.pick(FANS), mode: r.pick(['in', 'out', 'avg'] as const) });
const WRONG_FAN = lang('$n$ 用错了：看清题目取 $n_{in}$、$n_{out}$ 还是两者平均。', 'Wrong $n$: check whether $n$ is $n_{in}$, $n_{out}$ or their mean.');

export const initUniformVar = defineTemplate<Var>({
  id: 'init.uniform.var',
  section: SECTIONS.init,
  title: lang('均匀分布 $U[-r,r]$ 的方差', 'Variance of $U[-r,r]$'),
  formula: '$var=\\frac{(b-a)^2}{12}=\\frac{r^2}{3}$',
  params: [{ name: 'r', type: 'real', min: 0.01, max: 2 }],
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 20,
  sample: (r) => ({ r: r.int(1, 200) / 100 }),
  reject: ({ r }) => (r === 1 ? 'r = 1 hides mistakes' : null),
  answer: ({ r }) => (r * r) / 3,
  prompt: ({ r }) => ({
    zh: `参数服从 $U[-${fmt(r)},\\ ${fmt(r)}]$ 均匀分布。方差是多少？`,
    en: `A weight is drawn from the uniform distribution $U[-${fmt(r)},\\ ${fmt(r)}]$. What is its variance?`,
  }),
  solution: ({ r }) => worked('\\frac{(b-a)^2}{12}=\\frac{(2r)^2}{12}=\\frac{r^2}{3}', [`\\frac{${fmt(r)}^2}{3}=${fmt((r * r) / 3)}`]),
  mistakes: [
    { id: 'width-r', hint: lang('区间宽度是 $b-a=2r$，不是 $r$。', 'The interval is $2r$ wide, not $r$.'), value: ({ r }) => (r * r) / 12 },
    { id: 'std-not-var', hint: lang('问的是方差，不是标准差 $r/\\sqrt3$。', 'The variance, not the standard deviation $r/\\sqrt3$.'), value: ({ r }) => r / Math.sqrt(3) },
    { id: 'r-squared', hint: lang('方差是 $r^2/3$，不是 $r^2$。', 'The variance is $r^2/3$, not $r^2$.'), value: ({ r }) => r * r },
  ],
});

const boundTemplate = (id: string, gain: number, title: { zh: string; en: string }, name: string) =>
  defineTemplate<Fan>({
    id,
    section: SECTIONS.init,
    title,
    formula: `$var=\\frac{${gain === 1 ? 1 : 2}}{n}$，均匀分布 $r=\\sqrt{\\frac{${3 * gain}}{n}}$（$n$ 为 $n_{in}$、$n_{out}$ 或 $\\frac{n_{in}+n_{out}}{2}$）`,
    params: fanParams,
    kind: 'real',
    tolerance: REAL,
    targetSeconds: 45,
    sample: sampleFan,
    answer: (f) => Math.sqrt((3 * gain) / fan(f)),
    prompt: (f) => ({
      zh: `${name} 均匀初始化：$n_{in}=${f.nin}$，$n_{out}=${f.nout}$，取 ${fanText(f).zh}。$U[-r,r]$ 的边界 $r$ 是多少？`,
      en: `${name} uniform initialisation with $n_{in}=${f.nin}$, $n_{out}=${f.nout}$, using ${fanText(f).en}. What is the bound $r$ of $U[-r,r]$?`,
    }),
    solution: (f) =>
      worked(`var=\\frac{r^2}{3}=\\frac{${gain === 1 ? 1 : 2}}{n}\\ \\Rightarrow\\ r=\\sqrt{\\frac{${3 * gain}}{n}}`, [fanStep(f), `r=\\sqrt{\\frac{${3 * gain}}{${fmt(fan(f))}}}=${fmt(Math.sqrt((3 * gain) / fan(f)))}`]),
    mistakes: [
      gain === 1
        ? { id: 'used-he', hint: lang('这是 He 的边界 $\\sqrt{6/n}$；Xavier 是 $\\sqrt{3/n}$。', 'That is He’s bound $\\sqrt{6/n}$; Xavier’s is $\\sqrt{3/n}$.'), value: (f: Fan) => Math.sqrt(6 / fan(f)) }
        : { id: 'used-xavier', hint: lang('这是 Xavier 的边界 $\\sqrt{3/n}$；He 是 $\\sqrt{6/n}$。', 'That is Xavier’s bound $\\sqrt{3/n}$; He’s is $\\sqrt{6/n}$.'), value: (f: Fan) => Math.sqrt(3 / fan(f)) },
      { id: 'std-not-bound', hint: lang('$\\sqrt{var}$ 是标准差；均匀分布边界 $r=\\sqrt{3\\,var}$。', '$\\sqrt{var}$ is the standard deviation; the uniform bound is $r=\\sqrt{3\\,var}$.'), value: (f: Fan) => Math.sqrt(gain / fan(f)) },
      { id: 'variance-not-bound', hint: lang('问的是边界 $r$，不是方差。', 'The bound $r$, not the variance.'), value: (f: Fan) => gain / fan(f) },
      { id: 'sum-not-mean', hint: lang('$n$ 取平均 $\\frac{n_{in}+n_{out}}{2}$，不是和。', 'Use the mean $\\frac{n_{in}+n_{out}}{2}$, not the sum.'), value: (f: Fan) => Math.sqrt((3 * gain) / (f.nin + f.nout)) },
      { id: 'wrong-fan', hint: WRONG_FAN, value: (f: Fan) => Math.sqrt((3 * gain) / otherFan(f)) },
    ],
  });

export const initXavier = boundTemplate('init.xavier.bound', 1, lang('Xavier 均匀初始化边界', 'Xavier uniform bound'), 'Xavier (Glorot)');
export const initHe = boundTemplate('init.he.bound', 2, lang('He（MSRA）均匀初始化边界', 'He (MSRA) uniform bound'), 'He (MSRA)');
