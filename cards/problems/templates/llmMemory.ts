// LLM cost: training compute (6ND), training memory, ZeRO sharding, the KV
// cache and weight-only quantisation. Memory answers are in the `unit` param.
import { defineTemplate, worked } from '../define.ts';
import { fmt, lang } from '../format.ts';
import { SECTIONS } from '../sections.ts';
import { APPROX, count, DTYPE_BYTES, DTYPES, inUnit, otherUnit, toUnitStep, UNIT_HINT, UNIT_NOTE, UNITS, type Dtype, type Unit } from './llmUnits.ts';

type Flops = { N: number; D: number; ask: string; gpus: number; peak_tflops: number; mfu: number };
type Train = { N: number; optimizer: string; unit: string };
type Zero = { psi: number; nd: number; stage: number; unit: string };
type Kv = { L: number; d: number; h: number; n_kv: number; seq: number; batch: number; dtype: string; unit: string };
type Quant = { N: number; bits: number; group: number; unit: string };

const u = (s: string): Unit => s as Unit;
const unitParam = { name: 'unit', type: 'enum', values: UNITS } as const;

const SIZES = [125e6, 350e6, 760e6, 1.3e9, 2.7e9, 6.7e9, 7e9, 8e9, 13e9, 34e9, 70e9, 175e9];
const flops = ({ N, D }: Flops, per = 6): number => per * N * D;
const days = (q: Flops, c = flops(q), mfu = q.mfu, gpus = q.gpus): number => c / (gpus * q.peak_tflops * 1e12 * mfu) / 86400;
const flopsAnswer = (q: Flops, per = 6): number => (q.ask === 'days' ? days(q, flops(q, per)) : flops(q, per));

