import type { Sm2State } from '../srs/sm2.ts';
import type { TodayAnswer } from '../srs/queue.ts';
import type { AnswerMode } from '../srs/answer.ts';
import type { Db } from './open.ts';
import { stateBefore, toState, type ReviewRow, type StateRow } from './rows.ts';

export interface NewReview {
  cardId: string;
  reviewedAt: number;
  day: number;
  quality: number;
  elapsedMs: number;
  mode: AnswerMode;
  before: Sm2State | null;
  lastDayBefore: number | null;
  after: Sm2State;
  answer?: string | null;
  seed?: number | null;
  correct?: boolean | null;
  mockId?: number | null;
  /** The client's name for this answer; a second answer with the same name is not stored. */
  clientId?: string | null;
}

export interface CardStateWithDay extends Sm2State {
  lastDay: number;
}

export class ReviewRepo {
  private readonly insertStmt;
  private readonly upsertState;
  private readonly deleteState;
  private readonly markOld;
  private readonly markNew;
  private readonly stateStmt;
  private readonly todayStmt;
  private readonly lastStmt;
  private readonly undoStmt;
  private readonly laterStmt;
  private readonly historyStmt;
  private readonly dueStmt;
  private readonly dueCountStmt;
  private readonly freshStmt;
  private readonly freshCountStmt;
  private readonly activeStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO reviews (card_id, reviewed_at, day, quality, elapsed_ms, mode,
         reps_before, ease_before, ivl_before, due_before, lapses_before, last_day_before,
         reps_after, ease_after, ivl_after, due_after, lapses_after, answer, seed, correct, mock_id, client_id)
       VALUES (@cardId, @reviewedAt, @day, @quality, @elapsedMs, @mode,
         @repsB, @easeB, @ivlB, @dueB, @lapsesB, @lastDayBefore,
         @repsA, @easeA, @ivlA, @dueA, @lapsesA, @answer, @seed, @correct, @mockId, @clientId)`,
    );
    this.upsertState = db.prepare(
      `INSERT INTO card_state (card_id, repetitions, ease_factor, interval_days, due_day, lapses, last_day)
       VALUES (@cardId, @r, @ef, @i, @due, @l, @lastDay)
       ON CONFLICT(card_id) DO UPDATE SET repetitions=excluded.repetitions, ease_factor=excluded.ease_factor,
         interval_days=excluded.interval_days, due_day=excluded.due_day, lapses=excluded.lapses, last_day=excluded.last_day`,
    );
    this.deleteState = db.prepare('DELETE FROM card_state WHERE card_id = ?');
    this.markOld = db.prepare('UPDATE cards SET is_new = 0 WHERE id = ? AND is_new = 1');
    this.markNew = db.prepare('UPDATE cards SET is_new = 1 WHERE id = ?');
    this.stateStmt = db.prepare<[string], StateRow>('SELECT * FROM card_state WHERE card_id = ?');
    // Raw arrays: this runs for every card shown and a heavy day has thousands of answers;
    // better-sqlite3 builds arrays about twice as fast as objects.
    this.todayStmt = db
      .prepare<[number], [number, string, number, number, TodayAnswer['mode']]>(
        `SELECT id, card_id, quality, reps_before IS NULL, mode
         FROM reviews WHERE day = ? AND undone_at IS NULL ORDER BY id`,
      )
      .raw();
    this.lastStmt = db.prepare<[number], ReviewRow>(
      `SELECT * FROM reviews WHERE day = ? AND undone_at IS NULL AND mode != 'mock' ORDER BY id DESC LIMIT 1`,
    );
    this.laterStmt = db.prepare<[string, number], { id: number }>(
      'SELECT id FROM reviews WHERE card_id = ? AND id > ? AND undone_at IS NULL LIMIT 1',
    );
    this.undoStmt = db.prepare('UPDATE reviews SET undone_at = ? WHERE id = ? AND undone_at IS NULL');
    this.historyStmt = db.prepare<[string], ReviewRow>('SELECT * FROM reviews WHERE card_id = ? ORDER BY id');
    // Most overdue first; ties keep notes order through the card's rowid.
    this.dueStmt = db.prepare<[number, number], { id: string }>(
      `SELECT s.card_id AS id FROM card_state s JOIN cards c ON c.id = s.card_id
       WHERE s.due_day <= ? AND c.suspended = 0 AND c.retired_at IS NULL
       ORDER BY s.due_day LIMIT ?`,
    );
    this.dueCountStmt = db.prepare<[number], { n: number }>(
      `SELECT count(*) AS n FROM card_state s JOIN cards c ON c.id = s.card_id
       WHERE s.due_day <= ? AND c.suspended = 0 AND c.retired_at IS NULL`,
    );
    // Reading lists are for browsing, not for daily drilling: they never enter the queue as new cards.
    this.freshStmt = db.prepare<[number], { id: string }>(
      "SELECT id FROM cards WHERE is_new = 1 AND suspended = 0 AND retired_at IS NULL AND kind != 'reading' ORDER BY ord LIMIT ?",
    );
    this.freshCountStmt = db.prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM cards WHERE is_new = 1 AND suspended = 0 AND retired_at IS NULL AND kind != 'reading'",
    );
    this.activeStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cards WHERE suspended = 0 AND retired_at IS NULL');
  }

  state(cardId: string): CardStateWithDay | null {
    const r = this.stateStmt.get(cardId);
    return r ? { ...toState(r), lastDay: r.last_day } : null;
  }

  /** Log + state change in one transaction; returns the log id once committed. */
  /** The answer stored under a client's name, if any (undone ones included: a retry must not redo an undone answer). */
  byClientId(clientId: string): { id: number; card_id: string; mode: AnswerMode; quality: number; day: number; due_after: number } | null {
    return (
      (this.db
        .prepare('SELECT id, card_id, mode, quality, day, due_after FROM reviews WHERE client_id = ?')
        .get(clientId) as { id: number; card_id: string; mode: AnswerMode; quality: number; day: number; due_after: number } | undefined) ?? null
    );
  }

  record(r: NewReview): number {
    return this.db.transaction(() => {
      const b = r.before;
      const info = this.insertStmt.run({
        cardId: r.cardId, reviewedAt: r.reviewedAt, day: r.day, quality: r.quality, elapsedMs: Math.round(r.elapsedMs), mode: r.mode,
        repsB: b?.repetitions ?? null, easeB: b?.easeFactor ?? null, ivlB: b?.intervalDays ?? null, dueB: b?.dueDay ?? null,
        lapsesB: b?.lapses ?? null, lastDayBefore: r.lastDayBefore,
        repsA: r.after.repetitions, easeA: r.after.easeFactor, ivlA: r.after.intervalDays, dueA: r.after.dueDay, lapsesA: r.after.lapses,
        answer: r.answer ?? null, seed: r.seed ?? null, correct: r.correct == null ? null : r.correct ? 1 : 0, mockId: r.mockId ?? null,
        clientId: r.clientId ?? null,
      });
      if (r.mode !== 'drill') {
        const a = r.after;
        this.upsertState.run({ cardId: r.cardId, r: a.repetitions, ef: a.easeFactor, i: a.intervalDays, due: a.dueDay, l: a.lapses, lastDay: r.day });
        this.markOld.run(r.cardId);
      }
      return Number(info.lastInsertRowid);
    }).immediate();
  }

  today(day: number): TodayAnswer[] {
    return this.todayStmt.all(day).map(([seq, cardId, quality, wasNew, mode]) => ({
      seq,
      cardId,
      quality: quality as TodayAnswer['quality'],
      wasNew: wasNew === 1,
      mode,
    }));
  }

  /**
   * The last answer of today's review session, if any, marked undone and its
   * state restored exactly. Refused (null) when a mock answer to the same card
   * came later: restoring the "before" state would erase that answer's effect.
   */
  undoLast(day: number, now: number): ReviewRow | null {
    return this.db.transaction(() => {
      const last = this.lastStmt.get(day);
      if (!last || this.laterStmt.get(last.card_id, last.id)) return null;
      this.undoStmt.run(now, last.id);
      if (last.mode !== 'drill') {
        const before = stateBefore(last);
        if (before === null) {
          this.deleteState.run(last.card_id);
          this.markNew.run(last.card_id);
        } else {
          this.upsertState.run({
            cardId: last.card_id, r: before.repetitions, ef: before.easeFactor, i: before.intervalDays,
            due: before.dueDay, l: before.lapses, lastDay: last.last_day_before,
          });
        }
      }
      return last;
    }).immediate();
  }

  history(cardId: string): ReviewRow[] {
    return this.historyStmt.all(cardId);
  }

  dueIds(today: number, limit: number): string[] {
    return this.dueStmt.all(today, limit).map((r) => r.id);
  }

  dueCount(today: number): number {
    return this.dueCountStmt.get(today)!.n;
  }

  freshIds(limit: number): string[] {
    return this.freshStmt.all(limit).map((r) => r.id);
  }

  freshCount(): number {
    return this.freshCountStmt.get()!.n;
  }

  /** Cards that can be studied: not suspended, not retired. */
  activeCount(): number {
    return this.activeStmt.get()!.n;
  }
}
