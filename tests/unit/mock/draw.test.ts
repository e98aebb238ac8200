import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, MockConfigError, withDefaults, type MockConfig } from '../../../srs/mock/config.ts';
import { drawQuestions, splitCounts, weakness, type Candidate, type WeakStats } from '../../../srs/mock/draw.ts';

const FRESH: WeakStats = { easeFactor: null, lapses: 0, recentFails: 0, mockMisses: 0 };
const WEAK: WeakStats = { easeFactor: 1.3, lapses: 3, recentFails: 1, mockMisses: 2 };

function deck(concepts: number, problems: number, stats: (i: number) => WeakStats = () => FRESH): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < concepts; i++) {
    out.push({ cardId: `c${String(i).padStart(3, '0')}`, kind: 'concept', section: [i % 2 ? 'CNN' : 'KL', `s${i % 4}`], stats: stats(i) });
  }
  for (let i = 0; i < problems; i++) out.push({ cardId: `p${i}`, kind: 'problem', section: ['CNN', 'conv'], stats: FRESH });
  return out;
}

const cfg = (c: Partial<MockConfig>): MockConfig => withDefaults(c);

describe('weakness weight', () => {
  it('is 1 for a fresh card and grows with each sign of weakness', () => {
    expect(weakness(FRESH)).toBe(1);
    expect(weakness({ ...FRESH, easeFactor: 2.5 })).toBe(1);
    expect(weakness({ ...FRESH, easeFactor: 1.3 })).toBeCloseTo(3);
    expect(weakness({ ...FRESH, lapses: 2 })).toBe(2);
    expect(weakness({ ...FRESH, recentFails: 1 })).toBe(2);
    expect(weakness({ ...FRESH, mockMisses: 1 })).toBe(2.5);
  });
  it('is capped so one card cannot swamp the deck', () => {
    expect(weakness({ easeFactor: 1.3, lapses: 99, recentFails: 99, mockMisses: 99 })).toBe(16);
  });
});

describe('drawQuestions', () => {
  it('draws exactly the number asked for, never a card twice', () => {
    const cards = deck(30, 6);
    for (let seed = 0; seed < 200; seed++) {
      const qs = drawQuestions(cards, cfg({ questions: 12 }), seed);
      expect(qs).toHaveLength(12);
      expect(new Set(qs.map((q) => q.cardId)).size).toBe(12);
      expect(qs.map((q) => q.index)).toEqual([...Array(12).keys()]);
    }
    // every card of the pool when asked for all of them
    expect(new Set(drawQuestions(cards, cfg({ questions: 36, mix: 6 / 36 }), 7).map((q) => q.cardId)).size).toBe(36);
  });

  it('replays identically for a seed, whatever order the cards come in', () => {
    const cards = deck(25, 5, (i) => (i % 3 ? FRESH : WEAK));
    const a = drawQuestions(cards, DEFAULT_CONFIG, 12345);
    const b = drawQuestions([...cards].reverse(), DEFAULT_CONFIG, 12345);
    expect(b).toEqual(a);
    expect(drawQuestions(cards, DEFAULT_CONFIG, 12346)).not.toEqual(a);
    expect(a.filter((q) => q.kind === 'problem').every((q) => Number.isInteger(q.problemSeed))).toBe(true);
    expect(a.filter((q) => q.kind === 'concept').every((q) => q.problemSeed === undefined)).toBe(true);
  });

  it('draws weak cards more often (fixed seed set)', () => {
    // 40 concept cards; 0–3 are weak (weight 8.5), 4–7 somewhat weak (ease 1.9: weight 2), the rest fresh (weight 1).
    const cards = deck(40, 0, (i) => (i < 4 ? WEAK : i < 8 ? { ...FRESH, easeFactor: 1.9 } : FRESH));
    const hits = new Map<string, number>();
    const SEEDS = 1000;
    for (let seed = 0; seed < SEEDS; seed++) {
      for (const q of drawQuestions(cards, cfg({ questions: 5, mix: 0 }), seed)) hits.set(q.cardId, (hits.get(q.cardId) ?? 0) + 1);
    }
    const rate = (from: number, to: number) => {
      let n = 0;
      for (let i = from; i < to; i++) n += hits.get(`c${String(i).padStart(3, '0')}`) ?? 0;
      return n / (to - from) / SEEDS;
    };
    const weak = rate(0, 4);
    const medium = rate(4, 8);
    const fresh = rate(8, 40);
    expect(weak).toBeGreaterThan(3 * fresh);
    expect(medium).toBeGreaterThan(1.4 * fresh);
    expect(weak).toBeGreaterThan(medium);
    // fresh cards are still drawn: weighting, not exclusion
    expect(fresh).toBeGreaterThan(0.03);
  });

  it('mixes problems and concepts in the asked ratio, filling a short kind from the other', () => {
    const cards = deck(20, 10);
    const qs = drawQuestions(cards, cfg({ questions: 10, mix: 0.3 }), 1);
    expect(qs.filter((q) => q.kind === 'problem')).toHaveLength(3);
    expect(splitCounts(cfg({ questions: 10, mix: 0.5 }), 20, 2)).toEqual({ problems: 2, concepts: 8 });
    expect(splitCounts(cfg({ questions: 10, mix: 0.1 }), 4, 20)).toEqual({ problems: 6, concepts: 4 });
    expect(splitCounts(cfg({ questions: 4, mix: 1 }), 0, 4)).toEqual({ problems: 4, concepts: 0 });
  });

  it('shuffles problems in among concepts rather than putting them first', () => {
    const cards = deck(20, 10);
    const firstIsProblem = Array.from({ length: 100 }, (_, s) => drawQuestions(cards, cfg({ questions: 10, mix: 0.3 }), s)[0]!.kind === 'problem');
    const share = firstIsProblem.filter(Boolean).length / 100;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.6);
  });

  it('draws only from the chosen sections (a path selects its whole subtree)', () => {
    const cards = deck(20, 4);
    const qs = drawQuestions(cards, cfg({ questions: 8, sections: [['KL']], mix: 0 }), 3);
    expect(qs.every((q) => q.section[0] === 'KL')).toBe(true);
    const sub = drawQuestions(cards, cfg({ questions: 4, sections: [['CNN', 'conv']], mix: 1 }), 3);
    expect(sub.every((q) => q.kind === 'problem')).toBe(true);
  });
});