export const llmFlopsTrain = defineTemplate<Flops>({
  id: 'llm.flops.train',
  section: SECTIONS.llmCost,
  title: lang('训练计算量 6ND 与训练天数', 'Training compute (6ND) and training days'),
  formula: '$C=6ND$；天数 $=\\frac{C}{\\text{gpus}\\times\\text{peak}\\times\\text{MFU}\\times 86400}$',
  params: [
    { name: 'N', type: 'real', min: 1e8, max: 2e11, note: 'parameters' },
    { name: 'D', type: 'real', min: 1e10, max: 2e13, note: 'training tokens' },
    { name: 'ask', type: 'enum', values: ['flops', 'days'] },
    { name: 'gpus', type: 'int', min: 1, max: 4096 },
    { name: 'peak_tflops', type: 'real', min: 100, max: 1000, note: 'per GPU, dense bf16' },
    { name: 'mfu', type: 'real', min: 0.2, max: 0.6, note: 'model FLOPs utilisation' },
  ],
  kind: 'real',
  tolerance: APPROX,
  targetSeconds: 90,
  sample: (r) => {
    const N = r.pick(SIZES);
    return {
      N,
      D: r.pick([20 * N, 3e11, 1e12, 2e12, 15e12]),
      ask: r.pick(['flops', 'days', 'days']),
      gpus: r.pick([8, 64, 256, 512, 1024, 2048]),
      peak_tflops: r.pick([312, 312, 989, 125]),
      mfu: r.pick([0.3, 0.4, 0.5]),
    };
  },
  reject: (q) => (q.ask === 'days' && (days(q) < 0.1 || days(q) > 3000) ? 'unrealistic duration' : null),
  answer: (q) => flopsAnswer(q),
  prompt: (q) => {
    const what = lang(`$N=${count(q.N)}$ 参数的稠密 Transformer，训练 $D=${count(q.D)}$ 个词元，按 $C\\approx 6ND$（前向 2 + 反向 4 FLOPs/参数/词元）估算`, `A dense Transformer with $N=${count(q.N)}$ parameters trained on $D=${count(q.D)}$ tokens; estimate with $C\\approx 6ND$ (2 forward + 4 backward FLOPs per parameter per token)`);
    return q.ask === 'flops'
      ? { zh: `${what.zh}。训练总 FLOPs 是多少？`, en: `${what.en}. How many training FLOPs in total?` }
      : {
          zh: `${what.zh}。用 ${q.gpus} 块 GPU，每块峰值 ${q.peak_tflops} TFLOPS，MFU $=${fmt(q.mfu)}$。需要多少天（1 天 = 86400 s）？`,
          en: `${what.en}. On ${q.gpus} GPUs of ${q.peak_tflops} peak TFLOPS each at MFU $=${fmt(q.mfu)}$, how many days does it take (1 day = 86400 s)?`,
        };
  },
  solution: (q) => {
    const c = flops(q);
    const steps = [`C=6\\times ${fmt(q.N)}\\times ${fmt(q.D)}=${fmt(c)}`];
    if (q.ask === 'days') {
      const rate = q.gpus * q.peak_tflops * 1e12 * q.mfu;
      steps.push(`${q.gpus}\\times ${q.peak_tflops}\\times 10^{12}\\times ${fmt(q.mfu)}=${fmt(rate)}\\ \\text{FLOP/s}`);
      steps.push(`\\frac{${fmt(c)}}{${fmt(rate)}\\times 86400}=${fmt(days(q))}`);
    }
    return worked(q.ask === 'days' ? '\\frac{6ND}{\\text{gpus}\\cdot\\text{peak}\\cdot\\text{MFU}\\cdot 86400}' : 'C=6ND', steps);
  },
  mistakes: [
    { id: '2ND', hint: lang('$2ND$ 只是前向（推理）；训练含反向，约 $6ND$。', '$2ND$ is the forward pass (inference) only; training with the backward pass is about $6ND$.'), value: (q) => flopsAnswer(q, 2) },
    { id: 'no-mfu', hint: lang('GPU 达不到峰值：乘上 MFU。', 'GPUs do not run at peak: multiply by the MFU.'), value: (q) => (q.ask === 'days' ? days(q, flops(q), 1) : flops(q)) },
    { id: 'hours', hint: lang('问的是天数：秒数除以 86400。', 'Days were asked: divide seconds by 86400.'), value: (q) => (q.ask === 'days' ? days(q) * 24 : flops(q)) },
    { id: 'one-gpu', hint: lang('计算分摊到全部 GPU 上。', 'The work is spread over all the GPUs.'), value: (q) => (q.ask === 'days' ? days(q, flops(q), q.mfu, 1) : flops(q)) },
  ],
});

export const OPTIMIZER_STATE_BYTES: Readonly<Record<string, number>> = { adam: 12, sgd_momentum: 8, sgd: 4 };
const trainBytes = ({ N, optimizer }: Train, k = OPTIMIZER_STATE_BYTES[optimizer] as number): number => (2 + 2 + k) * N;
const OPT_NAME: Record<string, string> = { adam: 'Adam', sgd_momentum: 'SGD + momentum', sgd: 'SGD' };

