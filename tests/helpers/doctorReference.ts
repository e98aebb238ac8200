// The Check database of commit 1afc013, before the fast path (db/integrity.ts,
// db/logScan.ts): kept verbatim (checks only) so a test can show the fast path finds
// exactly what it found, on the same files. Not used by the app.
import { replayMixed, type MixedLogEntry } from '../../srs/fsrs/replay.ts';
import type { Quality, Sm2State } from '../../srs/sm2.ts';
import { ankiScheduledCards } from '../../db/ankiImport.ts';
import type { Db } from '../../db/open.ts';
import type { CardStateWithDay } from '../../db/reviews.ts';
import { toState, type StateRow } from '../../db/rows.ts';

export type CheckName = 'integrity' | 'foreignKeys' | 'orphanHistory' | 'orphanStates' | 'states' | 'newFlags' | 'templates' | 'clock';

/** What the checks need to know of the code that runs them: which problem templates exist (by current or former id). */
export interface DoctorContext {
  templateExists: (id: string) => boolean;
  /** The app's clock now (ms) and its study day: answers dated after them were made with a wrong clock. */
  now?: number;
  today?: number;
}

const NO_CONTEXT: DoctorContext = { templateExists: () => true };

/** A clock a few minutes fast on another device is not worth a warning. */
const FUTURE_SLACK_MS = 10 * 60 * 1000;

export interface CheckResult {
  name: CheckName;
  ok: boolean;
  /** Problems found (messages, rows or cards). */
  count: number;
  /** The first few, one line each. */
  samples: string[];
  /** `repair` fixes what this check found. */
  repairable: boolean;
}

export interface DoctorReport {
  file: string;
  ok: boolean;
  /** Something `repair` would change. */
  repairable: boolean;
  checks: CheckResult[];
  cards: number;
  reviews: number;
  ms: number;
}

interface RepairResult {
  /** The copy written before any change; null when there was nothing to repair. */
  backup: string | null;
  rebuiltStates: number;
  removedStates: number;
  fixedNewFlags: number;
  /** Problem cards suspended because their template no longer exists (history kept; unsuspend after an upgrade). */
  suspendedMissingTemplates: number;
  /** The check run again after the repair. */
  after: DoctorReport;
}

export type { CardStateWithDay } from '../../db/reviews.ts';

export interface StateMismatch {
  cardId: string;
  stored: CardStateWithDay | null;
  /** What the card's non-undone log replays to; null when it has no such log. */
  replayed: CardStateWithDay | null;
}

const MAX_SAMPLES = 20;

const fromRow = (r: StateRow): CardStateWithDay => ({ ...toState(r), lastDay: r.last_day });

function sameState(a: CardStateWithDay | null, b: CardStateWithDay | null): boolean {
  if (a === null || b === null) return a === b;
  // Exact equality on EF: it is a double that storage must never round (DESIGN.md).
  return a.repetitions === b.repetitions && a.easeFactor === b.easeFactor && a.intervalDays === b.intervalDays
    && a.dueDay === b.dueDay && a.lapses === b.lapses && a.lastDay === b.lastDay;
}

/**
 * Every existing card whose stored SM-2 state differs from a replay of its
 * non-undone log (in log order, drills leaving state alone). `last_day` is
 * the day of the last answer that counted: it decides whether the next answer
 * is a drill, so it is part of the state.
 */
