// Reload / close mid-interview: the mock lives in SQLite, so a new Store on the
// same file (a reloaded window, a restarted app) resumes it, with time-outs
// applied by the wall clock.
import { describe, expect, it } from 'vitest';
import { answerCurrent, rows, setup } from './setup.ts';

const S = 1000;

describe('mock persistence across a reload', () => {
  it('a reopened profile resumes the active mock; answered questions, reveal and notes are kept', async () => {
    const first = await setup();
    let v = await first.api.mockStart({ questions: 5, seed: 21, mix: 0 });
    const mockId = v.mockId;
    first.clock.advance(10 * S);
    v = (await answerCurrent(first.api, v, 5)).next!;
    first.clock.advance(10 * S);
    v = (await answerCurrent(first.api, v, 2)).next!;
    first.clock.advance(5 * S);
    await first.api.mockReveal({ mockId, index: 2, notes: '我的笔记: softmax + CE' });
    first.store.close(); // the window goes away

    first.clock.advance(20 * S); // still inside the 120 s question limit
    const second = await setup(first.file, first.clock);
    const resumed = (await second.api.mockCurrent())!;
    expect(resumed).toMatchObject({ mockId, index: 2, done: { answered: 2, timedOut: 0 } });
    expect(resumed.remainingMs.question).toBe(120 * S - 25 * S);
    expect(resumed.remainingMs.total).toBe(1200 * S - 45 * S);
    expect(resumed.question.revealed?.notes).toBe('我的笔记: softmax + CE');
    expect(resumed.question.revealed?.back).toBeTruthy();
    const r = await second.api.mockAnswer({ mockId, index: 2, quality: 4, elapsedMs: 25 * S });
    expect(r.next?.index).toBe(3);
    const stored = rows(second.store, 'SELECT idx, quality, notes FROM mock_answers WHERE mock_id = ? ORDER BY idx', mockId);
    expect(stored).toEqual([
      { idx: 0, quality: 5, notes: null },
      { idx: 1, quality: 2, notes: null },
      { idx: 2, quality: 4, notes: '我的笔记: softmax + CE' },
    ]);
    second.store.close();
  });

  it('time-outs that passed while the app was closed are applied on reload', async () => {
    const first = await setup();
    const v = await first.api.mockStart({ questions: 4, seed: 5, perQuestionSeconds: 30, totalSeconds: 600, mix: 0 });
    first.clock.advance(10 * S);
    await answerCurrent(first.api, v, 4);
    first.store.close();

    first.clock.advance(45 * S); // question 1 (shown) ran out 20 s after it began; question 2 began then and still runs
    const second = await setup(first.file, first.clock);
    const resumed = (await second.api.mockCurrent())!;
    expect(resumed).toMatchObject({ index: 2, done: { answered: 1, timedOut: 1 }, remainingMs: { question: 15 * S } });
    const log = rows(second.store, 'SELECT quality, mode FROM reviews WHERE mock_id = ? ORDER BY id', v.mockId);
    expect(log).toEqual([{ quality: 4, mode: 'mock' }, { quality: 0, mode: 'mock' }]); // the shown question's time-out feeds SM-2
    second.store.close();
  });

  it('after the total limit a reload ends the mock as abandoned, keeping what was done; unseen questions stay out of SM-2', async () => {
    const first = await setup();
    let v = await first.api.mockStart({ questions: 5, seed: 8, perQuestionSeconds: 60, totalSeconds: 200, mix: 0 });
    first.clock.advance(5 * S);
    v = (await answerCurrent(first.api, v, 5)).next!;
    first.store.close();

    first.clock.advance(3600 * S);
    const second = await setup(first.file, first.clock);
    expect(await second.api.mockCurrent()).toBeNull();
    const report = await second.api.mockReport({ id: v.mockId });
    expect(report.status).toBe('abandoned');
    // q0 answered; q1 (on screen) 60 s, q2 60 s, q3 60 s → total 200 s reached 15 s into q4
    expect(report.counts).toEqual({ planned: 5, answered: 1, correct: 1, wrong: 0, timedOut: 4, unreached: 0 });
    expect(report.finishedAt).toBe(report.startedAt + 200 * S);
    expect(report.score).toBe(20);
    const seen = rows(second.store, 'SELECT idx, seen, review_id IS NOT NULL AS fed FROM mock_answers WHERE mock_id = ? ORDER BY idx', v.mockId);
    expect(seen.map((s) => [s.idx, s.seen, s.fed])).toEqual([[0, 1, 1], [1, 1, 1], [2, 0, 0], [3, 0, 0], [4, 0, 0]]);
    expect((await second.api.mockHistory({}))[0]).toMatchObject({ id: v.mockId, status: 'abandoned', answered: 1, timedOut: 4 });
    second.store.close();
  });

  it('with the learner present, the total limit ends the mock as expired', async () => {
    const { api, clock } = await setup();
    let v = await api.mockStart({ questions: 5, seed: 4, perQuestionSeconds: 10, totalSeconds: 25, mix: 0 });
    clock.advance(5 * S);
    v = (await answerCurrent(api, v, 5)).next!; // q1 starts at 5 s
    clock.advance(12 * S); // 17 s: q1 timed out at 15 s, q2 now on screen
    v = (await api.mockCurrent())!;
    expect(v).toMatchObject({ index: 2, done: { answered: 1, timedOut: 1 }, remainingMs: { question: 8 * S, total: 8 * S } });
    clock.advance(9 * S); // 26 s: past the 25 s total
    expect(await api.mockCurrent()).toBeNull();
    const report = await api.mockReport({ id: v.mockId });
    expect(report).toMatchObject({ status: 'expired', counts: { answered: 1, timedOut: 2, unreached: 2 } });
    expect(report.questions.map((q) => q.outcome)).toEqual(['answered', 'timeout', 'timeout', 'unreached', 'unreached']);
  });

  it('an answer arriving just after the deadline still counts; a later one is refused as timed out', async () => {
    const { api, clock } = await setup();
    let v = await api.mockStart({ questions: 3, seed: 6, perQuestionSeconds: 10, totalSeconds: 100, mix: 0 });
    await api.mockReveal({ mockId: v.mockId, index: 0 });
    clock.advance(10 * S + 800); // inside the grace window
    const ok = await api.mockAnswer({ mockId: v.mockId, index: 0, quality: 3, elapsedMs: 9_900 });
    expect(ok.recorded).toBe(true);
    v = ok.next!;
    expect(v).toMatchObject({ index: 1, remainingMs: { question: 10 * S - 800 } }); // q1 began at the deadline
    await api.mockReveal({ mockId: v.mockId, index: 1 });
    clock.advance(15 * S);
    const late = await api.mockAnswer({ mockId: v.mockId, index: 1, quality: 5, elapsedMs: 1 });
    expect(late).toMatchObject({ recorded: false, timedOut: true, next: { index: 2 } });
  });
});