export const llmMemTrain = defineTemplate<Train>({
  id: 'llm.mem.train',
  section: SECTIONS.llmCost,
  title: lang('混合精度训练的显存（模型状态）', 'Training memory of model states (mixed precision)'),
  formula: '$(2+2+K)\\,N$ 字节：bf16 权重 2 + bf16 梯度 2 + fp32 优化器状态 $K$（Adam 12，SGD 动量 8，SGD 4，均含 fp32 主权重）',
  params: [
    { name: 'N', type: 'real', min: 1e8, max: 2e11 },
    { name: 'optimizer', type: 'enum', values: ['adam', 'sgd_momentum', 'sgd'] },
    unitParam,
  ],
  kind: 'real',
  tolerance: APPROX,
  targetSeconds: 60,
  sample: (r) => ({ N: r.pick(SIZES), optimizer: r.pick(['adam', 'adam', 'sgd_momentum', 'sgd']), unit: r.pick(UNITS) }),
  answer: (q) => inUnit(trainBytes(q), u(q.unit)),
  prompt: (q) => ({
    zh: `混合精度训练 $N=${count(q.N)}$ 参数的模型，优化器 ${OPT_NAME[q.optimizer]}：每个参数有 bf16 权重（2 B）、bf16 梯度（2 B），以及 fp32 的主权重（4 B）${q.optimizer === 'adam' ? '和一阶、二阶矩（各 4 B）' : q.optimizer === 'sgd_momentum' ? '和动量（4 B）' : ''}。不计激活，模型状态共占多少 ${q.unit}？${UNIT_NOTE.zh}`,
    en: `Mixed-precision training of an $N=${count(q.N)}$-parameter model with ${OPT_NAME[q.optimizer]}: per parameter a bf16 weight (2 B), a bf16 gradient (2 B) and an fp32 master weight (4 B)${q.optimizer === 'adam' ? ' plus first and second moments (4 B each)' : q.optimizer === 'sgd_momentum' ? ' plus a momentum (4 B)' : ''}. Ignoring activations, how many ${q.unit} do the model states take? ${UNIT_NOTE.en}`,
  }),
  solution: (q) => {
    const k = OPTIMIZER_STATE_BYTES[q.optimizer] as number;
    return worked('(2+2+K)N', [`(2+2+${k})\\times ${fmt(q.N)}=${fmt(trainBytes(q))}\\ \\text{B}`, toUnitStep(trainBytes(q), u(q.unit))]);
  },
  mistakes: [
    { id: 'weights-only', hint: lang('$2N$ 只是 bf16 权重；训练还有梯度和优化器状态。', '$2N$ is only the bf16 weights; training also holds gradients and optimizer states.'), value: (q) => inUnit(2 * q.N, u(q.unit)) },
    { id: 'no-master', hint: lang('混合精度还要保存 fp32 主权重（4 B/参数）。', 'Mixed precision also keeps an fp32 master copy (4 B per parameter).'), value: (q) => inUnit(trainBytes(q, (OPTIMIZER_STATE_BYTES[q.optimizer] as number) - 4), u(q.unit)) },
    { id: 'unit', hint: UNIT_HINT, value: (q) => inUnit(trainBytes(q), otherUnit(u(q.unit))) },
    { id: 'adam-always', hint: lang('$K$ 取决于优化器：Adam 12，SGD 动量 8，SGD 4。', '$K$ depends on the optimizer: Adam 12, SGD with momentum 8, SGD 4.'), value: (q) => inUnit(trainBytes(q, 12), u(q.unit)) },
  ],
});

/** Bytes per GPU of ZeRO-DP model states (mixed-precision Adam, K = 12), stage 0–3. */
export function zeroBytes(psi: number, nd: number, stage: number): number {
  if (stage === 0) return 16 * psi;
  if (stage === 1) return 4 * psi + (12 * psi) / nd;
  if (stage === 2) return 2 * psi + (14 * psi) / nd;
  return (16 * psi) / nd;
}
const ZERO_FORMULA = ['16\\psi', '4\\psi+\\frac{12\\psi}{N_d}', '2\\psi+\\frac{14\\psi}{N_d}', '\\frac{16\\psi}{N_d}'];

