// Depthwise-separable convolution (MobileNet): a k×k depthwise conv
// (groups = cin) followed by a 1×1 pointwise conv.
import { defineTemplate, INT, worked } from '../define.ts';
import { fmt, lang } from '../format.ts';
import type { Tolerance } from '../types.ts';
import { SECTIONS_B } from './sectionsB.ts';

type DwP = { cin: number; cout: number; k: number; bias: boolean };
type DwF = { cin: number; cout: number; k: number; H: number; ask: 'flops' | 'ratio' };

/** 1 % for large counts and ratios, as the issue suggests for learners. */
export const PCT: Tolerance = { rel: 0.01, abs: 1e-9 };

export const dwsepParams = ({ cin, cout, k, bias }: DwP): number => k * k * cin + cin * cout + (bias ? cin + cout : 0);

export const dwsepParamsTemplate = defineTemplate<DwP>({
  id: 'conv.dwsep.params',
  section: SECTIONS_B.grouped,
  title: lang('深度可分离卷积参数量', 'Parameters of a depthwise-separable convolution'),
  formula: '$k^2 C_{in}+C_{in}C_{out}\\ (+C_{in}+C_{out}$ 偏置$)$',
  params: [
    { name: 'cin', type: 'int', min: 8, max: 1024 },
    { name: 'cout', type: 'int', min: 8, max: 1024 },
    { name: 'k', type: 'int', min: 3, max: 7 },
    { name: 'bias', type: 'boolean' },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 45,
  sample: (r) => ({ cin: r.pick([16, 24, 32, 64, 96, 128, 256, 512]), cout: r.pick([32, 64, 128, 256, 512, 1024]), k: r.pick([3, 3, 5, 7]), bias: r.bool() }),
  mustDiffer: ['full-depthwise'],
  answer: dwsepParams,
  prompt: ({ cin, cout, k, bias }) => ({
    zh: `深度可分离卷积：先 ${k}×${k} 逐通道卷积（groups=$C_{in}$，输出仍是 $C_{in}=${cin}$ 通道），再 1×1 逐点卷积到 $C_{out}=${cout}$ 通道；两层都${bias ? '**带**' : '**不带**'}偏置。共有多少参数？`,
    en: `A depthwise-separable convolution: a ${k}×${k} depthwise conv (groups $=C_{in}$, keeping $C_{in}=${cin}$ channels), then a 1×1 pointwise conv to $C_{out}=${cout}$ channels; both layers ${bias ? '**have**' : 'have **no**'} bias. How many parameters does it have?`,
  }),
  solution: (q) => {
    const steps = [
      `\\text{depthwise}: ${q.k}^2\\times ${q.cin}${q.bias ? `+${q.cin}` : ''}=${q.k * q.k * q.cin + (q.bias ? q.cin : 0)}`,
      `\\text{pointwise}: ${q.cin}\\times ${q.cout}${q.bias ? `+${q.cout}` : ''}=${q.cin * q.cout + (q.bias ? q.cout : 0)}`,
      `\\text{total}=${dwsepParams(q)}`,
    ];
    return worked(`k^2C_{in}+C_{in}C_{out}${q.bias ? '+C_{in}+C_{out}' : ''}`, steps, {
      zh: '逐通道卷积每个输入通道只有一个 $k\\times k$ 卷积核。',
      en: 'The depthwise conv has one $k\\times k$ filter per input channel.',
    });
  },
  mistakes: [
    { id: 'full-depthwise', hint: lang('逐通道卷积每通道只有一个 $k\\times k$ 核：$k^2C_{in}$，不是 $k^2C_{in}^2$。', 'The depthwise conv has one $k\\times k$ filter per channel: $k^2C_{in}$, not $k^2C_{in}^2$.'), value: (q) => dwsepParams(q) + q.k * q.k * q.cin * (q.cin - 1) },
    { id: 'standard-conv', hint: lang('这是普通卷积 $k^2C_{in}C_{out}$ 的参数量。', 'That is a standard conv, $k^2C_{in}C_{out}$.'), value: (q) => q.k * q.k * q.cin * q.cout + (q.bias ? q.cout : 0) },
    { id: 'one-bias', hint: lang('两层各有偏置：$C_{in}+C_{out}$。', 'Both layers have a bias: $C_{in}+C_{out}$.'), value: (q) => (q.bias ? dwsepParams(q) - q.cin : dwsepParams(q)) },
    { id: 'bias-ignored', hint: lang('题目说带偏置：加 $C_{in}+C_{out}$。', 'The layers have bias: add $C_{in}+C_{out}$.'), value: (q) => dwsepParams({ ...q, bias: false }) },
  ],
});

const standardFlops = ({ cin, cout, k, H }: DwF): number => 2 * H * H * k * k * cin * cout;
export const dwsepFlops = ({ cin, cout, k, H }: DwF): number => 2 * H * H * (k * k * cin + cin * cout);
export const dwsepFlopsAnswer = (q: DwF): number => (q.ask === 'ratio' ? dwsepFlops(q) / standardFlops(q) : dwsepFlops(q));

export const dwsepFlopsTemplate = defineTemplate<DwF>({
  id: 'conv.dwsep.flops',
  section: SECTIONS_B.grouped,
  title: lang('深度可分离卷积计算量', 'FLOPs of a depthwise-separable convolution'),
  formula: '$2H^2(k^2C_{in}+C_{in}C_{out})$；与普通卷积之比 $\\frac1{C_{out}}+\\frac1{k^2}$',
  params: [
    { name: 'cin', type: 'int', min: 8, max: 512 },
    { name: 'cout', type: 'int', min: 8, max: 1024 },
    { name: 'k', type: 'int', min: 3, max: 7 },
    { name: 'H', type: 'int', min: 7, max: 112, note: 'input and output are H×H' },
    { name: 'ask', type: 'enum', values: ['flops', 'ratio'] },
  ],
  kind: 'real',
  tolerance: PCT,
  targetSeconds: 75,
  sample: (r) => ({
    cin: r.pick([16, 24, 32, 64, 128, 256]),
    cout: r.pick([32, 48, 64, 128, 256, 512]),
    k: r.pick([3, 3, 5, 7]),
    H: r.pick([7, 14, 28, 56, 112]),
    ask: r.pick(['flops', 'ratio'] as const),
  }),
  // Mistakes that only apply to one `ask` equal the answer on the other, so a
  // distinguishable ratio is checked here rather than through mustDiffer.
  reject: (q) => (q.ask === 'ratio' && Math.abs(1 / q.cin - 1 / q.cout) < 0.03 * dwsepFlopsAnswer(q) ? '1/cin and 1/cout too close' : null),
  answer: dwsepFlopsAnswer,
  prompt: (q) => {
    const setup = {
      zh: `深度可分离卷积：${q.k}×${q.k} 逐通道卷积（$C_{in}=${q.cin}$）+ 1×1 逐点卷积到 $C_{out}=${q.cout}$，步长 1、same 填充，输入输出都是 $${q.H}\\times ${q.H}$。FLOPs 按每次乘加算 2 次、不计偏置。`,
      en: `A depthwise-separable convolution: ${q.k}×${q.k} depthwise ($C_{in}=${q.cin}$) + 1×1 pointwise to $C_{out}=${q.cout}$, stride 1, same padding, $${q.H}\\times ${q.H}$ in and out. FLOPs count 2 per multiply-accumulate, bias excluded.`,
    };
    return q.ask === 'ratio'
      ? { zh: `${setup.zh}它的 FLOPs 是同形状普通 ${q.k}×${q.k} 卷积的多少倍？`, en: `${setup.en} What fraction of a standard ${q.k}×${q.k} convolution's FLOPs (same shapes) does it need?` }
      : { zh: `${setup.zh}共多少 FLOPs？`, en: `${setup.en} How many FLOPs does it take?` };
  },
  solution: (q) => {
    const dw = 2 * q.H * q.H * q.k * q.k * q.cin;
    const pw = 2 * q.H * q.H * q.cin * q.cout;
    const steps = [
      `\\text{depthwise}: 2\\times ${q.H}^2\\times ${q.k}^2\\times ${q.cin}=${fmt(dw)}`,
      `\\text{pointwise}: 2\\times ${q.H}^2\\times ${q.cin}\\times ${q.cout}=${fmt(pw)}`,
    ];
    if (q.ask === 'ratio') steps.push(`\\frac{${fmt(dw + pw)}}{2\\times ${q.H}^2\\times ${q.k}^2\\times ${q.cin}\\times ${q.cout}}=\\frac1{${q.cout}}+\\frac1{${q.k * q.k}}=${fmt(dwsepFlopsAnswer(q))}`);
    else steps.push(`${fmt(dw)}+${fmt(pw)}=${fmt(dw + pw)}`);
    return worked('2H^2(k^2C_{in}+C_{in}C_{out})', steps);
  },
  mistakes: [
    { id: 'macs', hint: lang('这是乘加次数（MACs）；FLOPs 按 2 倍计。', 'That counts MACs; FLOPs are twice that.'), value: (q) => (q.ask === 'ratio' ? dwsepFlopsAnswer(q) : dwsepFlops(q) / 2) },
    { id: 'one-over-cin', hint: lang('比值是 $\\frac1{C_{out}}+\\frac1{k^2}$：逐点卷积相对普通卷积少了 $k^2$，逐通道卷积少了 $C_{out}$。', 'The ratio is $\\frac1{C_{out}}+\\frac1{k^2}$: depthwise saves a factor $C_{out}$, pointwise a factor $k^2$.'), value: (q) => (q.ask === 'ratio' ? 1 / q.cin + 1 / (q.k * q.k) : dwsepFlops(q)) },
    { id: 'inverse-ratio', hint: lang('问的是可分离卷积占普通卷积的比例（小于 1）。', 'The question asks separable over standard (less than 1).'), value: (q) => (q.ask === 'ratio' ? 1 / dwsepFlopsAnswer(q) : dwsepFlops(q)) },
    { id: 'standard-conv', hint: lang('这是普通卷积 $2H^2k^2C_{in}C_{out}$。', 'That is a standard conv, $2H^2k^2C_{in}C_{out}$.'), value: (q) => (q.ask === 'ratio' ? 1 : standardFlops(q)) },
  ],
});
