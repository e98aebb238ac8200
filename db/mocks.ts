// Mock interviews: the mock row (config, drawn questions, final report) and one
// mock_answers row per finished question. Statements are prepared once.
import type { Db } from './open.ts';

export type MockStatus = 'active' | 'finished' | 'abandoned' | 'expired';

export interface MockRow {
  id: number;
  started_at: number;
  finished_at: number | null;
  status: MockStatus;
  seed: number;
  config: string; // JSON
  questions: string; // JSON
  score: number | null;
  report: string | null; // JSON
  shown_index: number;
  revealed_index: number;
  revealed_notes: string | null;
}

export interface MockAnswerRow {
  mock_id: number;
  idx: number;
  card_id: string;
  outcome: 'answered' | 'timeout';
  started_at: number;
  ended_at: number;
  quality: number;
  typed: string | null;
  notes: string | null;
  verdict: string | null; // JSON
  seen: number;
  review_id: number | null;
}

export interface CandidateRow {
  id: string;
  kind: string;
  section: string; // JSON
  template_id: string | null;
  ease_factor: number | null;
  lapses: number | null;
  recent_fails: number;
  mock_misses: number;
}

export interface HistoryRow extends MockRow {
  answered: number;
  correct: number;
  timed_out: number;
}

export class MockRepo {
  private readonly insertStmt;
  private readonly activeStmt;
  private readonly byIdStmt;
  private readonly answersStmt;
  private readonly insertAnswerStmt;
  private readonly shownStmt;
  private readonly revealedStmt;
  private readonly closeStmt;
  private readonly historyStmt;
  private readonly scoresStmt;
  private readonly candidatesStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO mocks (started_at, status, seed, config, questions) VALUES (@startedAt, 'active', @seed, @config, @questions)`,
    );
    this.activeStmt = db.prepare<[], MockRow>(`SELECT * FROM mocks WHERE status = 'active' ORDER BY id DESC LIMIT 1`);
    this.byIdStmt = db.prepare<[number], MockRow>('SELECT * FROM mocks WHERE id = ?');
    this.answersStmt = db.prepare<[number], MockAnswerRow>('SELECT * FROM mock_answers WHERE mock_id = ? ORDER BY idx');
    this.insertAnswerStmt = db.prepare(
      `INSERT INTO mock_answers (mock_id, idx, card_id, outcome, started_at, ended_at, quality, typed, notes, verdict, seen, review_id)
       VALUES (@mockId, @idx, @cardId, @outcome, @startedAt, @endedAt, @quality, @typed, @notes, @verdict, @seen, @reviewId)`,
    );
    this.shownStmt = db.prepare('UPDATE mocks SET shown_index = max(shown_index, ?) WHERE id = ?');
    this.revealedStmt = db.prepare('UPDATE mocks SET revealed_index = ?, revealed_notes = ? WHERE id = ?');
    this.closeStmt = db.prepare(
      `UPDATE mocks SET status = @status, finished_at = @finishedAt, score = @score, report = @report WHERE id = @id AND status = 'active'`,
    );
    this.historyStmt = db.prepare<[number, number], HistoryRow>(
      `SELECT m.*,
         (SELECT count(*) FROM mock_answers a WHERE a.mock_id = m.id AND a.outcome = 'answered') AS answered,
         (SELECT count(*) FROM mock_answers a WHERE a.mock_id = m.id AND a.outcome = 'answered' AND a.quality >= 3) AS correct,
         (SELECT count(*) FROM mock_answers a WHERE a.mock_id = m.id AND a.outcome = 'timeout') AS timed_out
       FROM mocks m ORDER BY m.started_at DESC, m.id DESC LIMIT ? OFFSET ?`,
    );
    this.scoresStmt = db.prepare<[number], { id: number; finished_at: number; score: number }>(
      `SELECT id, finished_at, score FROM mocks
       WHERE status IN ('finished', 'expired') AND score IS NOT NULL AND finished_at IS NOT NULL AND id != ?
       ORDER BY finished_at, id`,
    );
    // Mock answers are counted as mock misses, so the recent-failure count leaves them out.
    this.candidatesStmt = db.prepare<[{ since: number }], CandidateRow>(
      `SELECT c.id, c.kind, c.section, c.template_id, s.ease_factor, s.lapses,
         (SELECT count(*) FROM reviews r WHERE r.card_id = c.id AND r.quality < 3 AND r.day >= @since
            AND r.undone_at IS NULL AND r.mode != 'mock') AS recent_fails,
         (SELECT count(*) FROM mock_answers a WHERE a.card_id = c.id AND a.quality < 3 AND a.seen = 1) AS mock_misses
       FROM cards c LEFT JOIN card_state s ON s.card_id = c.id
       WHERE c.retired_at IS NULL AND c.suspended = 0
       ORDER BY c.ord`,
    );
  }

  create(m: { startedAt: number; seed: number; config: unknown; questions: unknown }): number {
    const info = this.insertStmt.run({ startedAt: m.startedAt, seed: m.seed, config: JSON.stringify(m.config), questions: JSON.stringify(m.questions) });
    return Number(info.lastInsertRowid);
  }

  active(): MockRow | null {
    return this.activeStmt.get() ?? null;
  }

  byId(id: number): MockRow | null {
    return this.byIdStmt.get(id) ?? null;
  }

  answers(mockId: number): MockAnswerRow[] {
    return this.answersStmt.all(mockId);
  }

  addAnswer(a: {
    mockId: number; idx: number; cardId: string; outcome: 'answered' | 'timeout'; startedAt: number; endedAt: number; quality: number;
    typed?: string | null; notes?: string | null; verdict?: unknown; seen?: boolean; reviewId?: number | null;
  }): void {
    this.insertAnswerStmt.run({
      mockId: a.mockId, idx: a.idx, cardId: a.cardId, outcome: a.outcome, startedAt: a.startedAt, endedAt: a.endedAt, quality: a.quality,
      typed: a.typed ?? null, notes: a.notes ?? null, verdict: a.verdict === undefined ? null : JSON.stringify(a.verdict),
      seen: a.seen === false ? 0 : 1, reviewId: a.reviewId ?? null,
    });
  }

  markShown(mockId: number, idx: number): void {
    this.shownStmt.run(idx, mockId);
  }

  markRevealed(mockId: number, idx: number, notes: string | null): void {
    this.revealedStmt.run(idx, notes, mockId);
  }

  /** Ends an active mock; false when it was not active any more (a concurrent close won). */
  close(c: { id: number; status: Exclude<MockStatus, 'active'>; finishedAt: number; score: number; report: unknown }): boolean {
    return this.closeStmt.run({ ...c, report: JSON.stringify(c.report) }).changes === 1;
  }

  history(limit: number, offset: number): HistoryRow[] {
    return this.historyStmt.all(limit, offset);
  }

  /** Scores of completed mocks (finished or expired; abandoned ones are not a fair attempt) except `exceptId`, oldest first. */
  scores(exceptId: number): { mockId: number; finishedAt: number; score: number }[] {
    return this.scoresStmt.all(exceptId).map((r) => ({ mockId: r.id, finishedAt: r.finished_at, score: r.score }));
  }

  candidates(sinceDay: number): CandidateRow[] {
    return this.candidatesStmt.all({ since: sinceDay });
  }

  transaction<T>(fn: () => T): T {
    // IMMEDIATE: take the write lock up front so a second process waits (busy timeout) instead of failing mid-way.
    return this.db.transaction(fn).immediate();
  }
}
