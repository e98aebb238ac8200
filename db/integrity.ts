// SQLite's own checks for "Check database", fast on a healthy file.
//
// `PRAGMA integrity_check` looks every row of every table up in each of its
// indexes: on a million reviews with four indexes that is four million
// b-tree seeks (~9 s of CPU), nearly all of the old check's time. The fast
// path asks the same two questions sequentially instead:
//   1. `PRAGMA quick_check`: every page, cell, freelist, NOT NULL and CHECK
//      constraint (everything but index contents), one pass over the file;
//   2. does each index hold exactly its table's entries? One scan of the
//      index (covering) and one of its table, each giving the entry count
//      and a checksum of every indexed column (text hashed whole, so a
//      character changed in the middle of an entry shows); unique indexes
//      are scanned for duplicates.
// Both clean → the file passes, as integrity_check would have said. Any
// doubt (a failure, a mismatch, an index we cannot express) → the full
// integrity_check runs and its own messages are the report, so a damaged
// file gets exactly the findings it always got.
import type { Db } from './open.ts';

interface IndexShape {
  name: string;
  table: string;
  unique: boolean;
  /** Key columns then the row's identity (rowid, or the primary key of a WITHOUT ROWID table). */
  columns: { name: string; text: boolean; notNull: boolean }[];
  keyCount: number;
  /** The partial index's WHERE clause, or null. */
  where: string | null;
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** The SQL function (registered on the connection by indexesAgree) that hashes a text value whole. */
export const TEXT_HASH = 'deeprecall_text_hash';

/**
 * A 32-bit polynomial hash of every UTF-16 unit of a value (numbers and blobs
 * by their text): any one character changed anywhere in a value changes it,
 * since 31 is odd and a unit differs by less than 2^16. Summed over a column
 * it does not depend on the order of the rows, so an index and its table
 * give the same sum. Null → 7 (a value, so a null turned non-null shows).
 */
export function textHash(v: unknown): number {
  if (v === null || v === undefined) return 7;
  const s = typeof v === 'string' ? v : Buffer.isBuffer(v) ? v.toString('latin1') : String(v);
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * A text column's values worth hashing in SQL: a column with only a few
 * distinct values (a mode, a scheduler name, a deck id) would otherwise cost
 * one call into JavaScript per row — most of the check's time on a million
 * reviews. Found from the table's first rows; which values are picked only
 * changes the speed, never the sum (see hashExpr).
 */
type Common = Map<string, string[]>;

const SAMPLE_ROWS = 256;
const MAX_COMMON = 8;

function commonValues(db: Db, table: string, columns: Iterable<string>): Common {
  const out: Common = new Map();
  for (const c of columns) {
    const seen = db.prepare<[], unknown>(`SELECT DISTINCT v FROM (SELECT ${quote(c)} AS v FROM ${quote(table)} NOT INDEXED LIMIT ${SAMPLE_ROWS}) LIMIT ${MAX_COMMON + 1}`).pluck().all();
    const texts = seen.filter((v): v is string => typeof v === 'string' && !v.includes('\0'));
    if (seen.length <= MAX_COMMON && texts.length > 0) out.set(c, texts);
  }
  return out;
}

/**
 * TEXT_HASH of `e`, with its null and its common values answered in SQL by
 * their precomputed hashes: the same number as TEXT_HASH(e) for every value
 * (a binary, exact comparison picks the constant; anything else, blobs
 * included, still goes through TEXT_HASH), so table and index sums agree
 * exactly when they did before.
 */
export function hashExpr(e: string, common: readonly string[] | undefined): string {
  const arms = (common ?? []).map((v) => ` WHEN ${e} = '${v.replace(/'/g, "''")}' COLLATE BINARY THEN ${textHash(v)}`).join('');
  return `CASE WHEN ${e} IS NULL THEN ${textHash(null)}${arms} ELSE ${TEXT_HASH}(${e}) END`;
}

/**
 * What an index entry and its table row must share: the number of entries,
 * and for every indexed column one sum over them: numbers as they are (an
 * overflow throws, and the slow path decides), text through TEXT_HASH, whole.
 * A sum per column (not one weighted sum per index) lets the one table scan
 * compute each column's sum once for all the indexes that hold it.
 */
function checksums(ix: IndexShape, common: Common): [agg: 'sum' | 'count', arg: string][] {
  return [['count', '1'], ...ix.columns.map((c): ['sum', string] => {
    const e = c.name === '' ? 'rowid' : quote(c.name);
    if (c.text) return ['sum', hashExpr(e, common.get(c.name))];
    return ['sum', c.notNull ? e : `ifnull(${e}, 7)`];
  })];
}

/** The WHERE clause of a partial index, from its CREATE INDEX statement; undefined when it cannot be read. */
export function partialWhere(sql: string | null): string | null | undefined {
  if (!sql) return null;
  const m = /\)\s*WHERE\s+([\s\S]+)$/i.exec(sql);
  return m ? m[1]!.trim() : undefined;
}

/** Every index of the file as the checksum needs it, or null when one is an expression or unreadable (the slow path decides). */
function shapes(db: Db): IndexShape[] | null {
  const out: IndexShape[] = [];
  const tables = db.prepare<[], { name: string; wr: number }>("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  for (const t of tables) {
    const info = new Map(db.prepare<[string], { name: string; type: string; notnull: number; pk: number }>('SELECT name, type, "notnull", pk FROM pragma_table_info(?)').all(t.name).map((c) => [c.name, c]));
    const isText = (name: string) => /CHAR|CLOB|TEXT/i.test(info.get(name)?.type ?? '') || info.get(name)?.type === '';
    const notNull = (name: string) => info.get(name)?.notnull === 1 || (t.wr === 1 && (info.get(name)?.pk ?? 0) > 0);
    const list = db.prepare<[string], { name: string; unique: number; origin: string; partial: number }>('SELECT name, "unique", origin, partial FROM pragma_index_list(?)').all(t.name);
    for (const ix of list) {
      if (t.wr && ix.origin === 'pk') continue; // the table itself
      const xinfo = db.prepare<[string], { cid: number; name: string | null; key: number }>('SELECT cid, name, key FROM pragma_index_xinfo(?) ORDER BY seqno').all(ix.name);
      if (xinfo.some((c) => c.cid === -2)) return null; // an expression index: checked by integrity_check itself
      const sql = db.prepare<[string], string | null>("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck().get(ix.name) ?? null;
      const where = ix.partial ? partialWhere(sql) : null;
      if (where === undefined) return null;
      out.push({
        name: ix.name,
        table: t.name,
        unique: ix.unique === 1,
        columns: xinfo.map((c) => (c.cid === -1 ? { name: '', text: false, notNull: true } : { name: c.name!, text: isText(c.name!), notNull: notNull(c.name!) })),
        keyCount: xinfo.filter((c) => c.key === 1).length,
        where,
      });
    }
  }
  return out;
}

/** Does a scan of `ix` read its values from the index alone? Otherwise it would compare the table with itself. */
function covering(db: Db, ix: IndexShape, select: string): boolean {
  return db.prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${select}`).all().some((r) => r.detail.includes(`COVERING INDEX ${ix.name}`));
}

/** One index's part of the check: its sums (a covering scan), and for a unique index whether a key repeats. */
export interface IndexPlan {
  name: string;
  /** The covering scan giving the index's count and sums; null when no scan reads the index alone (the table then gets integrity_check). */
  select: string | null;
  /** Where each of its sums sits in the table scan's answer. */
  slots: number[];
  /** For a unique index: a query that finds a repeated key. */
  dup: string | null;
}

/**
 * The index check of one table as parts that need not run on the same
 * connection (service/doctor.ts hands them to two workers): one scan of the
 * table for every index's expected sums, one scan per index, and SQLite's own
 * check of the table when an index cannot be scanned alone.
 */
export interface TablePlan {
  table: string;
  /** The one scan of the table computing every index's expected sums (shared where the same). */
  sums: string;
  indexes: IndexPlan[];
  /** An index is not covering (a partial index whose condition reads other columns): integrity_check(table) decides. */
  tableCheck: boolean;
}

/**
 * The plan of the index check, or null when an index is one the checksum
 * cannot express (the slow path decides). Registers TEXT_HASH on `db`: every
 * connection that runs a part needs the plan built on it.
 */
export function planIndexChecks(db: Db): TablePlan[] | null {
  const all = shapes(db);
  if (!all) return null;
  db.function(TEXT_HASH, { deterministic: true }, textHash);
  const out: TablePlan[] = [];
  for (const table of new Set(all.map((i) => i.table))) {
    const ixs = all.filter((i) => i.table === table);
    const common = commonValues(db, table, new Set(ixs.flatMap((ix) => ix.columns.filter((c) => c.text).map((c) => c.name))));
    const exprs = new Map<string, number>();
    const slot = (agg: string, arg: string, where: string | null) => {
      const e = where ? `${agg}(CASE WHEN (${where}) THEN ${arg} END)` : `${agg}(${arg})`;
      if (!exprs.has(e)) exprs.set(e, exprs.size);
      return exprs.get(e)!;
    };
    const indexes = ixs.map((ix): IndexPlan => {
      const slots = checksums(ix, common).map(([agg, arg]) => slot(agg, arg, ix.where));
      const select = `SELECT ${checksums(ix, common).map(([agg, arg]) => `${agg}(${arg})`).join(', ')} FROM ${quote(table)} INDEXED BY ${quote(ix.name)}${ix.where ? ` WHERE ${ix.where}` : ''}`;
      let dup: string | null = null;
      if (ix.unique) {
        const keys = ix.columns.slice(0, ix.keyCount).map((c) => quote(c.name));
        const notNull = keys.map((c) => `${c} IS NOT NULL`).join(' AND ');
        dup = `SELECT 1 FROM ${quote(table)} INDEXED BY ${quote(ix.name)} WHERE ${notNull}${ix.where ? ` AND (${ix.where})` : ''} GROUP BY ${keys.join(', ')} HAVING count(*) > 1 LIMIT 1`;
      }
      return { name: ix.name, select: covering(db, ix, select) ? select : null, slots, dup };
    });
    out.push({ table, sums: `SELECT ${[...exprs.keys()].join(', ')} FROM ${quote(table)} NOT INDEXED`, indexes, tableCheck: indexes.some((i) => i.select === null) });
  }
  return out;
}

/** The table scan's sums (as text: 64-bit sums stay exact); throws on an overflow or a read error. */
export function tableSums(db: Db, plan: TablePlan): string[] {
  return (db.prepare(plan.sums).raw().safeIntegers().get() as unknown[]).map(String);
}

/** One index's sums (null when it is not covering) and whether a unique key repeats; throws on an overflow or a read error. */
export function indexSums(db: Db, ix: IndexPlan): { sums: string[] | null; dup: boolean } {
  const sums = ix.select === null ? null : (db.prepare(ix.select).raw().safeIntegers().get() as unknown[]).map(String);
  return { sums, dup: ix.dup !== null && db.prepare(ix.dup).get() !== undefined };
}

/** SQLite's own check of one table and its indexes, for the table whose index cannot be scanned alone. */
export function tableIntact(db: Db, table: string): boolean {
  return (db.pragma(`integrity_check(${quote(table)})`) as { integrity_check: string }[]).every((r) => r.integrity_check === 'ok');
}

/** Does the index agree with its table: every covering sum equal to the table's, no repeated unique key? */
export function indexMatches(ix: IndexPlan, want: readonly string[], got: { sums: string[] | null; dup: boolean }): boolean {
  if (got.dup) return false;
  return got.sums === null || (got.sums.length === ix.slots.length && got.sums.every((v, i) => v === want[ix.slots[i]!]));
}

/**
 * True when every index holds exactly its table's entries (by count and
 * column sums) and no unique index has a duplicate. False on any doubt.
 * All parts on this one connection, one after the other.
 */
export function indexesAgree(db: Db, progress?: (done: number, total: number) => void): boolean {
  try {
    const plans = planIndexChecks(db);
    if (!plans) return false;
    const total = plans.reduce((n, p) => n + p.indexes.length, 0);
    let done = 0;
    for (const plan of plans) {
      const want = tableSums(db, plan);
      if (plan.tableCheck && !tableIntact(db, plan.table)) return false;
      for (const ix of plan.indexes) {
        if (!indexMatches(ix, want, indexSums(db, ix))) return false;
        progress?.(++done, total);
      }
    }
  } catch {
    // An overflowing sum, a query the planner refuses, a read error: let integrity_check say what it is.
    return false;
  }
  return true;
}

/** integrity_check's messages ("ok" left out): empty for a healthy file. */
export function fullIntegrityCheck(db: Db): string[] {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((m) => m !== 'ok');
}

/** What `PRAGMA integrity_check` reports, by the fast path when the file is healthy. */
export function integrityProblems(db: Db, progress?: (phase: 'quick' | 'indexes' | 'full', done: number, total: number) => void): string[] {
  progress?.('quick', 0, 1);
  const quick = (db.pragma('quick_check') as { quick_check: string }[]).some((r) => r.quick_check !== 'ok');
  if (!quick && indexesAgree(db, (d, t) => progress?.('indexes', d, t))) return [];
  progress?.('full', 0, 1);
  return fullIntegrityCheck(db);
}