export const llmMemZero = defineTemplate<Zero>({
  id: 'llm.mem.zero',
  section: SECTIONS.llmCost,
  title: lang('ZeRO 各阶段每卡显存', 'Per-GPU memory under ZeRO stages'),
  formula: '$P_{os}$: $4\\psi+\\frac{12\\psi}{N_d}$；$P_{os+g}$: $2\\psi+\\frac{14\\psi}{N_d}$；$P_{os+g+p}$: $\\frac{16\\psi}{N_d}$；不分片 $16\\psi$',
  params: [
    { name: 'psi', type: 'real', min: 1e9, max: 2e11, note: 'parameters' },
    { name: 'nd', type: 'int', min: 2, max: 1024, note: 'data-parallel GPUs' },
    { name: 'stage', type: 'int', min: 0, max: 3 },
    unitParam,
  ],
  kind: 'real',
  tolerance: APPROX,
  targetSeconds: 75,
  sample: (r) => ({ psi: r.pick([1.5e9, 7.5e9, 7.5e9, 13e9, 70e9, 175e9]), nd: r.pick([8, 16, 32, 64, 64, 128, 256, 1024]), stage: r.int(0, 3), unit: r.pick(['GB', 'GB', 'GiB']) }),
  answer: (q) => inUnit(zeroBytes(q.psi, q.nd, q.stage), u(q.unit)),
  prompt: (q) => ({
    zh: `ZeRO 论文的设定：混合精度 Adam，每参数 2 B fp16 权重 + 2 B 梯度 + 12 B 优化器状态（$K=12$）。$\\psi=${count(q.psi)}$ 参数，数据并行 $N_d=${q.nd}$ 卡，ZeRO stage ${q.stage}（${['不分片', '分片优化器状态', '分片优化器状态和梯度', '再分片参数'][q.stage]}）。每卡模型状态占多少 ${q.unit}？${UNIT_NOTE.zh}`,
    en: `The ZeRO paper's setting: mixed-precision Adam, 2 B fp16 weights + 2 B gradients + 12 B optimizer states per parameter ($K=12$). $\\psi=${count(q.psi)}$ parameters, $N_d=${q.nd}$ data-parallel GPUs, ZeRO stage ${q.stage} (${['nothing sharded', 'optimizer states sharded', 'optimizer states and gradients sharded', 'parameters sharded too'][q.stage]}). How many ${q.unit} of model states per GPU? ${UNIT_NOTE.en}`,
  }),
  solution: (q) => {
    const b = zeroBytes(q.psi, q.nd, q.stage);
    const psi = fmt(q.psi);
    const sub = [`16\\times ${psi}`, `4\\times ${psi}+\\frac{12\\times ${psi}}{${q.nd}}`, `2\\times ${psi}+\\frac{14\\times ${psi}}{${q.nd}}`, `\\frac{16\\times ${psi}}{${q.nd}}`][q.stage] as string;
    return worked(ZERO_FORMULA[q.stage] as string, [`${sub}=${fmt(b)}\\ \\text{B}`, toUnitStep(b, u(q.unit))]);
  },
  mistakes: [
    { id: 'all-sharded', hint: lang('只有 stage 3 把全部 $16\\psi$ 分片；前面的阶段只分片一部分。', 'Only stage 3 shards all $16\\psi$; earlier stages shard only part of it.'), value: (q) => inUnit((16 * q.psi) / q.nd, u(q.unit)) },
    { id: 'unsharded', hint: lang('ZeRO stage $\\ge1$ 会把优化器状态分到 $N_d$ 张卡上。', 'ZeRO stage $\\ge1$ splits the optimizer states over $N_d$ GPUs.'), value: (q) => inUnit(16 * q.psi, u(q.unit)) },
    { id: 'previous-stage', hint: lang('对一下阶段：1 分片优化器状态，2 再分片梯度，3 再分片参数。', 'Check the stage: 1 shards optimizer states, 2 adds gradients, 3 adds parameters.'), value: (q) => inUnit(zeroBytes(q.psi, q.nd, q.stage === 0 ? 1 : q.stage - 1), u(q.unit)) },
    { id: 'unit', hint: UNIT_HINT, value: (q) => inUnit(zeroBytes(q.psi, q.nd, q.stage), otherUnit(u(q.unit))) },
  ],
});

