import { describe, expect, it } from 'vitest';
import { add, zero } from '../../../srs/stats/counters.ts';
import { mastery } from '../../../srs/stats/sections.ts';
import type { Counters } from '../../../srs/stats/types.ts';

const c = (over: Partial<Counters>): Counters => add(zero(), { ...zero(), ...over });

describe('per-section mastery', () => {
  const sections = [
    { id: 1, path: ['卷积', '感受野'] },
    { id: 2, path: ['KL散度'] },
    { id: 3, path: ['训练'] },
    { id: 4, path: ['退役'] },
  ];
  const m = mastery(
    sections,
    [
      { sectionId: 1, cls: 2, n: 2, easeSum: 5 },
      { sectionId: 1, cls: 0, n: 2, easeSum: 0 },
      { sectionId: 2, cls: 3, n: 1, easeSum: 2.6 },
      { sectionId: 3, cls: 0, n: 3, easeSum: 0 },
      { sectionId: 4, cls: 5, n: 9, easeSum: 0 },
    ],
    [
      { sectionId: 1, c: c({ n: 4, youngN: 4, youngPass: 2, graded: 2, correct: 1 }), mockN: 0, mockPass: 0 },
      { sectionId: 1, c: c({ n: 2, q: [1, 0, 0, 0, 1, 0] }), mockN: 2, mockPass: 1 },
      { sectionId: 2, c: c({ n: 1, youngN: 1, youngPass: 1 }), mockN: 0, mockPass: 0 },
    ],
  );

  it('computes learned, ease, retention, problem and mock accuracy', () => {
    const conv = m.find((x) => x.section[1] === '感受野')!;
    expect(conv).toMatchObject({ cards: 4, learned: 2, avgEase: 2.5, reviews: 6 });
    expect(conv.retention.rate).toBe(0.5);
    expect(conv.problems.rate).toBe(0.5);
    expect(conv.mock).toEqual({ n: 2, pass: 1, rate: 0.5 });
    expect(conv.mastery).toBeCloseTo(0.5); // mean of 2/4, 0.5, 0.5, 0.5
  });

  it('orders studied sections weakest first, then untouched ones; leaves out sections with only retired cards', () => {
    expect(m.map((x) => x.section.join('/'))).toEqual(['卷积/感受野', 'KL散度', '训练']);
    expect(m[1]!.mastery).toBe(1);
    expect(m[2]).toMatchObject({ mastery: 0, avgEase: null, reviews: 0 });
  });
});