export function stateMismatches(db: Db, backwards?: string[]): StateMismatch[] {
  const stored = new Map<string, CardStateWithDay>();
  for (const r of db.prepare<[], StateRow>('SELECT s.* FROM card_state s JOIN cards c ON c.id = s.card_id').iterate()) {
    stored.set(r.card_id, fromRow(r));
  }
  const cards = new Set(db.prepare<[], string>('SELECT id FROM cards').pluck().all());
  // One pass over the table in id order, grouped in memory (day, quality pairs): on a million
  // reviews this is about twice as fast as walking the (card_id, id) index, which reads rows out of order.
  const logs = new Map<string, number[]>();
  // FSRS-scheduled answers (schema v7) carry their logged after-state: FSRS isn't replayable from the quality alone.
  const fsrsAfter = new Map<number, Sm2State>();
  const rows = db.prepare<[], [number, string, number, number, number]>(
    "SELECT id, card_id, quality, day, sched = 'fsrs' FROM reviews WHERE undone_at IS NULL ORDER BY id",
  ).raw();
  for (const [id, cardId, quality, day, isFsrs] of rows.iterate()) {
    if (!cards.has(cardId)) continue; // orphaned history: its own check
    let log = logs.get(cardId);
    if (!log) logs.set(cardId, (log = []));
    log.push(day, quality, isFsrs === 1 ? id : -1);
  }
  if (logs.size) {
    const after = db.prepare<[], { id: number; reps_after: number; ease_after: number; ivl_after: number; due_after: number; lapses_after: number }>(
      "SELECT id, reps_after, ease_after, ivl_after, due_after, lapses_after FROM reviews WHERE sched = 'fsrs' AND undone_at IS NULL",
    );
    for (const r of after.iterate()) {
      fsrsAfter.set(r.id, { repetitions: r.reps_after, easeFactor: r.ease_after, intervalDays: r.ivl_after, dueDay: r.due_after, lapses: r.lapses_after });
    }
  }
  const out: StateMismatch[] = [];
  for (const [cardId, triples] of logs) {
    const log: MixedLogEntry[] = [];
    for (let i = 0; i < triples.length; i += 3) {
      // A later answer on an earlier day: the clock was set back between the two.
      if (i > 0 && triples[i]! < triples[i - 3]!) backwards?.push(`card ${cardId}: an answer on day ${triples[i]} follows one on day ${triples[i - 3]} (the clock went back)`);
      const f = triples[i + 2]! >= 0 ? fsrsAfter.get(triples[i + 2]!) : undefined;
      log.push({ day: triples[i]!, quality: triples[i + 1] as Quality, ...(f ? { fsrsAfter: f } : {}) });
    }
    const s = replayMixed(log);
    // The last answer that counted is on the latest day: answers dated earlier (a clock set back) were drills.
    const replayed = s && { ...s, lastDay: log.reduce((m, r) => Math.max(m, r.day), -Infinity) };
    const have = stored.get(cardId) ?? null;
    stored.delete(cardId);
    if (!sameState(have, replayed)) out.push({ cardId, stored: have, replayed });
  }
  for (const [cardId, have] of stored) out.push({ cardId, stored: have, replayed: null });
  // A schedule imported from Anki is Anki's, not a replay of the log (see db/migrations/006_anki.ts).
  const fromAnki = ankiScheduledCards(db);
  return out.filter((m) => !fromAnki.has(m.cardId)).sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
}

const ORPHAN_HISTORY = `
  SELECT 'review ' || r.id || ' refers to missing card ' || r.card_id AS what FROM reviews r WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.id = r.card_id)
  UNION ALL SELECT 'review ' || r.id || ' refers to missing mock ' || r.mock_id FROM reviews r
    WHERE r.mock_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mocks m WHERE m.id = r.mock_id)
  UNION ALL SELECT 'mock answer ' || a.mock_id || '/' || a.idx || ' refers to missing mock' FROM mock_answers a
    WHERE NOT EXISTS (SELECT 1 FROM mocks m WHERE m.id = a.mock_id)
  UNION ALL SELECT 'mock answer ' || a.mock_id || '/' || a.idx || ' refers to missing card ' || a.card_id FROM mock_answers a
    WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.id = a.card_id)
  UNION ALL SELECT 'mock answer ' || a.mock_id || '/' || a.idx || ' refers to missing review ' || a.review_id FROM mock_answers a
    WHERE a.review_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.id = a.review_id)`;
const ORPHAN_STATES = 'SELECT card_id FROM card_state s WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.id = s.card_id)';
/** is_new must mean "no SM-2 state yet": the new-card queue reads the flag, the review queue reads the state. */
const BAD_NEW_FLAGS = `SELECT c.id, c.is_new FROM cards c
  WHERE c.is_new != (NOT EXISTS (SELECT 1 FROM card_state s WHERE s.card_id = c.id)) ORDER BY c.id`;

