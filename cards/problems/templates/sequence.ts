// Sequence metrics: perplexity from token probabilities and sentence BLEU.
import { defineTemplate, perParams, worked } from '../define.ts';
import { fmt, lang, vec } from '../format.ts';
import type { Rng } from '../rng.ts';
import { PCT } from './depthwise.ts';
import { SECTIONS_B } from './sectionsB.ts';
import { times } from '../arrays.ts';

type Ppl = { p: number[] };
type Bleu = { ref: string[]; cand: string[]; N: number };

const meanNll = (p: readonly number[]): number => p.reduce((a, v) => a - Math.log(v), 0) / p.length;
export const perplexity = ({ p }: Ppl): number => Math.exp(meanNll(p));

export const pplTemplate = defineTemplate<Ppl>({
  id: 'seq.ppl',
  section: SECTIONS_B.seqMetrics,
  title: lang('困惑度', 'Perplexity'),
  formula: '$PPL=\\exp\\left(-\\frac1n\\sum_t\\ln p_t\\right)$',
  params: [{ name: 'p', type: 'vector', min: 4, max: 8, note: 'probability the model gave each actual next token' }],
  kind: 'real',
  tolerance: PCT,
  targetSeconds: 90,
  sample: (r) => ({ p: times(r.int(4, 8), () => r.int(5, 95) / 100) }),
  reject: ({ p }) => (p.some((v) => v <= 0 || v > 1) ? 'not a probability' : null),
  mustDiffer: ['mean-inverse'],
  answer: perplexity,
  prompt: ({ p }) => ({
    zh: `语言模型给一段文本中每个实际出现的下一个 token 的概率依次为 $${vec(p)}$。求这段文本的困惑度（自然对数与 exp 配对）。`,
    en: `A language model gives the actual next tokens of a text the probabilities $${vec(p)}$. What is the perplexity of the text (natural log paired with exp)?`,
  }),
  solution: ({ p }) =>
    worked('PPL=\\exp\\left(-\\frac1n\\sum_t\\ln p_t\\right)', [
      `-\\frac1{${p.length}}\\sum\\ln p_t=-\\frac{${p.map((v) => `\\ln ${fmt(v)}`).join('+')}}{${p.length}}=${fmt(meanNll(p))}`,
      `PPL=e^{${fmt(meanNll(p))}}=${fmt(perplexity({ p }))}`,
    ], { zh: '困惑度是平均负对数似然（交叉熵）的指数，也是 $1/p_t$ 的几何平均。', en: 'Perplexity is the exponential of the mean negative log-likelihood (the cross-entropy): the geometric mean of $1/p_t$.' }),
  mistakes: [
    { id: 'mean-inverse', hint: lang('困惑度是 $1/p_t$ 的**几何**平均，不是算术平均。', 'Perplexity is the **geometric** mean of $1/p_t$, not the arithmetic mean.'), value: ({ p }) => p.reduce((a, v) => a + 1 / v, 0) / p.length },
    { id: 'not-exponentiated', hint: lang('这是交叉熵（平均负对数似然）；困惑度还要取 exp。', 'That is the cross-entropy (mean NLL); perplexity exponentiates it.'), value: ({ p }) => meanNll(p) },
    { id: 'base-mismatch', hint: lang('底数要配对：自然对数配 $e^x$，不能配 $2^x$。', 'Match the bases: a natural log goes with $e^x$, not $2^x$.'), value: ({ p }) => 2 ** meanNll(p) },
    { id: 'inverse-mean-p', hint: lang('不是 $1/\\bar p$：先对每个 $p_t$ 取对数再平均。', 'Not $1/\\bar p$: average the logs of each $p_t$.'), value: ({ p }) => p.length / p.reduce((a, v) => a + v, 0) },
  ],
});

