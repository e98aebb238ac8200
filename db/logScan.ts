// One pass over the review log in id order for "Check database": every
// card's replay advances row by row (srs/fsrs/replay.replayStep) instead of
// first gathering each card's log into arrays, and the same pass notices
// answers dated before their card's previous one (a clock set back) and
// reviews whose card is gone. On a million reviews this reads each row once,
// as five plain columns, and allocates per card, not per review.
import { replayStep, type ReplayCursor } from '../srs/fsrs/replay.ts';
import type { Quality, Sm2State } from '../srs/sm2.ts';
import type { Db } from './open.ts';
import type { CardStateWithDay } from './reviews.ts';

export interface StateMismatch {
  cardId: string;
  stored: CardStateWithDay | null;
  /** What the card's non-undone log replays to; null when it has no such log. */
  replayed: CardStateWithDay | null;
}

/** Findings of one kind: how many, and the first few messages in the order the old per-card pass listed them. */
export interface Found {
  count: number;
  samples: string[];
}

export interface LogScan {
  /** Cards whose stored state differs from the replay of their log, by card id (Anki-scheduled cards still included). */
  mismatches: StateMismatch[];
  /** "the clock went back" messages, card by card in order of each card's first answer, then in log order. */
  backwards: Found;
  /** Reviews (undone or not) whose card does not exist. */
  orphanReviews: number;
  /** Every review row the pass read (undone and orphaned included): count(*) of the table, for free. */
  reviews: number;
  /** Rows of the cards table. */
  cards: number;
}

/**
 * A card's replay between rows. Numbers only, updated in place: a state
 * object stored here per row would outlive the young generation and turn a
 * million answers into old-space garbage (GC was most of the old pass).
 */
interface CardRun {
  has: boolean;
  reps: number;
  ease: number;
  ivl: number;
  due: number;
  lapses: number;
  /** Day of the last answer that counted; -1e15 before the first (alreadyMoved is false for it). */
  lastDay: number;
  maxDay: number;
  prevDay: number;
  /** How many "clock went back" answers this card has (their messages are written afterwards, for the first few only). */
  nBack: number;
}

type StateTuple = [string, number, number, number, number, number, number];

const fromTuple = (r: StateTuple): CardStateWithDay => ({
  repetitions: r[1], easeFactor: r[2], intervalDays: r[3], dueDay: r[4], lapses: r[5], lastDay: r[6],
});

function sameState(a: CardStateWithDay | null, b: CardStateWithDay | null): boolean {
  if (a === null || b === null) return a === b;
  // Exact equality on EF: it is a double that storage must never round (DESIGN.md).
  return a.repetitions === b.repetitions && a.easeFactor === b.easeFactor && a.intervalDays === b.intervalDays
    && a.dueDay === b.dueDay && a.lapses === b.lapses && a.lastDay === b.lastDay;
}

/** replayStep (the shared rule) on short-lived objects, its outcome copied back into the run's numbers. */
function step(run: CardRun, entry: { day: number; quality: Quality; fsrsAfter?: Sm2State }): void {
  const c: ReplayCursor = {
    state: run.has ? { repetitions: run.reps, easeFactor: run.ease, intervalDays: run.ivl, dueDay: run.due, lapses: run.lapses } : null,
    lastDay: run.lastDay === NO_DAY ? null : run.lastDay,
  };
  replayStep(c, entry);
  if (c.state) {
    run.has = true;
    run.reps = c.state.repetitions;
    run.ease = c.state.easeFactor;
    run.ivl = c.state.intervalDays;
    run.due = c.state.dueDay;
    run.lapses = c.state.lapses;
  }
  if (c.lastDay !== null) run.lastDay = c.lastDay;
}

/**
 * "day,quality,flags,id,…" → numbers, four per answer, and the answers in id
 * order (the index gives them so; sorted here only if it ever did not).
 * Plain integers are read digit by digit; anything else (a REAL quality in a
 * hand-edited file) through Number, as the row would have been read.
 */
function parseLog(text: string, n: number): { v: number[]; order: number[] } {
  const v: number[] = new Array(4 * n);
  let j = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) !== 44) continue;
    let x = 0;
    let neg = false;
    let plain = i > start;
    for (let p = start; p < i; p++) {
      const ch = text.charCodeAt(p);
      if (ch >= 48 && ch <= 57) x = x * 10 + (ch - 48);
      else if (ch === 45 && p === start) neg = true;
      else {
        plain = false;
        break;
      }
    }
    v[j++] = plain ? (neg ? -x : x) : Number(text.slice(start, i));
    start = i + 1;
  }
  const order = Array.from({ length: n }, (_, k) => k);
  for (let k = 1; k < n; k++) {
    if (v[4 * k + 3]! < v[4 * k - 1]!) {
      order.sort((a, b) => v[4 * a + 3]! - v[4 * b + 3]!);
      break;
    }
  }
  return { v, order };
}

const NO_DAY = -1e15;

/**
 * The first `perCard` "clock went back" messages of one card (at most `room`),
 * read again from its log: a million-answer pass keeps only counts, and the
 * report shows twenty lines, so only the cards that hold them are read twice.
 */