describe('unsatisfiable configurations fail with a clear message', () => {
  const cards = deck(6, 2);
  const fails = (c: Partial<MockConfig>, pattern: RegExp) => {
    let err: unknown;
    try {
      drawQuestions(cards, cfg(c), 1);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MockConfigError);
    expect((err as Error).message).toMatch(pattern);
  };

  it('more questions than cards', () => fails({ questions: 9 }, /asked for 9 questions but only 8 cards/));
  it('more questions than cards in the chosen section', () => fails({ questions: 4, sections: [['KL']] }, /only 3 cards are available in KL/));
  it('zero, negative or sub-5-second limits', () => {
    fails({ questions: 0 }, /questions must be a positive integer/);
    fails({ questions: -3 }, /questions must be a positive integer/);
    fails({ questions: 2.5 }, /questions must be a positive integer/);
    fails({ totalSeconds: 0 }, /totalSeconds must be at least 5/);
    fails({ perQuestionSeconds: 1e-300 }, /perQuestionSeconds must be at least 5/);
    fails({ totalSeconds: 4.9 }, /totalSeconds must be at least 5/);
    fails({ perQuestionSeconds: -1 }, /perQuestionSeconds must be at least 5/);
    fails({ totalSeconds: Number.NaN }, /totalSeconds/);
  });
  it('unknown section', () => fails({ sections: [['RNN']] }, /unknown section "RNN"/));
  it('unknown subsection', () => fails({ sections: [['KL', 'nope']] }, /unknown section "KL › nope"/));
  it('a mix outside 0..1', () => fails({ mix: 1.5 }, /mix must be between 0 and 1/));
  it('only problems asked but too few', () => fails({ questions: 3, mix: 1 }, /mix 1 asks for 3 problems but only 2/));
  it('only concepts asked but too few', () => fails({ questions: 7, mix: 0 }, /mix 0 asks for 7 concept cards but only 6/));
  it('an empty collection', () => {
    expect(() => drawQuestions([], DEFAULT_CONFIG, 1)).toThrow(/asked for 10 questions but only 0 cards/);
  });
});
