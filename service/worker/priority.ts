// A task worker runs below the host's priority. On two cores, a fit or a
// scoring pass in the worker competes with the host thread that answers the
// review screen; at nice 10 the scheduler lets the host run first whenever it
// wakes, so a keypress does not wait behind our own background work.
// Linux only: there setpriority(PRIO_PROCESS, 0) changes the calling thread
// alone (the nice value is per thread under NPTL), and threads it starts
// inherit it. On macOS and Windows the same call would lower the whole app.
import fs from 'node:fs';
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

/**
 * The FSRS tasks run in a child process (./child.ts) instead of a thread:
 * the binding's fit runs on libuv's thread pool and the worker's garbage is
 * collected by V8's helper threads — threads a worker_threads worker shares
 * with the host, at the host's priority (measured: ~0.9 s of a 3.6 s
 * evaluation at nice 0). A process of its own has all of them to itself.
 * Not in Electron: a packaged app has the RunAsNode fuse off, so
 * child_process.fork would start a second app; there they stay in a thread.
 */
export const PROCESS_TASKS: ReadonlySet<string> = new Set(['evaluate', 'optimize']);

/**
 * Lower every thread of this process (a task's child process) to nice 10.
 * Linux: nice is per thread, so each thread that exists now (V8's helpers,
 * tsx's loader thread) is lowered by its id, twice in case one started during
 * the first pass; threads started later inherit the value of the thread that
 * starts them (libuv's pool, started at the binding's first call, the fit's
 * own threads). Elsewhere pid 0 means the whole process, which is what a
 * child wants. Returns how many threads were lowered (0 where refused).
 */
export function lowerProcessPriority(
  platform: NodeJS.Platform = process.platform,
  set: (pid: number, nice: number) => void = os.setPriority,
  threads: () => number[] = () => fs.readdirSync('/proc/self/task').map(Number),
): number {
  try {
    if (platform !== 'linux') {
      set(0, WORKER_NICE);
      return 1;
    }
    const done = new Set<number>();
    for (let pass = 0; pass < 2; pass++) {
      for (const tid of threads()) {
        if (done.has(tid)) continue;
        try {
          set(tid, WORKER_NICE);
          done.add(tid);
        } catch {
          // A thread that ended between the listing and the call.
        }
      }
    }
    return done.size;
  } catch {
    return 0;
  }
}