function clockMessages(db: Db, cardId: string, perCard: number, room: number): string[] {
  const out: string[] = [];
  let prev: number | null = null;
  const days = db.prepare<[string], number>('SELECT day FROM reviews WHERE card_id = ? AND undone_at IS NULL ORDER BY id').pluck().iterate(cardId);
  for (const day of days) {
    if (prev !== null && day < prev) {
      out.push(`card ${cardId}: an answer on day ${day} follows one on day ${prev} (the clock went back)`);
      if (out.length >= Math.min(perCard, room)) break;
    }
    prev = day;
  }
  return out;
}

/**
 * The log pass. `keepBackwards` limits the clock messages kept per card
 * (the count is always exact); `progress` hears about every 65,536 rows.
 */
export function scanLog(db: Db, o: { keepBackwards?: number; progress?: (done: number, total: number) => void } = {}): LogScan {
  const keep = o.keepBackwards ?? Number.POSITIVE_INFINITY;
  const cards = new Set(db.prepare<[], string>('SELECT id FROM cards').pluck().all());
  const stored = new Map<string, StateTuple>();
  for (const r of db.prepare<[], StateTuple>('SELECT card_id, repetitions, ease_factor, interval_days, due_day, lapses, last_day FROM card_state').raw().iterate()) {
    if (cards.has(r[0])) stored.set(r[0], r);
  }
  // FSRS-scheduled answers (schema v7) carry their logged after-state: FSRS isn't replayable from the quality alone.
  const fsrsAfter = new Map<number, Sm2State>();
  // NOT INDEXED: one sequential scan. Through reviews_today's (day, undone_at) the planner would look up
  // every non-undone row in the table to test sched (six times slower on a million reviews).
  const after = db.prepare<[], [number, number, number, number, number, number]>(
    "SELECT id, reps_after, ease_after, ivl_after, due_after, lapses_after FROM reviews NOT INDEXED WHERE sched = 'fsrs' AND undone_at IS NULL",
  ).raw();
  for (const r of after.iterate()) fsrsAfter.set(r[0], { repetitions: r[1], easeFactor: r[2], intervalDays: r[3], dueDay: r[4], lapses: r[5] });

  const total = o.progress ? (db.prepare('SELECT count(*) FROM cards').pluck().get() as number) : 0;
  const runs: { cardId: string; run: CardRun; firstId: number }[] = [];
  let orphanReviews = 0;
  let reviews = 0;
  let backwards = 0;
  let done = 0;
  // Each card's log as one string "day,quality,flags,id,…" from the (card_id, id, day, quality, sched, undone_at)
  // index (migration 10): SQLite walks it in order, so no sort and no per-row objects. flags: 1 FSRS, 2 undone.
  const groups = db.prepare<[], [string, string, number]>(
    `SELECT card_id, group_concat(day || ',' || quality || ',' || ((sched IS 'fsrs') + 2 * (undone_at IS NOT NULL)) || ',' || id, ','), count(*)
       FROM reviews GROUP BY card_id`,
  ).raw();
  for (const [cardId, text, n] of groups.iterate()) {
    if (o.progress && ++done % 4096 === 0) o.progress(done, total);
    reviews += n;
    if (!cards.has(cardId)) {
      orphanReviews += n; // orphaned history: its own check, and not replayed
      continue;
    }
    const log = parseLog(text, n);
    let run: CardRun | null = null;
    let firstId = 0;
    for (const k of log.order) {
      const day = log.v[4 * k]!;
      const flags = log.v[4 * k + 2]!;
      if (flags & 2) continue; // undone: not part of the card's history
      const id = log.v[4 * k + 3]!;
      if (!run) {
        run = { has: false, reps: 0, ease: 0, ivl: 0, due: 0, lapses: 0, lastDay: NO_DAY, maxDay: day, prevDay: day, nBack: 0 };
        firstId = id;
      } else {
        // A later answer on an earlier day: the clock was set back between the two.
        if (day < run.prevDay) {
          run.nBack++;
          backwards++;
        }
        run.prevDay = day;
        if (day > run.maxDay) run.maxDay = day;
      }
      const quality = log.v[4 * k + 1] as Quality;
      const f = flags & 1 ? fsrsAfter.get(id) : undefined;
      step(run, f ? { day, quality, fsrsAfter: f } : { day, quality });
    }
    if (run) runs.push({ cardId, run, firstId });
  }
  o.progress?.(total, total);
  // The old pass met cards in the order of their first answer: the clock messages keep that order.
  runs.sort((a, b) => a.firstId - b.firstId);

  const mismatches: StateMismatch[] = [];
  const samples: string[] = [];
  for (const { cardId, run } of runs) {
    // The last answer that counted is on the latest day: answers dated earlier (a clock set back) were drills.
    const replayed: CardStateWithDay | null = run.has
      ? { repetitions: run.reps, easeFactor: run.ease, intervalDays: run.ivl, dueDay: run.due, lapses: run.lapses, lastDay: run.maxDay }
      : null;
    const s = stored.get(cardId);
    const have = s ? fromTuple(s) : null;
    stored.delete(cardId);
    if (!sameState(have, replayed)) mismatches.push({ cardId, stored: have, replayed });
    if (run.nBack > 0 && samples.length < keep) samples.push(...clockMessages(db, cardId, Math.min(run.nBack, keep), keep - samples.length));
  }
  for (const [cardId, s] of stored) mismatches.push({ cardId, stored: fromTuple(s), replayed: null });
  mismatches.sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
  return { mismatches, backwards: { count: backwards, samples }, orphanReviews, reviews, cards: cards.size };
}
