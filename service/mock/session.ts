// The mock-interview flow over db + srs + cards. Every public method runs in
// one transaction and first applies the time-outs the wall clock implies, so
// a reload, a closed window or a late request all see the same state.
import { resolveTemplate } from '../../cards/problems/aliases.ts';
import { randomInt } from 'node:crypto';
import { grade } from '../../cards/answer/grade.ts';
import type { Store } from '../../db/store.ts';
import { DEFAULT_CONFIG, MockConfigError, PRESETS, withDefaults, type MockConfig } from '../../srs/mock/config.ts';
import { drawQuestions, type Candidate } from '../../srs/mock/draw.ts';
import { ANSWER_GRACE_MS, checkAnswer, settle, totalDeadline, type TimedOut } from '../../srs/mock/timing.ts';
import type { Quality } from '../../srs/sm2.ts';
import type { App } from '../app.ts';
import { ApiError } from '../contract/common.ts';
import type { MockAnswerResult, MockDraw, MockReport, MockRevealResult, MockView } from '../contract/index.ts';
import type { MockConfigArgs } from '../contract/mock.ts';
import type { z } from 'zod';
import { loadMock, mockView, problemOf, problemView, type LoadedMock, type StoredQuestion } from './load.ts';
import { buildReport } from './report.ts';

type ConfigArgs = z.output<typeof MockConfigArgs>;
type Ended = 'finished' | 'abandoned' | 'expired';

/** Failures in this window count toward a card's weakness. */
const RECENT_DAYS = 30;

export class MockService {
  constructor(private readonly app: App) {}

  private get store(): Store {
    return this.app.store;
  }

  private now(): number {
    return this.app.clock.now();
  }

  private tx<T>(fn: () => T): T {
    return this.store.mocks.transaction(fn);
  }

  // ── drawing ──────────────────────────────────────────────────────────

  private config(a: ConfigArgs): MockConfig {
    const { preset, seed: _seed, ...rest } = a;
    return withDefaults({ ...DEFAULT_CONFIG, ...(preset ? PRESETS[preset] : {}), ...rest });
  }

  /** Every card that can be asked, with its weakness stats; problem cards also map to their template. */
  private candidates(): { candidates: Candidate[]; templates: Map<string, string> } {
    const rows = this.store.mocks.candidates(this.app.review.today() - RECENT_DAYS);
    const candidates: Candidate[] = [];
    const templates = new Map<string, string>();
    for (const r of rows) {
      if (r.kind === 'reading') continue; // a list of links is not an interview question
      if (r.kind === 'problem') {
        // A template this version lacks cannot be asked: leave the card out rather than fail the draw.
        if (!r.template_id || !resolveTemplate(r.template_id)) continue;
        templates.set(r.id, r.template_id);
      }
      candidates.push({
        cardId: r.id,
        kind: r.kind === 'problem' ? 'problem' : 'concept',
        section: JSON.parse(r.section) as string[],
        stats: { easeFactor: r.ease_factor, lapses: r.lapses ?? 0, recentFails: r.recent_fails, mockMisses: r.mock_misses },
      });
    }
    return { candidates, templates };
  }

  private drawn(a: ConfigArgs): { seed: number; config: MockConfig; questions: StoredQuestion[] } {
    const config = this.config(a);
    const seed = a.seed ?? randomInt(0, 2 ** 32);
    const { candidates, templates } = this.candidates();
    try {
      const known = this.store.cards.sections().map((s) => s.section);
      const drawn = drawQuestions(candidates, config, seed, known);
      const questions = drawn.map((q): StoredQuestion => (q.kind === 'problem' ? { ...q, templateId: templates.get(q.cardId)! } : q));
      return { seed, config, questions };
    } catch (err) {
      if (err instanceof MockConfigError) throw new ApiError(422, err.message, { field: err.field });
      throw err;
    }
  }

  draw(a: ConfigArgs): MockDraw {
    const { seed, config, questions } = this.drawn(a);
    return {
      seed,
      config,
      questions: questions.map((q) => {
        const p = problemOf(q);
        const out: MockDraw['questions'][number] = { index: q.index, cardId: q.cardId, kind: q.kind, section: q.section, front: this.store.cards.byId(q.cardId)?.front ?? '' };
        if (p) out.problem = problemView(p);
        return out;
      }),
    };
  }

  start(a: ConfigArgs): MockView {
    return this.tx(() => {
      const now = this.now();
      const running = this.settleActive(now).active;
      if (running) throw new ApiError(409, `mock ${running.row.id} is still running; finish or abandon it first`, { mockId: running.row.id });
      const { seed, config, questions } = this.drawn(a);
      const id = this.store.mocks.create({ startedAt: now, seed, config, questions });
      this.store.mocks.markShown(id, 0);
      return mockView(this.store, this.reload(id), now)!;
    });
  }

