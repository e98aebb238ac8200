// Long FSRS work (optimise, evaluate, simulate) as jobs the UI polls: the
// call returns at once with an id; progress and the result come by status.
import { randomBytes } from 'node:crypto';
import { ApiError } from '../contract/common.ts';
import type { FsrsJob, FsrsJobKind } from '../contract/fsrs.ts';

const KEEP = 8;

export class FsrsJobs {
  private readonly jobs = new Map<string, FsrsJob>();

  start(kind: FsrsJobKind, run: (job: FsrsJob) => Promise<Partial<FsrsJob>>): FsrsJob {
    const job: FsrsJob = { id: randomBytes(16).toString('hex'), kind, state: 'running', phase: 'start', done: 0, total: 0 };
    this.jobs.set(job.id, job);
    while (this.jobs.size > KEEP) this.jobs.delete(this.jobs.keys().next().value!);
    // Started on the next turn so the caller gets its id before any work runs.
    setImmediate(() => {
      run(job).then(
        (out) => Object.assign(job, out, { state: 'ready', phase: 'done' }),
        (err: unknown) => Object.assign(job, { state: 'failed', error: err instanceof Error ? err.message : String(err) }),
      );
    });
    return { ...job };
  }

  status(id: string): FsrsJob {
    const job = this.jobs.get(id);
    if (!job) throw new ApiError(404, `no FSRS job ${id} (finished jobs are kept for the last ${KEEP})`);
    return { ...job };
  }

  /** Wait for a job (CLI and tests). */
  async wait(id: string): Promise<FsrsJob> {
    for (;;) {
      const j = this.status(id);
      if (j.state !== 'running') return j;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
