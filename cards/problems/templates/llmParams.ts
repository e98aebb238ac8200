// Parameter counts of whole language models (GPT-2 style, Llama style), LoRA
// adapters and one mixture-of-experts FFN layer.
import { defineTemplate, INT, worked } from '../define.ts';
import { lang } from '../format.ts';
import { SECTIONS } from '../sections.ts';

type Gpt = { V: number; n_ctx: number; d: number; h: number; L: number; tied: boolean };
type Llama = { V: number; d: number; L: number; h: number; n_kv: number; f: number; tied: boolean };
type Lora = { L: number; d: number; h: number; n_kv: number; f: number; r: number; targets: string };
type Moe = { d: number; f: number; E: number; k: number; which: string };

// GPT-2 small/medium/large/XL and smaller GPT-style widths: [d, L, h].
const GPT_SHAPES = [
  [768, 12, 12],
  [1024, 24, 16],
  [1280, 36, 20],
  [1600, 48, 25],
  [512, 8, 8],
  [256, 4, 4],
  [2048, 24, 16],
] as const;

const gptBlock = (d: number): number => 12 * d * d + 13 * d;
const gpt = ({ V, n_ctx, d, L, tied }: Gpt): number => V * d + n_ctx * d + L * gptBlock(d) + 2 * d + (tied ? 0 : V * d);
const TIED = lang('输出层与词嵌入共享权重（tied），不重复计数。', 'The output layer shares the token embedding (tied): count it once.');
const UNTIED = lang('输出层不共享（untied）：另有 $V\\times d$ 个参数。', 'The output layer is untied: another $V\\times d$ parameters.');