// [L, d, h, n_kv]: Llama-2-7B, Llama-2-70B, Llama-3-8B, Llama-3-70B, Mistral-7B, Qwen2-7B.
const KV_SHAPES = [
  [32, 4096, 32, 32],
  [80, 8192, 64, 8],
  [32, 4096, 32, 8],
  [40, 5120, 40, 40],
  [28, 3584, 28, 4],
  [16, 2048, 32, 8],
] as const;
const kvBytes = ({ L, d, h, n_kv, seq, batch, dtype }: Kv, heads = n_kv, factor = 2): number => factor * L * heads * (d / h) * seq * batch * DTYPE_BYTES[dtype as Dtype];

export const llmMemKvCache = defineTemplate<Kv>({
  id: 'llm.mem.kv_cache',
  section: SECTIONS.llmCost,
  title: lang('KV cache 显存', 'KV-cache memory'),
  formula: '$2\\cdot L\\cdot n_{kv}\\cdot d_h\\cdot \\text{seq}\\cdot \\text{batch}\\cdot \\text{bytes}$，$d_h=d/h$',
  params: [
    { name: 'L', type: 'int', min: 16, max: 80 },
    { name: 'd', type: 'int', min: 2048, max: 8192 },
    { name: 'h', type: 'int', min: 28, max: 64 },
    { name: 'n_kv', type: 'int', min: 4, max: 64 },
    { name: 'seq', type: 'int', min: 512, max: 131072 },
    { name: 'batch', type: 'int', min: 1, max: 64 },
    { name: 'dtype', type: 'enum', values: DTYPES },
    unitParam,
  ],
  kind: 'real',
  tolerance: APPROX,
  targetSeconds: 90,
  sample: (r) => {
    const [L, d, h, n_kv] = r.pick(KV_SHAPES);
    return { L, d, h, n_kv, seq: r.pick([512, 2048, 4096, 8192, 32768, 131072]), batch: r.pick([1, 1, 4, 8, 16, 32, 64]), dtype: r.pick(['bf16', 'bf16', 'fp16', 'fp32', 'int8']), unit: r.pick(UNITS) };
  },
  answer: (q) => inUnit(kvBytes(q), u(q.unit)),
  prompt: (q) => ({
    zh: `解码器 $L=${q.L}$ 层，$d=${q.d}$，$h=${q.h}$ 个查询头，$n_{kv}=${q.n_kv}$ 个键/值头（$d_h=d/h$）。缓存 batch ${q.batch}、每条 ${q.seq} 个词元的 K 和 V，数据类型 ${q.dtype}（bf16/fp16 2 B，fp32 4 B，int8 1 B）。KV cache 共多少 ${q.unit}？${UNIT_NOTE.zh}`,
    en: `A decoder with $L=${q.L}$ layers, $d=${q.d}$, $h=${q.h}$ query heads and $n_{kv}=${q.n_kv}$ key/value heads ($d_h=d/h$) caches K and V for a batch of ${q.batch} sequences of ${q.seq} tokens in ${q.dtype} (bf16/fp16 2 B, fp32 4 B, int8 1 B). How many ${q.unit} is the KV cache? ${UNIT_NOTE.en}`,
  }),
  solution: (q) => {
    const b = kvBytes(q);
    return worked('2\\cdot L\\cdot n_{kv}\\cdot d_h\\cdot \\text{seq}\\cdot \\text{batch}\\cdot \\text{bytes}', [
      `2\\times ${q.L}\\times ${q.n_kv}\\times ${q.d / q.h}\\times ${q.seq}\\times ${q.batch}\\times ${DTYPE_BYTES[q.dtype as Dtype]}=${fmt(b)}\\ \\text{B}`,
      toUnitStep(b, u(q.unit)),
    ]);
  },
  mistakes: [
    { id: 'n-heads', hint: lang('GQA/MQA 只缓存 $n_{kv}$ 个键/值头，不是全部 $h$ 个查询头。', 'GQA/MQA caches only the $n_{kv}$ key/value heads, not all $h$ query heads.'), value: (q) => inUnit(kvBytes(q, q.h), u(q.unit)) },
    { id: 'k-only', hint: lang('K 和 V 都要缓存：乘 2。', 'Both K and V are cached: times 2.'), value: (q) => inUnit(kvBytes(q, q.n_kv, 1), u(q.unit)) },
    { id: 'unit', hint: UNIT_HINT, value: (q) => inUnit(kvBytes(q), otherUnit(u(q.unit))) },
    { id: 'bits-not-bytes', hint: lang('按字节算：bf16 是 2 字节，不是 16。', 'Count bytes: bf16 is 2 bytes, not 16.'), value: (q) => inUnit(kvBytes(q) * 8, u(q.unit)) },
  ],
});

