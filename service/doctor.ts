// Handlers for "Check database". The check runs in a task worker on its own
// read-only connection (service/worker/), so the host keeps answering while
// it reads a million reviews; the repair writes, so it runs on the app's own
// connection and sees exactly what the running app sees.
import { resolveTemplate } from '../cards/problems/aliases.ts';
import { retryStep } from './busy.ts';
import { applyRepair, checkDatabase, doctorReport, prepareRepair, type DoctorContext, type DoctorReport } from '../db/doctor.ts';
import type { App, HandlersFor } from './app.ts';
import type { doctorSchemas } from './contract/doctor.ts';
import { mergedProgress } from './doctorProgress.ts';
import { runInWorker, type RunOptions } from './worker/client.ts';
import { TaskJobs } from './worker/jobs.ts';

export function doctorContext(app: App): DoctorContext {
  const now = app.clock.now();
  return { templateExists: (id) => resolveTemplate(id) !== undefined, now, today: app.review.today(now) };
}

/**
 * Check database in two workers at once, with progress (the CLI's status
 * line, the Settings panel's bar): SQLite's page and index checks in one, the
 * log replay and every other check in the other, each on its own read-only
 * connection (WAL lets both read while the app writes). The machine's second
 * core does half the work, so the check takes the longer half, not the sum.
 * Damaged pages make every other answer doubtful: the report is then the
 * damage alone and the other worker is stopped. Cancelling stops both.
 */
export async function runDoctor(app: App, o: RunOptions = {}): Promise<DoctorReport> {
  const t0 = performance.now();
  const now = app.clock.now();
  const file = app.store.file;
  const bar = mergedProgress(o.onProgress);
  const stopLogic = new AbortController();
  const onAbort = () => stopLogic.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  const logic = runInWorker({ kind: 'doctorLogic', file, now, today: app.review.today(now) }, { signal: stopLogic.signal, onProgress: bar.logic, entry: o.entry });
  logic.catch(() => undefined); // awaited below, or dropped when the pages are damaged
  try {
    const pages = await runInWorker({ kind: 'doctorPages', file }, { signal: o.signal, onProgress: bar.pages, entry: o.entry });
    bar.finish('pages');
    if (pages.integrity.length > 0) {
      bar.finish('logic');
      return doctorReport(file, pages.integrity, null, pages.counts ?? { cards: -1, reviews: -1 }, Math.round(performance.now() - t0));
    }
    const checks = await logic;
    bar.finish('logic');
    return doctorReport(file, [], checks, checks, Math.round(performance.now() - t0));
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    stopLogic.abort(); // a no-op once it has answered; otherwise its answer is no longer wanted
  }
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
