// Decoding: temperature, nucleus (top-p) sampling and beam search.
import { defineTemplate, INT, REAL, worked } from '../define.ts';
import { fmt, lang, p as par, vec } from '../format.ts';
import { softmax, sum } from '../math.ts';
import type { Rng } from '../rng.ts';
import { SECTIONS } from '../sections.ts';

type Temp = { z: number[]; T: number; k: number };
type TopP = { probs: number[]; p: number };
type Beam = { p1: number[]; p2: number[][]; k: number };

const at = (xs: readonly number[], k: number): number => xs[k] as number;

export const decTemperature = defineTemplate<Temp>({
  id: 'dec.temperature',
  section: SECTIONS.decoding,
  title: lang('温度采样的概率', 'Probability under temperature sampling'),
  formula: '$p_k=\\mathrm{softmax}(z/T)_k=\\frac{e^{z_k/T}}{\\sum_j e^{z_j/T}}$',
  params: [
    { name: 'z', type: 'vector', min: 3, max: 5, note: 'logits' },
    { name: 'T', type: 'real', min: 0.25, max: 3, note: 'temperature' },
    { name: 'k', type: 'int', min: 0, note: '0-based token index' },
  ],
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 90,
  sample: (r) => {
    const z = Array.from({ length: r.int(3, 5) }, () => r.int(-30, 30) / 10);
    return { z, T: r.pick([0.25, 0.5, 0.7, 0.8, 1.5, 2, 3]), k: r.int(0, z.length - 1) };
  },
  reject: ({ z, k }) => (k >= z.length ? 'index out of range' : z.every((v) => v === z[0]) ? 'uniform logits' : null),
  mustDiffer: ['no-temperature'],
  answer: ({ z, T, k }) => at(softmax(z.map((v) => v / T)), k),
  prompt: ({ z, T, k }) => ({
    zh: `logits $z=${vec(z)}$，温度 $T=${fmt(T)}$，采样分布为 $\\mathrm{softmax}(z/T)$。词元 $k=${k}$（下标从 0 开始）的概率是多少？`,
    en: `Logits $z=${vec(z)}$ and temperature $T=${fmt(T)}$; tokens are sampled from $\\mathrm{softmax}(z/T)$. What is the probability of token $k=${k}$ (0-based)?`,
  }),
  solution: ({ z, T, k }) => {
    const s = z.map((v) => v / T);
    const e = s.map(Math.exp);
    return worked('p_k=\\frac{e^{z_k/T}}{\\sum_j e^{z_j/T}}', [
      `z/T=${vec(s, 5)}`,
      `e^{z/T}=${vec(e, 5)},\\ \\sum_j=${fmt(sum(e), 5)}`,
      `p_{${k}}=\\frac{${fmt(at(e, k), 5)}}{${fmt(sum(e), 5)}}=${fmt(at(softmax(s), k))}`,
    ]);
  },
  mistakes: [
    { id: 'times-T', hint: lang('logits 除以 $T$，不是乘以 $T$。', 'Divide the logits by $T$, do not multiply.'), value: ({ z, T, k }) => at(softmax(z.map((v) => v * T)), k) },
    { id: 'no-temperature', hint: lang('温度改变分布：先算 $z/T$ 再 softmax。', 'Temperature changes the distribution: take $z/T$ before the softmax.'), value: ({ z, k }) => at(softmax(z), k) },
    { id: 'power-unnormalised', hint: lang('$p_k^{1/T}$ 之后还要重新归一化（等价于 $\\mathrm{softmax}(z/T)$）。', '$p_k^{1/T}$ must be renormalised (which gives $\\mathrm{softmax}(z/T)$).'), value: ({ z, T, k }) => at(softmax(z), k) ** (1 / T) },
  ],
});

/** A distribution over n tokens in hundredths, every token at least 0.01. */
function hundredths(r: Rng, n: number, spread: number): number[] {
  const w = Array.from({ length: n }, () => Math.exp((r.next() * 2 - 1) * spread));
  const total = sum(w);
  const c = w.map((v) => Math.max(1, Math.round((100 * v) / total)));
  const big = c.indexOf(Math.max(...c));
  c[big] = (c[big] as number) + 100 - sum(c);
  return c;
}
const cents = (xs: readonly number[]): number[] => xs.map((v) => Math.round(v * 100));

/** How many tokens the first prefix of `order` needs to reach ≥ P (hundredths); `strict` asks > P. */
function prefixCount(c: readonly number[], P: number, strict = false): number {
  let acc = 0;
  for (let i = 0; i < c.length; i += 1) {
    acc += c[i] as number;
    if (strict ? acc > P : acc >= P) return i + 1;
  }
  return c.length;
}
const desc = (xs: readonly number[]): number[] => [...xs].sort((a, b) => b - a);
const topP = ({ probs, p }: TopP): number => prefixCount(desc(cents(probs)), Math.round(p * 100));

