// Object detection: IoU, greedy NMS, anchor counts and VOC all-point AP.
import { defineTemplate, INT, perParams, worked } from '../define.ts';
import { fmt, lang, vec } from '../format.ts';
import type { Rng } from '../rng.ts';
import { PCT } from './depthwise.ts';
import { SECTIONS_B } from './sectionsB.ts';
import { times } from '../arrays.ts';

type Box = number[]; // [x1, y1, x2, y2]
type IouP = { a: Box; b: Box };
type NmsP = { boxes: Box[]; scores: number[]; thr: number };
type AnchorP = { H: number; W: number; strides: number[]; A: number };
type ApP = { tp: number[]; n_gt: number };

const b4 = (b: Box): [number, number, number, number] => [b[0] as number, b[1] as number, b[2] as number, b[3] as number];
// Indexing instead of destructuring into tuples: NMS and its mistakes call these a lot.
const area = (b: Box, plus = 0): number => ((b[2] as number) - (b[0] as number) + plus) * ((b[3] as number) - (b[1] as number) + plus);

/** Overlap area in continuous coordinates (`plus` = 1 gives the old pixel-inclusive convention). */
export function intersection(a: Box, b: Box, plus = 0): number {
  const w = Math.min(a[2] as number, b[2] as number) - Math.max(a[0] as number, b[0] as number) + plus;
  const h = Math.min(a[3] as number, b[3] as number) - Math.max(a[1] as number, b[1] as number) + plus;
  return w > 0 && h > 0 ? w * h : 0;
}

export function iou(a: Box, b: Box, plus = 0): number {
  const i = intersection(a, b, plus);
  return i / (area(a, plus) + area(b, plus) - i);
}

const boxText = (b: Box): string => vec(b);

function sampleBox(r: Rng, x0: number, y0: number): Box {
  const x1 = Math.max(0, x0);
  const y1 = Math.max(0, y0);
  return [x1, y1, x1 + r.int(1, 8), y1 + r.int(1, 8)];
}

export const iouTemplate = defineTemplate<IouP>({
  id: 'det.iou',
  section: SECTIONS_B.detection,
  title: lang('两个框的 IoU', 'IoU of two boxes'),
  formula: '$IoU=\\frac{|A\\cap B|}{|A|+|B|-|A\\cap B|}$，连续坐标，宽 $=x_2-x_1$',
  params: [
    { name: 'a', type: 'vector', min: 4, max: 4, note: '[x1, y1, x2, y2]' },
    { name: 'b', type: 'vector', min: 4, max: 4, note: '[x1, y1, x2, y2]' },
  ],
  kind: 'real',
  tolerance: PCT,
  targetSeconds: 60,
  sample: (r) => {
    const a = sampleBox(r, r.int(0, 12), r.int(0, 12));
    return { a, b: sampleBox(r, (a[0] as number) + r.int(-4, 6), (a[1] as number) + r.int(-4, 6)) };
  },
  // Touching boxes (IoU 0, the table's example) are kept: they test the no-+1 rule. Boxes
  // apart by a gap are redrawn by mustDiffer (+1 gives 0 as well).
  reject: ({ a, b }) => (a.length !== 4 || b.length !== 4 ? 'not a box' : a.every((v, i) => v === b[i]) ? 'identical boxes' : null),
  mustDiffer: ['plus-one'],
  answer: ({ a, b }) => iou(a, b),
  prompt: ({ a, b }) => ({
    zh: `两个框 $A=${boxText(a)}$，$B=${boxText(b)}$，格式 $[x_1,y_1,x_2,y_2]$，坐标是连续的（宽 $=x_2-x_1$，不加 1）。求 IoU。`,
    en: `Boxes $A=${boxText(a)}$ and $B=${boxText(b)}$ in $[x_1,y_1,x_2,y_2]$ format with continuous coordinates (width $=x_2-x_1$, no $+1$). What is their IoU?`,
  }),
  solution: ({ a, b }) => {
    const [ax1, ay1, ax2, ay2] = b4(a);
    const [bx1, by1, bx2, by2] = b4(b);
    const i = intersection(a, b);
    const u = area(a) + area(b) - i;
    return worked('IoU=\\frac{I}{|A|+|B|-I}', [
      `I=(\\min(${ax2},${bx2})-\\max(${ax1},${bx1}))\\times(\\min(${ay2},${by2})-\\max(${ay1},${by1}))=${Math.min(ax2, bx2) - Math.max(ax1, bx1)}\\times ${Math.min(ay2, by2) - Math.max(ay1, by1)}=${i}`,
      `|A|=${ax2 - ax1}\\times ${ay2 - ay1}=${area(a)},\\ |B|=${bx2 - bx1}\\times ${by2 - by1}=${area(b)}`,
      `IoU=\\frac{${i}}{${area(a)}+${area(b)}-${i}}=\\frac{${i}}{${u}}=${fmt(i / u)}`,
    ]);
  },
  mistakes: [
    { id: 'plus-one', hint: lang('本题是连续坐标：宽是 $x_2-x_1$，不加 1（加 1 是旧的像素索引约定）。', 'Continuous coordinates: the width is $x_2-x_1$, no $+1$ (that is the old pixel-index convention).'), value: ({ a, b }) => iou(a, b, 1) },
    { id: 'over-sum', hint: lang('并集要减去一次交集：$|A|+|B|-I$。', 'The union subtracts the overlap once: $|A|+|B|-I$.'), value: ({ a, b }) => intersection(a, b) / (area(a) + area(b)) },
    { id: 'over-min-area', hint: lang('分母是并集，不是较小框的面积。', 'Divide by the union, not the smaller box’s area.'), value: ({ a, b }) => intersection(a, b) / Math.min(area(a), area(b)) },
  ],
});

