// The evaluation on a synthetic learner from a known memory model: FSRS must
// predict them better than SM-2. Plus the split and same-day rules.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../../srs/fsrs/config.ts';
import { Scorer, splitDay, trainingItems, verdict } from '../../../srs/eval/evaluate.ts';
import { cardHistories, targetCount } from '../../../srs/eval/history.ts';
import { fsrsModel, fsrsPredictions, sm2Predictions, targetsOf } from '../../../srs/eval/predict.ts';
import { syntheticLog } from '../../../srs/eval/synthetic.ts';

describe('evaluation', () => {
  it('is seeded: the same seed gives the same history', () => {
    expect(syntheticLog({ seed: 3, cards: 50, reviews: 500 })).toEqual(syntheticLog({ seed: 3, cards: 50, reviews: 500 }));
    expect(syntheticLog({ seed: 3, cards: 50, reviews: 500 })).not.toEqual(syntheticLog({ seed: 4, cards: 50, reviews: 500 }));
  });

  it('FSRS (default parameters) beats SM-2 in log loss on a synthetic learner', () => {
    const h = cardHistories(syntheticLog({ seed: 11, cards: 600, reviews: 8000 }));
    const cut = splitDay(h)!;
    const m = fsrsModel(DEFAULT_WEIGHTS);
    const sm2 = new Scorer('sm2', sm2Predictions, cut);
    const fsrs = new Scorer('fsrs-default', (x) => fsrsPredictions(m, x), cut);
    for (const x of h) { sm2.add(x); fsrs.add(x); }
    const [a, b] = [sm2.result(), fsrs.result()];
    expect(sm2.points.length).toBeGreaterThan(1000);
    expect(b.logLoss).toBeLessThan(a.logLoss);
    expect(b.rmseBins).toBeLessThan(a.rmseBins);
    expect(verdict([a, b], sm2.points.length).best).toBe('fsrs-default');
  });

  it('drops same-day repeats: they are never targets, and the split keeps a day on one side', () => {
    const log = [
      { cardId: 'a', at: 1, day: 10, quality: 4 as const },
      { cardId: 'a', at: 2, day: 10, quality: 1 as const }, // drill
      { cardId: 'a', at: 3, day: 12, quality: 1 as const },
      { cardId: 'a', at: 4, day: 14, quality: 4 as const },
      { cardId: 'b', at: 5, day: 12, quality: 5 as const },
      { cardId: 'b', at: 6, day: 14, quality: 3 as const },
    ];
    const h = cardHistories(log);
    expect(h.find((c) => c.cardId === 'a')!.reviews.map((r) => r.day)).toEqual([10, 12, 14]);
    expect(targetCount(h)).toBe(3);
    expect(targetsOf(h[0]!).map((t) => [t.deltaT, t.y, t.i, t.lapses])).toEqual([[2, 0, 2, 0], [2, 1, 3, 1]]);
    const cut = splitDay(h)!;
    expect(cut).toBe(14);
    expect(trainingItems(h, cut)).toEqual([[{ rating: 3, deltaT: 0 }, { rating: 1, deltaT: 2 }]]);
    // SM-2 after one Good answer scheduled 1 day; 2 days later it predicts 0.9^2.
    expect(sm2Predictions(h[0]!)[0]).toBeCloseTo(0.81, 12);
  });
});
