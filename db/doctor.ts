// "Check database", after Anki's: SQLite's own checks first, then ours. The
// review log is the truth; card_state is a cache of replay(log) and is_new a
// cache of "has no state", so both can always be rebuilt from the log — but
// only after a backup, and never by deleting history.
import fs from 'node:fs';
import path from 'node:path';
import { ankiScheduledCards } from './ankiImport.ts';
import { DbError } from './errors.ts';
import { createPrivateFile } from './files.ts';
import { integrityProblems } from './integrity.ts';
import { scanLog, type StateMismatch } from './logScan.ts';
import type { Db } from './open.ts';
import type { CardStateWithDay } from './reviews.ts';

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

export interface RepairResult {
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

export type { CardStateWithDay } from './reviews.ts';

export type { StateMismatch } from './logScan.ts';

/** How far a check has got: the UI's progress bar and the CLI's status line. */
export interface DoctorProgress {
  phase: 'integrity' | 'indexes' | 'history' | 'references';
  done: number;
  total: number;
}

const MAX_SAMPLES = 20;

/** A schedule imported from Anki is Anki's, not a replay of the log (see db/migrations/006_anki.ts). */
function withoutAnki(db: Db, m: StateMismatch[]): StateMismatch[] {
  const fromAnki = ankiScheduledCards(db);
  return fromAnki.size ? m.filter((x) => !fromAnki.has(x.cardId)) : m;
}

/**
 * Every existing card whose stored SM-2 state differs from a replay of its
 * non-undone log (in log order, drills leaving state alone). `last_day` is
 * the day of the last answer that counted: it decides whether the next answer
 * is a drill, so it is part of the state. One pass over the log (db/logScan.ts).
 */
export function stateMismatches(db: Db, backwards?: string[]): StateMismatch[] {
  const scan = scanLog(db);
  backwards?.push(...scan.backwards.samples);
  return withoutAnki(db, scan.mismatches);
}

const ORPHAN_CARD_REVIEWS = `SELECT 'review ' || r.id || ' refers to missing card ' || r.card_id AS what FROM reviews r WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.id = r.card_id)`;
/** The other kinds of orphaned history: cheap (mocks and their answers are few), so always run. */
const ORPHAN_MOCK_REFS = `
  SELECT 'review ' || r.id || ' refers to missing mock ' || r.mock_id AS what FROM reviews r
    WHERE r.mock_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mocks m WHERE m.id = r.mock_id)
  UNION ALL SELECT 'mock answer ' || a.mock_id || '/' || a.idx || ' refers to missing mock' FROM mock_answers a
    WHERE NOT EXISTS (SELECT 1 FROM mocks m WHERE m.id = a.mock_id)
  UNION ALL SELECT 'mock answer ' || a.mock_id || '/' || a.idx || ' refers to missing card ' || a.card_id FROM mock_answers a
    WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.id = a.card_id)
  UNION ALL SELECT 'mock answer ' || a.mock_id || '/' || a.idx || ' refers to missing review ' || a.review_id FROM mock_answers a
    WHERE a.review_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.id = a.review_id)`;
const ORPHAN_HISTORY = `${ORPHAN_CARD_REVIEWS}\n  UNION ALL ${ORPHAN_MOCK_REFS.trim()}`;
const ORPHAN_STATES = 'SELECT card_id FROM card_state s WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.id = s.card_id)';
/** is_new must mean "no SM-2 state yet": the new-card queue reads the flag, the review queue reads the state. */
const BAD_NEW_FLAGS = `SELECT c.id, c.is_new FROM cards c
  WHERE c.is_new != (NOT EXISTS (SELECT 1 FROM card_state s WHERE s.card_id = c.id)) ORDER BY c.id`;

function result(name: CheckName, problems: string[], repairable: boolean): CheckResult {
  return counted(name, problems.length, problems, repairable);
}

function counted(name: CheckName, count: number, samples: string[], repairable: boolean): CheckResult {
  const ok = count === 0;
  return { name, ok, count, samples: samples.slice(0, MAX_SAMPLES), repairable: !ok && repairable };
}

/** The foreign keys the log pass checks itself (a missing card) or ORPHAN_MOCK_REFS does (a missing mock). */
const REVIEW_KEYS = 'card_id>cards.id,mock_id>mocks.id';

/**
 * Could `PRAGMA foreign_key_check` find anything? Asked table by table,
 * except that the reviews table (a million rows, a lookup each) is answered
 * by what the log pass and the orphan query already saw. Only when the
 * answer is yes does the whole pragma run, for its exact rows.
 */
function foreignKeysSuspect(db: Db, reviewsSuspect: boolean): boolean {
  const tables = db.prepare<[], { name: string; keys: string }>(
    `SELECT t.name, group_concat(k."from" || '>' || k."table" || '.' || ifnull(k."to", '?'), ',') AS keys
       FROM pragma_table_list t, pragma_foreign_key_list(t.name) k WHERE t.schema = 'main' AND t.type = 'table' GROUP BY t.name`,
  ).all();
  for (const t of tables) {
    const keys = t.keys.split(',').sort().join(',');
    if (t.name === 'reviews' && keys === REVIEW_KEYS) {
      if (reviewsSuspect) return true;
    } else if ((db.pragma(`foreign_key_check(${JSON.stringify(t.name)})`) as unknown[]).length > 0) {
      return true;
    }
  }
  return false;
}

const fmt = (s: CardStateWithDay | null) =>
  s ? `n=${s.repetitions} EF=${s.easeFactor} I=${s.intervalDays} due=${s.dueDay} lapses=${s.lapses} last=${s.lastDay}` : 'none';

const LIVE_PROBLEMS = "SELECT id, template_id FROM cards WHERE kind = 'problem' AND retired_at IS NULL AND suspended = 0 ORDER BY id";

/** Live problem cards the queue skips because this version cannot generate them. */
function missingTemplates(db: Db, ctx: DoctorContext): { id: string; template_id: string | null }[] {
  return db.prepare<[], { id: string; template_id: string | null }>(LIVE_PROBLEMS).all().filter((r) => !r.template_id || !ctx.templateExists(r.template_id));
}

/** What the logical checks found (everything but SQLite's own), with the table sizes they saw. */
export interface LogicalChecks {
  checks: CheckResult[];
  cards: number;
  reviews: number;
}

/** SQLite's own checks (db/integrity.ts): the file's pages and its indexes. Empty for a healthy file. */
export function checkPages(db: Db, progress?: (p: DoctorProgress) => void): string[] {
  return integrityProblems(db, (phase, done, total) => progress?.({ phase: phase === 'indexes' ? 'indexes' : 'integrity', done, total }));
}

/** What the pass over the log finds, with the checks that depend on it (plain data: it crosses from a worker). */
export interface LogPart {
  foreignKeys: CheckResult;
  orphanHistory: CheckResult;
  states: CheckResult;
  backwards: { count: number; samples: string[] };
  cards: number;
  reviews: number;
}

/** The checks that need no log pass (plain data: it crosses from a worker). */
export interface SidePart {
  orphanStates: CheckResult;
  newFlags: CheckResult;
  templates: CheckResult;
  /** Reviews dated in the future (the first thousand). */
  future: string[];
}

/**
 * The log pass (db/logScan.ts) and what follows from it: schedules against
 * the log, clock set back, orphaned history, foreign keys. The longest part of
 * the check; `checkLogic` runs it with sidePart, the host may run the two on
 * two workers at once.
 */
export function logPart(db: Db, progress?: (p: DoctorProgress) => void): LogPart {
  const scan = scanLog(db, { keepBackwards: MAX_SAMPLES, progress: (done, total) => progress?.({ phase: 'history', done, total }) });
  progress?.({ phase: 'references', done: 0, total: 1 });
  const states = withoutAnki(db, scan.mismatches);
  // The exact lists (and their order) come from the same queries as ever, run only when the fast pass saw something.
  const mockRefs = db.prepare<[], { what: string }>(ORPHAN_MOCK_REFS).all();
  const orphanHistory = scan.orphanReviews > 0 ? db.prepare<[], { what: string }>(ORPHAN_HISTORY).all().map((r) => r.what) : mockRefs.map((r) => r.what);
  const fk = !foreignKeysSuspect(db, scan.orphanReviews > 0 || mockRefs.length > 0) ? [] : (db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[])
    .map((r) => `${r.table} row ${r.rowid ?? '?'} refers to a missing ${r.parent} row`);
  return {
    // Only state rows are derived data; other dangling references are history, kept as they are.
    foreignKeys: result('foreignKeys', fk, fk.every((m) => m.startsWith('card_state '))),
    orphanHistory: result('orphanHistory', orphanHistory, false),
    // Only the lines shown are written: a synthetic or long-neglected profile can have every card's schedule differ.
    states: counted('states', states.length, states.slice(0, MAX_SAMPLES).map((m) => `card ${m.cardId}: stored ${fmt(m.stored)}; log replays to ${fmt(m.replayed)}`), true),
    backwards: { count: scan.backwards.count, samples: scan.backwards.samples },
    // The log pass read every review row and every card id: their counts need no query of their own.
    cards: scan.cards,
    reviews: scan.reviews,
  };
}

/** The checks beside the log pass: state rows of missing cards, is_new flags, missing templates, reviews dated in the future. */
export function sidePart(db: Db, ctx: DoctorContext = NO_CONTEXT): SidePart {
  const orphanStates = db.prepare<[], { card_id: string }>(ORPHAN_STATES).all();
  const future = ctx.now === undefined ? [] : db
    .prepare<[number, number], { id: number; card_id: string; reviewed_at: number; day: number }>(
      'SELECT id, card_id, reviewed_at, day FROM reviews WHERE reviewed_at > ? OR day > ? ORDER BY id LIMIT 1000',
    )
    .all(ctx.now + FUTURE_SLACK_MS, ctx.today ?? Number.MAX_SAFE_INTEGER)
    .map((r) => `review ${r.id} of card ${r.card_id} is dated ${new Date(r.reviewed_at).toISOString()} (day ${r.day}), in the future`);
  const flags = db.prepare<[], { id: string; is_new: number }>(BAD_NEW_FLAGS).all();
  return {
    orphanStates: result('orphanStates', orphanStates.map((r) => `state of missing card ${r.card_id}`), true),
    newFlags: result('newFlags', flags.map((f) => `card ${f.id} is marked ${f.is_new ? 'new but has a schedule' : 'studied but has no schedule'}`), true),
    templates: result('templates', missingTemplates(db, ctx).map((r) => `problem card ${r.id} uses template "${r.template_id ?? ''}", which this version does not have; review skips it (repair suspends it)`), true),
    future,
  };
}

/** The logical checks, in the report's order, from their two parts. */
export function assembleLogic(log: LogPart, side: SidePart): LogicalChecks {
  const checks: CheckResult[] = [
    log.foreignKeys,
    log.orphanHistory,
    side.orphanStates,
    log.states,
    side.newFlags,
    // Kept as they are: the history is what happened; the schedule never moved twice for it (srs alreadyMoved).
    counted('clock', side.future.length + log.backwards.count, [...side.future, ...log.backwards.samples], false),
    side.templates,
  ];
  return { checks, cards: log.cards, reviews: log.reviews };
}

/**
 * Every check but the integrity one: references, schedules against the log,
 * flags, clock, templates. Meaningful only on a file whose pages are sound —
 * `checkDatabase` runs it after checkPages; the host may run its parts at
 * once, on two connections, and drop them when the pages are not sound.
 */
export function checkLogic(db: Db, ctx: DoctorContext = NO_CONTEXT, progress?: (p: DoctorProgress) => void): LogicalChecks {
  const side = sidePart(db, ctx);
  return assembleLogic(logPart(db, progress), side);
}

/** Row counts of a file whose pages are damaged: an unreadable table counts -1 (the integrity check already says why). */
export function tableCounts(db: Db): { cards: number; reviews: number } {
  const count = (t: string) => {
    try {
      return db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    } catch {
      return -1;
    }
  };
  return { cards: count('cards'), reviews: count('reviews') };
}

/**
 * The report from its two halves. A damaged file can make every later query
 * lie or throw: when `integrity` found anything, the damage is reported alone
 * (`logic` is ignored, and `counts` must come from tableCounts).
 */
export function doctorReport(file: string, integrity: string[], logic: LogicalChecks | null, counts: { cards: number; reviews: number }, ms: number): DoctorReport {
  const checks: CheckResult[] = [result('integrity', integrity, false)];
  if (integrity.length === 0 && logic) checks.push(...logic.checks);
  return {
    file,
    ok: checks.every((c) => c.ok),
    repairable: checks.some((c) => c.repairable),
    checks,
    cards: counts.cards,
    reviews: counts.reviews,
    ms,
  };
}

/** Read-only: runs every check, one after the other on this connection, and says what `repair` would fix. */
export function checkDatabase(db: Db, file: string, ctx: DoctorContext = NO_CONTEXT, progress?: (p: DoctorProgress) => void): DoctorReport {
  const t0 = performance.now();
  const integrity = checkPages(db, progress);
  const logic = integrity.length === 0 ? checkLogic(db, ctx, progress) : null;
  return doctorReport(file, integrity, logic, logic ?? tableCounts(db), Math.round(performance.now() - t0));
}

function backupFile(file: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (let i = 0; ; i++) {
    const candidate = `${file}.doctor-${stamp}${i ? `-${i}` : ''}.bak`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/**
 * Rebuild what can be rebuilt from the log: states (upsert or delete), state
 * rows of missing cards, is_new flags. A VACUUM INTO copy is written next to
 * the file first; the fix itself is one transaction, so it applies entirely or not at all.
 */
export function repairDatabase(db: Db, file: string, ctx: DoctorContext = NO_CONTEXT): RepairResult {
  const p = prepareRepair(db, file, ctx);
  if (p.backup === null) return { backup: null, rebuiltStates: 0, removedStates: 0, fixedNewFlags: 0, suspendedMissingTemplates: 0, after: p.before };
  return { backup: p.backup, ...applyRepair(db, ctx), after: checkDatabase(db, file, ctx) };
}

/**
 * The first half of a repair: check, and when there is something to repair,
 * write the backup copy. Apart from `applyRepair` so a caller that waits for
 * another process's lock repeats only the fix, never the copy (service/doctor.ts).
 */
export function prepareRepair(db: Db, file: string, ctx: DoctorContext = NO_CONTEXT): { before: DoctorReport; backup: string | null } {
  const before = checkDatabase(db, file, ctx);
  if (!before.checks[0]!.ok) {
    throw new DbError(file, 'the file is damaged at the SQLite level (integrity check failed); repair only rebuilds schedules — restore a backup instead', 'corrupt');
  }
  if (!before.repairable) return { before, backup: null };
  const backup = backupFile(path.resolve(file));
  createPrivateFile(backup);
  db.prepare('VACUUM INTO ?').run(backup);
  return { before, backup };
}

/** The second half: the fix, in one write transaction (it applies entirely or not at all). */
export function applyRepair(db: Db, ctx: DoctorContext = NO_CONTEXT): Omit<RepairResult, 'backup' | 'after'> {
  const upsert = db.prepare(
    `INSERT INTO card_state (card_id, repetitions, ease_factor, interval_days, due_day, lapses, last_day)
     VALUES (@cardId, @repetitions, @easeFactor, @intervalDays, @dueDay, @lapses, @lastDay)
     ON CONFLICT(card_id) DO UPDATE SET repetitions=excluded.repetitions, ease_factor=excluded.ease_factor,
       interval_days=excluded.interval_days, due_day=excluded.due_day, lapses=excluded.lapses, last_day=excluded.last_day`,
  );
  const remove = db.prepare('DELETE FROM card_state WHERE card_id = ?');
  return db.transaction(() => {
    // Recomputed inside the write transaction: another process may have answered since the check.
    let rebuiltStates = 0;
    let removedStates = 0;
    for (const m of stateMismatches(db)) {
      if (m.replayed) {
        upsert.run({ cardId: m.cardId, ...m.replayed });
        rebuiltStates++;
      } else {
        remove.run(m.cardId);
        removedStates++;
      }
    }
    removedStates += db.prepare(`DELETE FROM card_state WHERE card_id IN (${ORPHAN_STATES})`).run().changes;
    const fixedNewFlags = db.prepare(`UPDATE cards SET is_new = NOT is_new WHERE id IN (SELECT id FROM (${BAD_NEW_FLAGS}))`).run().changes;
    // Suspend, not retire: the card and its history come back by unsuspending once a version has the template again.
    const suspend = db.prepare('UPDATE cards SET suspended = 1, updated_at = ? WHERE id = ?');
    const now = Date.now();
    let suspendedMissingTemplates = 0;
    for (const r of missingTemplates(db, ctx)) suspendedMissingTemplates += suspend.run(now, r.id).changes;
    return { rebuiltStates, removedStates, fixedNewFlags, suspendedMissingTemplates };
  }).immediate();
}
