// Which scheduler predicts this learner better: a time-ordered split (fit on
// the earlier reviews, score every model on the later ones), scored by log
// loss, RMSE(bins) and AUC, plus one plain sentence. Pure; the service feeds
// card histories in chunks so a big log never blocks its thread for long.
import { auc, logLoss, rmseBins, type BinnedPoint } from './metrics.ts';
import type { CardHistory } from './history.ts';
import { targetsOf } from './predict.ts';

export type ModelName = 'sm2' | 'fsrs-default' | 'fsrs-optimized';

export interface ModelMetrics {
  name: ModelName;
  logLoss: number;
  rmseBins: number;
  auc: number;
}

/** Share of prediction targets (by day, oldest first) used for fitting; the rest is the test set. */
export const TRAIN_FRACTION = 0.75;

/** First day of the test set: the day at which TRAIN_FRACTION of the targets lie before. Null when there is nothing to split. */
export function splitDay(histories: readonly CardHistory[], trainFraction = TRAIN_FRACTION): number | null {
  // Counting by day (days are small integers) instead of sorting every target: linear on a big log.
  const count = new Map<number, number>();
  let n = 0;
  for (const h of histories) {
    for (let k = 1; k < h.reviews.length; k++) {
      const d = h.reviews[k]!.day;
      count.set(d, (count.get(d) ?? 0) + 1);
      n++;
    }
  }
  if (n < 2) return null;
  const days = [...count.keys()].sort((a, b) => a - b);
  const want = Math.min(n - 1, Math.floor(n * trainFraction));
  let seen = 0;
  let cut = days[days.length - 1]!;
  for (const d of days) {
    if (seen + count.get(d)! > want) {
      cut = d;
      break;
    }
    seen += count.get(d)!;
  }
  // All of one day stays on one side; if the cut would leave no training data, move it up a day.
  return cut === days[0] ? (days.find((d) => d > cut) ?? null) : cut;
}

/**
 * Most recent training items kept for a fit. Building each item is a native
 * object per review (~10 µs each), and fsrs-rs's parameters settle well
 * before this many items, so a long history trains on its latest part.
 */
export const MAX_TRAIN_ITEMS = 20_000;

export type TrainReview = { rating: number; deltaT: number };

/** Training targets before `cutoff` (card history + index), the latest `cap`, oldest first; items are built from them lazily. */
export function trainingTargets(histories: readonly CardHistory[], cutoff: number, cap = MAX_TRAIN_ITEMS): { h: CardHistory; k: number }[] {
  const targets: { at: number; h: CardHistory; k: number }[] = [];
  for (const h of histories) {
    for (let k = 1; k < h.reviews.length && h.reviews[k]!.day < cutoff; k++) targets.push({ at: h.reviews[k]!.at, h, k });
  }
  targets.sort((a, b) => a.at - b.at);
  return targets.slice(Math.max(0, targets.length - cap));
}

/** One training item: the card's counted reviews up to and including review k. */
export function itemOf(t: { h: CardHistory; k: number }): TrainReview[] {
  return t.h.reviews.slice(0, t.k + 1).map((r) => ({ rating: r.rating, deltaT: r.deltaT }));
}

/** Training items for the optimizer: each target before `cutoff` with the card's history up to it; the latest `cap`, oldest first. */
export function trainingItems(histories: readonly CardHistory[], cutoff: number, cap = MAX_TRAIN_ITEMS): TrainReview[][] {
  return trainingTargets(histories, cutoff, cap).map(itemOf);
}

/** Accumulates one model's test-set predictions card by card. */
export class Scorer {
  readonly points: BinnedPoint[] = [];
  constructor(readonly name: ModelName, private readonly predict: (h: CardHistory) => number[], private readonly cutoff: number) {}

  add(h: CardHistory): void {
    const targets = targetsOf(h);
    if (!targets.some((t) => t.day >= this.cutoff)) return;
    const p = this.predict(h);
    targets.forEach((t, k) => {
      if (t.day >= this.cutoff) this.points.push({ p: p[k]!, y: t.y, deltaT: t.deltaT, i: t.i, lapses: t.lapses });
    });
  }

  result(): ModelMetrics {
    const p = this.points.map((x) => x.p);
    const y = this.points.map((x) => x.y);
    return { name: this.name, logLoss: logLoss(p, y), rmseBins: rmseBins(this.points), auc: auc(p, y) };
  }
}

const LABEL: Record<ModelName, { en: string; zh: string }> = {
  sm2: { en: 'SM-2', zh: 'SM-2' },
  'fsrs-default': { en: 'FSRS with default parameters', zh: '默认参数的 FSRS' },
  'fsrs-optimized': { en: 'FSRS with your parameters', zh: '按你的记录优化的 FSRS' },
};

/** One plain sentence naming the model whose predictions were closest (lowest log loss). */
export function verdict(models: readonly ModelMetrics[], testReviews: number): { en: string; zh: string; best: ModelName | null } {
  const ok = models.filter((m) => Number.isFinite(m.logLoss));
  if (ok.length === 0 || testReviews === 0) {
    return { best: null, en: 'Not enough repeated reviews yet to tell which scheduler predicts you better.', zh: '复习记录还不够，暂时无法判断哪种算法更懂你的记忆。' };
  }
  const best = [...ok].sort((a, b) => a.logLoss - b.logLoss)[0]!;
  const sm2 = ok.find((m) => m.name === 'sm2');
  if (best.name === 'sm2' || !sm2) {
    return { best: best.name, en: `On your last ${testReviews} reviews, SM-2 predicted whether you would remember as well as or better than FSRS — switching would not help yet.`, zh: `在你最近的 ${testReviews} 次复习上，SM-2 的预测不比 FSRS 差——现在切换意义不大。` };
  }
  const gain = Math.round((1 - best.logLoss / sm2.logLoss) * 100);
  return {
    best: best.name,
    en: `On your last ${testReviews} reviews, ${LABEL[best.name].en} predicted whether you would remember ${gain}% more accurately than SM-2 (log loss ${best.logLoss.toFixed(3)} vs ${sm2.logLoss.toFixed(3)}).`,
    zh: `在你最近的 ${testReviews} 次复习上，${LABEL[best.name].zh}对“记不记得住”的预测比 SM-2 准确 ${gain}%（对数损失 ${best.logLoss.toFixed(3)} 对 ${sm2.logLoss.toFixed(3)}）。`,
  };
}