const quantBytes = ({ N, bits, group }: Quant, scaleBytes = 2): number => N * (bits / 8 + scaleBytes / group);

export const llmMemQuant = defineTemplate<Quant>({
  id: 'llm.mem.quant',
  section: SECTIONS.llmCost,
  title: lang('分组量化后的权重大小', 'Weight memory after group-wise quantisation'),
  formula: '$N\\left(\\frac{\\text{bits}}{8}+\\frac{2}{\\text{group}}\\right)$ 字节（对称量化，每组一个 fp16 缩放）',
  params: [
    { name: 'N', type: 'real', min: 1e9, max: 5e11 },
    { name: 'bits', type: 'int', min: 2, max: 8 },
    { name: 'group', type: 'int', min: 32, max: 128 },
    unitParam,
  ],
  kind: 'real',
  tolerance: APPROX,
  targetSeconds: 60,
  sample: (r) => ({ N: r.pick([7e9, 8e9, 13e9, 34e9, 70e9, 405e9]), bits: r.pick([2, 3, 4, 4, 8]), group: r.pick([32, 64, 128]), unit: r.pick(['GB', 'GB', 'GiB']) }),
  answer: (q) => inUnit(quantBytes(q), u(q.unit)),
  prompt: (q) => ({
    zh: `把 $N=${count(q.N)}$ 参数的权重对称量化为 ${q.bits} bit，每 ${q.group} 个权重一组、每组存一个 fp16 缩放（2 B），无零点。量化后的权重共多少 ${q.unit}？${UNIT_NOTE.zh}`,
    en: `The weights of an $N=${count(q.N)}$-parameter model are quantised symmetrically to ${q.bits} bits in groups of ${q.group}, each group storing one fp16 scale (2 B), no zero point. How many ${q.unit} do the quantised weights take? ${UNIT_NOTE.en}`,
  }),
  solution: (q) => {
    const b = quantBytes(q);
    return worked('N\\left(\\frac{\\text{bits}}{8}+\\frac{2}{\\text{group}}\\right)', [
      `${fmt(q.N)}\\times\\left(\\frac{${q.bits}}{8}+\\frac{2}{${q.group}}\\right)=${fmt(b)}\\ \\text{B}`,
      toUnitStep(b, u(q.unit)),
    ]);
  },
  mistakes: [
    { id: 'no-scales', hint: lang('别忘了每组的 fp16 缩放：每参数多 $2/\\text{group}$ 字节。', 'Add the fp16 scale of each group: $2/\\text{group}$ bytes per parameter.'), value: (q) => inUnit((q.N * q.bits) / 8, u(q.unit)) },
    { id: 'fp32-scales', hint: lang('缩放是 fp16（2 B），不是 fp32。', 'The scales are fp16 (2 B), not fp32.'), value: (q) => inUnit(quantBytes(q, 4), u(q.unit)) },
    { id: 'bits-as-bytes', hint: lang('bit 要除以 8 才是字节。', 'Divide bits by 8 to get bytes.'), value: (q) => inUnit(q.N * (q.bits + 2 / q.group), u(q.unit)) },
    { id: 'unit', hint: UNIT_HINT, value: (q) => inUnit(quantBytes(q), otherUnit(u(q.unit))) },
  ],
});

export const llmMemoryTemplates = [llmFlopsTrain, llmMemTrain, llmMemZero, llmMemKvCache, llmMemQuant];