  // ── running ──────────────────────────────────────────────────────────

  current(): MockView | null {
    return this.tx(() => {
      const now = this.now();
      const m = this.settleActive(now).active;
      return m ? this.show(m, now) : null;
    });
  }

  reveal(a: { mockId: number; index: number; notes?: string }): MockRevealResult {
    return this.tx(() => {
      const m = this.running(a.mockId, this.now());
      const index = m.progress.endedAt.length;
      if (a.index !== index) throw new ApiError(409, `question ${a.index} is not the current one (${index}); there is no going back`);
      const q = m.questions[index]!;
      if (q.kind !== 'concept') throw new ApiError(422, 'problem questions are answered by typing; nothing to reveal');
      const card = this.store.cards.byId(q.cardId);
      // Notes written before revealing are kept with the reveal, so a reload does not lose them.
      const notes = a.notes ?? (m.row.revealed_index === index ? m.row.revealed_notes : null);
      this.store.mocks.markRevealed(m.row.id, index, notes);
      return { index, back: card?.back ?? '', links: card?.links ?? [] };
    });
  }

  answer(a: { mockId: number; index: number; quality?: Quality; typed?: string; notes?: string; elapsedMs: number }): MockAnswerResult {
    return this.tx(() => {
      const now = this.now();
      const row = this.store.mocks.byId(a.mockId);
      if (!row) throw new ApiError(404, `no mock with id ${a.mockId}`);
      // Settle at now − grace: an answer sent just before its deadline still counts.
      const settled = this.settleActive(now - ANSWER_GRACE_MS);
      const m = settled.active?.row.id === a.mockId ? settled.active : null;
      const earlier = (m ? m.answers : this.store.mocks.answers(a.mockId)).find((x) => x.idx === a.index);
      if (earlier?.outcome === 'timeout') {
        const after = this.settleActive(now);
        return { recorded: false, timedOut: true, next: after.active ? this.show(after.active, now) : null, report: m ? null : this.savedReport(a.mockId) };
      }
      if (!m) throw new ApiError(409, `mock ${a.mockId} has ended`);
      const check = checkAnswer(m.progress, a.index, now);
      if (!check.ok) throw new ApiError(409, check.reason === 'not-current' ? `question ${a.index} is not the current one (${check.current}); there is no going back` : `question ${a.index} can no longer be answered`);
      const q = m.questions[a.index]!;
      const result = q.kind === 'problem' ? this.answerProblem(m, q, a, check) : this.answerConcept(m, q, a, check);
      if (!result.recorded) return { ...result, next: this.show(m, now), report: null };
      const after = this.settleOrClose(this.reload(m.row.id), now);
      return { ...result, next: after.active ? this.show(after.active, now) : null, report: after.report };
    });
  }

  private answerConcept(m: LoadedMock, q: StoredQuestion, a: { index: number; quality?: Quality; typed?: string; notes?: string }, c: { window: { startsAt: number }; endedAt: number; elapsedMs: number }) {
    if (a.typed !== undefined) throw new ApiError(422, 'concept questions are self-graded: send quality 0–5 (and notes), not typed');
    if (a.quality === undefined) throw new ApiError(400, 'give a quality 0–5');
    if (m.row.revealed_index !== a.index) throw new ApiError(409, `reveal question ${a.index} before grading it`);
    const quality = a.quality;
    const reviewId = this.feed(m, q, { quality, elapsedMs: c.elapsedMs });
    const notes = a.notes ?? m.row.revealed_notes;
    this.store.mocks.addAnswer({ mockId: m.row.id, idx: a.index, cardId: q.cardId, outcome: 'answered', startedAt: c.window.startsAt, endedAt: c.endedAt, quality, notes, reviewId });
    return { recorded: true, quality, correct: quality >= 3 };
  }

  private answerProblem(m: LoadedMock, q: StoredQuestion, a: { index: number; quality?: Quality; typed?: string }, c: { window: { startsAt: number }; endedAt: number; elapsedMs: number }) {
    const p = problemOf(q);
    if (!p) throw new ApiError(409, `problem ${q.cardId} cannot be generated any more`);
    const verdict = a.typed !== undefined ? grade(p, a.typed, c.elapsedMs) : undefined;
    if (verdict?.status === 'unparseable') return { recorded: false, verdict };
    const quality = (a.quality ?? verdict?.quality ?? 0) as Quality;
    const reviewId = this.feed(m, q, { quality, typed: a.typed, seed: p.seed, elapsedMs: c.elapsedMs });
    this.store.mocks.addAnswer({
      mockId: m.row.id, idx: a.index, cardId: q.cardId, outcome: 'answered', startedAt: c.window.startsAt, endedAt: c.endedAt,
      quality, typed: a.typed ?? null, verdict, reviewId,
    });
    return { recorded: true, quality, correct: quality >= 3, verdict, solution: p.solution };
  }

