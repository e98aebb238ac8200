// One pass over the review log for "Check database": each card's log comes
// from SQLite as one string in id order (the covering index of migration 10),
// is parsed into a reused buffer and replayed on one reused cursor
// (srs/fsrs/replay.replayStep, the shared rule), and the card is compared with
// its stored state as soon as its log ends. The same pass counts answers dated
// before their card's previous one (a clock set back) and reviews whose card
// is gone. Nothing per review outlives its step and nothing per card outlives
// the card unless it is a finding, so a million answers leave almost nothing
// for the collector to copy.
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

type StateTuple = [string, number, number, number, number, number, number];

/** A card's log with its existence (1 or null) and its stored state (all null when it has none). */
type GroupRow = [string, string, number, 1 | null, ...([string, number, number, number, number, number, number] | [null, null, null, null, null, null, null])];

const fromTuple = (r: StateTuple): CardStateWithDay => ({
  repetitions: r[1], easeFactor: r[2], intervalDays: r[3], dueDay: r[4], lapses: r[5], lastDay: r[6],
});

/** Does the stored row hold exactly the replayed state? Exact equality on EF: it is a double that storage must never round (DESIGN.md). */
function storedIs(s: StateTuple | undefined, st: Sm2State | null, lastDay: number): boolean {
  if (!s || !st) return !s && !st;
  return s[1] === st.repetitions && s[2] === st.easeFactor && s[3] === st.intervalDays && s[4] === st.dueDay && s[5] === st.lapses && s[6] === lastDay;
}

/**
 * "day,quality,flags,id,…" → numbers, four per answer, into `buf` (grown when
 * short; the grown buffer is returned). Plain integers are read digit by
 * digit; anything else (a REAL quality in a hand-edited file) through Number,
 * as the row would have been read.
 */
function parseLog(text: string, n: number, buf: Float64Array): Float64Array {
  if (buf.length < 4 * n) buf = new Float64Array(Math.max(4 * n, 2 * buf.length));
  let j = 0;
  let start = 0;
  let x = 0;
  let neg = false;
  let plain = true;
  const end = text.length;
  // One look at each character: digits accumulate, a comma ends the number.
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 44) {
      buf[j++] = plain && i > start ? (neg ? -x : x) : Number(text.slice(start, i));
      start = i + 1;
      x = 0;
      neg = false;
      plain = true;
    } else if (ch >= 48 && ch <= 57) x = x * 10 + (ch - 48);
    else if (ch === 45 && i === start) neg = true;
    else plain = false;
  }
  buf[j] = plain && end > start ? (neg ? -x : x) : Number(text.slice(start));
  return buf;
}

/** The answers' positions in id order: null when they already are (the index gives them so; sorted only if it ever did not). */
function idOrder(v: Float64Array, n: number): number[] | null {
  for (let k = 1; k < n; k++) {
    if (v[4 * k + 3]! < v[4 * k - 1]!) return Array.from({ length: n }, (_, i) => i).sort((a, b) => v[4 * a + 3]! - v[4 * b + 3]!);
  }
  return null;
}

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
 * The log pass. `keepBackwards` limits the clock messages kept (the count is
 * always exact); `progress` hears about every 4,096 cards.
 */
