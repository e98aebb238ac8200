// "Check database" as a list of independent jobs, so two workers can share
// it (service/doctorShare.ts): each takes the next job until none is left,
// longest first, and the host puts the answers together (doctorVerdict). The
// jobs are the parts of the one-connection check (db/doctor.ts
// checkDatabase): quick_check; per table the scan giving its indexes'
// expected sums, each index's own scan, SQLite's check of a table whose index
// cannot be scanned alone; the log pass; the checks beside it. The verdict is
// the same report that check gives.
import { assembleLogic, logPart, sidePart, tableCounts, type DoctorContext, type DoctorProgress, type LogicalChecks, type LogPart, type SidePart } from './doctor.ts';
import { fullIntegrityCheck, indexMatches, indexSums, planIndexChecks, tableIntact, tableSums, type TablePlan } from './integrity.ts';
import type { Db } from './open.ts';

export type DoctorJob =
  | { kind: 'quick' }
  | { kind: 'sums'; table: string }
  | { kind: 'index'; table: string; index: string }
  | { kind: 'tableCheck'; table: string }
  | { kind: 'log' }
  | { kind: 'side' };

export type JobResult =
  /** quick_check's verdict; when it failed, integrity_check's messages and the table counts (the report is then the damage alone). */
  | { kind: 'quick'; problems: string[]; counts: { cards: number; reviews: number } | null }
  /** null: the sums could not be computed (an overflow, a read error): a doubt. */
  | { kind: 'sums'; table: string; sums: string[] | null }
  | { kind: 'index'; table: string; index: string; got: { sums: string[] | null; dup: boolean } | null }
  | { kind: 'tableCheck'; table: string; ok: boolean }
  | { kind: 'log'; part: LogPart }
  | { kind: 'side'; part: SidePart };

export interface PlannedJob {
  job: DoctorJob;
  /** Its rough cost (µs on the bench machine), only to order the list longest first. */
  cost: number;
  /** Names the job; both workers must plan the same list (the host checks). */
  key: string;
}

export interface DoctorPlan {
  jobs: PlannedJob[];
  /** null: an index the checksum cannot express; integrity_check decides (the host runs the slow path). */
  tables: TablePlan[] | null;
}

const keyOf = (j: DoctorJob) => [j.kind, 'table' in j ? j.table : '', 'index' in j ? j.index : ''].join(':');

/** Rows of a table, cheaply: the largest rowid where there is one (a lookup), else a count. Only a cost estimate. */
function rows(db: Db, table: string): number {
  const q = `"${table.replace(/"/g, '""')}"`;
  try {
    return Number(db.prepare(`SELECT max(rowid) FROM ${q}`).pluck().get() ?? 0);
  } catch {
    return Number(db.prepare(`SELECT count(*) FROM ${q}`).pluck().get() ?? 0);
  }
}

/**
 * The job list, longest first (the greedy order that evens out two workers).
 * Costs per row measured on the bench's 1M-review profile (µs): log pass ~1.8
 * per review + ~3 per card, quick_check ~0.1 per row per b-tree, a table's
 * sums ~0.35, an index scan ~0.25.
 */
export function planDoctorJobs(db: Db): DoctorPlan {
  let tables: TablePlan[] | null = null;
  try {
    tables = planIndexChecks(db);
  } catch {
    tables = null; // a schema read failed: the slow path decides
  }
  const size = new Map<string, number>();
  const n = (t: string) => {
    if (!size.has(t)) size.set(t, rows(db, t));
    return size.get(t)!;
  };
  const reviews = n('reviews');
  const cards = n('cards');
  const jobs: DoctorJob[] = [{ kind: 'log' }, { kind: 'side' }, { kind: 'quick' }];
  const cost: number[] = [1.8 * reviews + 3 * cards, 0.1 * reviews + 2 * cards, 0];
  let btreeRows = reviews + cards;
  for (const t of tables ?? []) {
    const r = n(t.table);
    btreeRows += r * t.indexes.length;
    jobs.push({ kind: 'sums', table: t.table });
    cost.push(0.35 * r);
    for (const ix of t.indexes) {
      jobs.push({ kind: 'index', table: t.table, index: ix.name });
      cost.push(0.25 * r);
    }
    if (t.tableCheck) {
      jobs.push({ kind: 'tableCheck', table: t.table });
      cost.push(0.25 * r * (1 + t.indexes.length));
    }
  }
  cost[2] = 0.1 * btreeRows;
  const planned = jobs.map((job, i) => ({ job, cost: Math.max(1, Math.round(cost[i]!)), key: keyOf(job) }));
  // Longest first; ties keep the list's order, so both workers plan the same list.
  planned.sort((a, b) => b.cost - a.cost || jobs.indexOf(a.job) - jobs.indexOf(b.job));
  return { jobs: planned, tables };
}

