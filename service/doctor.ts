// Handlers for "Check database". The check runs in a task worker on its own
// read-only connection (service/worker/), so the host keeps answering while
// it reads a million reviews; the repair writes, so it runs on the app's own
// connection and sees exactly what the running app sees.
import { resolveTemplate } from '../cards/problems/aliases.ts';
import { retryStep } from './busy.ts';
import { applyRepair, checkDatabase, doctorReport, prepareRepair, type DoctorContext, type DoctorReport } from '../db/doctor.ts';
import { doctorVerdict, type JobResult } from '../db/doctorJobs.ts';
import { ApiError } from './contract/common.ts';
import type { App, HandlersFor } from './app.ts';
import type { doctorSchemas } from './contract/doctor.ts';
import { sharedProgress } from './doctorProgress.ts';
import { runInWorker, type RunOptions } from './worker/client.ts';
import { SHARED_BYTES, type ShareAnswer } from './worker/doctorShare.ts';
import { TaskJobs } from './worker/jobs.ts';

export function doctorContext(app: App): DoctorContext {
  const now = app.clock.now();
  return { templateExists: (id) => resolveTemplate(id) !== undefined, now, today: app.review.today(now) };
}

/** Two workers: the machine's second core does half the work, so the check takes about half the sum of its jobs. */
const WORKERS = 2;

/**
 * Check database in two workers at once, with progress (the CLI's status
 * line, the Settings panel's bar). Each opens its own read-only connection
 * (WAL lets both read while the app writes) and takes jobs from one shared
 * list, longest first (db/doctorJobs.ts): quick_check, each table's and each
 * index's checksum scan, the log pass, the checks beside it. The host puts
 * the answers together into the report the one-connection check gives.
 * Damaged pages make every other answer doubtful: the report is then the
 * damage alone and the other worker is stopped. A worker that fails or dies
 * fails the check with its error (the other is stopped); cancelling stops both.
 */
export async function runDoctor(app: App, o: RunOptions = {}): Promise<DoctorReport> {
  const t0 = performance.now();
  const now = app.clock.now();
  const file = app.store.file;
  const bar = sharedProgress(o.onProgress);
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  const shared = new SharedArrayBuffer(SHARED_BYTES);
  const ms = () => Math.round(performance.now() - t0);
  try {
    if (o.signal?.aborted) throw new ApiError(409, 'Check database was cancelled');
    const request = { kind: 'doctorShare' as const, file, now, today: app.review.today(now), shared };
    const workers = Array.from({ length: WORKERS }, (_, i) => {
      const w = runInWorker(request, { signal: stop.signal, onProgress: bar.worker(i), entry: o.entry });
      void w.then(() => bar.idle(i), () => undefined);
      return w;
    });
    const answers = await firstDamageOrAll(workers);
    const { tables, results } = combine(answers);
    const verdict = doctorVerdict({ jobs: [], tables }, results);
    let integrity = verdict.integrity;
    if (integrity === 'doubt') {
      // A sum differed or failed: SQLite's own checks on one connection say what it is (usually nothing: a write landed between two reads).
      const pages = await runInWorker({ kind: 'doctorPages', file }, { signal: stop.signal, entry: o.entry });
      integrity = pages.integrity.length ? { problems: pages.integrity, counts: pages.counts ?? { cards: -1, reviews: -1 } } : 'ok';
    }
    bar.finish();
    if (integrity !== 'ok') return doctorReport(file, integrity.problems, null, integrity.counts, ms());
    if (!verdict.logic) throw new ApiError(503, 'Check database failed: its workers left the log check undone');
    return doctorReport(file, [], verdict.logic, verdict.logic, ms());
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    stop.abort(); // a no-op for workers that have answered; otherwise their answer is no longer wanted
  }
}

const damaged = (a: ShareAnswer) => a.results.some(([, r]) => r.kind === 'quick' && r.problems.length > 0);

/** Every worker's answer; or at once the one that found damaged pages. The first failure rejects. */
export function firstDamageOrAll(workers: Promise<ShareAnswer>[]): Promise<ShareAnswer[]> {
  return new Promise((resolve, reject) => {
    const got: ShareAnswer[] = [];
    for (const w of workers) {
      w.then((a) => {
        if (damaged(a)) resolve([a]);
        got.push(a);
        if (got.length === workers.length) resolve(got);
      }, reject);
    }
  });
}

/** The answers as one: the workers must have planned the same list and, together, run every job of it exactly once. */
export function combine(answers: ShareAnswer[]): { tables: ShareAnswer['tables']; results: JobResult[] } {
  const keys = answers[0]!.keys;
  if (answers.some((a) => a.keys.join('\n') !== keys.join('\n'))) throw new ApiError(503, 'Check database failed: its workers planned different work (did the schema change while it ran?); run it again');
  const byIndex = new Map<number, JobResult>();
  for (const a of answers) for (const [k, r] of a.results) byIndex.set(k, r);
  const complete = byIndex.size === keys.length && answers.reduce((n, a) => n + a.results.length, 0) === keys.length;
  if (!complete && !answers.some(damaged)) throw new ApiError(503, `Check database failed: ${keys.length - byIndex.size} of its ${keys.length} jobs were not run`);
  return { tables: answers[0]!.tables, results: [...byIndex.values()] };
}

const jobs = new WeakMap<App, TaskJobs<DoctorReport>>();

export function doctorHandlers(app: App): HandlersFor<typeof doctorSchemas> {
  const j = () => {
    let x = jobs.get(app);
    if (!x) jobs.set(app, (x = new TaskJobs<DoctorReport>('Check database')));
    return x;
  };
  return {
    doctor: () => runDoctor(app),
    repairDb: async () => {
      const { db, file } = app.store;
      const ctx = doctorContext(app);
      const p = prepareRepair(db, file, ctx);
      if (p.backup === null) return { backup: null, rebuiltStates: 0, removedStates: 0, fixedNewFlags: 0, suspendedMissingTemplates: 0, after: p.before };
      // The copy is taken: from here a whole retry would take a second one, so only the fix waits for the lock.
      const counts = await retryStep(() => applyRepair(db, ctx));
      return { backup: p.backup, ...counts, after: checkDatabase(db, file, ctx) };
    },
    doctorStart: () => j().start((onProgress) => runDoctor(app, { onProgress })),
    doctorStatus: (a) => j().status(a.id),
  };
}