export const llmParamsGpt = defineTemplate<Gpt>({
  id: 'llm.params.gpt',
  section: SECTIONS.transformers,
  title: lang('GPT-2 式模型参数量', 'Parameters of a GPT-2-style model'),
  formula: '$Vd+n_{ctx}d+L(12d^2+13d)+2d$（输出层不共享时再加 $Vd$）',
  params: [
    { name: 'V', type: 'int', min: 1000, max: 100000, note: 'vocabulary' },
    { name: 'n_ctx', type: 'int', min: 512, max: 4096, note: 'learned positions' },
    { name: 'd', type: 'int', min: 256, max: 2048 },
    { name: 'h', type: 'int', min: 4, max: 32 },
    { name: 'L', type: 'int', min: 4, max: 48 },
    { name: 'tied', type: 'boolean' },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 180,
  sample: (r) => {
    const [d, L, h] = r.pick(GPT_SHAPES);
    return { V: r.pick([50257, 50257, 50304, 32000, 8192]), n_ctx: r.pick([1024, 1024, 2048, 512]), d, h, L, tied: r.next() < 0.7 };
  },
  answer: gpt,
  prompt: ({ V, n_ctx, d, h, L, tied }) => ({
    zh: `GPT-2 式解码器：词表 $V=${V}$，可学习位置嵌入 $n_{ctx}=${n_ctx}$，$d=${d}$，$h=${h}$，$L=${L}$ 层；每层 = LayerNorm + 带偏置的 QKV/输出投影 + LayerNorm + 带偏置的 $d\\to4d\\to d$ MLP，最后一个 LayerNorm；输出层${tied ? '与词嵌入**共享**' : '**不共享**（无偏置）'}。总参数量？`,
    en: `A GPT-2-style decoder: vocabulary $V=${V}$, learned positions $n_{ctx}=${n_ctx}$, $d=${d}$, $h=${h}$, $L=${L}$ blocks; each block = LayerNorm + QKV/output projections with bias + LayerNorm + a $d\\to4d\\to d$ MLP with bias, plus a final LayerNorm; the output layer is ${tied ? '**tied** to the token embedding' : '**untied** (no bias)'}. Total parameters?`,
  }),
  solution: (q) => {
    const { V, n_ctx, d, L, tied } = q;
    return worked(
      'Vd+n_{ctx}d+L(12d^2+13d)+2d' + (tied ? '' : '+Vd'),
      [
        `12d^2+13d=12\\times ${d}^2+13\\times ${d}=${gptBlock(d)}`,
        `${V}\\times ${d}+${n_ctx}\\times ${d}+${L}\\times ${gptBlock(d)}+2\\times ${d}${tied ? '' : `+${V}\\times ${d}`}=${gpt(q)}`,
      ],
      lang(
        `每层：注意力 $4d^2+4d$，MLP $8d^2+5d$，两个 LayerNorm $4d$，合计 $12d^2+13d$。${tied ? TIED.zh : UNTIED.zh}`,
        `Per block: attention $4d^2+4d$, MLP $8d^2+5d$, two LayerNorms $4d$: $12d^2+13d$. ${tied ? TIED.en : UNTIED.en}`,
      ),
    );
  },
  mistakes: [
    { id: 'rule-of-thumb', hint: lang('$12Ld^2+Vd$ 只是近似：还有位置嵌入、偏置和 LayerNorm。', '$12Ld^2+Vd$ is only the rule of thumb: add positions, biases and LayerNorms.'), value: ({ V, d, L }) => 12 * L * d * d + V * d },
    { id: 'no-positions', hint: lang('GPT-2 的位置嵌入是可学习的：$n_{ctx}\\times d$。', "GPT-2's position embeddings are learned: $n_{ctx}\\times d$."), value: (q) => gpt(q) - q.n_ctx * q.d },
    { id: 'tied-wrong', hint: lang('共享时输出层不另计；不共享时另加 $Vd$。', 'Tied: the output layer adds nothing; untied: it adds $Vd$.'), value: (q) => gpt({ ...q, tied: !q.tied }) },
    { id: 'no-final-ln', hint: lang('别忘了最后一个 LayerNorm（$2d$）。', 'Do not forget the final LayerNorm ($2d$).'), value: (q) => gpt(q) - 2 * q.d },
    { id: 'no-bias-ln', hint: lang('每层还有偏置和 LayerNorm：$13d$。', 'Each block also has biases and LayerNorms: $13d$.'), value: (q) => gpt(q) - q.L * 13 * q.d },
  ],
});

// Real Llama-family shapes: [V, d, L, h, n_kv, f].
const LLAMA_SHAPES = [
  [32000, 4096, 32, 32, 32, 11008], // Llama-2-7B
  [128256, 4096, 32, 32, 8, 14336], // Llama-3-8B
  [32000, 2048, 22, 32, 4, 5632], // TinyLlama-1.1B
  [151936, 1024, 24, 16, 16, 2816], // Qwen1.5-0.5B shape
  [151936, 896, 24, 14, 2, 4864], // Qwen2-0.5B
  [128256, 2048, 16, 32, 8, 8192], // Llama-3.2-1B
  [32000, 5120, 40, 40, 40, 13824], // Llama-2-13B
  [49152, 576, 30, 9, 3, 1536], // SmolLM-135M
] as const;

const attnLlama = (d: number, h: number, n_kv: number): number => 2 * d * d + 2 * d * n_kv * (d / h);
const llamaBlock = ({ d, h, n_kv, f }: Llama): number => attnLlama(d, h, n_kv) + 3 * d * f + 2 * d;
const llama = (q: Llama): number => q.V * q.d * (q.tied ? 1 : 2) + q.L * llamaBlock(q) + q.d;

export const llmParamsLlama = defineTemplate<Llama>({
  id: 'llm.params.llama',
  section: SECTIONS.transformers,
  title: lang('Llama 式模型参数量', 'Parameters of a Llama-style model'),
  formula: '$Vd\\,(1\\text{ 或 }2)+L(2d^2+2d\\,n_{kv}d_h+3df+2d)+d$，$d_h=d/h$',
  params: [
    { name: 'V', type: 'int', min: 1000, max: 200000 },
    { name: 'd', type: 'int', min: 256, max: 8192 },
    { name: 'L', type: 'int', min: 4, max: 80 },
    { name: 'h', type: 'int', min: 4, max: 64 },
    { name: 'n_kv', type: 'int', min: 1, max: 64 },
    { name: 'f', type: 'int', min: 512, max: 28672, note: 'SwiGLU hidden size' },
    { name: 'tied', type: 'boolean' },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 180,
  sample: (r) => {
    const [V, d, L, h, n_kv, f] = r.pick(LLAMA_SHAPES);
    return { V, d, L: r.next() < 0.6 ? L : r.pick([8, 12, 16, 20]), h, n_kv, f, tied: r.next() < 0.35 };
  },
  reject: ({ d, h, n_kv }) => (d % h !== 0 || h % n_kv !== 0 ? 'heads do not divide' : null),
  answer: llama,
  prompt: ({ V, d, L, h, n_kv, f, tied }) => ({
    zh: `Llama 式解码器：$V=${V}$，$d=${d}$，$L=${L}$ 层，$h=${h}$ 个查询头，$n_{kv}=${n_kv}$ 个键/值头（$d_h=d/h$），SwiGLU 前馈（gate、up：$d\\to f$，down：$f\\to d$），$f=${f}$；所有线性层无偏置，RMSNorm 只有增益 $g$（每层 2 个 + 最后 1 个），RoPE 无参数；输出层${tied ? '与词嵌入**共享**' : '**不共享**'}。总参数量？`,
    en: `A Llama-style decoder: $V=${V}$, $d=${d}$, $L=${L}$ layers, $h=${h}$ query heads, $n_{kv}=${n_kv}$ key/value heads ($d_h=d/h$), a SwiGLU FFN (gate, up: $d\\to f$; down: $f\\to d$) with $f=${f}$; no biases, RMSNorms with a gain only (2 per layer + 1 final), RoPE has no parameters; the output layer is ${tied ? '**tied** to the embedding' : '**untied**'}. Total parameters?`,
  }),
  solution: (q) => {
    const { V, d, L, h, n_kv, f, tied } = q;
    const dh = d / h;
    return worked(`Vd\\times ${tied ? 1 : 2}+L(2d^2+2d\\,n_{kv}d_h+3df+2d)+d`, [
      `d_h=${d}/${h}=${dh}`,
      `2\\times ${d}^2+2\\times ${d}\\times ${n_kv}\\times ${dh}=${attnLlama(d, h, n_kv)}`,
      `3\\times ${d}\\times ${f}=${3 * d * f}`,
      `\\text{per layer: }${attnLlama(d, h, n_kv)}+${3 * d * f}+2\\times ${d}=${llamaBlock(q)}`,
      `${V}\\times ${d}\\times ${tied ? 1 : 2}+${L}\\times ${llamaBlock(q)}+${d}=${llama(q)}`,
    ]);
  },
  mistakes: [
    { id: 'ignores-gqa', hint: lang('GQA：$W_K,W_V$ 只有 $n_{kv}$ 个头（$d\\times n_{kv}d_h$），不是 $d\\times d$。', 'GQA: $W_K,W_V$ have only $n_{kv}$ heads ($d\\times n_{kv}d_h$), not $d\\times d$.'), value: (q) => llama({ ...q, n_kv: q.h }) },
    { id: 'two-matrix-ffn', hint: lang('SwiGLU 有 3 个矩阵（gate、up、down）：$3df$。', 'SwiGLU has three matrices (gate, up, down): $3df$.'), value: (q) => llama(q) - q.L * q.d * q.f },
    { id: 'tied-wrong', hint: lang('不共享时词嵌入和输出层各 $Vd$；共享时只算一次。', 'Untied: embedding and output layer are $Vd$ each; tied: count it once.'), value: (q) => llama({ ...q, tied: !q.tied }) },
    { id: 'no-norms', hint: lang('RMSNorm 的增益也是参数：每层 $2d$，最后再加 $d$。', 'RMSNorm gains are parameters too: $2d$ per layer plus $d$ at the end.'), value: (q) => llama(q) - q.L * 2 * q.d - q.d },
    { id: 'gpt-rule', hint: lang('$12Ld^2+Vd$ 是 GPT 的近似，不适用于 SwiGLU + GQA。', '$12Ld^2+Vd$ is the GPT rule of thumb; it does not fit SwiGLU + GQA.'), value: ({ V, d, L }) => 12 * L * d * d + V * d },
  ],
});

export const LORA_TARGETS = ['q,v', 'q,k,v,o', 'gate,up,down', 'all'] as const;
/** (d_in, d_out) of each adapted matrix. */
function loraShapes({ d, h, n_kv, f, targets }: Lora): [string, number, number][] {
  const kv = n_kv * (d / h);
  const all: Record<string, [number, number]> = { q: [d, d], k: [d, kv], v: [d, kv], o: [d, d], gate: [d, f], up: [d, f], down: [f, d] };
  const names = targets === 'all' ? ['q', 'k', 'v', 'o', 'gate', 'up', 'down'] : targets.split(',');
  return names.map((n) => [n, ...(all[n] as [number, number])]);
}
const lora = (q: Lora): number => q.L * loraShapes(q).reduce((s, [, i, o]) => s + q.r * (i + o), 0);

export const llmLoraParams = defineTemplate<Lora>({
  id: 'llm.lora.params',
  section: SECTIONS.llmCost,
  title: lang('LoRA 可训练参数量', 'Trainable parameters of LoRA'),
  formula: '$L\\sum_{\\text{targets}} r\\,(d_{in}+d_{out})$；$k,v$：$d\\to n_{kv}d_h$，gate/up：$d\\to f$，down：$f\\to d$',
  params: [
    { name: 'L', type: 'int', min: 12, max: 80 },
    { name: 'd', type: 'int', min: 576, max: 8192 },
    { name: 'h', type: 'int', min: 8, max: 64 },
    { name: 'n_kv', type: 'int', min: 1, max: 64 },
    { name: 'f', type: 'int', min: 1536, max: 28672 },
    { name: 'r', type: 'int', min: 4, max: 128, note: 'rank' },
    { name: 'targets', type: 'enum', values: LORA_TARGETS },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 150,
  sample: (r) => {
    const [, d, L, h, n_kv, f] = r.pick(LLAMA_SHAPES);
    return { L, d, h, n_kv, f, r: r.pick([4, 8, 16, 32, 64, 128]), targets: r.pick(LORA_TARGETS) };
  },
  reject: ({ d, h, n_kv }) => (d % h !== 0 || h % n_kv !== 0 ? 'heads do not divide' : null),
  answer: lora,
  prompt: (q) => ({
    zh: `给 Llama 式模型加 LoRA（秩 $r=${q.r}$，每个目标矩阵 $W\\in\\mathbb{R}^{d_{in}\\times d_{out}}$ 加 $A\\in\\mathbb{R}^{d_{in}\\times r}$、$B\\in\\mathbb{R}^{r\\times d_{out}}$，无偏置）。$L=${q.L}$，$d=${q.d}$，$h=${q.h}$，$n_{kv}=${q.n_kv}$（$k,v$ 投影 $d\\to n_{kv}d_h$），$f=${q.f}$。目标：${q.targets === 'all' ? 'all（q,k,v,o 和 gate,up,down）' : q.targets}。可训练参数量？`,
    en: `LoRA on a Llama-style model: rank $r=${q.r}$; each target $W\\in\\mathbb{R}^{d_{in}\\times d_{out}}$ gets $A\\in\\mathbb{R}^{d_{in}\\times r}$ and $B\\in\\mathbb{R}^{r\\times d_{out}}$, no bias. $L=${q.L}$, $d=${q.d}$, $h=${q.h}$, $n_{kv}=${q.n_kv}$ ($k,v$ project $d\\to n_{kv}d_h$), $f=${q.f}$. Targets: ${q.targets === 'all' ? 'all (q,k,v,o and gate,up,down)' : q.targets}. How many trainable parameters?`,
  }),
  solution: (q) => {
    const shapes = loraShapes(q);
    const per = shapes.reduce((s, [, i, o]) => s + q.r * (i + o), 0);
    return worked('L\\sum r(d_{in}+d_{out})', [
      shapes.map(([n, i, o]) => `${n}: ${q.r}\\times(${i}+${o})=${q.r * (i + o)}`).join(',\\ '),
      `${q.L}\\times ${per}=${lora(q)}`,
    ]);
  },
  mistakes: [
    { id: 'all-dxd', hint: lang('不是每个矩阵都是 $d\\times d$：$k,v$ 是 $d\\to n_{kv}d_h$，MLP 是 $d\\leftrightarrow f$。', 'Not every matrix is $d\\times d$: $k,v$ are $d\\to n_{kv}d_h$, the MLP $d\\leftrightarrow f$.'), value: (q) => q.L * loraShapes(q).length * q.r * 2 * q.d },
    { id: 'one-factor', hint: lang('LoRA 有两个矩阵 $A$ 和 $B$：$r(d_{in}+d_{out})$。', 'LoRA adds two matrices, $A$ and $B$: $r(d_{in}+d_{out})$.'), value: (q) => q.L * loraShapes(q).reduce((s, [, , o]) => s + q.r * o, 0) },
    { id: 'one-layer', hint: lang('每一层都加适配器：乘以 $L$。', 'Every layer gets adapters: multiply by $L$.'), value: (q) => lora(q) / q.L },
    { id: 'kv-full', hint: lang('GQA 下 $k,v$ 输出只有 $n_{kv}d_h$ 维。', 'With GQA, $k$ and $v$ output only $n_{kv}d_h$ dimensions.'), value: (q) => lora({ ...q, n_kv: q.h }) },
  ],
});

const MOE_SHAPES = [
  [4096, 14336, 8, 2], // Mixtral-8x7B
  [7168, 2048, 256, 8], // DeepSeek-V3 routed experts
  [2048, 1024, 64, 8], // OLMoE-1B-7B
  [2048, 1408, 60, 4], // Qwen1.5-MoE-A2.7B
  [6144, 16384, 8, 2], // Mixtral-8x22B
  [5120, 1536, 160, 6], // DeepSeek-V2
] as const;
const expert = (d: number, f: number): number => 3 * d * f;
const moe = ({ d, f, E, k, which }: Moe): number => (which === 'total' ? E : k) * expert(d, f) + d * E;

export const llmMoeParams = defineTemplate<Moe>({
  id: 'llm.moe.params',
  section: SECTIONS.transformers,
  title: lang('MoE 层参数量（总量 / 激活）', 'Parameters of an MoE layer (total / active)'),
  formula: '总量 $E\\cdot 3df+dE$；每个词元激活 $k\\cdot 3df+dE$（SwiGLU 专家，路由器 $d\\times E$）',
  params: [
    { name: 'd', type: 'int', min: 1024, max: 8192 },
    { name: 'f', type: 'int', min: 512, max: 24576, note: 'expert hidden size' },
    { name: 'E', type: 'int', min: 4, max: 256, note: 'experts' },
    { name: 'k', type: 'int', min: 1, max: 8, note: 'experts per token' },
    { name: 'which', type: 'enum', values: ['total', 'active'] },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 90,
  sample: (r) => {
    const [d, f, E, k] = r.next() < 0.6 ? r.pick(MOE_SHAPES) : [r.pick([1024, 2048, 4096]), r.pick([1024, 2048, 4096, 8192]), r.pick([8, 16, 32, 64]), r.pick([1, 2, 4])];
    return { d, f, E, k, which: r.pick(['total', 'active']) };
  },
  reject: ({ E, k }) => (k >= E ? 'k must be below E' : null),
  answer: moe,
  prompt: ({ d, f, E, k, which }) => ({
    zh: `一个 MoE 前馈层：$E=${E}$ 个 SwiGLU 专家（每个 gate、up：$d\\to f$，down：$f\\to d$，无偏置），$d=${d}$，$f=${f}$；路由器是无偏置的 $d\\times E$ 线性层，每个词元选 top-$k=${k}$ 个专家。${which === 'total' ? '该层**总**参数量' : '每个词元**激活**的参数量（含路由器）'}是多少？`,
    en: `An MoE feed-forward layer: $E=${E}$ SwiGLU experts (gate, up: $d\\to f$; down: $f\\to d$; no bias), $d=${d}$, $f=${f}$; the router is a $d\\times E$ linear layer without bias and each token uses the top $k=${k}$ experts. How many parameters ${which === 'total' ? 'does the layer hold in **total**' : 'are **active** per token (router included)'}?`,
  }),
  solution: (q) => {
    const n = q.which === 'total' ? q.E : q.k;
    return worked(q.which === 'total' ? 'E\\cdot 3df+dE' : 'k\\cdot 3df+dE', [
      `3df=3\\times ${q.d}\\times ${q.f}=${expert(q.d, q.f)}`,
      `${n}\\times ${expert(q.d, q.f)}+${q.d}\\times ${q.E}=${moe(q)}`,
    ]);
  },
  mistakes: [
    { id: 'router-forgotten', hint: lang('别忘了路由器 $d\\times E$（每个词元都要算全部 $E$ 个得分）。', 'Do not forget the router, $d\\times E$ (every token scores all $E$ experts).'), value: (q) => moe(q) - q.d * q.E },
    { id: 'total-active-swapped', hint: lang('总量用全部 $E$ 个专家，激活量只用 top-$k$ 个。', 'Total counts all $E$ experts; active counts only the top $k$.'), value: (q) => moe({ ...q, which: q.which === 'total' ? 'active' : 'total' }) },
    { id: 'two-matrix-expert', hint: lang('SwiGLU 专家有 3 个矩阵：$3df$。', 'A SwiGLU expert has three matrices: $3df$.'), value: (q) => ((q.which === 'total' ? q.E : q.k) * 2 * q.d * q.f) + q.d * q.E },
    { id: 'router-dk', hint: lang('路由器为全部 $E$ 个专家打分：$d\\times E$，不是 $d\\times k$。', 'The router scores all $E$ experts: $d\\times E$, not $d\\times k$.'), value: (q) => (q.which === 'total' ? q.E : q.k) * expert(q.d, q.f) + q.d * q.k },
  ],
});

export const llmParamTemplates = [llmParamsGpt, llmParamsLlama, llmLoraParams, llmMoeParams];
