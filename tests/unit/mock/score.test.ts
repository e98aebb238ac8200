import { describe, expect, it } from 'vitest';
import { credit, mockCounts, mockScore, scoreTrend, sectionAccuracy, type ScoredQuestion } from '../../../srs/mock/score.ts';

const q = (section: string[], outcome: ScoredQuestion['outcome'], quality: number | null): ScoredQuestion => ({ section, outcome, quality });

describe('mock score', () => {
  const qs = [
    q(['CNN', 'conv'], 'answered', 5),
    q(['CNN', 'bn'], 'answered', 3),
    q(['KL'], 'answered', 2),
    q(['KL'], 'timeout', 0),
    q(['CNN', 'conv'], 'unreached', null),
  ];

  it('credits 1 / 0.85 / 0.7 for 5 / 4 / 3 and nothing otherwise', () => {
    expect([5, 4, 3, 2, 1, 0].map((n) => credit(q([], 'answered', n)))).toEqual([1, 0.85, 0.7, 0, 0, 0]);
    expect(credit(q([], 'timeout', 0))).toBe(0);
    expect(credit(q([], 'unreached', null))).toBe(0);
  });

  it('is the mean credit over all planned questions, 0–100', () => {
    expect(mockScore(qs)).toBe(Math.round((100 * (1 + 0.7)) / 5));
    expect(mockScore([q([], 'answered', 5)])).toBe(100);
    expect(mockScore([])).toBe(0);
  });

  it('counts answered, correct, wrong, timed-out and unreached', () => {
    expect(mockCounts(qs)).toEqual({ planned: 5, answered: 3, correct: 2, wrong: 1, timedOut: 1, unreached: 1 });
  });

  it('gives per-section accuracy over asked questions, weakest first', () => {
    const top = sectionAccuracy(qs);
    expect(top.map((s) => [s.label, s.correct, s.asked])).toEqual([['KL', 0, 2], ['CNN', 2, 2]]);
    const deep = sectionAccuracy(qs, 2);
    expect(deep.map((s) => s.label)).toEqual(['KL', 'CNN › bn', 'CNN › conv']);
  });

  it('compares with earlier mocks', () => {
    expect(scoreTrend([], 70)).toEqual({ previous: [], delta: null, best: null, mean: null });
    const t = scoreTrend([{ mockId: 2, finishedAt: 20, score: 60 }, { mockId: 1, finishedAt: 10, score: 40 }], 75);
    expect(t.previous.map((p) => p.mockId)).toEqual([1, 2]);
    expect(t).toMatchObject({ delta: 15, best: 60, mean: 50 });
    const many = Array.from({ length: 15 }, (_, i) => ({ mockId: i + 1, finishedAt: i, score: i }));
    expect(scoreTrend(many, 0).previous).toHaveLength(10);
  });
});
