// Schema v3: running aggregates for the stats screen, kept exact by triggers.
// A scan of 1M reviews costs ~200 ms per pass on a modest laptop, so the
// screen reads these small tables instead (see db/stats.ts). Every trigger
// removes a row's old contribution and adds its new one, so any INSERT,
// UPDATE (undo, regrade, card moved to another section) or DELETE keeps the
// sums equal to a recomputation from scratch (`rebuildSql`), which a test checks.

import type { Database as Db } from 'better-sqlite3';
import { rebuildStats, STAT_TABLES } from '../statsRebuild.ts';

const COUNTERS = ['n', 'ms', 'learned', 'q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'young_n', 'young_pass', 'mature_n', 'mature_pass', 'graded', 'correct'] as const;

/** One review's contribution to each counter, as SQL over a row alias. */
function reviewTerms(r: string): string[] {
  return [
    '1',
    `${r}.elapsed_ms`,
    `(${r}.reps_before IS NULL)`,
    ...[0, 1, 2, 3, 4, 5].map((q) => `(${r}.quality = ${q})`),
    // Retention counts only first answers of a day: drills repeat a card just failed.
    `(${r}.mode != 'drill' AND ifnull(${r}.ivl_before, 0) >= 1)`,
    `(${r}.mode != 'drill' AND ifnull(${r}.ivl_before, 0) >= 1 AND ${r}.quality >= 3)`,
    `(${r}.mode != 'drill' AND ifnull(${r}.ivl_before, 0) >= 21)`,
    `(${r}.mode != 'drill' AND ifnull(${r}.ivl_before, 0) >= 21 AND ${r}.quality >= 3)`,
    `(${r}.correct IS NOT NULL)`,
    `(ifnull(${r}.correct, 0) = 1)`,
  ];
}

const counterCols = (extra = '') => COUNTERS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0${extra}`).join(', ');
const addAll = (cols: readonly string[]) => cols.map((c) => `${c} = ${c} + excluded.${c}`).join(', ');
/** UTC quarter-hour of the day: fine enough for :30 and :45 time zones; the local hour is derived when reading. */
const slot = (r: string) => `(${r}.reviewed_at % 86400000) / 900000`;
const SECTION_OF = (cardId: string) => `(SELECT s.id FROM cards c JOIN stat_sections s ON s.path = c.section WHERE c.id = ${cardId})`;

/** Add (sign 1) or remove (sign -1) one review row's contribution; `r` is NEW or OLD. */
function reviewDelta(r: string, sign: 1 | -1): string {
  const terms = reviewTerms(r).map((t) => `${sign} * ${t}`).join(', ');
  const cols = COUNTERS.join(', ');
  const when = `WHERE ${r}.undone_at IS NULL`;
  const hour = `${sign}, ${sign} * (${r}.quality >= 3)`;
  return `
  INSERT INTO stat_day (day, mode, ${cols}) SELECT ${r}.day, ${r}.mode, ${terms} ${when}
    ON CONFLICT (day, mode) DO UPDATE SET ${addAll(COUNTERS)};
  INSERT INTO stat_section_day (section_id, day, mode, ${cols}) SELECT ${SECTION_OF(`${r}.card_id`)}, ${r}.day, ${r}.mode, ${terms} ${when}
    ON CONFLICT (section_id, day, mode) DO UPDATE SET ${addAll(COUNTERS)};
  INSERT INTO stat_hour (day, slot, n, pass) SELECT ${r}.day, ${slot(r)}, ${hour} ${when}
    ON CONFLICT (slot, day) DO UPDATE SET ${addAll(['n', 'pass'])};
  INSERT INTO stat_section_hour (section_id, day, slot, n, pass) SELECT ${SECTION_OF(`${r}.card_id`)}, ${r}.day, ${slot(r)}, ${hour} ${when}
    ON CONFLICT (section_id, slot, day) DO UPDATE SET ${addAll(['n', 'pass'])};`;
}

/** Move all of a card's reviews between sections (a card whose heading path was edited). */
function moveReviews(cardId: string, sectionPath: string, sign: 1 | -1): string {
  const sid = `(SELECT id FROM stat_sections WHERE path = ${sectionPath})`;
  const sums = reviewTerms('r').map((t) => `${sign} * sum(${t})`).join(', ');
  const from = `FROM reviews r WHERE r.card_id = ${cardId} AND r.undone_at IS NULL`;
  return `
  INSERT INTO stat_section_day (section_id, day, mode, ${COUNTERS.join(', ')}) SELECT ${sid}, r.day, r.mode, ${sums} ${from} GROUP BY r.day, r.mode
    ON CONFLICT (section_id, day, mode) DO UPDATE SET ${addAll(COUNTERS)};
  INSERT INTO stat_section_hour (section_id, day, slot, n, pass) SELECT ${sid}, r.day, ${slot('r')}, ${sign} * count(*), ${sign} * sum(r.quality >= 3) ${from} GROUP BY 2, 3
    ON CONFLICT (section_id, slot, day) DO UPDATE SET ${addAll(['n', 'pass'])};`;
}

/** A card's class for counts: 0 new, 1 learning, 2 young, 3 mature, 4 suspended, 5 retired. */
const CLS = `CASE WHEN x.retired_at IS NOT NULL THEN 5 WHEN x.suspended != 0 THEN 4 WHEN x.ivl IS NULL THEN 0
  WHEN x.ivl < 1 THEN 1 WHEN x.ivl < 21 THEN 2 ELSE 3 END`;
const ACTIVE_WITH_STATE = 'x.retired_at IS NULL AND x.suspended = 0 AND x.ivl IS NOT NULL';
/** Integer micro-ease keeps sums exact under any number of add/remove steps. */
const EASE_MICRO = 'CAST(round(x.ease * 1000000) AS INTEGER)';
/** Ease histogram bins of 0.1, rounded first so 2.7999999 lands in 2.8. */
const EASE_BIN = 'CAST(round(x.ease * 100) AS INTEGER) / 10';

/**
 * Add or remove one card's contribution. `src` is a SELECT yielding one row
 * with columns section, suspended, retired_at, ivl, ease, due (state columns NULL for a new card).
 */
function cardDelta(src: string, sign: 1 | -1): string {
  const from = `FROM (${src}) x JOIN stat_sections s ON s.path = x.section`;
  return `
  INSERT INTO stat_card_cls (section_id, cls, n, ease_micro)
    SELECT s.id, ${CLS}, ${sign}, CASE WHEN ${ACTIVE_WITH_STATE} THEN ${sign} * ${EASE_MICRO} ELSE 0 END ${from} WHERE true
    ON CONFLICT (section_id, cls) DO UPDATE SET ${addAll(['n', 'ease_micro'])};
  INSERT INTO stat_card_due (section_id, due_day, n) SELECT s.id, x.due, ${sign} ${from} WHERE ${ACTIVE_WITH_STATE}
    ON CONFLICT (section_id, due_day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stat_card_ivl (section_id, ivl, n) SELECT s.id, x.ivl, ${sign} ${from} WHERE ${ACTIVE_WITH_STATE}
    ON CONFLICT (section_id, ivl) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stat_card_ease (section_id, bin, n) SELECT s.id, ${EASE_BIN}, ${sign} ${from} WHERE ${ACTIVE_WITH_STATE}
    ON CONFLICT (section_id, bin) DO UPDATE SET n = n + excluded.n;`;
}

const cardRow = (c: string) =>
  `SELECT ${c}.section AS section, ${c}.suspended AS suspended, ${c}.retired_at AS retired_at,
     st.interval_days AS ivl, st.ease_factor AS ease, st.due_day AS due FROM (SELECT 1) LEFT JOIN card_state st ON st.card_id = ${c}.id`;
const stateRow = (cardId: string, st: string | null) =>
  `SELECT c.section AS section, c.suspended AS suspended, c.retired_at AS retired_at,
     ${st ? `${st}.interval_days` : 'NULL'} AS ivl, ${st ? `${st}.ease_factor` : 'NULL'} AS ease, ${st ? `${st}.due_day` : 'NULL'} AS due
   FROM cards c WHERE c.id = ${cardId}`;

const TABLES = `
CREATE TABLE stat_sections (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
CREATE TABLE stat_day (day INTEGER NOT NULL, mode TEXT NOT NULL, ${counterCols()}, PRIMARY KEY (day, mode)) WITHOUT ROWID;
CREATE TABLE stat_section_day (section_id INTEGER NOT NULL, day INTEGER NOT NULL, mode TEXT NOT NULL, ${counterCols()},
  PRIMARY KEY (section_id, day, mode)) WITHOUT ROWID;
-- Slot first: the hourly chart groups by slot in key order, with no sort.
CREATE TABLE stat_hour (day INTEGER NOT NULL, slot INTEGER NOT NULL, n INTEGER NOT NULL, pass INTEGER NOT NULL, PRIMARY KEY (slot, day)) WITHOUT ROWID;
CREATE TABLE stat_section_hour (section_id INTEGER NOT NULL, day INTEGER NOT NULL, slot INTEGER NOT NULL, n INTEGER NOT NULL,
  pass INTEGER NOT NULL, PRIMARY KEY (section_id, slot, day)) WITHOUT ROWID;
CREATE TABLE stat_card_cls (section_id INTEGER NOT NULL, cls INTEGER NOT NULL, n INTEGER NOT NULL, ease_micro INTEGER NOT NULL,
  PRIMARY KEY (section_id, cls)) WITHOUT ROWID;
CREATE TABLE stat_card_due (section_id INTEGER NOT NULL, due_day INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (section_id, due_day)) WITHOUT ROWID;
CREATE TABLE stat_card_ivl (section_id INTEGER NOT NULL, ivl INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (section_id, ivl)) WITHOUT ROWID;
CREATE TABLE stat_card_ease (section_id INTEGER NOT NULL, bin INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (section_id, bin)) WITHOUT ROWID;
`;


const ensureSection = (path: string) => `INSERT OR IGNORE INTO stat_sections (path) VALUES (${path});`;

const TRIGGERS = `
CREATE TRIGGER stat_reviews_ins AFTER INSERT ON reviews BEGIN ${reviewDelta('NEW', 1)} END;
CREATE TRIGGER stat_reviews_upd AFTER UPDATE ON reviews BEGIN ${reviewDelta('OLD', -1)} ${reviewDelta('NEW', 1)} END;
CREATE TRIGGER stat_reviews_del AFTER DELETE ON reviews BEGIN ${reviewDelta('OLD', -1)} END;
CREATE TRIGGER stat_cards_ins AFTER INSERT ON cards BEGIN ${ensureSection('NEW.section')} ${cardDelta(cardRow('NEW'), 1)} END;
CREATE TRIGGER stat_cards_upd AFTER UPDATE OF section, suspended, retired_at ON cards BEGIN
  ${ensureSection('NEW.section')} ${cardDelta(cardRow('OLD'), -1)} ${cardDelta(cardRow('NEW'), 1)} END;
CREATE TRIGGER stat_cards_move AFTER UPDATE OF section ON cards WHEN OLD.section IS NOT NEW.section BEGIN
  ${ensureSection('NEW.section')} ${moveReviews('OLD.id', 'OLD.section', -1)} ${moveReviews('NEW.id', 'NEW.section', 1)} END;
CREATE TRIGGER stat_cards_del AFTER DELETE ON cards BEGIN ${cardDelta(cardRow('OLD'), -1)} END;
CREATE TRIGGER stat_state_ins AFTER INSERT ON card_state BEGIN
  ${cardDelta(stateRow('NEW.card_id', null), -1)} ${cardDelta(stateRow('NEW.card_id', 'NEW'), 1)} END;
CREATE TRIGGER stat_state_upd AFTER UPDATE ON card_state BEGIN
  ${cardDelta(stateRow('OLD.card_id', 'OLD'), -1)} ${cardDelta(stateRow('NEW.card_id', 'NEW'), 1)} END;
CREATE TRIGGER stat_state_del AFTER DELETE ON card_state BEGIN
  ${cardDelta(stateRow('OLD.card_id', 'OLD'), -1)} ${cardDelta(stateRow('OLD.card_id', null), 1)} END;
`;

const sums = (r: string) => reviewTerms(r).map((t) => `sum(${t})`).join(', ');
const cardAll = `SELECT c.section AS section, c.suspended AS suspended, c.retired_at AS retired_at,
  st.interval_days AS ivl, st.ease_factor AS ease, st.due_day AS due FROM cards c LEFT JOIN card_state st ON st.card_id = c.id`;
const cardFrom = `FROM (${cardAll}) x JOIN stat_sections s ON s.path = x.section`;

/** The aggregates' definition as one SQL recomputation: the reference the triggers and rebuildStats are tested against. */
export const rebuildSql = `
${STAT_TABLES.map((t) => `DELETE FROM ${t};`).join('\n')}
INSERT OR IGNORE INTO stat_sections (path) SELECT DISTINCT section FROM cards;
INSERT INTO stat_day SELECT r.day, r.mode, ${sums('r')} FROM reviews r WHERE r.undone_at IS NULL GROUP BY r.day, r.mode;
INSERT INTO stat_section_day SELECT s.id, r.day, r.mode, ${sums('r')}
  FROM reviews r JOIN cards c ON c.id = r.card_id JOIN stat_sections s ON s.path = c.section WHERE r.undone_at IS NULL GROUP BY 1, 2, 3;
INSERT INTO stat_hour SELECT r.day, ${slot('r')}, count(*), sum(r.quality >= 3) FROM reviews r WHERE r.undone_at IS NULL GROUP BY 1, 2;
INSERT INTO stat_section_hour SELECT s.id, r.day, ${slot('r')}, count(*), sum(r.quality >= 3)
  FROM reviews r JOIN cards c ON c.id = r.card_id JOIN stat_sections s ON s.path = c.section WHERE r.undone_at IS NULL GROUP BY 1, 2, 3;
INSERT INTO stat_card_cls SELECT s.id, ${CLS}, count(*), ifnull(sum(CASE WHEN ${ACTIVE_WITH_STATE} THEN ${EASE_MICRO} END), 0) ${cardFrom} GROUP BY 1, 2;
INSERT INTO stat_card_due SELECT s.id, x.due, count(*) ${cardFrom} WHERE ${ACTIVE_WITH_STATE} GROUP BY 1, 2;
INSERT INTO stat_card_ivl SELECT s.id, x.ivl, count(*) ${cardFrom} WHERE ${ACTIVE_WITH_STATE} GROUP BY 1, 2;
INSERT INTO stat_card_ease SELECT s.id, ${EASE_BIN}, count(*) ${cardFrom} WHERE ${ACTIVE_WITH_STATE} GROUP BY 1, 2;
`;

export const sql = `${TABLES}\n${TRIGGERS}`;

/** Create the tables and triggers, then fill them from the existing history. */
export function up(db: Db): void {
  db.exec(sql);
  rebuildStats(db);
}