/** Words → small ids shared by both lists, so an n-gram becomes one numeric key (cheaper than joined strings). */
function encode(ref: readonly string[], cand: readonly string[]): { r: number[]; c: number[]; base: number } {
  const ids = new Map<string, number>();
  const enc = (ws: readonly string[]): number[] =>
    ws.map((w) => {
      let id = ids.get(w);
      if (id === undefined) {
        id = ids.size + 1;
        ids.set(w, id);
      }
      return id;
    });
  const r = enc(ref);
  const c = enc(cand);
  return { r, c, base: ids.size + 1 };
}

function gramCounts(xs: readonly number[], n: number, base: number): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i + n <= xs.length; i += 1) {
    let k = 0;
    for (let j = 0; j < n; j += 1) k = k * base + (xs[i + j] as number);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** Modified n-gram precisions for n = 1..N: matches clipped by the reference count. */
export function ngramPrecisions(ref: readonly string[], cand: readonly string[], N: number, clip = true): { matched: number; total: number }[] {
  const { r, c, base } = encode(ref, cand);
  const out: { matched: number; total: number }[] = [];
  for (let n = 1; n <= N; n += 1) {
    const rc = gramCounts(r, n, base);
    let matched = 0;
    let total = 0;
    for (const [g, k] of gramCounts(c, n, base)) {
      total += k;
      const inRef = rc.get(g) ?? 0;
      matched += clip ? Math.min(k, inRef) : inRef > 0 ? k : 0;
    }
    out.push({ matched, total });
  }
  return out;
}

interface BleuOpts {
  clip?: boolean;
  bp?: 'standard' | 'none' | 'inverted';
  arithmetic?: boolean;
}

export const brevity = (r: number, c: number, mode: BleuOpts['bp'] = 'standard'): number =>
  mode === 'none' || c > r ? 1 : mode === 'inverted' ? Math.exp(1 - c / r) : Math.exp(1 - r / c);

// reject, the answer and three of the four mistakes read the clipped precisions: once per variant.
const clippedPrecisions = perParams((q: Bleu) => ngramPrecisions(q.ref, q.cand, q.N));

export function bleu(q: Bleu, o: BleuOpts = {}): number {
  const { ref, cand, N } = q;
  const ps = (o.clip ?? true) ? clippedPrecisions(q) : ngramPrecisions(ref, cand, N, false);
  let mean = 0;
  for (const { matched, total } of ps) mean += o.arithmetic ? matched / total : Math.log(matched / total);
  mean = o.arithmetic ? mean / N : Math.exp(mean / N);
  return brevity(ref.length, cand.length, o.bp) * mean;
}

const VOCAB = ['the', 'a', 'cat', 'dog', 'sat', 'on', 'mat', 'red', 'ran'] as const;

function sampleBleu(r: Rng): Bleu {
  const ref = times(r.int(5, 8), () => r.pick(VOCAB) as string);
  const cand = [...ref];
  for (let e = r.int(1, 3); e > 0; e -= 1) {
    const i = r.int(0, cand.length - 1);
    const kind = r.int(0, 4);
    if (kind === 0 && i + 1 < cand.length) [cand[i], cand[i + 1]] = [cand[i + 1] as string, cand[i] as string];
    else if (kind === 1) cand[i] = r.pick(VOCAB);
    else if (kind === 2 && cand.length > 3) cand.splice(i, 1);
    else cand.splice(r.int(0, cand.length), 0, cand[i] as string); // a repeated word: clipping matters
  }
  return { ref, cand, N: r.pick([1, 1, 2, 2, 3]) };
}

const words = (ws: readonly string[]): string => `\`${ws.join(' ')}\``;

export const bleuTemplate = defineTemplate<Bleu>({
  id: 'seq.bleu',
  section: SECTIONS_B.seqMetrics,
  title: lang('句子级 BLEU（单参考）', 'Sentence BLEU (one reference)'),
  formula: '$BLEU=BP\\cdot\\exp\\left(\\sum_{n=1}^N\\frac1N\\ln p_n\\right),\\ BP=\\begin{cases}1&c>r\\\\e^{1-r/c}&c\\le r\\end{cases}$',
  params: [
    { name: 'ref', type: 'words', note: 'reference tokens' },
    { name: 'cand', type: 'words', note: 'candidate tokens' },
    { name: 'N', type: 'int', min: 1, max: 3, note: 'max n-gram order' },
  ],
  kind: 'real',
  tolerance: PCT,
  targetSeconds: 180,
  sample: sampleBleu,
  reject: (q) => {
    if (q.cand.length < q.N || q.ref.length < q.N) return 'shorter than N';
    if (clippedPrecisions(q).some((x) => x.matched === 0)) return 'a zero precision makes BLEU 0';
    return q.ref.length === q.cand.length && q.ref.every((w, i) => w === q.cand[i]) ? 'identical' : null;
  },
  answer: (q) => bleu(q),
  prompt: (q) => ({
    zh: `参考译文 ${words(q.ref)}（$r=${q.ref.length}$ 词），候选译文 ${words(q.cand)}（$c=${q.cand.length}$ 词）。求 BLEU-${q.N}：单一参考、截断（clipped）$n$-gram 精确率 $n=1..${q.N}$、权重均为 $1/${q.N}$（几何平均）、$BP=1$（$c>r$）否则 $e^{1-r/c}$，不做平滑。`,
    en: `Reference ${words(q.ref)} ($r=${q.ref.length}$ words), candidate ${words(q.cand)} ($c=${q.cand.length}$ words). What is BLEU-${q.N}: one reference, clipped $n$-gram precisions for $n=1..${q.N}$, uniform weights $1/${q.N}$ (geometric mean), $BP=1$ if $c>r$ else $e^{1-r/c}$, no smoothing?`,
  }),
  solution: (q) => {
    const steps: string[] = [];
    let logSum = 0;
    ngramPrecisions(q.ref, q.cand, q.N).forEach(({ matched, total }, k) => {
      logSum += Math.log(matched / total);
      steps.push(`p_${k + 1}=\\frac{${matched}}{${total}}=${fmt(matched / total)}`);
    });
    const bp = brevity(q.ref.length, q.cand.length);
    steps.push(q.cand.length > q.ref.length ? `c=${q.cand.length}>r=${q.ref.length}:\\ BP=1` : `BP=e^{1-${q.ref.length}/${q.cand.length}}=${fmt(bp)}`);
    steps.push(`BLEU=${fmt(bp)}\\times\\exp\\left(\\frac1{${q.N}}(${fmt(logSum)})\\right)=${fmt(bleu(q))}`);
    return worked('BLEU=BP\\cdot\\exp\\left(\\frac1N\\sum_n\\ln p_n\\right)', steps, {
      zh: '截断：候选中每个 $n$-gram 的匹配次数不超过它在参考中出现的次数。',
      en: 'Clipping: a candidate $n$-gram matches at most as often as it occurs in the reference.',
    });
  },
  mistakes: [
    { id: 'unclipped', hint: lang('匹配数要截断到参考中的出现次数（modified precision）。', 'Clip each match count at its count in the reference (modified precision).'), value: (q) => bleu(q, { clip: false }) },
    { id: 'no-brevity-penalty', hint: lang('候选不比参考长时要乘简短惩罚 $BP=e^{1-r/c}$。', 'A candidate no longer than the reference gets the brevity penalty $BP=e^{1-r/c}$.'), value: (q) => bleu(q, { bp: 'none' }) },
    { id: 'bp-inverted', hint: lang('$BP=e^{1-r/c}$（$r$ 参考长度，$c$ 候选长度），不是 $e^{1-c/r}$。', '$BP=e^{1-r/c}$ ($r$ reference, $c$ candidate length), not $e^{1-c/r}$.'), value: (q) => bleu(q, { bp: 'inverted' }) },
    { id: 'arithmetic-mean', hint: lang('各阶精确率取几何平均（对数的平均），不是算术平均。', 'Combine the precisions by a geometric mean (mean of logs), not an arithmetic one.'), value: (q) => bleu(q, { arithmetic: true }) },
  ],
});
