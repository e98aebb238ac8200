// Run the comparison: SM-2, FSRS-default and FSRS fitted on the earlier part
// of the history, all scored on the later part (srs/eval). The JS work runs
// in slices of a few milliseconds with the event loop let through between
// them, and the fit runs in the binding's native thread: a 100,000-review
// evaluation never freezes the host answering the review screen.
import { DEFAULT_WEIGHTS } from '../../srs/fsrs/config.ts';
import { itemOf, MAX_TRAIN_ITEMS, Scorer, splitDay, trainingTargets, verdict, type ModelMetrics } from '../../srs/eval/evaluate.ts';
import { groupInto, historyOf, targetCount, type CardHistory, type LoggedAnswer } from '../../srs/eval/history.ts';
import { fsrsModel, fsrsPredictions, sm2Predictions } from '../../srs/eval/predict.ts';
import type { BindingStatus } from './binding.ts';
import { fitWeights, type FitOutcome } from './optimize.ts';

/** Exactly what `deeprecall evaluate --json` prints. */
export interface EvaluateJson {
  reviews: number;
  cards: number;
  /** Prediction targets: every counted review after a card's first. */
  items: number;
  models: ModelMetrics[];
}

export interface EvaluateReport extends EvaluateJson {
  testReviews: number;
  /** Training items the fit used: the most recent `MAX_TRAIN_ITEMS` of `trainTotal`. */
  trainItems: number;
  /** Training items before the split; more than `trainItems` when the cap applied. */
  trainTotal: number;
  optimizer: { fitted: boolean; message?: string };
  verdict: { en: string; zh: string; best: ModelMetrics['name'] | null };
}

export interface RunOptions {
  progress?: (phase: 'fit' | 'score', done: number, total: number) => void;
  /** Longest stretch of JS work between yields to the event loop. */
  sliceMs?: number;
  /** Most recent training items kept for the fit (tests use a small one). */
  trainCap?: number;
}

const breathe = () => new Promise<void>((r) => setImmediate(r));

/** srs/eval's cardHistories, in slices with the event loop let through between them. */
async function historiesInSlices(log: readonly LoggedAnswer[], sliceMs: number): Promise<CardHistory[]> {
  const by = new Map<string, LoggedAnswer[]>();
  let t0 = performance.now();
  for (let i = 0; i < log.length; i += 2048) {
    groupInto(by, log, i, Math.min(log.length, i + 2048));
    if (performance.now() - t0 > sliceMs) {
      await breathe();
      t0 = performance.now();
    }
  }
  const out: CardHistory[] = [];
  for (const [cardId, answers] of by) {
    out.push(historyOf(cardId, answers));
    if (performance.now() - t0 > sliceMs) {
      await breathe();
      t0 = performance.now();
    }
  }
  return out;
}

export async function evaluateLog(log: readonly LoggedAnswer[], binding: BindingStatus, o: RunOptions = {}): Promise<EvaluateReport> {
  const sliceMs = o.sliceMs ?? 8;
  const histories = await historiesInSlices(log, sliceMs);
  const items = targetCount(histories);
  const cutoff = splitDay(histories);
  const base = { reviews: log.length, cards: histories.length, items };
  if (cutoff === null) {
    return { ...base, models: [], testReviews: 0, trainItems: 0, trainTotal: 0, optimizer: { fitted: false, message: 'no history to fit yet' }, verdict: verdict([], 0) };
  }
  const all = trainingTargets(histories, cutoff, Number.POSITIVE_INFINITY);
  const train = all.slice(Math.max(0, all.length - (o.trainCap ?? MAX_TRAIN_ITEMS)));
  await breathe();
  const fit: FitOutcome = await fitWeights(binding, { length: train.length, at: (i) => itemOf(train[i]!) }, (d, t) => o.progress?.('fit', d, t));
  const scorers = [
    new Scorer('sm2', sm2Predictions, cutoff),
    new Scorer('fsrs-default', (h) => fsrsPredictions(model, h), cutoff),
  ];
  const model = fsrsModel(DEFAULT_WEIGHTS);
  if (fit.fitted) {
    const fitted = fsrsModel(fit.weights);
    scorers.push(new Scorer('fsrs-optimized', (h) => fsrsPredictions(fitted, h), cutoff));
  }
  let t0 = performance.now();
  for (let i = 0; i < histories.length; i++) {
    for (const s of scorers) s.add(histories[i]!);
    if (performance.now() - t0 > sliceMs) {
      o.progress?.('score', i + 1, histories.length);
      await breathe();
      t0 = performance.now();
    }
  }
  const models = scorers.map((s) => s.result());
  const testReviews = scorers[0]!.points.length;
  return {
    ...base,
    models,
    testReviews,
    trainItems: train.length,
    trainTotal: all.length,
    optimizer: fit.fitted ? { fitted: true } : { fitted: false, message: fit.message },
    verdict: verdict(models, testReviews),
  };
}

export function evaluateJson(r: EvaluateReport): EvaluateJson {
  return { reviews: r.reviews, cards: r.cards, items: r.items, models: r.models };
}
