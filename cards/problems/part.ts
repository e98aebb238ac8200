// The default deck's "Problems" part: sections for the formula-core v2
// templates that fit no heading of the notes (issue 15), each with one short
// explanatory card. They are drafts rather than Markdown appended to the notes
// so the notes file, its hash and its line numbers stay exactly as written.
import { stableId } from '../id.ts';
import type { CardDraft } from '../types.ts';
import { SECTIONS } from './sections.ts';

interface PartSection {
  path: readonly string[];
  front: string;
  back: string;
}

export const PART_SECTIONS: readonly PartSection[] = [
  {
    path: SECTIONS.transformers,
    front: 'Transformer 的位置编码、参数量与偏好微调怎么计算？ / Transformers: positional encodings, parameter counts, preference tuning',
    back: [
      '- **正弦位置编码 / sinusoidal**：$PE_{(pos,2i)}=\\sin\\frac{pos}{10000^{2i/d}}$，$PE_{(pos,2i+1)}=\\cos\\frac{pos}{10000^{2i/d}}$；维度 $2i$ 与 $2i+1$ 共用一个频率，无参数。',
      '- **RoPE**：把每一对 $(x_{2i},x_{2i+1})$ 旋转角度 $m\\theta_i$，$\\theta_i=\\text{base}^{-2i/d}$；旋转后 $q_m\\cdot k_n$ 只依赖相对位置 $m-n$。原论文与 GPT-J 用相邻成对，HF Llama 的 rotate_half 把 $(x_i,x_{i+d/2})$ 配对——两种布局数值不同。',
      '- **GPT-2 块**：注意力 $4d^2+4d$ + MLP（$d\\to4d\\to d$）$8d^2+5d$ + 两个 LayerNorm $4d$ $=12d^2+13d$；总量再加词嵌入 $Vd$、位置嵌入 $n_{ctx}d$ 与最后的 LayerNorm $2d$（GPT-2 small：124,439,808）。',
      '- **Llama 块**：无偏置，GQA 注意力 $2d^2+2d\\,n_{kv}d_h$，SwiGLU $3df$，两个 RMSNorm 增益 $2d$（Llama-2-7B：6,738,415,616）。',
      '- **MoE**：总参数 $E\\cdot 3df+dE$，每个词元只激活 top-$k$ 个专家：$k\\cdot3df+dE$（路由器 $d\\times E$ 总是要算）。',
      '- **DPO**：$\\mathcal{L}=-\\ln\\sigma\\big(\\beta[(\\log\\pi_\\theta(y_w)-\\log\\pi_{ref}(y_w))-(\\log\\pi_\\theta(y_l)-\\log\\pi_{ref}(y_l))]\\big)$，不需要奖励模型。',
    ].join('\n'),
  },
  {
    path: SECTIONS.llmCost,
    front: '大模型训练与推理的算力、显存怎么估算？ / LLM cost: compute and memory estimates',
    back: [
      '- **训练算力 / compute**：$C\\approx6ND$（前向 $2ND$，反向 $4ND$）；时间 $=C/(\\text{GPUs}\\times\\text{peak}\\times\\text{MFU})$。',
      '- **混合精度 Adam**：每参数 $2+2+12=16$ 字节（bf16 权重、bf16 梯度、fp32 主权重与两个矩）；激活另算。',
      '- **ZeRO**（$\\psi$ 参数，$N_d$ 卡）：stage 1 分片优化器状态 $4\\psi+\\frac{12\\psi}{N_d}$，stage 2 再分片梯度 $2\\psi+\\frac{14\\psi}{N_d}$，stage 3 再分片参数 $\\frac{16\\psi}{N_d}$。论文例子 $7.5$B、64 卡：120 / 31.4 / 16.6 / 1.9 GB。',
      '- **KV cache**：$2\\cdot L\\cdot n_{kv}\\cdot d_h\\cdot\\text{seq}\\cdot\\text{batch}\\cdot\\text{bytes}$；GQA/MQA 省的正是 $n_{kv}<h$。',
      '- **量化 / quantisation**：$N(\\frac{\\text{bits}}{8}+\\frac{\\text{scale bytes}}{\\text{group}})$ 字节。**LoRA**：每个适配矩阵 $r(d_{in}+d_{out})$ 个参数。',
      '- 单位：GB $=10^9$ 字节，GiB $=2^{30}$ 字节。',
    ].join('\n'),
  },
  {
    path: SECTIONS.detection,
    front: '目标检测里的 IoU、NMS、锚框数和 AP 怎么计算？ / Detection: IoU, NMS, anchors, AP',
    back: [
      '- **IoU** $=\\frac{|A\\cap B|}{|A\\cup B|}$，框为连续坐标 $(x_1,y_1,x_2,y_2)$，面积 $(x_2-x_1)(y_2-y_1)$，不加 1。',
      '- **NMS（贪心）**：按得分排序，保留最高的框，删除与它 IoU $>$ 阈值的框，对剩下的重复；被删除的框不再删除别的框。',
      '- **锚框数**：步长 $s$ 的特征图有 $\\lceil H/s\\rceil\\times\\lceil W/s\\rceil$ 个位置，每个位置 $A$ 个锚框，各层相加。',
      '- **AP（VOC 全点插值）**：把精度改成单调的 $p_{interp}(r)=\\max_{\\tilde r\\ge r}p(\\tilde r)$，再求 PR 阶梯曲线下的面积。',
    ].join('\n'),
  },
  {
    path: SECTIONS.decoding,
    front: '解码策略：温度、top-p 与束搜索分别做什么？ / Decoding: temperature, top-p, beam search',
    back: [
      '- **温度 / temperature**：$p=\\mathrm{softmax}(z/T)$；$T<1$ 更尖锐（$T\\to0$ 即贪心），$T>1$ 更平坦。',
      '- **top-k / top-p（核采样）**：top-p 取按概率降序、累计概率 $\\ge p$ 的最少词元，重新归一化后采样。',
      '- **束搜索 / beam search**：每步保留得分 $\\sum\\log p$ 最高的 $k$ 个前缀；束宽 1 就是贪心。它不保证找到全局最优序列，长序列常加长度惩罚。',
    ].join('\n'),
  },
  {
    path: SECTIONS.seqMetrics,
    front: '序列指标：困惑度和 BLEU 怎么计算？ / Sequence metrics: perplexity and BLEU',
    back: [
      '- **困惑度 / perplexity**：$\\mathrm{PPL}=\\exp\\left(-\\frac1N\\sum_t\\ln p(x_t\\mid x_{<t})\\right)$，即 $1/p$ 的几何平均；均匀猜 $V$ 个词时为 $V$。',
      '- **BLEU**：$\\mathrm{BP}\\cdot\\exp\\left(\\sum_n w_n\\ln p_n\\right)$，$p_n$ 为截断（clipped）的 $n$-gram 精度，$\\mathrm{BP}=1$（$c>r$）否则 $e^{1-r/c}$。',
    ].join('\n'),
  },
];

/** One explanatory card per section; the id follows the notes' rule for section cards. */
export function problemPartCards(deck: string): CardDraft[] {
  return PART_SECTIONS.map((s, i) => {
    const key = s.path[s.path.length - 1] as string;
    return {
      id: stableId([deck, ...s.path, 'section', key]),
      deck,
      kind: 'section',
      section: [...s.path],
      key,
      front: s.front,
      back: s.back,
      links: [],
      order: i,
      line: 0,
    };
  });
}
