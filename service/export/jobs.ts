// Export jobs for hosts that cannot be handed a path (the browser, and the
// Electron renderer through the same API): the file is written to a private
// temp folder in the background, its progress polled, then read in chunks.
// Finished or abandoned files are removed on finish(), after an hour, or at exit.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../contract/common.ts';
import type { ExportChunk, ExportFormat, ExportJob, ExportStatus } from '../contract/stats.ts';

interface Job extends ExportStatus {
  file: string;
  startedAt: number;
}

const MAX_RUNNING = 2;
const MAX_AGE_MS = 3_600_000;

export type ExportRunner = (file: string, progress: (done: number, total: number) => void) => Promise<unknown>;

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private dir: string | null = null;
  private exitHook = false;

  constructor(private readonly now: () => number = Date.now) {}

  private folder(): string {
    // Recreated if a temp cleaner removed it while the app was running.
    if (!this.dir || !fs.existsSync(this.dir)) {
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-exports-'));
      if (!this.exitHook) {
        this.exitHook = true;
        process.once('exit', () => {
          if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
        });
      }
    }
    return this.dir;
  }

  start(format: ExportFormat, filename: string, mime: string, run: ExportRunner): ExportJob {
    this.sweep();
    if ([...this.jobs.values()].filter((j) => j.state === 'running').length >= MAX_RUNNING) {
      throw new ApiError(409, 'two exports are already running; wait for one to finish');
    }
    const id = randomBytes(16).toString('hex');
    const job: Job = { id, format, filename, mime, state: 'running', done: 0, total: 0, bytes: 0, file: path.join(this.folder(), `${id}.part`), startedAt: this.now() };
    this.jobs.set(id, job);
    // Start on the next turn so the caller gets the id before any work blocks the loop.
    setImmediate(() => {
      run(job.file, (done, total) => {
        job.done = done;
        job.total = total;
      }).then(
        () => {
          job.state = 'ready';
          job.bytes = fs.statSync(job.file).size;
          job.done = Math.max(job.done, job.total);
        },
        (err: unknown) => {
          job.state = 'failed';
          job.error = err instanceof Error ? err.message : String(err);
        },
      );
    });
    return { id, format, filename, mime };
  }

  private get(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new ApiError(404, `no export job ${id} (finished, expired or never started)`);
    return job;
  }

  status(id: string): ExportStatus {
    const { file: _f, startedAt: _s, ...status } = this.get(id);
    return status;
  }

  read(id: string, offset: number, length: number): ExportChunk {
    const job = this.get(id);
    if (job.state !== 'ready') throw new ApiError(409, `export ${id} is ${job.state}`);
    const size = job.bytes;
    const n = Math.max(0, Math.min(length, size - offset));
    const buf = Buffer.alloc(n);
    if (n > 0) {
      const fd = fs.openSync(job.file, 'r');
      try {
        fs.readSync(fd, buf, 0, n, offset);
      } finally {
        fs.closeSync(fd);
      }
    }
    return { base64: buf.toString('base64'), offset, bytes: n, eof: offset + n >= size };
  }

  finish(id: string): { ok: boolean } {
    const job = this.jobs.get(id);
    if (!job) return { ok: false };
    this.jobs.delete(id);
    fs.rmSync(job.file, { force: true });
    // The folder goes with the last job, so a host that never exits cleanly leaves nothing behind.
    if (this.jobs.size === 0 && this.dir) {
      fs.rmSync(this.dir, { recursive: true, force: true });
      this.dir = null;
    }
    return { ok: true };
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, job] of this.jobs) if (job.state !== 'running' && now - job.startedAt > MAX_AGE_MS) this.finish(id);
  }
}
