// Decoding: temperature, nucleus (top-p) sampling and beam search.
import { defineTemplate, INT, perParams, REAL, worked } from '../define.ts';
import { fmt, lang, p as par, vec } from '../format.ts';
import { softmax, sum } from '../math.ts';
import type { Rng } from '../rng.ts';
import { SECTIONS } from '../sections.ts';
import { times } from '../arrays.ts';

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
    const z = times(r.int(3, 5), () => r.int(-30, 30) / 10);
    return { z, T: r.pick([0.25, 0.5, 0.7, 0.8, 1.5, 2, 3]), k: r.int(0, z.length - 1) };
  },
  reject: ({ z, T, k }) => {
    if (k >= z.length) return 'index out of range';
    if (z.every((v) => v === z[0])) return 'uniform logits';
    // 1.1e-6 is right but tells nothing about temperature: keep probabilities one can reason about.
    return at(softmax(z.map((v) => v / T)), k) < 0.001 ? 'negligible probability' : null;
  },
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
  const w = times(n, () => Math.exp((r.next() * 2 - 1) * spread));
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

/** The cumulative sums of `c` (integers) between lo and hi inclusive, in order. */
function prefixSumsWithin(c: readonly number[], lo: number, hi: number): number[] {
  const out: number[] = [];
  let acc = 0;
  for (let i = 0; i < c.length; i += 1) {
    acc += c[i] as number;
    if (acc >= lo && acc <= hi) out.push(acc);
  }
  return out;
}

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
    const sums = prefixSumsWithin(desc(c), 50, 95);
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

type Pick = { a: number; b: number; s: number };
interface BeamRun {
  keep: number[]; // first tokens kept after step 1, best first
  beam: Pick; // what width k returns
  greedy: Pick;
  best: Pick; // the global optimum
  tie: boolean; // a tie anywhere a ranking decides
}

/**
 * Beam search over two steps in exact integers (probabilities in hundredths,
 * sequence scores in 1e-4 units), with the greedy path and the global optimum.
 * One pass: the sampler rejects a few draws per variant, so this must be cheap.
 */
