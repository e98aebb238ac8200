// FSRS memory per card (fsrs_state) and the FSRS columns of the review log.
// card_state keeps the due day the queue reads in both modes; this table is
// what FSRS needs on top of it.
import type { FsrsMemory } from '../srs/fsrs/schedule.ts';
import type { Db } from './open.ts';
import type { CardStateWithDay } from './reviews.ts';

interface MemoryRow {
  card_id: string;
  stability: number;
  difficulty: number;
  state: number;
  reps: number;
  lapses: number;
  last_day: number;
  due_day: number;
}

const toMemory = (r: MemoryRow): FsrsMemory => ({
  stability: r.stability,
  difficulty: r.difficulty,
  state: r.state as FsrsMemory['state'],
  reps: r.reps,
  lapses: r.lapses,
  lastDay: r.last_day,
  dueDay: r.due_day,
});

/** One card's state and log as a switch to FSRS needs them. */
export interface CardForSwitch extends CardStateWithDay {
  cardId: string;
  /** Non-undone answers, oldest first (drills included; the converter skips them). */
  log: { day: number; quality: number }[];
  /** The first logged answer found the card new: the log is its whole history. */
  complete: boolean;
}

export class FsrsRepo {
  private readonly getStmt;
  private readonly upsertStmt;
  private readonly deleteStmt;
  private readonly markStmt;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare<[string], MemoryRow>('SELECT * FROM fsrs_state WHERE card_id = ?');
    this.upsertStmt = db.prepare(
      `INSERT INTO fsrs_state (card_id, stability, difficulty, state, reps, lapses, last_day, due_day)
       VALUES (@cardId, @stability, @difficulty, @state, @reps, @lapses, @lastDay, @dueDay)
       ON CONFLICT(card_id) DO UPDATE SET stability=excluded.stability, difficulty=excluded.difficulty, state=excluded.state,
         reps=excluded.reps, lapses=excluded.lapses, last_day=excluded.last_day, due_day=excluded.due_day`,
    );
    this.deleteStmt = db.prepare('DELETE FROM fsrs_state WHERE card_id = ?');
    this.markStmt = db.prepare("UPDATE reviews SET sched = 'fsrs', fsrs_before = ? WHERE id = ?");
  }

  get(cardId: string): FsrsMemory | null {
    const r = this.getStmt.get(cardId);
    return r ? toMemory(r) : null;
  }

  put(cardId: string, m: FsrsMemory): void {
    this.upsertStmt.run({ cardId, ...m });
  }

  /** Restore the memory a logged FSRS answer started from (undo); null = the card had none. */
  restore(cardId: string, before: FsrsMemory | null): void {
    if (before) this.put(cardId, before);
    else this.deleteStmt.run(cardId);
  }

  /** Mark a just-recorded review as scheduled by FSRS, with the memory it started from. */
  markReview(reviewId: number, before: FsrsMemory | null): void {
    this.markStmt.run(before ? JSON.stringify(before) : null, reviewId);
  }

  /** Every scheduled card with its log, for converting them all in one pass. */
  cardsForSwitch(): CardForSwitch[] {
    const cards = new Map<string, CardForSwitch>();
    const states = this.db.prepare<[], { card_id: string; repetitions: number; ease_factor: number; interval_days: number; due_day: number; lapses: number; last_day: number }>(
      'SELECT * FROM card_state',
    );
    for (const s of states.iterate()) {
      cards.set(s.card_id, {
        cardId: s.card_id, repetitions: s.repetitions, easeFactor: s.ease_factor, intervalDays: s.interval_days,
        dueDay: s.due_day, lapses: s.lapses, lastDay: s.last_day, log: [], complete: false,
      });
    }
    const rows = this.db
      .prepare<[], [string, number, number, number]>('SELECT card_id, day, quality, reps_before IS NULL FROM reviews WHERE undone_at IS NULL ORDER BY id')
      .raw();
    for (const [cardId, day, quality, fresh] of rows.iterate()) {
      const c = cards.get(cardId);
      if (!c) continue;
      if (c.log.length === 0) c.complete = fresh === 1;
      c.log.push({ day, quality });
    }
    return [...cards.values()];
  }

  /** Every non-undone answer (drills included: the evaluation thins them), for evaluation and fitting. */
  answers(): { cardId: string; at: number; day: number; quality: number }[] {
    return this.db
      .prepare<[], [string, number, number, number]>('SELECT card_id, reviewed_at, day, quality FROM reviews WHERE undone_at IS NULL ORDER BY id')
      .raw()
      .all()
      .map(([cardId, at, day, quality]) => ({ cardId, at, day, quality }));
  }

  /** Answers that could train FSRS: one per card and study day, minus each card's first day. */
  repeatedAnswerCount(): number {
    return this.db
      .prepare<[], number>(
        `SELECT (SELECT count(*) FROM (SELECT DISTINCT card_id, day FROM reviews WHERE undone_at IS NULL))
              - (SELECT count(DISTINCT card_id) FROM reviews WHERE undone_at IS NULL)`,
      )
      .pluck()
      .get()!;
  }

  replaceAll(memories: Iterable<[string, FsrsMemory]>): number {
    let n = 0;
    this.db.exec('DELETE FROM fsrs_state');
    for (const [id, m] of memories) {
      this.put(id, m);
      n++;
    }
    return n;
  }
}
