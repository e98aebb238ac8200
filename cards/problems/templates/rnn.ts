// Recurrent layers: PyTorch parameter counts and one scalar LSTM step.
import { defineTemplate, INT, VECTOR, worked } from '../define.ts';
import { fmt, lang, p, vec } from '../format.ts';
import { sigmoid } from '../math.ts';
import { SECTIONS_B } from './sectionsB.ts';

type Cell = 'RNN' | 'GRU' | 'LSTM';
type RnnP = { cell: Cell; x: number; h: number; layers: number; bidirectional: boolean };

/** Weight blocks stacked in weight_ih/weight_hh: tanh RNN 1, GRU 3 (r, z, n), LSTM 4 (i, f, g, o). */
export const GATES: Readonly<Record<Cell, number>> = { RNN: 1, GRU: 3, LSTM: 4 };

interface CountOpts {
  gates?: number;
  biases?: number;
  /** Input width of layers ≥ 2: h·dirs in PyTorch. */
  deepInput?: (h: number, dirs: number) => number;
  dirsCounted?: boolean;
  firstLayerEverywhere?: boolean;
}

/** Σ over layers and directions of g·h·(i+h) + biases·g·h. */
export function rnnParams({ cell, x, h, layers, bidirectional }: RnnP, o: CountOpts = {}): number {
  const g = o.gates ?? GATES[cell];
  const biases = o.biases ?? 2;
  const dirs = bidirectional ? 2 : 1;
  const counted = o.dirsCounted === false ? 1 : dirs;
  let total = 0;
  for (let l = 0; l < layers; l += 1) {
    const i = l === 0 || o.firstLayerEverywhere ? x : (o.deepInput ?? ((hh, d) => hh * d))(h, dirs);
    total += counted * (g * h * (i + h) + biases * g * h);
  }
  return total;
}

const CELL_NAME: Readonly<Record<Cell, string>> = { RNN: 'nn.RNN', GRU: 'nn.GRU', LSTM: 'nn.LSTM' };

