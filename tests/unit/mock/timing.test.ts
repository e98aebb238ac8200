import { describe, expect, it } from 'vitest';
import { ANSWER_GRACE_MS, checkAnswer, currentWindow, remaining, settle, type MockProgress } from '../../../srs/mock/timing.ts';

const T0 = 1_700_000_000_000;
const S = 1000;

/** 3 questions, 10 s each, 25 s in all (so the total limit bites before the third question's own). */
const progress = (endedAt: number[] = [], over: Partial<MockProgress['timing']> = {}): MockProgress => ({
  timing: { startedAt: T0, totalMs: 25 * S, perQuestionMs: 10 * S, count: 3, ...over },
  endedAt,
});

describe('mock timing (time passed in)', () => {
  it('question i starts when question i−1 ended', () => {
    expect(currentWindow(progress())).toEqual({ index: 0, startsAt: T0, deadline: T0 + 10 * S, totalDeadline: T0 + 25 * S });
    expect(currentWindow(progress([T0 + 4 * S]))).toMatchObject({ index: 1, startsAt: T0 + 4 * S, deadline: T0 + 14 * S });
    expect(currentWindow(progress([T0 + 4 * S, T0 + 18 * S]))).toMatchObject({ index: 2, deadline: T0 + 25 * S }); // capped by the total
    expect(currentWindow(progress([1, 2, 3]))).toBeNull();
  });

  it('nothing happens before the deadline', () => {
    expect(settle(progress(), T0 + 9_999)).toEqual({ timeouts: [], end: null });
    expect(remaining(progress(), T0 + 3 * S)).toEqual({ questionMs: 7 * S, totalMs: 22 * S });
  });

  it('a question past its limit times out at its deadline and the next one starts then', () => {
    const s = settle(progress(), T0 + 12 * S);
    expect(s).toEqual({ timeouts: [{ index: 0, startedAt: T0, endedAt: T0 + 10 * S }], end: null });
    const after = progress([T0 + 10 * S]);
    expect(remaining(after, T0 + 12 * S)).toEqual({ questionMs: 8 * S, totalMs: 13 * S });
  });

  it('the deadline itself is already too late', () => {
    expect(settle(progress(), T0 + 10 * S).timeouts).toHaveLength(1);
  });

  it('time-outs cascade after a long absence and the total limit ends the mock', () => {
    const s = settle(progress(), T0 + 60 * S);
    expect(s.timeouts).toEqual([
      { index: 0, startedAt: T0, endedAt: T0 + 10 * S },
      { index: 1, startedAt: T0 + 10 * S, endedAt: T0 + 20 * S },
      { index: 2, startedAt: T0 + 20 * S, endedAt: T0 + 25 * S },
    ]);
    expect(s.end).toBe('completed'); // every question has an outcome
  });

  it('the total limit ends the mock with questions left unreached', () => {
    const p = progress([], { count: 5 });
    const s = settle(p, T0 + 26 * S);
    expect(s.timeouts.map((t) => t.index)).toEqual([0, 1, 2]);
    expect(s.timeouts[2]!.endedAt).toBe(T0 + 25 * S);
    expect(s.end).toBe('total');
  });

  it('an answer exactly at the total deadline leaves the next question no time', () => {
    const p = progress([T0 + 10 * S, T0 + 25 * S], { count: 5 });
    expect(settle(p, T0 + 25 * S)).toEqual({ timeouts: [], end: 'total' });
  });

  it('a completed mock reports completed and nothing else', () => {
    expect(settle(progress([T0 + S, T0 + 2 * S, T0 + 3 * S]), T0 + 100 * S)).toEqual({ timeouts: [], end: 'completed' });
  });

  it('is pure: the progress passed in is not changed', () => {
    const p = progress();
    settle(p, T0 + 100 * S);
    expect(p.endedAt).toEqual([]);
  });
});

describe('checkAnswer', () => {
  it('accepts the current question before its deadline with the elapsed time', () => {
    expect(checkAnswer(progress(), 0, T0 + 4 * S)).toMatchObject({ ok: true, endedAt: T0 + 4 * S, elapsedMs: 4 * S });
  });
  it('no going back, no skipping ahead', () => {
    expect(checkAnswer(progress([T0 + S]), 0, T0 + 2 * S)).toEqual({ ok: false, reason: 'not-current', current: 1 });
    expect(checkAnswer(progress(), 2, T0 + S)).toEqual({ ok: false, reason: 'not-current', current: 0 });
    expect(checkAnswer(progress([1, 2, 3]), 2, T0)).toEqual({ ok: false, reason: 'ended', current: null });
  });
  it('an answer that arrives within the grace window counts as given at the deadline', () => {
    const late = T0 + 10 * S + ANSWER_GRACE_MS - 1;
    expect(checkAnswer(progress(), 0, late)).toMatchObject({ ok: true, endedAt: T0 + 10 * S, elapsedMs: 10 * S });
    expect(checkAnswer(progress(), 0, T0 + 10 * S + ANSWER_GRACE_MS + 1)).toMatchObject({ ok: false, reason: 'timed-out' });
  });
});
