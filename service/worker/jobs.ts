// Worker tasks as jobs a client polls: start returns an id at once; status
// gives progress, then the result or the error. The last few are kept.
import { randomBytes } from 'node:crypto';
import { ApiError } from '../contract/common.ts';
import type { TaskJob } from '../contract/doctor.ts';

export type { TaskJob };

const KEEP = 4;

export class TaskJobs<R> {
  private readonly jobs = new Map<string, TaskJob<R>>();

  constructor(private readonly what: string) {}

  start(run: (progress: (phase: string, done: number, total: number) => void) => Promise<R>): TaskJob<R> {
    const job: TaskJob<R> = { id: randomBytes(16).toString('hex'), state: 'running', phase: 'start', done: 0, total: 0 };
    this.jobs.set(job.id, job);
    while (this.jobs.size > KEEP) this.jobs.delete(this.jobs.keys().next().value!);
    run((phase, done, total) => Object.assign(job, { phase, done, total })).then(
      (result) => Object.assign(job, { state: 'ready', phase: 'done', result }),
      (err: unknown) => Object.assign(job, { state: 'failed', error: err instanceof Error ? err.message : String(err) }),
    );
    return { ...job };
  }

  status(id: string): TaskJob<R> {
    const job = this.jobs.get(id);
    if (!job) throw new ApiError(404, `no ${this.what} job ${id} (only the last ${KEEP} are kept)`);
    return { ...job };
  }
}