function result(name: CheckName, problems: string[], repairable: boolean): CheckResult {
  const ok = problems.length === 0;
  return { name, ok, count: problems.length, samples: problems.slice(0, MAX_SAMPLES), repairable: !ok && repairable };
}

const fmt = (s: CardStateWithDay | null) =>
  s ? `n=${s.repetitions} EF=${s.easeFactor} I=${s.intervalDays} due=${s.dueDay} lapses=${s.lapses} last=${s.lastDay}` : 'none';

const LIVE_PROBLEMS = "SELECT id, template_id FROM cards WHERE kind = 'problem' AND retired_at IS NULL AND suspended = 0 ORDER BY id";

/** Live problem cards the queue skips because this version cannot generate them. */
function missingTemplates(db: Db, ctx: DoctorContext): { id: string; template_id: string | null }[] {
  return db.prepare<[], { id: string; template_id: string | null }>(LIVE_PROBLEMS).all().filter((r) => !r.template_id || !ctx.templateExists(r.template_id));
}

/** Read-only: runs every check and says what `repair` would fix. */
export function checkDatabase(db: Db, file: string, ctx: DoctorContext = NO_CONTEXT): DoctorReport {
  const t0 = performance.now();
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((m) => m !== 'ok');
  const checks: CheckResult[] = [result('integrity', integrity, false)];
  // A damaged file can make every later query lie or throw: report the damage alone.
  if (integrity.length === 0) {
    const fk = (db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[])
      .map((r) => `${r.table} row ${r.rowid ?? '?'} refers to a missing ${r.parent} row`);
    const orphanStates = db.prepare<[], { card_id: string }>(ORPHAN_STATES).all();
    const backwards: string[] = [];
    const states = stateMismatches(db, backwards);
    const future = ctx.now === undefined ? [] : db
      .prepare<[number, number], { id: number; card_id: string; reviewed_at: number; day: number }>(
        'SELECT id, card_id, reviewed_at, day FROM reviews WHERE reviewed_at > ? OR day > ? ORDER BY id LIMIT 1000',
      )
      .all(ctx.now + FUTURE_SLACK_MS, ctx.today ?? Number.MAX_SAFE_INTEGER)
      .map((r) => `review ${r.id} of card ${r.card_id} is dated ${new Date(r.reviewed_at).toISOString()} (day ${r.day}), in the future`);
    const flags = db.prepare<[], { id: string; is_new: number }>(BAD_NEW_FLAGS).all();
    checks.push(
      // Only state rows are derived data; other dangling references are history, kept as they are.
      result('foreignKeys', fk, fk.every((m) => m.startsWith('card_state '))),
      result('orphanHistory', db.prepare<[], { what: string }>(ORPHAN_HISTORY).all().map((r) => r.what), false),
      result('orphanStates', orphanStates.map((r) => `state of missing card ${r.card_id}`), true),
      result('states', states.map((m) => `card ${m.cardId}: stored ${fmt(m.stored)}; log replays to ${fmt(m.replayed)}`), true),
      result('newFlags', flags.map((f) => `card ${f.id} is marked ${f.is_new ? 'new but has a schedule' : 'studied but has no schedule'}`), true),
      // Kept as they are: the history is what happened; the schedule never moved twice for it (srs alreadyMoved).
      result('clock', [...future, ...backwards], false),
      result('templates', missingTemplates(db, ctx).map((r) => `problem card ${r.id} uses template "${r.template_id ?? ''}", which this version does not have; review skips it (repair suspends it)`), true),
    );
  }
  const count = (t: string) => {
    try {
      return db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    } catch {
      return -1; // unreadable table in a damaged file: the integrity check already says so
    }
  };
  return {
    file,
    ok: checks.every((c) => c.ok),
    repairable: checks.some((c) => c.repairable),
    checks,
    cards: count('cards'),
    reviews: count('reviews'),
    ms: Math.round(performance.now() - t0),
  };
}

