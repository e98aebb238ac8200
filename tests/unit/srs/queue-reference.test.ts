// The one-pass buildQueue (srs/queue.ts) must serve exactly what the first,
// plainly written version served: that version is kept here as the reference
// and both run on random logs (repeats, drills, mocks, new cards, tight limits).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQueue, DRILL_GAP, type Queue, type QueueInput, type QueueItem, type TodayAnswer } from '../../../srs/queue.ts';
import type { Quality } from '../../../srs/sm2.ts';

function referenceQueue(input: QueueInput): Queue {
  const { todayLog, limits } = input;
  const firstToday = new Map<string, TodayAnswer>();
  for (const a of todayLog) if (!firstToday.has(a.cardId)) firstToday.set(a.cardId, a);
  let newDone = 0;
  let reviewDone = 0;
  for (const a of firstToday.values()) {
    if (a.wasNew) newDone++;
    else if (a.mode !== 'mock') reviewDone++;
  }
  const seen = (id: string) => firstToday.has(id);
  const due = input.due.filter((id) => !seen(id)).slice(0, Math.max(0, limits.reviewsPerDay - reviewDone));
  const fresh = input.fresh.filter((id) => !seen(id)).slice(0, Math.max(0, limits.newPerDay - newDone));
  const last = new Map<string, { seq: number; quality: Quality; index: number }>();
  todayLog.forEach((a, index) => last.set(a.cardId, { seq: a.seq, quality: a.quality, index }));
  const drills: { cardId: string; lastSeq: number; answersSince: number }[] = [];
  for (const [cardId, l] of last) if (l.quality < 4) drills.push({ cardId, lastSeq: l.seq, answersSince: todayLog.length - 1 - l.index });
  drills.sort((a, b) => a.lastSeq - b.lastSeq);
  let next: QueueItem | null = null;
  const ready = drills.find((d) => d.answersSince >= DRILL_GAP);
  if (ready) next = { cardId: ready.cardId, tag: 'drill' };
  else if (due[0] !== undefined) next = { cardId: due[0], tag: 'review' };
  else if (fresh[0] !== undefined) next = { cardId: fresh[0], tag: 'new' };
  else if (drills[0]) next = { cardId: drills[0].cardId, tag: 'drill' };
  return {
    next,
    remaining: { review: due.length, new: fresh.length, drill: drills.length },
    done: { review: reviewDone, new: newDone, drill: todayLog.length - firstToday.size, total: todayLog.length },
  };
}

const cardId = fc.integer({ min: 0, max: 14 }).map((n) => `c${n}`);
const answer = fc.record({
  cardId,
  quality: fc.integer({ min: 0, max: 5 }) as fc.Arbitrary<Quality>,
  wasNew: fc.boolean(),
  mode: fc.constantFrom<TodayAnswer['mode']>('review', 'drill', 'mock'),
});
const input: fc.Arbitrary<QueueInput> = fc.record({
  due: fc.uniqueArray(cardId, { maxLength: 10 }),
  fresh: fc.uniqueArray(cardId, { maxLength: 10 }),
  // Increasing sequence numbers with gaps, as log ids are.
  todayLog: fc.array(fc.tuple(answer, fc.integer({ min: 1, max: 3 })), { maxLength: 40 }).map((xs) => {
    let seq = 0;
    return xs.map(([a, gap]) => ({ ...a, seq: (seq += gap) }));
  }),
  limits: fc.record({ newPerDay: fc.integer({ min: 0, max: 6 }), reviewsPerDay: fc.integer({ min: 0, max: 8 }) }),
});

describe('buildQueue (one pass) against the reference version', () => {
  it('serves the same next card with the same counts on random logs', () => {
    fc.assert(fc.property(input, (i) => {
      expect(buildQueue(i)).toEqual(referenceQueue(i));
    }), { numRuns: 3000 });
  });

  it('a limit already exceeded today serves none of that kind (no negative slice)', () => {
    const log: TodayAnswer[] = [1, 2, 3].map((n) => ({ seq: n, cardId: `r${n}`, quality: 5, wasNew: false, mode: 'review' }));
    const q = buildQueue({ due: ['a', 'b', 'c'], fresh: ['n'], todayLog: log, limits: { newPerDay: 1, reviewsPerDay: 2 } });
    expect(q.remaining.review).toBe(0);
    expect(q.next).toEqual({ cardId: 'n', tag: 'new' });
  });
});