export const decTopPCount = defineTemplate<TopP>({
  id: 'dec.top_p.count',
  section: SECTIONS.decoding,
  title: lang('top-p（核采样）保留几个词元', 'How many tokens top-p (nucleus) sampling keeps'),
  formula: '按概率降序排列，取累计概率 $\\ge p$ 的最短前缀',
  params: [
    { name: 'probs', type: 'vector', min: 6, max: 10, note: 'next-token distribution' },
    { name: 'p', type: 'real', min: 0.5, max: 0.95 },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 60,
  sample: (r) => {
    const c = hundredths(r, r.int(6, 10), r.pick([1, 1.5, 2]));
    // A third of the variants put p exactly on a cumulative sum: ≥ versus > then matters.
    const sums = desc(c).map((_, i, s) => sum(s.slice(0, i + 1))).filter((s) => s >= 50 && s <= 95);
    const P = sums.length && r.next() < 0.35 ? r.pick(sums) : r.pick([50, 60, 70, 75, 80, 85, 90, 95]);
    return { probs: c.map((v) => v / 100), p: P / 100 };
  },
  reject: (q) => {
    const n = topP(q);
    return n < 2 || n >= q.probs.length ? 'trivial nucleus' : sum(cents(q.probs)) !== 100 ? 'not a distribution' : null;
  },
  answer: topP,
  prompt: ({ probs, p }) => ({
    zh: `下一个词元的分布 $${vec(probs)}$。top-p（核采样）$p=${fmt(p)}$：按概率从大到小取，直到累计概率 $\\ge p$ 为止的最少词元。保留几个词元？`,
    en: `The next-token distribution is $${vec(probs)}$. Top-p (nucleus) sampling with $p=${fmt(p)}$ keeps the fewest most-probable tokens whose cumulative probability is $\\ge p$. How many tokens does it keep?`,
  }),
  solution: (q) => {
    const c = desc(cents(q.probs));
    const n = topP(q);
    const cum = c.map((_, i) => sum(c.slice(0, i + 1)) / 100);
    return worked('\\min\\{n: \\sum_{i\\le n} p_{(i)}\\ge p\\}', [
      `\\text{sorted: }${vec(c.map((v) => v / 100))}`,
      `\\text{cumulative: }${vec(cum.slice(0, n))}`,
      `${fmt(at(cum, n - 1))}\\ge ${fmt(q.p)}${n > 1 ? `>${fmt(at(cum, n - 2))}` : ''}\\Rightarrow n=${n}`,
    ]);
  },
  mistakes: [
    { id: 'one-fewer', hint: lang('要包含让累计概率达到 $p$ 的那个词元。', 'Include the token that makes the cumulative probability reach $p$.'), value: (q) => topP(q) - 1 },
    { id: 'strict', hint: lang('条件是累计 $\\ge p$：恰好等于 $p$ 时就停。', 'The rule is cumulative $\\ge p$: stop when it equals $p$ exactly.'), value: ({ probs, p }) => prefixCount(desc(cents(probs)), Math.round(p * 100), true) },
    { id: 'unsorted', hint: lang('先按概率从大到小排序，再累加。', 'Sort by probability, largest first, before accumulating.'), value: ({ probs, p }) => prefixCount(cents(probs), Math.round(p * 100)) },
  ],
});

/** Every 2-token sequence with its probability in 1e-4 units (exact integers). */
function sequences({ p1, p2 }: Beam): { a: number; b: number; s: number }[] {
  const c1 = cents(p1);
  return c1.flatMap((x, a) => cents(p2[a] as number[]).map((y, b) => ({ a, b, s: x * y })));
}
const firstTop = (c: readonly number[], k: number): number[] => c.map((v, i) => ({ v, i })).sort((x, y) => y.v - x.v).slice(0, k).map((x) => x.i);
const best = (xs: { a: number; b: number; s: number }[]) => xs.reduce((m, x) => (x.s > m.s ? x : m));

function beamPick(q: Beam): { a: number; b: number; s: number } {
  const keep = new Set(firstTop(cents(q.p1), q.k));
  return best(sequences(q).filter((x) => keep.has(x.a)));
}
function greedyPick(q: Beam): { a: number; b: number; s: number } {
  return beamPick({ ...q, k: 1 });
}

export const decBeamBest = defineTemplate<Beam>({
  id: 'dec.beam.best',
  section: SECTIONS.decoding,
  title: lang('束搜索返回的序列概率', 'Probability of the sequence beam search returns'),
  formula: '每步保留得分（$\\sum\\log p$）最高的 $k$ 个前缀；束宽 1 即贪心，结果不一定是全局最优',
  params: [
    { name: 'p1', type: 'vector', min: 3, max: 4, note: 'P(first token)' },
    { name: 'p2', type: 'matrix', note: 'row a = P(second token | first = a)' },
    { name: 'k', type: 'int', min: 2, max: 3, note: 'beam width' },
  ],
  kind: 'real',
  tolerance: REAL,
  targetSeconds: 150,
  sample: (r) => {
    const V = r.pick([3, 3, 4]);
    return { p1: hundredths(r, V, 0.6).map((v) => v / 100), p2: Array.from({ length: V }, () => hundredths(r, V, 1.5).map((v) => v / 100)), k: r.int(2, V - 1) };
  },
  reject: (q) => {
    const c1 = cents(q.p1).sort((x, y) => y - x);
    if (c1[q.k - 1] === c1[q.k] || c1[0] === c1[1]) return 'tie at a beam boundary';
    const seqs = sequences(q).map((x) => x.s).sort((x, y) => y - x);
    if (seqs[0] === seqs[1]) return 'tied best sequences';
    const beam = beamPick(q);
    const inBeam = sequences(q).filter((x) => firstTop(cents(q.p1), q.k).includes(x.a)).map((x) => x.s).sort((x, y) => y - x);
    if (inBeam[0] === inBeam[1]) return 'tie inside the beam';
    const g = greedyPick(q);
    const row = cents(q.p2[g.a] as number[]).sort((x, y) => y - x);
    if (row[0] === row[1]) return 'greedy tie';
    return beam.s === g.s && beam.s === seqs[0] ? 'beam, greedy and optimum agree' : null;
  },
  answer: (q) => beamPick(q).s / 1e4,
  prompt: ({ p1, p2, k }) => ({
    zh: `两步生成，词表为 $\\{${p1.map((_, i) => i).join(',')}\\}$。第一步 $P(y_1)=${vec(p1)}$；第二步 ${p2.map((row, a) => `$P(y_2\\mid y_1=${a})=${vec(row)}$`).join('，')}。束宽 $k=${k}$ 的束搜索（得分 $\\sum\\log p$，无长度惩罚，两步都必须生成），返回的序列概率是多少？`,
    en: `Two decoding steps over tokens $\\{${p1.map((_, i) => i).join(',')}\\}$. Step 1: $P(y_1)=${vec(p1)}$; step 2: ${p2.map((row, a) => `$P(y_2\\mid y_1=${a})=${vec(row)}$`).join(', ')}. Beam search with width $k=${k}$ (score $\\sum\\log p$, no length penalty, both steps always generate) returns which sequence's probability?`,
  }),
  solution: (q) => {
    const keep = firstTop(cents(q.p1), q.k);
    const cands = sequences(q).filter((x) => keep.includes(x.a));
    const b = beamPick(q);
    const list = cands.map((x) => `(${x.a},${x.b}):${fmt(x.s / 1e4)}`).join(',\\ ');
    return worked('P(y_1,y_2)=P(y_1)P(y_2\\mid y_1)', [
      `\\text{step 1 keeps } y_1\\in\\{${keep.join(',')}\\}`,
      list,
      `\\text{best: }(${b.a},${b.b}),\\ ${fmt(at(q.p1, b.a))}\\times ${par(at(q.p2[b.a] as number[], b.b))}=${fmt(b.s / 1e4)}`,
    ]);
  },
  mistakes: [
    { id: 'global-optimum', hint: lang('束搜索第一步只保留 $k$ 个前缀，可能错过全局最优序列。', 'Beam search keeps only $k$ prefixes after step 1 and can miss the global optimum.'), value: (q) => best(sequences(q)).s / 1e4 },
    { id: 'greedy', hint: lang('这是贪心（束宽 1）的结果；束宽为 $k$ 时第一步保留 $k$ 个词元。', 'That is greedy decoding (width 1); with width $k$ step 1 keeps $k$ tokens.'), value: (q) => greedyPick(q).s / 1e4 },
    { id: 'no-product', hint: lang('序列概率是两步概率之积 $P(y_1)P(y_2\\mid y_1)$。', 'A sequence probability is the product $P(y_1)P(y_2\\mid y_1)$.'), value: (q) => { const b = beamPick(q); return at(q.p2[b.a] as number[], b.b); } },
  ],
});

export const decodingTemplates = [decTemperature, decTopPCount, decBeamBest];
