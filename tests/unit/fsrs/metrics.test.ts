import { describe, expect, it } from 'vitest';
import { auc, binKey, logLoss, rmseBins } from '../../../srs/eval/metrics.ts';

describe('metrics by hand', () => {
  it('log loss', () => {
    expect(logLoss([0.9, 0.2], [1, 0])).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 12);
    expect(Number.isFinite(logLoss([1, 0], [0, 1]))).toBe(true); // clipped, never Infinity
  });

  it('AUC counts ties as one half and is NaN with one class', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
    expect(auc([0.5, 0.5, 0.5], [0, 1, 1])).toBeCloseTo(0.5, 12);
    expect(auc([0.2, 0.9], [0, 1])).toBe(1);
    expect(auc([0.2, 0.9], [1, 1])).toBeNaN();
  });

  it('RMSE(bins) weighs each bin by its size', () => {
    // Two points in one bin (mean p 0.8, mean y 0.5) and one alone (p 0.5, y 1).
    const pts = [
      { p: 0.9, y: 1, deltaT: 3, i: 2, lapses: 0 },
      { p: 0.7, y: 0, deltaT: 3, i: 2, lapses: 0 },
      { p: 0.5, y: 1, deltaT: 100, i: 2, lapses: 0 },
    ];
    expect(binKey(pts[0]!)).toBe(binKey(pts[1]!));
    expect(binKey(pts[0]!)).not.toBe(binKey(pts[2]!));
    expect(rmseBins(pts)).toBeCloseTo(Math.sqrt((2 * 0.3 ** 2 + 0.5 ** 2) / 3), 12);
  });
});