export function scanLog(db: Db, o: { keepBackwards?: number; progress?: (done: number, total: number) => void } = {}): LogScan {
  const keep = o.keepBackwards ?? Number.POSITIVE_INFINITY;
  const cards = db.prepare<[], number>('SELECT count(*) FROM cards').pluck().get()!;
  // FSRS-scheduled answers (schema v7) carry their logged after-state: FSRS isn't replayable from the quality alone.
  const fsrsAfter = new Map<number, Sm2State>();
  // NOT INDEXED: one sequential scan. Through reviews_today's (day, undone_at) the planner would look up
  // every non-undone row in the table to test sched (six times slower on a million reviews).
  const after = db.prepare<[], [number, number, number, number, number, number]>(
    "SELECT id, reps_after, ease_after, ivl_after, due_after, lapses_after FROM reviews NOT INDEXED WHERE sched = 'fsrs' AND undone_at IS NULL",
  ).raw();
  for (const r of after.iterate()) fsrsAfter.set(r[0], { repetitions: r[1], easeFactor: r[2], intervalDays: r[3], dueDay: r[4], lapses: r[5] });

  const total = o.progress ? cards : 0;
  const mismatches: StateMismatch[] = [];
  /** Cards with answers dated before their previous one: their first answer's id, id, and how many. */
  const back: { firstId: number; cardId: string; n: number }[] = [];
  let orphanReviews = 0;
  let reviews = 0;
  let backwards = 0;
  let done = 0;
  let buf: Float64Array = new Float64Array(1024);
  // One cursor and one entry for the whole pass: replayStep reads them and keeps neither.
  const cursor: ReplayCursor = { state: null, lastDay: null };
  const entry: { day: number; quality: Quality; fsrsAfter: Sm2State | undefined } = { day: 0, quality: 0, fsrsAfter: undefined };
  // Each card's log as one string "day,quality,flags,id,…" from the (card_id, id, day, quality, sched, undone_at)
  // index (migration 10): SQLite walks it in order, so no sort and no per-row objects. flags: 1 FSRS, 2 undone.
  // Beside it, whether the card exists and its stored state, looked up once per card: holding every card id and
  // every state row in JavaScript instead cost more than the lookups (a hundred thousand objects kept through the pass).
  const groups = db.prepare<[], GroupRow>(
    `SELECT g.card_id, g.log, g.n, (SELECT 1 FROM cards c WHERE c.id = g.card_id),
            s.card_id, s.repetitions, s.ease_factor, s.interval_days, s.due_day, s.lapses, s.last_day
       FROM (SELECT card_id, group_concat(day || ',' || quality || ',' || ((sched IS 'fsrs') + 2 * (undone_at IS NOT NULL)) || ',' || id, ',') AS log, count(*) AS n
               FROM reviews GROUP BY card_id) g
       LEFT JOIN card_state s ON s.card_id = g.card_id`,
  ).raw();
  for (const row of groups.iterate()) {
    const [cardId, text, n, known] = row;
    if (o.progress && ++done % 4096 === 0) o.progress(Math.min(done, total), total);
    reviews += n;
    if (known === null) {
      orphanReviews += n; // orphaned history: its own check, and not replayed
      continue;
    }
    const s = row[4] === null ? undefined : (row.slice(4) as StateTuple);
    const v = (buf = parseLog(text, n, buf));
    const order = idOrder(v, n);
    cursor.state = null;
    cursor.lastDay = null;
    let started = false;
    let firstId = 0;
    let maxDay = 0;
    let prevDay = 0;
    let nBack = 0;
    for (let i = 0; i < n; i++) {
      const k = order ? order[i]! : i;
      const flags = v[4 * k + 2]!;
      if (flags & 2) continue; // undone: not part of the card's history
      const day = v[4 * k]!;
      const id = v[4 * k + 3]!;
      if (!started) {
        started = true;
        firstId = id;
        maxDay = prevDay = day;
      } else {
        // A later answer on an earlier day: the clock was set back between the two.
        if (day < prevDay) nBack++;
        prevDay = day;
        if (day > maxDay) maxDay = day;
      }
      entry.day = day;
      entry.quality = v[4 * k + 1] as Quality;
      entry.fsrsAfter = flags & 1 ? fsrsAfter.get(id) : undefined;
      replayStep(cursor, entry);
    }
    if (!started) {
      // Every answer undone: a stored state has no log behind it.
      if (s) mismatches.push({ cardId, stored: fromTuple(s), replayed: null });
      continue;
    }
    // The last answer that counted is on the latest day: answers dated earlier (a clock set back) were drills.
    const st = cursor.state as Sm2State | null; // set by replayStep
    if (!storedIs(s, st, maxDay)) {
      mismatches.push({ cardId, stored: s ? fromTuple(s) : null, replayed: st && { repetitions: st.repetitions, easeFactor: st.easeFactor, intervalDays: st.intervalDays, dueDay: st.dueDay, lapses: st.lapses, lastDay: maxDay } });
    }
    if (nBack > 0) {
      backwards += nBack;
      back.push({ firstId, cardId, n: nBack });
    }
  }
  o.progress?.(total, total);
  // The old pass met cards in the order of their first answer: the clock messages keep that order.
  back.sort((a, b) => a.firstId - b.firstId);
  const samples: string[] = [];
  for (const b of back) {
    if (samples.length >= keep) break;
    samples.push(...clockMessages(db, b.cardId, Math.min(b.n, keep), keep - samples.length));
  }
  // States of existing cards that have no review at all. In card id order: the planner then walks the state rows
  // themselves and probes the log index in its own order (four times faster than through card_state_due).
  const stateless = db.prepare<[], StateTuple>(
    `SELECT s.card_id, s.repetitions, s.ease_factor, s.interval_days, s.due_day, s.lapses, s.last_day FROM card_state s
      WHERE NOT EXISTS (SELECT 1 FROM reviews r WHERE r.card_id = s.card_id) AND EXISTS (SELECT 1 FROM cards c WHERE c.id = s.card_id)
      ORDER BY s.card_id`,
  ).raw();
  for (const s of stateless.iterate()) mismatches.push({ cardId: s[0], stored: fromTuple(s), replayed: null });
  mismatches.sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
  return { mismatches, backwards: { count: backwards, samples }, orphanReviews, reviews, cards };
}
