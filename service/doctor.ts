// Handlers for "Check database". The check runs in a task worker on its own
// read-only connection (service/worker/), so the host keeps answering while
// it reads a million reviews; the repair writes, so it runs on the app's own
// connection and sees exactly what the running app sees.
import { resolveTemplate } from '../cards/problems/aliases.ts';
import { retryStep } from './busy.ts';
import { applyRepair, checkDatabase, prepareRepair, type DoctorContext, type DoctorReport } from '../db/doctor.ts';
import type { App, HandlersFor } from './app.ts';
import type { doctorSchemas } from './contract/doctor.ts';
import { runInWorker, type RunOptions } from './worker/client.ts';
import { TaskJobs } from './worker/jobs.ts';

export function doctorContext(app: App): DoctorContext {
  const now = app.clock.now();
  return { templateExists: (id) => resolveTemplate(id) !== undefined, now, today: app.review.today(now) };
}

/** Check database in a worker, with progress (the CLI's status line, the Settings panel's bar). */
export function runDoctor(app: App, o: RunOptions = {}): Promise<DoctorReport> {
  const now = app.clock.now();
  return runInWorker({ kind: 'doctor', file: app.store.file, now, today: app.review.today(now) }, o);
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