interface NmsOpts {
  /** A box suppressed by a kept box still suppresses lower-scored boxes (wrong). */
  suppressedSuppress?: boolean;
  /** Walk the boxes in the given order instead of by descending score (wrong). */
  inputOrder?: boolean;
}

/** IoU of every pair of boxes, [k][i] = IoU(box k, box i); once per variant, shared by the answer and its mistakes. */
const iouTable = perParams(({ boxes }: NmsP): number[][] => boxes.map((bk) => boxes.map((bi) => iou(bk, bi))));

/** Indices kept by greedy NMS: a box is dropped when its IoU with a kept, higher-scored box exceeds thr. */
export function nmsKept(q: NmsP, o: NmsOpts = {}): number[] {
  const { boxes, scores, thr } = q;
  const table = iouTable(q);
  const order = boxes.map((_, i) => i);
  if (!o.inputOrder) order.sort((i, j) => (scores[j] as number) - (scores[i] as number));
  const kept: number[] = [];
  const seen: number[] = [];
  for (const i of order) {
    const against = o.suppressedSuppress ? seen : kept;
    let keep = true;
    for (let a = 0; a < against.length && keep; a += 1) keep = ((table[against[a] as number] as number[])[i] as number) <= thr;
    if (keep) kept.push(i);
    seen.push(i);
  }
  return kept;
}
// The answer and the counted-suppressed mistake read the same run.
const keptByNms = perParams((q: NmsP): number[] => nmsKept(q));

const THRS = [0.3, 0.4, 0.5, 0.6, 0.7] as const;

function sampleNms(r: Rng): NmsP {
  // A chain A, B, C shifted by s: B overlaps both, A and C overlap less. Greedy NMS
  // keeps A and C when thr lies between IoU(A,C) and IoU(A,B): that separates
  // the right rule from "suppressed boxes also suppress".
  const w = r.int(4, 7);
  const h = r.int(4, 7);
  const s = r.int(1, 2);
  const x0 = r.int(0, 3);
  const y0 = r.int(0, 5);
  const chain: Box[] = [0, 1, 2].map((k) => [x0 + k * s, y0, x0 + k * s + w, y0 + h]);
  const ab = iou(chain[0] as Box, chain[1] as Box);
  const ac = iou(chain[0] as Box, chain[2] as Box);
  const good = THRS.filter((t) => t >= ac && t < ab);
  const thr = good.length > 0 && r.next() < 0.8 ? r.pick(good) : r.pick(THRS);
  const cx = x0 + 2 * s + w + r.int(1, 4);
  const cy = r.int(0, 6);
  const others: Box[] = times(r.int(1, 3), () => sampleBox(r, cx + r.int(-2, 2), cy + r.int(-2, 2)).map((v, i) => (i >= 2 ? v + 2 : v)));
  const all = [...chain, ...others];
  // Distinct scores in steps of 0.05, the chain in descending order.
  const pool = times(19, (i) => (i + 1) * 5);
  const picked: number[] = [];
  for (let k = 0; k < all.length; k += 1) picked.push(pool.splice(r.int(0, pool.length - 1), 1)[0] as number);
  const chainScores = picked.slice(0, 3).sort((x, y) => y - x);
  const raw = [...chainScores, ...picked.slice(3)].map((v) => v / 100);
  // Shuffle so the input order is not the score order.
  const idx = all.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i -= 1) {
    const j = r.int(0, i);
    [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
  }
  return { boxes: idx.map((i) => all[i] as Box), scores: idx.map((i) => raw[i] as number), thr };
}