  /** The normal answer path (SM-2 rules, logged with mode 'mock'); a card retired meanwhile is just not fed. */
  private feed(m: LoadedMock, q: StoredQuestion, r: { quality: Quality; typed?: string; seed?: number; elapsedMs: number }): number | null {
    if (!m.config.feedSrs) return null;
    try {
      const res = this.app.review.answer({ cardId: q.cardId, ...r }, m.row.id);
      return res.reviewId ?? null;
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 409)) return null;
      throw err;
    }
  }

  // ── ending ───────────────────────────────────────────────────────────

  finish(mockId: number, status: 'finished' | 'abandoned' = 'finished'): MockReport {
    return this.tx(() => {
      const now = this.now();
      const settled = this.settleActive(now);
      if (settled.active?.row.id === mockId) return this.close(settled.active, status, now);
      return this.savedReport(mockId);
    });
  }

  report(id: number): MockReport {
    return this.tx(() => {
      this.settleActive(this.now());
      return this.savedReport(id);
    });
  }

  /**
   * `settleActive` now, in one transaction: its time-outs feed SM-2 (an
   * answer each) and are recorded one by one, so outside a transaction a
   * lock met half-way and a retry would store a time-out's answer twice.
   */
  settleNow(): void {
    this.tx(() => void this.settleActive(this.now()));
  }

  /** Apply time-outs to the active mock (if any) and close it when they end it. */
  settleActive(at: number): { active: LoadedMock | null; report: MockReport | null } {
    const row = this.store.mocks.active();
    if (!row) return { active: null, report: null };
    return this.settleOrClose(loadMock(this.store, row), at);
  }

  private settleOrClose(m: LoadedMock, at: number): { active: LoadedMock | null; report: MockReport | null } {
    const s = settle(m.progress, at);
    for (const t of s.timeouts) this.recordTimeout(m, t);
    if (s.timeouts.length) m = this.reload(m.row.id);
    if (!s.end) return { active: m, report: null };
    // Time-outs nobody saw mean the learner had left: abandoned, not a fair attempt.
    const away = m.answers.some((x) => x.seen === 0);
    const status: Ended = away ? 'abandoned' : s.end === 'completed' ? 'finished' : 'expired';
    const finishedAt = s.end === 'completed' ? (m.answers[m.answers.length - 1]?.ended_at ?? at) : totalDeadline(m.progress.timing);
    return { active: null, report: this.close(m, status, finishedAt) };
  }

  private recordTimeout(m: LoadedMock, t: TimedOut): void {
    const q = m.questions[t.index]!;
    const seen = t.index <= m.row.shown_index;
    // Only a question the learner had on screen counts against the card in SM-2.
    const reviewId = seen ? this.feed(m, q, { quality: 0, elapsedMs: t.endedAt - t.startedAt }) : null;
    this.store.mocks.addAnswer({ mockId: m.row.id, idx: t.index, cardId: q.cardId, outcome: 'timeout', startedAt: t.startedAt, endedAt: t.endedAt, quality: 0, seen, reviewId });
  }

  private close(m: LoadedMock, status: Ended, finishedAt: number): MockReport {
    const report = buildReport(this.store, m, status, finishedAt);
    this.store.mocks.close({ id: m.row.id, status, finishedAt, score: report.score, report });
    return report;
  }

  // ── helpers ──────────────────────────────────────────────────────────

  private reload(id: number): LoadedMock {
    return loadMock(this.store, this.store.mocks.byId(id)!);
  }

  private running(mockId: number, now: number): LoadedMock {
    if (!this.store.mocks.byId(mockId)) throw new ApiError(404, `no mock with id ${mockId}`);
    const m = this.settleActive(now).active;
    if (!m || m.row.id !== mockId) throw new ApiError(409, `mock ${mockId} has ended`);
    return m;
  }

  private show(m: LoadedMock, now: number): MockView | null {
    const view = mockView(this.store, m, now);
    if (view && view.index > m.row.shown_index) {
      this.store.mocks.markShown(m.row.id, view.index);
      m.row.shown_index = view.index;
    }
    return view;
  }

  savedReport(id: number): MockReport {
    const row = this.store.mocks.byId(id);
    if (!row) throw new ApiError(404, `no mock with id ${id}`);
    if (row.status === 'active' || !row.report) throw new ApiError(409, `mock ${id} is still running; its report exists once it ends`);
    return JSON.parse(row.report) as MockReport;
  }
}
