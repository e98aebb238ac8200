import { describe, expect, it } from 'vitest';
import { buildQueue, DRILL_GAP, type TodayAnswer } from '../../../srs/queue.ts';
import type { Quality } from '../../../srs/sm2.ts';

const limits = { newPerDay: 20, reviewsPerDay: 200 };
let seq = 0;
const ans = (cardId: string, quality: Quality, wasNew = false, mode: TodayAnswer['mode'] = 'review'): TodayAnswer => ({ seq: ++seq, cardId, quality, wasNew, mode });

describe('buildQueue', () => {
  it('serves due cards (in the given most-overdue order) before new cards', () => {
    const q = buildQueue({ due: ['d1', 'd2'], fresh: ['n1'], todayLog: [], limits });
    expect(q.next).toEqual({ cardId: 'd1', tag: 'review' });
    expect(q.remaining).toEqual({ review: 2, new: 1, drill: 0 });
  });

  it('caps new cards by the daily new limit, counting those already introduced today', () => {
    const fresh = Array.from({ length: 30 }, (_, i) => `n${i}`);
    expect(buildQueue({ due: [], fresh, todayLog: [], limits }).remaining.new).toBe(20);
    const log = [ans('x1', 5, true), ans('x2', 5, true)];
    expect(buildQueue({ due: [], fresh, todayLog: log, limits }).remaining.new).toBe(18);
    expect(buildQueue({ due: [], fresh, todayLog: [], limits: { newPerDay: 0, reviewsPerDay: 200 } }).next).toBeNull();
  });

  it('caps reviews by the daily review limit', () => {
    const due = Array.from({ length: 10 }, (_, i) => `d${i}`);
    const log = [ans('r1', 4), ans('r2', 4), ans('r3', 5)];
    expect(buildQueue({ due, fresh: [], todayLog: log, limits: { newPerDay: 20, reviewsPerDay: 5 } }).remaining.review).toBe(2);
  });

  it('never serves again today a card whose first answer was good', () => {
    const q = buildQueue({ due: ['a', 'b'], fresh: [], todayLog: [ans('a', 5)], limits });
    expect(q.next?.cardId).toBe('b');
    expect(q.remaining.review).toBe(1);
  });

  it(`brings a failed card back after ${DRILL_GAP} other answers, until it scores >= 4`, () => {
    const log: TodayAnswer[] = [ans('a', 2)];
    let q = buildQueue({ due: ['a', 'b', 'c', 'd', 'e'], fresh: [], todayLog: log, limits });
    expect(q.next).toEqual({ cardId: 'b', tag: 'review' });
    expect(q.remaining.drill).toBe(1);
    log.push(ans('b', 5), ans('c', 5));
    q = buildQueue({ due: ['a', 'b', 'c', 'd', 'e'], fresh: [], todayLog: log, limits });
    expect(q.next?.cardId).toBe('d');
    log.push(ans('d', 5));
    q = buildQueue({ due: ['a', 'b', 'c', 'd', 'e'], fresh: [], todayLog: log, limits });
    expect(q.next).toEqual({ cardId: 'a', tag: 'drill' });
    log.push(ans('a', 3, false, 'drill')); // 3 is still below 4: keep drilling
    q = buildQueue({ due: ['e'], fresh: [], todayLog: log, limits });
    expect(q.next).toEqual({ cardId: 'e', tag: 'review' });
    expect(q.remaining.drill).toBe(1);
    log.push(ans('e', 5));
    q = buildQueue({ due: [], fresh: [], todayLog: log, limits });
    expect(q.next).toEqual({ cardId: 'a', tag: 'drill' }); // nothing else left: drill now
    log.push(ans('a', 4, false, 'drill'));
    q = buildQueue({ due: [], fresh: [], todayLog: log, limits });
    expect(q.next).toBeNull();
    expect(q.done).toEqual({ review: 5, new: 0, drill: 2, total: 7 });
  });

  it('a new card failed on first sight is drilled too, and counts once against the new limit', () => {
    const log = [ans('n1', 1, true)];
    const q = buildQueue({ due: [], fresh: ['n1', 'n2'], todayLog: log, limits: { newPerDay: 1, reviewsPerDay: 200 } });
    expect(q.remaining.new).toBe(0);
    expect(q.next).toEqual({ cardId: 'n1', tag: 'drill' });
  });
});
