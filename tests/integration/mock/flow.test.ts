import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../service/contract/common.ts';
import { answerCurrent, rightAnswer, rows, setup } from './setup.ts';

const err = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiError);

describe('a mock interview through the API', () => {
  it('draws the same set for a seed, and starts exactly that set', async () => {
    const { api } = await setup();
    const a = await api.mockDraw({ questions: 6, seed: 42 });
    const b = await api.mockDraw({ questions: 6, seed: 42 });
    expect(b).toEqual(a);
    expect(new Set(a.questions.map((q) => q.cardId)).size).toBe(6);
    expect(a.questions.filter((q) => q.kind === 'problem')).toHaveLength(2); // round(6 × 0.3)
    const v = await api.mockStart({ questions: 6, seed: 42 });
    expect(v.question.cardId).toBe(a.questions[0]!.cardId);
    expect(v).toMatchObject({ index: 0, count: 6, remainingMs: { question: 120_000, total: 1_200_000 } });
  });

  it('answers go through the normal answer path, logged with mode mock and the mock id', async () => {
    const { api, store, clock } = await setup();
    let v = (await api.mockStart({ questions: 4, seed: 7, mix: 0.5 }))!;
    const mockId = v.mockId;
    for (let i = 0; i < 4; i++) {
      clock.advance(5_000);
      const r = await answerCurrent(api, v, i % 2 ? 2 : 5);
      expect(r.recorded).toBe(true);
      if (v.question.kind === 'problem') expect(r.verdict?.status).toBe(i % 2 ? 'wrong' : 'right');
      if (i < 3) v = r.next!;
      else {
        expect(r.next).toBeNull();
        expect(r.report).toMatchObject({ mockId, status: 'finished' });
      }
    }
    const log = rows(store, 'SELECT mode, mock_id, quality FROM reviews ORDER BY id');
    expect(log).toHaveLength(4);
    expect(log.every((r) => r.mode === 'mock' && r.mock_id === mockId)).toBe(true);
    // the day's first answer moved SM-2 for every card
    expect(rows(store, 'SELECT count(*) AS n FROM card_state')[0]!.n).toBe(4);
    const answers = rows(store, 'SELECT idx, outcome, review_id FROM mock_answers WHERE mock_id = ? ORDER BY idx', mockId);
    expect(answers.map((a) => a.outcome)).toEqual(['answered', 'answered', 'answered', 'answered']);
    expect(answers.every((a) => typeof a.review_id === 'number')).toBe(true);
  });

  it('feedSrs false keeps SM-2 and the review log untouched', async () => {
    const { api, store } = await setup();
    const v = await api.mockStart({ questions: 2, seed: 3, feedSrs: false });
    await answerCurrent(api, v, 4);
    expect(rows(store, 'SELECT count(*) AS n FROM reviews')[0]!.n).toBe(0);
    expect(rows(store, 'SELECT count(*) AS n FROM card_state')[0]!.n).toBe(0);
  });

  it('no going back, reveal before grading, one mock at a time', async () => {
    const { api } = await setup();
    const v = await api.mockStart({ questions: 3, seed: 11, mix: 0 });
    expect((await err(api.mockAnswer({ mockId: v.mockId, index: 0, quality: 4, elapsedMs: 1 })))?.message).toMatch(/reveal question 0 before grading/);
    expect((await err(api.mockStart({})))?.status).toBe(409);
    const r = await answerCurrent(api, v, 4);
    expect(r.next?.index).toBe(1);
    const back = await err(api.mockAnswer({ mockId: v.mockId, index: 0, quality: 5, elapsedMs: 1 }));
    expect(back?.status).toBe(409);
    expect((await err(api.mockReveal({ mockId: v.mockId, index: 0 })))?.message).toMatch(/no going back/);
    expect((await err(api.mockReport({ id: v.mockId })))?.status).toBe(409);
  });

  it('an unreadable typed answer records nothing; the learner retypes', async () => {
    const { api } = await setup();
    const v = await api.mockStart({ questions: 2, seed: 5, mix: 1, sections: [['卷积']] });
    expect(v.question.kind).toBe('problem');
    const bad = await api.mockAnswer({ mockId: v.mockId, index: 0, typed: 'what?', elapsedMs: 1 });
    expect(bad).toMatchObject({ recorded: false, verdict: { status: 'unparseable' } });
    expect(bad.next?.index).toBe(0);
    const good = await api.mockAnswer({ mockId: v.mockId, index: 0, typed: rightAnswer(v), elapsedMs: 1 });
    expect(good).toMatchObject({ recorded: true, correct: true, quality: 5 });
    expect(good.solution?.en).toBeTruthy();
  });

  it('unsatisfiable configurations are refused with 422 and a clear message, and nothing is stored', async () => {
    const { api, store } = await setup();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ questions: 999 }, /asked for 999 questions but only \d+ cards/],
      [{ questions: 0 }, /questions must be a positive integer/],
      [{ questions: -2 }, /questions must be a positive integer/],
      [{ totalSeconds: 0 }, /totalSeconds must be at least 5/],
      [{ perQuestionSeconds: -5 }, /perQuestionSeconds must be at least 5/],
      [{ sections: [['没有这一章']] }, /unknown section "没有这一章"/],
      [{ sections: [['KL散度']], questions: 50 }, /only \d+ cards are available in KL散度/],
      [{ mix: 2 }, /mix must be between 0 and 1/],
    ];
    for (const [args, message] of cases) {
      const e = await err(api.mockStart(args));
      expect(e, JSON.stringify(args)).toBeInstanceOf(ApiError);
      expect(e!.status, JSON.stringify(args)).toBe(422);
      expect(e!.message).toMatch(message);
    }
    expect((await err(api.mockStart({ questions: 'ten' } as never)))?.status).toBe(400);
    expect(rows(store, 'SELECT count(*) AS n FROM mocks')[0]!.n).toBe(0);
  });

  it('reports score, counts, misses with answers, section accuracy, trend; history and HTML export', async () => {
    const { api, clock } = await setup();
    // mock 1: everything right
    let v = await api.mockStart({ questions: 3, seed: 1 });
    for (let i = 0; i < 3; i++) {
      clock.advance(3_000);
      const r = await answerCurrent(api, v, 5);
      v = r.next ?? v;
    }
    clock.advance(60_000);
    // mock 2: right, wrong, then finish early
    v = await api.mockStart({ questions: 3, seed: 2 });
    const id2 = v.mockId;
    v = (await answerCurrent(api, v, 5)).next!;
    v = (await answerCurrent(api, v, 1)).next!;
    const report = await api.mockFinish({ mockId: id2 });
    expect(report.status).toBe('finished');
    expect(report.counts).toEqual({ planned: 3, answered: 2, correct: 1, wrong: 1, timedOut: 0, unreached: 1 });
    expect(report.score).toBe(33); // one full credit out of three planned
    expect(report.trend.previous.map((p) => p.score)).toEqual([100]);
    expect(report.trend.delta).toBe(-67);
    expect(report.misses).toHaveLength(1);
    const miss = report.misses[0]!;
    if (miss.kind === 'problem') expect(miss.problem?.solution.zh).toBeTruthy();
    else expect(miss.back.length).toBeGreaterThan(0);
    expect(report.sections[0]!.accuracy).toBeLessThanOrEqual(report.sections[report.sections.length - 1]!.accuracy);
    expect(await api.mockReport({ id: id2 })).toEqual(report);
    expect(await api.mockFinish({ mockId: id2 })).toEqual(report); // idempotent

    const history = await api.mockHistory({});
    expect(history.map((h) => [h.id, h.status, h.score])).toEqual([[id2, 'finished', 33], [id2 - 1, 'finished', 100]]);

    const page = await api.mockExportHtml({ id: id2, lang: 'en' });
    expect(page.filename).toBe(`deeprecall-mock-${id2}.html`);
    expect(page.html).toMatch(/^<!doctype html>/);
    expect(page.html).toContain('@media print');
    expect(page.html).toContain('Misses with answers');
    expect(page.html).not.toMatch(/<script/i);
  });

  it('abandon ends the mock with what was done and keeps it out of the trend', async () => {
    const { api, clock } = await setup();
    let v = await api.mockStart({ questions: 3, seed: 9 });
    v = (await answerCurrent(api, v, 4)).next!;
    const r = await api.mockAbandon({ mockId: v.mockId });
    expect(r).toMatchObject({ status: 'abandoned', counts: { answered: 1, unreached: 2 } });
    expect(await api.mockCurrent()).toBeNull();
    clock.advance(1000);
    const v2 = await api.mockStart({ questions: 1, seed: 10 });
    const r2 = (await answerCurrent(api, v2, 5)).report!;
    expect(r2.trend.previous).toEqual([]);
  });
});
