// Costs and metrics by counting: explicit loops over tiny layers, explicit prediction arrays.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../cards/problems/catalogue.ts';
import { generate } from '../../../cards/problems/generate.ts';
import type { Params } from '../../../cards/problems/types.ts';
import { SEEDS } from './helpers.ts';

const answer = (id: string, p: Params) => getTemplate(id)?.answer(p);
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Runs a real convolution layer on tiny sizes and counts every multiply and add. */
function convCost(k: number, cin: number, cout: number, h: number, w: number, bias: boolean) {
  const weights = new Set<string>();
  let mults = 0;
  let adds = 0;
  for (const co of range(cout)) {
    if (bias) weights.add(`b${co}`);
    for (const _y of range(h)) for (const _x of range(w)) {
      let acc = 0;
      for (const ci of range(cin)) for (const ky of range(k)) for (const kx of range(k)) {
        weights.add(`w${co},${ci},${ky},${kx}`);
        acc += 1 * 1; // one multiply, one accumulate
        mults += 1;
        adds += 1;
      }
      void acc;
    }
  }
  return { params: weights.size, flops: mults + adds };
}

describe('parameters and FLOPs by counting on tiny layers', () => {
  const tiny = [1, 2, 3];
  it('conv.params and conv.flops', () => {
    for (const k of tiny) for (const cin of tiny) for (const cout of tiny) for (const h of tiny) for (const bias of [true, false]) {
      const c = convCost(k, cin, cout, h, h + 1, bias);
      expect(answer('conv.params', { k, cin, cout, bias })).toBe(c.params);
      expect(answer('conv.flops', { k, cin, cout, h, w: h + 1 })).toBe(c.flops);
    }
  });

  it('fc.params and fc.flops: a fully connected layer is a 1×1 convolution on a 1×1 map', () => {
    for (const i of [1, 2, 5, 7]) for (const o of [1, 3, 4]) {
      const c = convCost(1, i, o, 1, 1, true);
      expect(answer('fc.params', { i, o })).toBe(c.params);
      expect(answer('fc.flops', { i, o })).toBe(c.flops);
    }
  });
});

/** Explicit label / prediction arrays with the given confusion counts. */
function arrays({ tp, fp, tn, fn }: Record<string, number>) {
  const rows = [
    ...Array(tp).fill([1, 1]),
    ...Array(fp).fill([0, 1]),
    ...Array(tn).fill([0, 0]),
    ...Array(fn).fill([1, 0]),
  ] as [number, number][];
  return { y: rows.map((r) => r[0]), pred: rows.map((r) => r[1]) };
}
const count = (y: number[], pred: number[], f: (a: number, b: number) => boolean): number => y.filter((v, i) => f(v, pred[i] as number)).length;

describe('metrics by counting predictions', () => {
  const metric: Record<string, (y: number[], pred: number[], beta: number) => number> = {
    'metric.accuracy': (y, p) => count(y, p, (a, b) => a === b) / y.length,
    'metric.precision': (y, p) => count(y, p, (a, b) => a === 1 && b === 1) / count(y, p, (_a, b) => b === 1),
    'metric.recall': (y, p) => count(y, p, (a, b) => a === 1 && b === 1) / count(y, p, (a) => a === 1),
    'metric.tpr': (y, p) => count(y, p, (a, b) => a === 1 && b === 1) / count(y, p, (a) => a === 1),
    'metric.fpr': (y, p) => count(y, p, (a, b) => a === 0 && b === 1) / count(y, p, (a) => a === 0),
    'metric.f1': (y, p) => (2 * count(y, p, (a, b) => a === 1 && b === 1)) / (count(y, p, (a) => a === 1) + count(y, p, (_a, b) => b === 1)),
    'metric.fbeta': (y, p, beta) => {
      // Weighted harmonic mean of precision and recall, weight β² on recall.
      const P = metric['metric.precision']?.(y, p, 1) as number;
      const R = metric['metric.recall']?.(y, p, 1) as number;
      return 1 / ((1 / (1 + beta * beta)) * (1 / P) + ((beta * beta) / (1 + beta * beta)) * (1 / R));
    },
  };
  it.each(Object.keys(metric))('%s', (id) => {
    for (const seed of SEEDS) {
      const p = generate(id, seed);
      const { y, pred } = arrays(p.params as Record<string, number>);
      expect(metric[id]?.(y, pred, p.params.beta as number), JSON.stringify(p.params)).toBeCloseTo(p.answer as number, 12);
    }
  });

  it('metric.auc: pairwise ranking equals the trapezoid area under the ROC curve', () => {
    for (const seed of SEEDS) {
      const { params, answer: auc } = generate('metric.auc', seed);
      const scores = params.scores as number[];
      const labels = params.labels as number[];
      const pos = labels.filter((l) => l === 1).length;
      const neg = labels.length - pos;
      const thresholds = [Infinity, ...[...new Set(scores)].sort((a, b) => b - a)];
      const pts = thresholds.map((th) => [
        scores.filter((s, i) => s >= th && labels[i] === 0).length / neg,
        scores.filter((s, i) => s >= th && labels[i] === 1).length / pos,
      ]);
      let area = 0;
      for (let i = 1; i < pts.length; i += 1) {
        const [x0, y0] = pts[i - 1] as number[];
        const [x1, y1] = pts[i] as number[];
        area += ((x1 as number) - (x0 as number)) * (((y0 as number) + (y1 as number)) / 2);
      }
      expect(area, JSON.stringify(params)).toBeCloseTo(auc as number, 12);
    }
  });
});