export const nmsTemplate = defineTemplate<NmsP>({
  id: 'det.nms.kept',
  section: SECTIONS_B.detection,
  title: lang('贪心 NMS 保留的框数', 'Boxes kept by greedy NMS'),
  formula: '按分数降序，依次保留与**已保留**框的 IoU 均 $\\le$ 阈值的框',
  params: [
    { name: 'boxes', type: 'matrix', note: '[x1, y1, x2, y2] rows' },
    { name: 'scores', type: 'vector', note: 'distinct' },
    { name: 'thr', type: 'real', min: 0.3, max: 0.7 },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 180,
  sample: sampleNms,
  reject: ({ boxes, scores }) => (boxes.length !== scores.length ? 'length mismatch' : new Set(scores).size !== scores.length ? 'tied scores' : null),
  mustDiffer: ['suppressed-also-suppress'],
  answer: (q) => keptByNms(q).length,
  prompt: ({ boxes, scores, thr }) => {
    const list = boxes.map((b, i) => `$${i}: ${boxText(b)}, s=${fmt(scores[i] as number)}$`).join('; ');
    return {
      zh: `检测框（$[x_1,y_1,x_2,y_2]$，连续坐标）与分数：${list}。做贪心 NMS：按分数从高到低，若某框与**已保留**的框 IoU $>${fmt(thr)}$ 则抑制。最后保留几个框？`,
      en: `Detections ($[x_1,y_1,x_2,y_2]$, continuous coordinates) with scores: ${list}. Run greedy NMS: in descending score order, suppress a box whose IoU with an **already kept** box is $>${fmt(thr)}$. How many boxes are kept?`,
    };
  },
  solution: (q) => {
    const order = q.boxes.map((_, i) => i).sort((i, j) => (q.scores[j] as number) - (q.scores[i] as number));
    const kept: number[] = [];
    const steps: string[] = [];
    for (const i of order) {
      const worst = kept.reduce<{ k: number; v: number } | null>((m, k) => {
        const v = iou(q.boxes[k] as Box, q.boxes[i] as Box);
        return m === null || v > m.v ? { k, v } : m;
      }, null);
      const keep = worst === null || worst.v <= q.thr;
      if (keep) kept.push(i);
      const vs = worst === null ? '' : `\\max IoU=IoU(${i},${worst.k})=${fmt(worst.v, 4)}${keep ? '\\le' : '>'}${fmt(q.thr)}`;
      steps.push(`\\text{box } ${i}\\ (s=${fmt(q.scores[i] as number)}): ${vs}\\ \\Rightarrow\\ \\text{${keep ? 'keep' : 'suppress'}}`);
    }
    steps.push(`\\#\\text{kept}=${kept.length}`);
    return worked('\\text{keep } i \\iff \\max_{k\\in\\text{kept}} IoU(i,k)\\le \\text{thr}', steps, {
      zh: '只和已保留的框比较；被抑制的框不再抑制别的框。',
      en: 'Compare only with boxes already kept; a suppressed box suppresses nothing.',
    });
  },
  mistakes: [
    { id: 'suppressed-also-suppress', hint: lang('被抑制的框已经删除，不能再抑制后面的框。', 'A suppressed box is gone: it cannot suppress later boxes.'), value: (q) => nmsKept(q, { suppressedSuppress: true }).length },
    { id: 'input-order', hint: lang('先按分数从高到低排序，再逐个处理。', 'Sort by descending score first, then walk the boxes.'), value: (q) => nmsKept(q, { inputOrder: true }).length },
    { id: 'counted-suppressed', hint: lang('问的是保留的框数，不是被抑制的框数。', 'The question asks for the kept boxes, not the suppressed ones.'), value: (q) => q.boxes.length - keptByNms(q).length },
  ],
});

interface AnchorOpts {
  round?: (x: number) => number;
  perCell?: number;
}

export const anchorCount = ({ H, W, strides, A }: AnchorP, o: AnchorOpts = {}): number => {
  const round = o.round ?? Math.ceil;
  return strides.reduce((acc, s) => acc + round(H / s) * round(W / s) * (o.perCell ?? A), 0);
};

const STRIDE_SETS: readonly (readonly number[])[] = [[8, 16, 32], [4, 8, 16, 32], [8, 16, 32, 64], [4, 8, 16, 32, 64], [16, 32]];

export const anchorsTemplate = defineTemplate<AnchorP>({
  id: 'det.anchors.count',
  section: SECTIONS_B.detection,
  title: lang('多尺度特征图上的锚框总数', 'Anchors over a feature pyramid'),
  formula: '$\\sum_s \\lceil H/s\\rceil\\lceil W/s\\rceil A$',
  params: [
    { name: 'H', type: 'int', min: 200, max: 1400 },
    { name: 'W', type: 'int', min: 200, max: 1400 },
    { name: 'strides', type: 'vector', note: 'one feature map per stride' },
    { name: 'A', type: 'int', min: 1, max: 9, note: 'anchors per cell' },
  ],
  kind: 'int',
  tolerance: INT,
  targetSeconds: 120,
  sample: (r) => ({ H: r.int(200, 1400), W: r.int(200, 1400), strides: [...r.pick(STRIDE_SETS)], A: r.pick([1, 3, 9]) }),
  reject: ({ strides }) => (strides.length === 0 || strides.some((s) => s < 1) ? 'no stride' : null),
  mustDiffer: ['floor'],
  answer: (q) => anchorCount(q),
  prompt: ({ H, W, strides, A }) => ({
    zh: `输入图像 $${H}\\times ${W}$（高×宽），特征金字塔的步长为 $${vec(strides)}$，每个步长 $s$ 的特征图大小为 $\\lceil H/s\\rceil\\times\\lceil W/s\\rceil$（向上取整，即 padding 到整除），每个位置 $A=${A}$ 个锚框。共多少个锚框？`,
    en: `An input image of $${H}\\times ${W}$ (height × width), a feature pyramid with strides $${vec(strides)}$, each stride $s$ giving a $\\lceil H/s\\rceil\\times\\lceil W/s\\rceil$ map (rounded up, i.e. padded to a multiple), and $A=${A}$ anchors per position. How many anchors are there in total?`,
  }),
  solution: (q) => {
    const terms = q.strides.map((s) => `${Math.ceil(q.H / s)}\\times ${Math.ceil(q.W / s)}`);
    return worked('A\\sum_s\\lceil H/s\\rceil\\lceil W/s\\rceil', [
      ...q.strides.map((s) => `s=${s}: \\lceil ${q.H}/${s}\\rceil\\times\\lceil ${q.W}/${s}\\rceil=${Math.ceil(q.H / s)}\\times ${Math.ceil(q.W / s)}=${Math.ceil(q.H / s) * Math.ceil(q.W / s)}`),
      `${q.A}\\times(${terms.join('+')})=${anchorCount(q)}`,
    ]);
  },
  mistakes: [
    { id: 'floor', hint: lang('特征图大小向上取整：$\\lceil H/s\\rceil$。', 'Round the map size up: $\\lceil H/s\\rceil$.'), value: (q) => anchorCount(q, { round: Math.floor }) },
    { id: 'forgot-anchors', hint: lang('每个位置有 $A$ 个锚框。', 'Each position has $A$ anchors.'), value: (q) => anchorCount(q, { perCell: 1 }) },
    { id: 'no-rounding', hint: lang('特征图的边长是整数：先取整再相乘。', 'Map sides are integers: round before multiplying.'), value: (q) => anchorCount(q, { round: (x) => x }) },
  ],
});

/** Precision after each ranked detection. */
const precisions = (tp: readonly number[]): number[] => {
  let hits = 0;
  return tp.map((t, i) => (hits += t) / (i + 1));
};

interface ApOpts {
  interpolate?: boolean;
  /** Divide by the number of true positives found instead of n_gt (wrong). */
  byHits?: boolean;
}

/** Σ over recall steps of Δr × precision (interpolated: the max precision at any later rank). */
export function apAllPoint({ tp, n_gt }: ApP, o: ApOpts = {}): number {
  const prec = precisions(tp);
  const hits = tp.reduce((a, b) => a + b, 0);
  const denom = o.byHits ? hits : n_gt;
  let ap = 0;
  tp.forEach((t, i) => {
    if (t !== 1) return;
    ap += (o.interpolate === false ? (prec[i] as number) : Math.max(...prec.slice(i))) / denom;
  });
  return ap;
}

/** VOC2007's 11-point variant (a recognised mistake here). */
export function ap11({ tp, n_gt }: ApP): number {
  const prec = precisions(tp);
  let hits = 0;
  const rec = tp.map((t) => (hits += t) / n_gt);
  let s = 0;
  for (let k = 0; k <= 10; k += 1) {
    const at = prec.filter((_, i) => (rec[i] as number) >= k / 10 - 1e-12);
    s += at.length ? Math.max(...at) : 0;
  }
  return s / 11;
}

export const apTemplate = defineTemplate<ApP>({
  id: 'det.ap.allpoint',
  section: SECTIONS_B.detection,
  title: lang('AP（VOC 全点插值）', 'Average precision (VOC all-point)'),
  formula: '$AP=\\sum_k (r_k-r_{k-1})\\,p_{interp}(r_k),\\ p_{interp}(r)=\\max_{r\'\\ge r}p(r\')$',
  params: [
    { name: 'tp', type: 'vector', min: 5, max: 9, note: '1 = true positive, ranked by descending score' },
    { name: 'n_gt', type: 'int', min: 1, note: 'ground-truth objects, ≥ number of TPs' },
  ],
  kind: 'real',
  tolerance: PCT,
  targetSeconds: 180,
  sample: (r) => {
    const tp: number[] = times(r.int(5, 9), () => (r.next() < 0.5 ? 1 : 0));
    return { tp, n_gt: tp.reduce((a, b) => a + b, 0) + r.int(0, 2) };
  },
  reject: ({ tp, n_gt }) => {
    const hits = tp.reduce((a, b) => a + b, 0);
    return hits === 0 ? 'no true positive' : n_gt < hits ? 'more hits than objects' : hits === tp.length ? 'no false positive' : null;
  },
  mustDiffer: ['non-interpolated'],
  answer: (q) => apAllPoint(q),
  prompt: ({ tp, n_gt }) => ({
    zh: `某类共有 $${n_gt}$ 个真实目标。按分数从高到低排列的检测结果是否为 TP：$${vec(tp)}$（1 = TP，0 = FP）。求 VOC 全点插值 AP（每个召回点取其右侧的最大精确率）。`,
    en: `A class has $${n_gt}$ ground-truth objects. The detections, ranked by descending score, are TP/FP: $${vec(tp)}$ (1 = TP, 0 = FP). What is the VOC all-point interpolated AP (each recall level takes the maximum precision at that recall or beyond)?`,
  }),
  solution: (q) => {
    const prec = precisions(q.tp);
    const interp = q.tp.flatMap((t, i) => (t === 1 ? [Math.max(...prec.slice(i))] : []));
    return worked('AP=\\frac{1}{N_{gt}}\\sum_{\\text{TP ranks } i}\\max_{j\\ge i}P_j', [
      `P=${vec(prec.map((v) => Number(v.toFixed(4))))}`,
      `p_{interp}\\text{ at the TP ranks}: ${vec(interp.map((v) => Number(v.toFixed(4))))}`,
      `AP=\\frac{${interp.map((v) => fmt(v, 4)).join('+')}}{${q.n_gt}}=${fmt(apAllPoint(q))}`,
    ], {
      zh: '每个 TP 让召回率增加 $1/N_{gt}$；该段的高度是这一名次及之后的最大精确率。',
      en: 'Each TP raises recall by $1/N_{gt}$; that step’s height is the maximum precision at this rank or later.',
    });
  },
  mistakes: [
    { id: 'non-interpolated', hint: lang('VOC 全点 AP 要插值：每个召回点取它及之后的最大精确率。', 'VOC all-point AP interpolates: each recall level takes the maximum precision at or beyond it.'), value: (q) => apAllPoint(q, { interpolate: false }) },
    { id: 'eleven-point', hint: lang('这是 VOC2007 的 11 点插值；本题要全点插值。', 'That is VOC2007’s 11-point AP; this asks for all-point interpolation.'), value: ap11 },
    { id: 'ignored-missed', hint: lang('除以真实目标数 $N_{gt}$：没检出的目标让召回率到不了 1。', 'Divide by the ground-truth count $N_{gt}$: missed objects keep recall below 1.'), value: (q) => apAllPoint(q, { byHits: true }) },
  ],
});