function beamSearch({ p1, p2, k }: Beam): BeamRun {
  const V = p1.length;
  const c1 = cents(p1);
  const order = c1.map((_, i) => i).sort((x, y) => (c1[y] as number) - (c1[x] as number));
  const rank = new Array<number>(V);
  order.forEach((a, i) => (rank[a] = i));
  // Best and runner-up score among first tokens of rank < n, for n = 1 (greedy), k (beam), V (all).
  const limits = [1, k, V];
  const best: Pick[] = limits.map(() => ({ a: -1, b: -1, s: -1 }));
  const second = limits.map(() => -1);
  for (let a = 0; a < V; a++) {
    const row = p2[a] as number[];
    for (let b = 0; b < row.length; b++) {
      const s = (c1[a] as number) * Math.round((row[b] as number) * 100);
      for (let j = 0; j < 3; j++) {
        if ((rank[a] as number) >= (limits[j] as number)) continue;
        const cur = best[j] as Pick;
        if (s > cur.s) {
          second[j] = cur.s;
          best[j] = { a, b, s };
        } else if (s > (second[j] as number)) second[j] = s;
      }
    }
  }
  const tie = c1[order[0] as number] === c1[order[1] as number] || c1[order[k - 1] as number] === c1[order[k] as number] || best.some((x, j) => x.s === second[j]);
  return { keep: order.slice(0, k), greedy: best[0] as Pick, beam: best[1] as Pick, best: best[2] as Pick, tie };
}
// reject, answer and three mistakes all read the same run: search once per variant.
const runBeam = perParams(beamSearch);

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
    const c1 = hundredths(r, V, 0.6);
    const rows = times(V, () => hundredths(r, V, r.pick([0.4, 1.5, 2.5])));
    // Half the time the likeliest first token gets the flattest row (greedy falls
    // behind the beam), else the least likely one gets the sharpest (the beam
    // misses the optimum): far fewer redraws than leaving it to chance.
    const peaks = rows.map((row) => Math.max(...row));
    const first = c1.indexOf(Math.max(...c1));
    const last = c1.indexOf(Math.min(...c1));
    const [to, from] = r.bool() ? [first, peaks.indexOf(Math.min(...peaks))] : [last, peaks.indexOf(Math.max(...peaks))];
    [rows[to], rows[from]] = [rows[from] as number[], rows[to] as number[]];
    return { p1: c1.map((v) => v / 100), p2: rows.map((row) => row.map((v) => v / 100)), k: r.int(2, V - 1) };
  },
  reject: (q) => {
    if (q.p2.length !== q.p1.length || q.k < 2 || q.k >= q.p1.length) return 'shape';
    const run = runBeam(q);
    if (run.tie) return 'a tie where a ranking decides';
    return run.beam.s === run.greedy.s && run.beam.s === run.best.s ? 'beam, greedy and optimum agree' : null;
  },
  answer: (q) => runBeam(q).beam.s / 1e4,
  prompt: ({ p1, p2, k }) => ({
    zh: `两步生成，词表为 $\\{${p1.map((_, i) => i).join(',')}\\}$。第一步 $P(y_1)=${vec(p1)}$；第二步 ${p2.map((row, a) => `$P(y_2\\mid y_1=${a})=${vec(row)}$`).join('，')}。束宽 $k=${k}$ 的束搜索（得分 $\\sum\\log p$，无长度惩罚，两步都必须生成），返回的序列概率是多少？`,
    en: `Two decoding steps over tokens $\\{${p1.map((_, i) => i).join(',')}\\}$. Step 1: $P(y_1)=${vec(p1)}$; step 2: ${p2.map((row, a) => `$P(y_2\\mid y_1=${a})=${vec(row)}$`).join(', ')}. Beam search with width $k=${k}$ (score $\\sum\\log p$, no length penalty, both steps always generate) returns a sequence: what is its probability?`,
  }),
  solution: (q) => {
    const { keep, beam: b } = runBeam(q);
    const list = keep.flatMap((a) => (q.p2[a] as number[]).map((y, j) => `(${a},${j}):${fmt((Math.round(at(q.p1, a) * 100) * Math.round(y * 100)) / 1e4)}`)).join(',\\ ');
    return worked('P(y_1,y_2)=P(y_1)P(y_2\\mid y_1)', [
      `\\text{step 1 keeps } y_1\\in\\{${keep.join(',')}\\}`,
      list,
      `\\text{best: }(${b.a},${b.b}),\\ ${fmt(at(q.p1, b.a))}\\times ${par(at(q.p2[b.a] as number[], b.b))}=${fmt(b.s / 1e4)}`,
    ]);
  },
  mistakes: [
    { id: 'global-optimum', hint: lang('束搜索第一步只保留 $k$ 个前缀，可能错过全局最优序列。', 'Beam search keeps only $k$ prefixes after step 1 and can miss the global optimum.'), value: (q) => runBeam(q).best.s / 1e4 },
    { id: 'greedy', hint: lang('这是贪心（束宽 1）的结果；束宽为 $k$ 时第一步保留 $k$ 个词元。', 'That is greedy decoding (width 1); with width $k$ step 1 keeps $k$ tokens.'), value: (q) => runBeam(q).greedy.s / 1e4 },
    { id: 'no-product', hint: lang('序列概率是两步概率之积 $P(y_1)P(y_2\\mid y_1)$。', 'A sequence probability is the product $P(y_1)P(y_2\\mid y_1)$.'), value: (q) => { const b = runBeam(q).beam; return at(q.p2[b.a] as number[], b.b); } },
  ],
});

export const decodingTemplates = [decTemperature, decTopPCount, decBeamBest];