export const rnnParamsTemplate = defineTemplate<RnnP>({
  id: 'rnn.params',
  section: SECTIONS_B.rnn,
  title: lang('RNN / GRU / LSTM 参数量（PyTorch）', 'Parameters of an RNN / GRU / LSTM (PyTorch)'),
  formula: '$\\sum_{\\text{layers, dirs}} g\\,h\\,(i+h)+2gh,\\ g=1/3/4$（RNN/GRU/LSTM），第 1 层 $i=x$，之后 $i=h\\cdot\\text{dirs}$',
  params: [
    { name: 'cell', type: 'enum', values: ['RNN', 'GRU', 'LSTM'] },
    { name: 'x', type: 'int', min: 8, max: 1024, note: 'input_size' },
    { name: 'h', type: 'int', min: 8, max: 1024, note: 'hidden_size' },
    { name: 'layers', type: 'int', min: 1, max: 4, note: 'num_layers' },
    { name: 'bidirectional', type: 'boolean' },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 120,
  sample: (r) => ({
    cell: r.pick(['RNN', 'GRU', 'LSTM'] as const),
    x: r.pick([16, 32, 40, 64, 100, 128, 256, 300, 512]),
    h: r.pick([20, 32, 50, 64, 128, 256, 512, 1024]),
    layers: r.int(1, 4),
    bidirectional: r.bool(),
  }),
  reject: ({ x, h, layers }) => (x < 1 || h < 1 || layers < 1 ? 'empty layer' : null),
  mustDiffer: ['one-bias'],
  answer: (q) => rnnParams(q),
  prompt: (q) => {
    const call = `${CELL_NAME[q.cell]}(${q.x}, ${q.h}, num_layers=${q.layers}, bidirectional=${q.bidirectional ? 'True' : 'False'})`;
    return {
      zh: `PyTorch 的 \`${call}\`（默认 bias=True；PyTorch 每层每个方向有**两个**偏置向量 $b_{ih}$ 和 $b_{hh}$；双向层的输出即下一层的输入，宽度为 $2h$）。共有多少个可学习参数？`,
      en: `PyTorch's \`${call}\` (default bias=True; PyTorch keeps **two** bias vectors, $b_{ih}$ and $b_{hh}$, per layer and direction; a bidirectional layer's output, the next layer's input, is $2h$ wide). How many learnable parameters does it have?`,
    };
  },
  solution: (q) => {
    const g = GATES[q.cell];
    const dirs = q.bidirectional ? 2 : 1;
    const first = dirs * (g * q.h * (q.x + q.h) + 2 * g * q.h);
    const i2 = q.h * dirs;
    const deep = dirs * (g * q.h * (i2 + q.h) + 2 * g * q.h);
    const steps = [
      `g=${g},\\ \\text{dirs}=${dirs}`,
      `\\text{layer 1}: ${dirs}\\times(${g}\\times ${q.h}\\times(${q.x}+${q.h})+2\\times ${g}\\times ${q.h})=${first}`,
    ];
    if (q.layers > 1) steps.push(`\\text{layers 2..${q.layers}}: i=${q.h}\\times ${dirs}=${i2},\\ ${dirs}\\times(${g}\\times ${q.h}\\times(${i2}+${q.h})+2\\times ${g}\\times ${q.h})=${deep}\\ \\text{each}`);
    if (q.layers > 1) steps.push(`\\text{total}=${first}+${q.layers - 1}\\times ${deep}=${rnnParams(q)}`);
    return worked('\\sum_{\\text{layers, dirs}} g\\,h\\,(i+h)+2gh', steps, {
      zh: '每层每个方向：$W_{ih}$ 形状 $(gh, i)$，$W_{hh}$ 形状 $(gh, h)$，$b_{ih}$ 与 $b_{hh}$ 各 $gh$。',
      en: 'Per layer and direction: $W_{ih}$ is $(gh, i)$, $W_{hh}$ is $(gh, h)$, and $b_{ih}$, $b_{hh}$ have $gh$ entries each.',
    });
  },
  mistakes: [
    { id: 'one-bias', hint: lang('PyTorch 有两个偏置 $b_{ih}$ 和 $b_{hh}$，每个 $gh$ 个参数。', 'PyTorch has two biases, $b_{ih}$ and $b_{hh}$, of $gh$ entries each.'), value: (q) => rnnParams(q, { biases: 1 }) },
    { id: 'no-bias', hint: lang('bias=True 时还有 $2gh$ 个偏置。', 'With bias=True there are $2gh$ bias entries too.'), value: (q) => rnnParams(q, { biases: 0 }) },
    { id: 'deep-input-h', hint: lang('双向时第 2 层起输入宽度是 $2h$（两个方向拼接）。', 'When bidirectional, layers 2+ take the concatenated $2h$ as input.'), value: (q) => rnnParams(q, { deepInput: (h) => h }) },
    { id: 'one-direction', hint: lang('双向 RNN 每层有两套独立参数。', 'A bidirectional RNN has two independent sets of weights per layer.'), value: (q) => rnnParams(q, { dirsCounted: false }) },
    { id: 'input-x-everywhere', hint: lang('第 2 层起的输入是上一层的隐状态，不是 $x$。', 'Layers 2+ take the previous layer’s hidden state as input, not $x$.'), value: (q) => rnnParams(q, { firstLayerEverywhere: true }) },
    {
      id: 'gate-count',
      hint: lang('门数：GRU 有 3 块（r, z, n），LSTM 有 4 块（i, f, g, o）。', 'Blocks: GRU has 3 (r, z, n), LSTM has 4 (i, f, g, o).'),
      value: (q) => rnnParams(q, { gates: q.cell === 'LSTM' ? 3 : q.cell === 'GRU' ? 2 : 1 }),
    },
  ],
});

type Lstm = {
  x: number; h0: number; c0: number;
  w_i: number; u_i: number; b_i: number;
  w_f: number; u_f: number; b_f: number;
  w_g: number; u_g: number; b_g: number;
  w_o: number; u_o: number; b_o: number;
};

interface StepOpts {
  candidate?: (z: number) => number;
  noTanhOut?: boolean;
  dropForget?: boolean;
  dropInput?: boolean;
}

/** One step of a 1-unit LSTM: [h1, c1]. */
export function lstmStep(q: Lstm, o: StepOpts = {}): [number, number] {
  const i = sigmoid(q.w_i * q.x + q.u_i * q.h0 + q.b_i);
  const f = sigmoid(q.w_f * q.x + q.u_f * q.h0 + q.b_f);
  const g = (o.candidate ?? Math.tanh)(q.w_g * q.x + q.u_g * q.h0 + q.b_g);
  const out = sigmoid(q.w_o * q.x + q.u_o * q.h0 + q.b_o);
  const c1 = (o.dropForget ? 0 : f * q.c0) + (o.dropInput ? g : i * g);
  const h1 = out * (o.noTanhOut ? c1 : Math.tanh(c1));
  return [h1, c1];
}

const w = (r: { int(lo: number, hi: number): number }, m: number): number => r.int(-m, m) / 10;
const GATE_ROWS = [
  ['i', '\\sigma'],
  ['f', '\\sigma'],
  ['g', '\\tanh'],
  ['o', '\\sigma'],
] as const;

export const lstmStepTemplate = defineTemplate<Lstm>({
  id: 'rnn.lstm.step',
  section: SECTIONS_B.rnn,
  title: lang('LSTM 单步前向（标量）', 'One LSTM step (scalar)'),
  formula: '$i,f,o=\\sigma(w x+u h_0+b),\\ g=\\tanh(w_g x+u_g h_0+b_g),\\ c_1=f c_0+i g,\\ h_1=o\\tanh(c_1)$',
  params: [
    { name: 'x', type: 'real' }, { name: 'h0', type: 'real' }, { name: 'c0', type: 'real' },
    { name: 'w_i', type: 'real' }, { name: 'u_i', type: 'real' }, { name: 'b_i', type: 'real' },
    { name: 'w_f', type: 'real' }, { name: 'u_f', type: 'real' }, { name: 'b_f', type: 'real' },
    { name: 'w_g', type: 'real' }, { name: 'u_g', type: 'real' }, { name: 'b_g', type: 'real' },
    { name: 'w_o', type: 'real' }, { name: 'u_o', type: 'real' }, { name: 'b_o', type: 'real' },
  ],
  kind: 'vector',
  tolerance: VECTOR,
  targetSeconds: 240,
  sample: (r) => ({
    x: w(r, 20), h0: w(r, 10), c0: w(r, 15),
    w_i: w(r, 15), u_i: w(r, 15), b_i: w(r, 10),
    w_f: w(r, 15), u_f: w(r, 15), b_f: w(r, 10),
    w_g: w(r, 15), u_g: w(r, 15), b_g: w(r, 10),
    w_o: w(r, 15), u_o: w(r, 15), b_o: w(r, 10),
  }),
  reject: (q) => (Math.abs(lstmStep(q)[1]) < 0.05 ? 'cell state near zero hides the output tanh' : null),
  mustDiffer: ['no-tanh'],
  answer: (q) => lstmStep(q),
  prompt: (q) => {
    const vals = `$x=${fmt(q.x)},\\ h_0=${fmt(q.h0)},\\ c_0=${fmt(q.c0)}$`;
    const gates = GATE_ROWS.map(([k]) => {
      const s = k as 'i' | 'f' | 'g' | 'o';
      return `$w_${s}=${fmt(q[`w_${s}`])},\\ u_${s}=${fmt(q[`u_${s}`])},\\ b_${s}=${fmt(q[`b_${s}`])}$`;
    }).join('; ');
    return {
      zh: `一个输入维度和隐状态维度都为 1 的 LSTM：${vals}；${gates}。门 $i,f,o$ 用 sigmoid，候选 $g$ 用 tanh；$c_1=f c_0+i g$，$h_1=o\\tanh(c_1)$。求 $[h_1, c_1]$。`,
      en: `An LSTM with 1-dimensional input and hidden state: ${vals}; ${gates}. Gates $i,f,o$ use the sigmoid, the candidate $g$ uses tanh; $c_1=f c_0+i g$, $h_1=o\\tanh(c_1)$. What is $[h_1, c_1]$?`,
    };
  },
  solution: (q) => {
    const steps: string[] = GATE_ROWS.map(([k, act]) => {
      const s = k as 'i' | 'f' | 'g' | 'o';
      const z = q[`w_${s}`] * q.x + q[`u_${s}`] * q.h0 + q[`b_${s}`];
      const v = s === 'g' ? Math.tanh(z) : sigmoid(z);
      return `${s}=${act}(${fmt(q[`w_${s}`])}\\times ${p(q.x)}+${p(q[`u_${s}`])}\\times ${p(q.h0)}+${p(q[`b_${s}`])})=${act}(${fmt(z)})=${fmt(v)}`;
    });
    const [h1, c1] = lstmStep(q);
    const i = sigmoid(q.w_i * q.x + q.u_i * q.h0 + q.b_i);
    const f = sigmoid(q.w_f * q.x + q.u_f * q.h0 + q.b_f);
    const g = Math.tanh(q.w_g * q.x + q.u_g * q.h0 + q.b_g);
    const o = sigmoid(q.w_o * q.x + q.u_o * q.h0 + q.b_o);
    steps.push(`c_1=f c_0+i g=${fmt(f)}\\times ${p(q.c0)}+${fmt(i)}\\times ${p(g)}=${fmt(c1)}`);
    steps.push(`h_1=o\\tanh(c_1)=${fmt(o)}\\times\\tanh(${fmt(c1)})=${fmt(h1)}`);
    steps.push(`[h_1, c_1]=${vec([h1, c1])}`);
    return worked('c_1=f c_0+i g,\\quad h_1=o\\tanh(c_1)', steps);
  },
  mistakes: [
    { id: 'no-tanh', hint: lang('输出是 $h_1=o\\tanh(c_1)$，别漏了 tanh。', 'The output is $h_1=o\\tanh(c_1)$: do not drop the tanh.'), value: (q) => lstmStep(q, { noTanhOut: true }) },
    { id: 'sigmoid-candidate', hint: lang('候选值 $g$ 用 tanh，不是 sigmoid。', 'The candidate $g$ uses tanh, not the sigmoid.'), value: (q) => lstmStep(q, { candidate: sigmoid }) },
    { id: 'forgot-forget', hint: lang('$c_1$ 还包含保留下来的 $f c_0$。', '$c_1$ also keeps $f c_0$.'), value: (q) => lstmStep(q, { dropForget: true }) },
    { id: 'forgot-input-gate', hint: lang('候选值要乘输入门：$i g$。', 'The candidate is scaled by the input gate: $i g$.'), value: (q) => lstmStep(q, { dropInput: true }) },
    { id: 'swapped', hint: lang('顺序是 $[h_1, c_1]$。', 'The order is $[h_1, c_1]$.'), value: (q) => [...lstmStep(q)].reverse() },
  ],
});
