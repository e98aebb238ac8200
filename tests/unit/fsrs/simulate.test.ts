// The retention simulator: seeded (same input, same curves), and the
// trade-off it exists to show — higher retention costs more reviews and keeps more cards.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../../srs/fsrs/config.ts';
import { simulate, SIM_RETENTIONS, type SimulationInput } from '../../../srs/fsrs/simulate.ts';

const input = (r: number, seed = 1): SimulationInput => ({
  weights: DEFAULT_WEIGHTS, desiredRetention: r, maximumInterval: 36500, days: 365, seed,
  cards: Array.from({ length: 200 }, (_, i) => ({ stability: 1 + (i % 30), difficulty: 5, lastDay: -(i % 10), dueDay: i % 7 })),
  newPerDay: 10, newCards: 800,
});

describe('simulate', () => {
  it('is seeded and covers every day', () => {
    const a = simulate(input(0.9));
    expect(simulate(input(0.9))).toEqual(a);
    expect(simulate(input(0.9, 2))).not.toEqual(a);
    expect(a.reviewsPerDay).toHaveLength(365);
    expect(a.knowledge).toHaveLength(365);
    expect(a.totalReviews).toBe(a.reviewsPerDay.reduce((x, y) => x + y, 0));
  });

  it('higher desired retention: more reviews, more cards remembered', () => {
    const runs = SIM_RETENTIONS.map((r) => simulate(input(r)));
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i]!.totalReviews).toBeGreaterThan(runs[i - 1]!.totalReviews);
      expect(runs[i]!.knowledge.at(-1)!).toBeGreaterThan(runs[i - 1]!.knowledge.at(-1)!);
    }
    expect(runs[0]!.knowledge.at(-1)!).toBeLessThanOrEqual(1000);
  });
});
