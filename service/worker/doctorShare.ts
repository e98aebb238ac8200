// The worker's side of Check database on two workers (service/doctor.ts):
// plan the job list on this connection (db/doctorJobs.ts), then take the next
// job from the list both workers share until none is left. The list's cursor
// lives in a SharedArrayBuffer, so a job is taken exactly once and the worker
// that finishes early takes the rest: the two end within about one short job
// of each other. Progress is the whole list's: the cost of the jobs either
// worker finished, plus this worker's share of the job it runs.
import type { DoctorContext } from '../../db/doctor.ts';
import { jobPhase, planDoctorJobs, runDoctorJob, type JobResult } from '../../db/doctorJobs.ts';
import type { TablePlan } from '../../db/integrity.ts';
import type { Db } from '../../db/open.ts';

/** Int32 slots of the shared buffer. */
export const SHARED = { next: 0, stop: 1, done: 2 } as const;
export const SHARED_BYTES = 16;

export interface ShareAnswer {
  /** The job list this worker planned (the host checks both planned the same). */
  keys: string[];
  tables: TablePlan[] | null;
  /** The jobs this worker ran, by their place in the list. */
  results: [index: number, result: JobResult][];
}

/** The log pass reports cards done; its last tenth is the checks after it. */
const within = (phase: string, done: number, total: number) => {
  const f = total > 0 ? Math.min(done, total) / total : 0;
  return phase === 'history' ? 0.9 * f : phase === 'references' ? 0.9 + 0.1 * f : f;
};

export function shareJobs(db: Db, shared: Int32Array, ctx: DoctorContext, progress: (phase: string, done: number, total: number) => void): ShareAnswer {
  const plan = planDoctorJobs(db);
  const total = plan.jobs.reduce((n, j) => n + j.cost, 0);
  const results: [number, JobResult][] = [];
  for (;;) {
    // Damaged pages: the other worker's answer already says all there is.
    if (Atomics.load(shared, SHARED.stop) !== 0) break;
    const k = Atomics.add(shared, SHARED.next, 1);
    if (k >= plan.jobs.length) break;
    const { job, cost } = plan.jobs[k]!;
    progress(jobPhase(job), Atomics.load(shared, SHARED.done), total);
    const r = runDoctorJob(db, plan, job, ctx, (p) => progress(p.phase, Atomics.load(shared, SHARED.done) + Math.round(cost * within(p.phase, p.done, p.total)), total));
    Atomics.add(shared, SHARED.done, cost);
    results.push([k, r]);
    if (r.kind === 'quick' && r.problems.length > 0) Atomics.store(shared, SHARED.stop, 1);
  }
  return { keys: plan.jobs.map((j) => j.key), tables: plan.tables, results };
}
