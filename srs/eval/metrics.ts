// Prediction metrics for recall (pure). y = 1 recalled, 0 forgot; p = the
// predicted probability of recall. Definitions follow scikit-learn (log loss,
// ROC AUC) and open-spaced-repetition/srs-benchmark (RMSE(bins)).

const EPS = 1e-15;

/** Mean binary cross-entropy, p clipped to [1e-15, 1 − 1e-15]. */
export function logLoss(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(1 - EPS, Math.max(EPS, p[i]!));
    s -= y[i] ? Math.log(q) : Math.log(1 - q);
  }
  return s / p.length;
}

/** ROC AUC as the Mann–Whitney statistic: ties in p count one half. NaN when one class is absent. */
export function auc(p: ArrayLike<number>, y: ArrayLike<number>): number {
  const idx = Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p[a]! - p[b]!);
  let pos = 0;
  let rankSumPos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && p[idx[j + 1]!] === p[idx[i]!]) j++;
    const avgRank = (i + j) / 2 + 1; // 1-based average rank of the tie group
    for (let k = i; k <= j; k++) if (y[idx[k]!]) { pos++; rankSumPos += avgRank; }
    i = j + 1;
  }
  const neg = p.length - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** One prediction with what RMSE(bins) groups by. */
export interface BinnedPoint {
  p: number;
  y: number;
  /** Days since the previous review. */
  deltaT: number;
  /** Which review of the card this is (1 = first). */
  i: number;
  /** Earlier Again answers after the first review. */
  lapses: number;
}

// srs-benchmark's bin edges: geometric, so short and long intervals both get resolution.
const binOf = (x: number, a: number, b: number, digits: number) => {
  const v = a * b ** Math.floor(Math.log(Math.max(x, 1e-6)) / Math.log(b));
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

export function binKey(pt: Pick<BinnedPoint, 'deltaT' | 'i' | 'lapses'>): string {
  const dt = binOf(pt.deltaT, 2.48, 3.62, 2);
  const i = binOf(pt.i, 1.99, 1.89, 0);
  const l = pt.lapses === 0 ? 0 : binOf(pt.lapses, 1.65, 1.73, 0);
  return `${dt}|${i}|${l}`;
}

/**
 * RMSE(bins): group by (interval bin, review-count bin, lapse-count bin), then
 * the size-weighted root mean square of (mean actual − mean predicted) over bins.
 */
export function rmseBins(points: readonly BinnedPoint[]): number {
  const bins = new Map<string, { n: number; p: number; y: number }>();
  for (const pt of points) {
    const k = binKey(pt);
    const b = bins.get(k) ?? { n: 0, p: 0, y: 0 };
    b.n++;
    b.p += pt.p;
    b.y += pt.y;
    bins.set(k, b);
  }
  let num = 0;
  let den = 0;
  for (const b of bins.values()) {
    const d = b.y / b.n - b.p / b.n;
    num += b.n * d * d;
    den += b.n;
  }
  return den ? Math.sqrt(num / den) : Number.NaN;
}
