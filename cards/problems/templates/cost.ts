// Parameter and FLOP counts of convolution and fully connected layers.
// FLOPs follow the notes and the issue: 2 per multiply-accumulate, bias not counted.
import { defineTemplate, INT, worked } from '../define.ts';
import { lang } from '../format.ts';
import { SECTIONS } from '../sections.ts';

type ConvP = { k: number; cin: number; cout: number; bias: boolean };
type ConvF = { k: number; cin: number; cout: number; h: number; w: number };
type Fc = { i: number; o: number };

const CH = [1, 3, 16, 32, 64, 96, 128, 256, 512];
const MACS = lang('问的是 FLOPs：一次乘加（MAC）= 2 FLOPs。', 'FLOPs count the multiply and the add separately: 1 MAC = 2 FLOPs.');
const EXACT = lang(
  '按本题约定每个输出算 $2K^2C_{in}$ 次（乘法 $K^2C_{in}$ + 累加 $K^2C_{in}$），不是 $2K^2C_{in}-1$。',
  'By this convention each output costs $2K^2C_{in}$ ($K^2C_{in}$ multiplies + $K^2C_{in}$ accumulations), not $2K^2C_{in}-1$.',
);
const BIAS_FLOPS = lang('本题约定不计偏置的加法。', 'This convention does not count the bias additions.');

