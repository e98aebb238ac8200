// Attention layers: projection parameters (MHA, GQA), the cost of the
// attention core, and the attention weights of one query.
import { defineTemplate, INT, VECTOR, worked } from '../define.ts';
import { lang, vec } from '../format.ts';
import { softmax } from '../math.ts';
import type { Rng } from '../rng.ts';
import { SECTIONS } from '../sections.ts';

type Mha = { d: number; h: number; bias: boolean };
type Gqa = { d: number; h: number; n_kv: number };
type Core = { b: number; n: number; d: number; h: number };
type Weights = { q: number[]; K: number[][] };

/** Real model widths and their usual head counts (d_h = 64 or 128). */
const WIDTHS: readonly (readonly [number, readonly number[]])[] = [
  [256, [4, 8]],
  [512, [8]],
  [768, [12]],
  [1024, [8, 16]],
  [1280, [20]],
  [2048, [16, 32]],
  [2560, [20, 32]],
  [4096, [32]],
  [5120, [40]],
  [8192, [64]],
];
const width = (r: Rng): { d: number; h: number } => {
  const [d, hs] = r.pick(WIDTHS);
  return { d, h: r.pick(hs) };
};
const divisorsBelow = (h: number): number[] => Array.from({ length: h - 1 }, (_, i) => i + 1).filter((x) => h % x === 0);

const mha = ({ d, bias }: Mha): number => 4 * d * d + (bias ? 4 * d : 0);

