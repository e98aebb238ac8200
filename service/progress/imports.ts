// Long imports, one at a time, each with its progress kept under the id the
// caller chose so it can poll it. An Anki import holds its one write
// transaction across event-loop turns (so that polls are answered); while it
// does, `idle()` makes every other AppApi call wait for it (App.dispatch), so
// nothing else reads its half-written state or writes into its transaction.
import { ApiError } from '../contract/common.ts';
import type { ImportProgress } from '../contract/progress.ts';
import { ProgressTracker, type PhaseShares, type ProgressFn } from './tracker.ts';

/** Finished imports whose last progress is still answered. */
const KEEP = 16;

export class ImportJobs {
  private readonly entries = new Map<string, ImportProgress>();
  private queue: Promise<unknown> = Promise.resolve();
  private holding: Promise<unknown> | null = null;

  progress(id: string): ImportProgress {
    const e = this.entries.get(id);
    return e ? { ...e } : { id, state: 'unknown', phase: null, done: 0, total: 0, percent: 0 };
  }

  /** Resolves when no import holds the write transaction (at once when none does). */
  idle(): Promise<void> | null {
    const h = this.holding;
    return h ? h.then(() => undefined, () => undefined) : null;
  }

  /**
   * Run one long import after the ones before it. `hold`: the work keeps a
   * write transaction open across turns, so every other call waits meanwhile.
   */
  run<T>(id: string | undefined, shares: PhaseShares, hold: boolean, work: (progress: ProgressFn) => Promise<T>): Promise<T> {
    if (id !== undefined && this.entries.get(id)?.state === 'running') throw new ApiError(409, `an import with progress id ${id} is already running`);
    let entry: ImportProgress | null = null;
    if (id !== undefined) {
      entry = { id, state: 'running', phase: null, done: 0, total: 0, percent: 0 };
      this.entries.delete(id);
      this.entries.set(id, entry);
      while (this.entries.size > KEEP) this.entries.delete(this.entries.keys().next().value!);
    }
    const tracker = new ProgressTracker(shares, (p) => {
      if (entry) Object.assign(entry, p);
    });
    const start = async () => {
      const p = work(tracker.report);
      if (hold) this.holding = p;
      try {
        const out = await p;
        tracker.done();
        if (entry) entry.state = 'done';
        return out;
      } catch (err) {
        if (entry) Object.assign(entry, { state: 'failed', error: err instanceof Error ? err.message : String(err) });
        throw err;
      } finally {
        if (hold && this.holding === p) this.holding = null;
      }
    };
    const result = this.queue.then(start, start);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