export const convParams = defineTemplate<ConvP>({
  id: 'conv.params',
  section: SECTIONS.cost,
  title: lang('卷积层参数量', 'Parameters of a convolution layer'),
  formula: '$(K\\times K\\times C_{in}+1)\\times C_{out}$（无偏置时去掉 $+1$）',
  params: [
    { name: 'k', type: 'int', min: 1, max: 7 },
    { name: 'cin', type: 'int', min: 1, max: 512 },
    { name: 'cout', type: 'int', min: 1, max: 512 },
    { name: 'bias', type: 'boolean' },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 40,
  sample: (r) => ({ k: r.pick([1, 3, 3, 5, 7]), cin: r.pick(CH), cout: r.pick(CH.slice(2)), bias: r.next() < 0.7 }),
  answer: ({ k, cin, cout, bias }) => (k * k * cin + (bias ? 1 : 0)) * cout,
  prompt: ({ k, cin, cout, bias }) => ({
    zh: `一个 $${k}\\times ${k}$ 卷积层，输入通道 $C_{in}=${cin}$，输出通道 $C_{out}=${cout}$，${bias ? '**有**偏置' : '**无**偏置（bias=False）'}。参数量是多少？`,
    en: `A $${k}\\times ${k}$ convolution with $C_{in}=${cin}$ input and $C_{out}=${cout}$ output channels, ${bias ? '**with** bias' : '**without** bias (bias=False)'}. How many parameters does it have?`,
  }),
  solution: ({ k, cin, cout, bias }) =>
    worked(bias ? '(K\\times K\\times C_{in}+1)\\times C_{out}' : 'K\\times K\\times C_{in}\\times C_{out}', [
      bias
        ? `(${k}\\times ${k}\\times ${cin}+1)\\times ${cout}=${k * k * cin + 1}\\times ${cout}=${(k * k * cin + 1) * cout}`
        : `${k}\\times ${k}\\times ${cin}\\times ${cout}=${k * k * cin * cout}`,
    ]),
  mistakes: [
    { id: 'forgot-bias', hint: lang('每个输出通道还有 1 个偏置。', 'Each output channel also has one bias.'), value: ({ k, cin, cout }) => k * k * cin * cout },
    { id: 'added-bias', hint: lang('题目说无偏置。', 'The layer has no bias.'), value: ({ k, cin, cout }) => (k * k * cin + 1) * cout },
    { id: 'bias-per-input', hint: lang('偏置按输出通道计，共 $C_{out}$ 个。', 'There is one bias per output channel, $C_{out}$ in total.'), value: ({ k, cin, cout, bias }) => k * k * cin * cout + (bias ? cin : 0) },
    { id: 'forgot-cin', hint: lang('每个卷积核覆盖全部 $C_{in}$ 个输入通道。', 'Every filter spans all $C_{in}$ input channels.'), value: ({ k, cout, bias }) => (k * k + (bias ? 1 : 0)) * cout },
    { id: 'k-not-squared', hint: lang('二维卷积核有 $K\\times K$ 个权重。', 'A 2-D kernel has $K\\times K$ weights.'), value: ({ k, cin, cout, bias }) => (k * cin + (bias ? 1 : 0)) * cout },
  ],
});

export const convFlops = defineTemplate<ConvF>({
  id: 'conv.flops',
  section: SECTIONS.cost,
  title: lang('卷积层计算量（FLOPs）', 'FLOPs of a convolution layer'),
  formula: '$2\\times K\\times K\\times C_{in}\\times H_{out}\\times W_{out}\\times C_{out}$（不计偏置）',
  params: [
    { name: 'k', type: 'int', min: 1, max: 7 },
    { name: 'cin', type: 'int', min: 1, max: 512 },
    { name: 'cout', type: 'int', min: 1, max: 512 },
    { name: 'h', type: 'int', min: 1, max: 224, note: 'output height' },
    { name: 'w', type: 'int', min: 1, max: 224, note: 'output width' },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 60,
  sample: (r) => {
    const h = r.pick([7, 14, 28, 56, 112, 224]);
    return { k: r.pick([1, 3, 3, 5, 7]), cin: r.pick(CH), cout: r.pick(CH.slice(2)), h, w: r.next() < 0.8 ? h : r.pick([7, 14, 28, 56]) };
  },
  answer: ({ k, cin, cout, h, w }) => 2 * k * k * cin * h * w * cout,
  prompt: ({ k, cin, cout, h, w }) => ({
    zh: `一个 $${k}\\times ${k}$ 卷积层，$C_{in}=${cin}$，$C_{out}=${cout}$，输出特征图 $${h}\\times ${w}$。按“1 次乘加 = 2 FLOPs、不计偏置”计算，FLOPs 是多少？`,
    en: `A $${k}\\times ${k}$ convolution with $C_{in}=${cin}$, $C_{out}=${cout}$ and a $${h}\\times ${w}$ output. Counting a multiply-add as 2 FLOPs and ignoring the bias, how many FLOPs?`,
  }),
  solution: ({ k, cin, cout, h, w }) =>
    worked('2\\times K\\times K\\times C_{in}\\times H\\times W\\times C_{out}', [
      `2\\times ${k}\\times ${k}\\times ${cin}\\times ${h}\\times ${w}\\times ${cout}=${2 * k * k * cin}\\times ${h * w * cout}=${2 * k * k * cin * h * w * cout}`,
    ]),
  mistakes: [
    { id: 'macs-not-flops', hint: MACS, value: ({ k, cin, cout, h, w }) => k * k * cin * h * w * cout },
    { id: 'counted-bias', hint: BIAS_FLOPS, value: ({ k, cin, cout, h, w }) => (2 * k * k * cin + 1) * h * w * cout },
    { id: 'minus-one-add', hint: EXACT, value: ({ k, cin, cout, h, w }) => (2 * k * k * cin - 1) * h * w * cout },
    { id: 'k-not-squared', hint: lang('二维卷积核有 $K\\times K$ 个权重。', 'A 2-D kernel has $K\\times K$ weights.'), value: ({ k, cin, cout, h, w }) => 2 * k * cin * h * w * cout },
    { id: 'forgot-cout', hint: lang('每个输出通道都要算一遍。', 'Every output channel is computed separately.'), value: ({ k, cin, h, w }) => 2 * k * k * cin * h * w },
  ],
});

const fcParams = [
  { name: 'i', type: 'int', min: 1, max: 4096 },
  { name: 'o', type: 'int', min: 1, max: 4096 },
] as const;
const sampleFc = (r: { pick: <T>(xs: readonly T[]) => T }): Fc => ({ i: r.pick([10, 84, 120, 128, 256, 512, 1000, 2048, 4096, 9216]), o: r.pick([2, 10, 84, 100, 128, 256, 1000, 4096]) });

export const fcParamCount = defineTemplate<Fc>({
  id: 'fc.params',
  section: SECTIONS.cost,
  title: lang('全连接层参数量', 'Parameters of a fully connected layer'),
  formula: '$(I+1)\\times O$',
  params: fcParams,
  kind: 'int',
  tolerance: INT,
  targetSeconds: 25,
  sample: sampleFc,
  answer: ({ i, o }) => (i + 1) * o,
  prompt: ({ i, o }) => ({
    zh: `全连接层输入维度 $I=${i}$，输出维度 $O=${o}$（含偏置）。参数量是多少？`,
    en: `A fully connected layer with $I=${i}$ inputs and $O=${o}$ outputs (with bias). How many parameters?`,
  }),
  solution: ({ i, o }) => worked('(I+1)\\times O', [`(${i}+1)\\times ${o}=${(i + 1) * o}`]),
  mistakes: [
    { id: 'forgot-bias', hint: lang('每个输出还有 1 个偏置。', 'Each output also has a bias.'), value: ({ i, o }) => i * o },
    { id: 'bias-per-input', hint: lang('偏置按输出计，共 $O$ 个。', 'There is one bias per output, $O$ in total.'), value: ({ i, o }) => i * o + i },
  ],
});

export const fcFlopCount = defineTemplate<Fc>({
  id: 'fc.flops',
  section: SECTIONS.cost,
  title: lang('全连接层计算量（FLOPs）', 'FLOPs of a fully connected layer'),
  formula: '$2\\times I\\times O$（不计偏置）',
  params: fcParams,
  kind: 'int',
  tolerance: INT,
  targetSeconds: 25,
  sample: sampleFc,
  answer: ({ i, o }) => 2 * i * o,
  prompt: ({ i, o }) => ({
    zh: `全连接层输入维度 $I=${i}$，输出维度 $O=${o}$。按“1 次乘加 = 2 FLOPs、不计偏置”计算，FLOPs 是多少？`,
    en: `A fully connected layer with $I=${i}$ inputs and $O=${o}$ outputs. Counting a multiply-add as 2 FLOPs and ignoring the bias, how many FLOPs?`,
  }),
  solution: ({ i, o }) => worked('2\\times I\\times O', [`2\\times ${i}\\times ${o}=${2 * i * o}`]),
  mistakes: [
    { id: 'macs-not-flops', hint: MACS, value: ({ i, o }) => i * o },
    { id: 'counted-bias', hint: BIAS_FLOPS, value: ({ i, o }) => (2 * i + 1) * o },
    { id: 'minus-one-add', hint: lang('按本题约定每个输出算 $2I$ 次，不是 $2I-1$。', 'By this convention each output costs $2I$, not $2I-1$.'), value: ({ i, o }) => (2 * i - 1) * o },
  ],
});