export const attnMhaParams = defineTemplate<Mha>({
  id: 'attn.mha.params',
  section: SECTIONS.attention,
  title: lang('多头注意力层参数量', 'Parameters of a multi-head attention layer'),
  formula: '$W_Q,W_K,W_V,W_O\\in\\mathbb{R}^{d\\times d}$：$4d^2$（有偏置再加 $4d$），与头数 $h$ 无关',
  params: [
    { name: 'd', type: 'int', min: 256, max: 8192, note: 'model width' },
    { name: 'h', type: 'int', min: 4, max: 64, note: 'heads' },
    { name: 'bias', type: 'boolean' },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 45,
  sample: (r) => ({ ...width(r), bias: r.bool() }),
  answer: mha,
  prompt: ({ d, h, bias }) => ({
    zh: `一个多头自注意力层，$d_{model}=${d}$，$h=${h}$ 个头；$Q,K,V$ 投影和输出投影 $W_O$ 都是 $d\\times d$ 的线性层，${bias ? '**有**偏置' : '**无**偏置'}。该层共有多少参数？`,
    en: `A multi-head self-attention layer with $d_{model}=${d}$ and $h=${h}$ heads; the $Q,K,V$ projections and the output projection $W_O$ are $d\\times d$ linear layers ${bias ? '**with**' : '**without**'} bias. How many parameters does it have?`,
  }),
  solution: ({ d, h, bias }) =>
    worked(
      bias ? '4d^2+4d' : '4d^2',
      [bias ? `4\\times ${d}^2+4\\times ${d}=${4 * d * d}+${4 * d}=${4 * d * d + 4 * d}` : `4\\times ${d}^2=${4 * d * d}`],
      lang(
        `$h=${h}$ 个头只是把 $d$ 维切成 $h$ 份（每份 $d_h=${d / h}$），不改变参数量。`,
        `The $h=${h}$ heads only split the $d$ dimensions into $h$ slices of $d_h=${d / h}$; they do not change the count.`,
      ),
    ),
  mistakes: [
    { id: 'forgot-wo', hint: lang('别忘了输出投影 $W_O$：共 4 个 $d\\times d$ 矩阵。', 'Do not forget the output projection $W_O$: four $d\\times d$ matrices.'), value: ({ d, bias }) => 3 * d * d + (bias ? 3 * d : 0) },
    { id: 'times-heads', hint: lang('头是把 $d$ 维切分，不是复制：参数量与 $h$ 无关。', 'Heads split the $d$ dimensions rather than copying them: the count does not depend on $h$.'), value: (p) => mha(p) * p.h },
    { id: 'per-head-dh', hint: lang('每个头的投影是 $d\\times d_h$，不是 $d_h\\times d_h$。', 'Each head projects $d\\to d_h$ ($d\\times d_h$), not $d_h\\times d_h$.'), value: ({ d, h, bias }) => 4 * h * (d / h) ** 2 + (bias ? 4 * d : 0) },
    { id: 'forgot-bias', hint: lang('有偏置：4 个投影各有 $d$ 个偏置。', 'With bias: each of the four projections adds $d$ biases.'), value: ({ d }) => 4 * d * d },
    { id: 'added-bias', hint: lang('题目说无偏置。', 'The layer has no bias.'), value: ({ d }) => 4 * d * d + 4 * d },
  ],
});

const gqa = ({ d, h, n_kv }: Gqa): number => 2 * d * d + 2 * d * n_kv * (d / h);

export const attnGqaParams = defineTemplate<Gqa>({
  id: 'attn.gqa.params',
  section: SECTIONS.attention,
  title: lang('GQA 注意力层参数量', 'Parameters of a grouped-query attention layer'),
  formula: '$2d^2+2\\,d\\,n_{kv}d_h,\\quad d_h=d/h$（无偏置，Llama 式）',
  params: [
    { name: 'd', type: 'int', min: 256, max: 8192 },
    { name: 'h', type: 'int', min: 4, max: 64, note: 'query heads' },
    { name: 'n_kv', type: 'int', min: 1, max: 32, note: 'key/value heads, divides h' },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 60,
  sample: (r) => {
    const { d, h } = width(r);
    return { d, h, n_kv: r.pick(divisorsBelow(h)) };
  },
  reject: ({ h, n_kv }) => (h % n_kv !== 0 || n_kv >= h ? 'n_kv must divide h and be smaller' : null),
  mustDiffer: ['mha-formula'],
  answer: gqa,
  prompt: ({ d, h, n_kv }) => ({
    zh: `Llama 式分组查询注意力（GQA）：$d=${d}$，$h=${h}$ 个查询头，$n_{kv}=${n_kv}$ 个键/值头，$d_h=d/h$，所有投影**无偏置**。$W_Q,W_K,W_V,W_O$ 共多少参数？`,
    en: `Llama-style grouped-query attention (GQA): $d=${d}$, $h=${h}$ query heads, $n_{kv}=${n_kv}$ key/value heads, $d_h=d/h$, all projections **without bias**. How many parameters do $W_Q,W_K,W_V,W_O$ hold in total?`,
  }),
  solution: ({ d, h, n_kv }) => {
    const dh = d / h;
    return worked(
      '2d^2+2\\,d\\,n_{kv}d_h',
      [`d_h=${d}/${h}=${dh}`, `2\\times ${d}^2+2\\times ${d}\\times ${n_kv}\\times ${dh}=${2 * d * d}+${2 * d * n_kv * dh}=${gqa({ d, h, n_kv })}`],
      lang('$W_Q$、$W_O$ 是 $d\\times d$；$W_K$、$W_V$ 只投影到 $n_{kv}$ 个头：$d\\times n_{kv}d_h$。', '$W_Q$ and $W_O$ are $d\\times d$; $W_K$ and $W_V$ only project to $n_{kv}$ heads: $d\\times n_{kv}d_h$.'),
    );
  },
  mistakes: [
    { id: 'mha-formula', hint: lang('GQA 的 $K,V$ 只有 $n_{kv}$ 个头，不是 $4d^2$。', 'In GQA $K$ and $V$ have only $n_{kv}$ heads: not $4d^2$.'), value: ({ d }) => 4 * d * d },
    { id: 'forgot-wo', hint: lang('别忘了输出投影 $W_O$（$d\\times d$）。', 'Do not forget the output projection $W_O$ ($d\\times d$).'), value: ({ d, h, n_kv }) => d * d + 2 * d * n_kv * (d / h) },
    { id: 'kv-counted-once', hint: lang('$K$ 和 $V$ 各一个投影：$2\\,d\\,n_{kv}d_h$。', '$K$ and $V$ each have a projection: $2\\,d\\,n_{kv}d_h$.'), value: ({ d, h, n_kv }) => 2 * d * d + d * n_kv * (d / h) },
    { id: 'nkv-times-d', hint: lang('每个键/值头宽 $d_h=d/h$，不是 $d$。', 'Each key/value head is $d_h=d/h$ wide, not $d$.'), value: ({ d, n_kv }) => 2 * d * d + 2 * d * n_kv * d },
    { id: 'mqa', hint: lang('这是 MQA（$n_{kv}=1$）的结果；本题 $n_{kv}$ 个头。', 'That is MQA ($n_{kv}=1$); here there are $n_{kv}$ key/value heads.'), value: ({ d, h }) => 2 * d * d + 2 * d * (d / h) },
  ],
});

const core = ({ b, n, d }: Core): number => 4 * b * n * n * d;

export const attnCoreFlops = defineTemplate<Core>({
  id: 'attn.core.flops',
  section: SECTIONS.attention,
  title: lang('注意力核心计算量（FLOPs）', 'FLOPs of the attention core'),
  formula: '$QK^\\top$ 与 $AV$ 各 $2bn^2d$：共 $4bn^2d$（不计投影与 softmax，与 $h$ 无关）',
  params: [
    { name: 'b', type: 'int', min: 1, max: 32, note: 'batch' },
    { name: 'n', type: 'int', min: 128, max: 8192, note: 'sequence length' },
    { name: 'd', type: 'int', min: 256, max: 8192 },
    { name: 'h', type: 'int', min: 4, max: 64 },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 60,
  sample: (r) => ({ b: r.pick([1, 2, 4, 8, 16, 32]), n: r.pick([128, 256, 512, 1024, 2048, 4096, 8192]), ...width(r) }),
  answer: core,
  prompt: ({ b, n, d, h }) => ({
    zh: `自注意力：batch $b=${b}$，序列长 $n=${n}$，$d=${d}$，$h=${h}$ 个头。只算注意力核心 $QK^\\top$ 和 $A\\cdot V$ 两个矩阵乘（不计 $Q,K,V,O$ 投影和 softmax；即使是因果掩码也按完整 $n\\times n$ 计），1 次乘加 = 2 FLOPs。共多少 FLOPs？`,
    en: `Self-attention with batch $b=${b}$, sequence length $n=${n}$, $d=${d}$ and $h=${h}$ heads. Count only the attention core, the matmuls $QK^\\top$ and $A\\cdot V$ (not the $Q,K,V,O$ projections nor the softmax; the full $n\\times n$ even with a causal mask), 2 FLOPs per multiply-accumulate. How many FLOPs?`,
  }),
  solution: ({ b, n, d, h }) =>
    worked(
      '2bn^2d+2bn^2d=4bn^2d',
      [`4\\times ${b}\\times ${n}^2\\times ${d}=${core({ b, n, d, h })}`],
      lang(
        `每个头：$QK^\\top$ 为 $n\\times d_h$ 乘 $d_h\\times n$，$2n^2d_h$ FLOPs；$A V$ 同样 $2n^2d_h$。$h$ 个头相加 $h\\,d_h=d$，所以与 $h$ 无关。`,
        `Per head, $QK^\\top$ multiplies $n\\times d_h$ by $d_h\\times n$: $2n^2d_h$ FLOPs; $AV$ costs the same. Summing over $h$ heads gives $h\\,d_h=d$, so $h$ drops out.`,
      ),
    ),
  mistakes: [
    { id: 'half', hint: lang('两个矩阵乘（$QK^\\top$ 和 $AV$）都要算，且 1 次乘加 = 2 FLOPs；因果掩码也按完整 $n^2$ 算。', 'Count both matmuls ($QK^\\top$ and $AV$) at 2 FLOPs per multiply-add, over the full $n^2$ even when causal.'), value: (p) => core(p) / 2 },
    { id: 'times-heads', hint: lang('每个头只有 $d_h=d/h$ 维：对 $h$ 求和得 $d$，不要再乘 $h$。', 'Each head has only $d_h=d/h$ dimensions: summed over heads that is $d$; do not multiply by $h$ again.'), value: (p) => core(p) * p.h },
    { id: 'one-head', hint: lang('要对全部 $h$ 个头求和（$h\\,d_h=d$）。', 'Sum over all $h$ heads ($h\\,d_h=d$).'), value: (p) => core(p) / p.h },
    { id: 'with-projections', hint: lang('题目只问注意力核心，不含 $Q,K,V,O$ 投影的 $8bnd^2$。', 'Only the attention core: leave out the $8bnd^2$ of the $Q,K,V,O$ projections.'), value: (p) => core(p) + 8 * p.b * p.n * p.d * p.d },
    { id: 'forgot-batch', hint: lang('batch 里每个序列都要算一遍。', 'Every sequence in the batch is computed.'), value: (p) => core(p) / p.b },
  ],
});

const scores = ({ q, K }: Weights): number[] => K.map((k) => k.reduce((s, kj, j) => s + kj * (q[j] as number), 0) / Math.sqrt(q.length));

export const attnWeights = defineTemplate<Weights>({
  id: 'attn.weights',
  section: SECTIONS.attention,
  title: lang('缩放点积注意力权重', 'Scaled dot-product attention weights'),
  formula: '$a_j=\\mathrm{softmax}_j\\left(\\frac{q\\cdot k_j}{\\sqrt{d}}\\right)$',
  params: [
    { name: 'q', type: 'vector', min: 2, max: 4, note: 'query' },
    { name: 'K', type: 'matrix', note: 'keys, one row per key (3–4 rows of length d)' },
  ],
  kind: 'vector',
  tolerance: VECTOR,
  targetSeconds: 120,
  sample: (r) => {
    const d = r.pick([2, 3, 4, 4]);
    const row = (): number[] => Array.from({ length: d }, () => r.int(-2, 2));
    return { q: row(), K: Array.from({ length: r.int(3, 4) }, row) };
  },
  reject: ({ q, K }) => {
    if (q.every((v) => v === 0)) return 'zero query';
    const s = scores({ q, K });
    return s.every((v) => v === s[0]) ? 'uniform weights' : null;
  },
  answer: (p) => softmax(scores(p)),
  prompt: ({ q, K }) => ({
    zh: `缩放点积注意力：查询 $q=${vec(q)}$，键 ${K.map((k, j) => `$k_{${j}}=${vec(k)}$`).join('，')}（$d=${q.length}$）。求注意力权重向量 $a=\\mathrm{softmax}(q\\cdot k_j/\\sqrt{d})$（按键的顺序）。`,
    en: `Scaled dot-product attention: query $q=${vec(q)}$, keys ${K.map((k, j) => `$k_{${j}}=${vec(k)}$`).join(', ')} ($d=${q.length}$). What is the attention weight vector $a=\\mathrm{softmax}(q\\cdot k_j/\\sqrt{d})$, in key order?`,
  }),
  solution: (p) => {
    const dots = p.K.map((k) => k.reduce((s, kj, j) => s + kj * (p.q[j] as number), 0));
    const s = scores(p);
    return worked('a=\\mathrm{softmax}\\left(\\frac{qK^\\top}{\\sqrt{d}}\\right)', [
      `q\\cdot k_j=${vec(dots)}`,
      `\\frac{q\\cdot k_j}{\\sqrt{${p.q.length}}}=${vec(s, 5)}`,
      `a=${vec(softmax(s))}`,
    ]);
  },
  mistakes: [
    { id: 'no-scale', hint: lang('先除以 $\\sqrt{d}$ 再做 softmax。', 'Divide by $\\sqrt{d}$ before the softmax.'), value: ({ q, K }) => softmax(scores({ q, K }).map((v) => v * Math.sqrt(q.length))) },
    { id: 'scale-by-d', hint: lang('缩放因子是 $\\sqrt{d}$，不是 $d$。', 'The scale is $\\sqrt{d}$, not $d$.'), value: ({ q, K }) => softmax(scores({ q, K }).map((v) => v / Math.sqrt(q.length))) },
    { id: 'no-softmax', hint: lang('分数还要经过 softmax 才是权重（和为 1）。', 'The scores still go through a softmax: weights sum to 1.'), value: scores },
  ],
});

export const attentionTemplates = [attnMhaParams, attnGqaParams, attnCoreFlops, attnWeights];
