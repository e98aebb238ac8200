// A task worker runs below the host's priority. On two cores, a fit or a
// scoring pass in the worker competes with the host thread that answers the
// review screen; at nice 10 the scheduler lets the host run first whenever it
// wakes, so a keypress does not wait behind our own background work.
// Linux only: there setpriority(PRIO_PROCESS, 0) changes the calling thread
// alone (the nice value is per thread under NPTL), and threads it starts
// inherit it. On macOS and Windows the same call would lower the whole app.
import os from 'node:os';

export const WORKER_NICE = 10;

/** Lower the calling thread's priority; false where that would touch the whole process, or is refused. */
export function lowerThreadPriority(platform: NodeJS.Platform = process.platform, set: (pid: number, nice: number) => void = os.setPriority): boolean {
  if (platform !== 'linux') return false;
  try {
    set(0, WORKER_NICE);
    return true;
  } catch {
    // A container without the right to renice (or a seccomp filter): run at normal priority.
    return false;
  }
}

/**
 * Tasks that keep normal priority: the reviews.csv pipeline's worker does one
 * half of an export whose other half (splicing and writing) runs on the host
 * thread itself, so lowering the worker protects no keypress — the host is
 * busy with the same export between batches — and at nice 10 any other
 * process on the machine starved it: the export took 37 s instead of 4 on a
 * loaded machine, while `sqlite3 -csv`, its floor, ran at normal priority.
 */
export const NORMAL_PRIORITY_TASKS: ReadonlySet<string> = new Set(['reviewsCsv']);

/** Whether the worker for a task of this kind lowers its priority (Linux; see lowerThreadPriority). */
export function lowersPriority(kind: string): boolean {
  return !NORMAL_PRIORITY_TASKS.has(kind);
}