const PHASE: Record<DoctorJob['kind'], DoctorProgress['phase']> = { quick: 'integrity', sums: 'indexes', index: 'indexes', tableCheck: 'indexes', log: 'history', side: 'references' };

export const jobPhase = (j: DoctorJob): DoctorProgress['phase'] => PHASE[j.kind];

/** Run one job on this connection. A failed sum is a doubt (null), not an error: the slow path then decides. */
export function runDoctorJob(db: Db, plan: DoctorPlan, job: DoctorJob, ctx: DoctorContext, progress?: (p: DoctorProgress) => void): JobResult {
  const table = (name: string) => plan.tables?.find((t) => t.table === name);
  const doubt = <T>(f: () => T): T | null => {
    try {
      return f();
    } catch {
      return null;
    }
  };
  switch (job.kind) {
    case 'quick': {
      const bad = (db.pragma('quick_check') as { quick_check: string }[]).some((r) => r.quick_check !== 'ok');
      if (!bad) return { kind: 'quick', problems: [], counts: null };
      const problems = fullIntegrityCheck(db);
      return { kind: 'quick', problems, counts: problems.length ? tableCounts(db) : null };
    }
    case 'sums': {
      const t = table(job.table);
      return { kind: 'sums', table: job.table, sums: t ? doubt(() => tableSums(db, t)) : null };
    }
    case 'index': {
      const ix = table(job.table)?.indexes.find((i) => i.name === job.index);
      return { kind: 'index', table: job.table, index: job.index, got: ix ? doubt(() => indexSums(db, ix)) : null };
    }
    case 'tableCheck':
      return { kind: 'tableCheck', table: job.table, ok: doubt(() => tableIntact(db, job.table)) ?? false };
    case 'log':
      return { kind: 'log', part: logPart(db, progress) };
    case 'side':
      return { kind: 'side', part: sidePart(db, ctx) };
  }
}

/**
 * The answers put together. `integrity`: the damage quick_check led to
 * (integrity_check's messages, with the table counts); 'ok' when every index
 * agreed with its table; 'doubt' when a sum differs or failed — then only
 * SQLite's full check can say (the host runs it; a write landing between
 * two jobs' reads can also cause a doubt, never a wrong verdict).
 */
export function doctorVerdict(plan: DoctorPlan, results: readonly JobResult[]): {
  integrity: { problems: string[]; counts: { cards: number; reviews: number } } | 'ok' | 'doubt';
  logic: LogicalChecks | null;
} {
  const quick = results.find((r): r is Extract<JobResult, { kind: 'quick' }> => r.kind === 'quick');
  if (quick && quick.problems.length > 0) return { integrity: { problems: quick.problems, counts: quick.counts ?? { cards: -1, reviews: -1 } }, logic: null };
  const log = results.find((r): r is Extract<JobResult, { kind: 'log' }> => r.kind === 'log');
  const side = results.find((r): r is Extract<JobResult, { kind: 'side' }> => r.kind === 'side');
  const logic = log && side ? assembleLogic(log.part, side.part) : null;
  if (!quick || !plan.tables) return { integrity: 'doubt', logic };
  for (const t of plan.tables) {
    const want = results.find((r): r is Extract<JobResult, { kind: 'sums' }> => r.kind === 'sums' && r.table === t.table)?.sums;
    if (!want) return { integrity: 'doubt', logic };
    if (t.tableCheck && !results.some((r) => r.kind === 'tableCheck' && r.table === t.table && r.ok)) return { integrity: 'doubt', logic };
    for (const ix of t.indexes) {
      const got = results.find((r): r is Extract<JobResult, { kind: 'index' }> => r.kind === 'index' && r.index === ix.name)?.got;
      if (!got || !indexMatches(ix, want, got)) return { integrity: 'doubt', logic };
    }
  }
  return { integrity: 'ok', logic };
}
