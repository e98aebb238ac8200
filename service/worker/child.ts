// A task in a child process of its own (the FSRS fit and evaluation,
// priority.ts PROCESS_TASKS): the same entry module and messages as a worker,
// over the IPC channel of child_process.fork. Why a process: the binding's fit
// runs on libuv's thread pool and a worker's garbage is collected by V8's
// helper threads, and in the app's process those threads are the host's, at
// the host's priority; a child has its own, and all of them run at nice 10.
// The child is forked by the task's worker thread, not by the host: fork()
// copies the parent's page tables and waits for the exec (4–20 ms of CPU and
// up to 60 ms of wall time on a loaded machine, measured with a 560 MB host),
// which on the host thread would be a stall by itself; and a process forked by
// a thread at nice 10 starts at nice 10, so every thread it ever starts does.
// The worker relays progress and the answer (entry.ts); the host kills the
// child by its id on a cancel (client.ts).
// One promise, settled once the child has ended: the result; the task's error;
// a crash, a kill or an exit before answering (with the last line it wrote to stderr).
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { childEntry } from './path.ts';
import { WORKER_NICE } from './priority.ts';
import { CHILD_FLAG, type TaskRequest, type WorkerData, type WorkerMessage } from './protocol.ts';

export interface ChildOptions {
  onProgress?: (phase: string, done: number, total: number) => void;
  /** The child's process id, as soon as it exists (the host needs it to cancel). */
  onSpawn?: (pid: number) => void;
}

/** The tail of what the child wrote to stderr, kept for the error message of a crash. */
const STDERR_KEEP = 4096;

/** Run `request` in a child process started from `module` (the task entry: sources or a bundle). */
export function runInChild(module: string, request: TaskRequest, nativeBinding: string | undefined, o: ChildOptions = {}): Promise<unknown> {
  return new Promise<unknown>((resolve, reject) => {
    let child: ChildProcess;
    try {
      const { execArgv } = childEntry(module);
      // 'advanced' serialization: typed arrays (a packed review log) and non-JSON numbers cross unchanged.
      // Linux: a session of its own (setsid), hence an autogroup of its own: with autogroups the scheduler shares
      // the CPU between sessions first, so in the host's session the child's CPU would count against the host.
      // Not lowered as a group: at nice 10 among other sessions' busy groups it had not finished a 5 s evaluation in 30 s.
      // Nor left in the host's session: on a loaded machine (load 8–9), a host with a 2 ms timer beside a nice-10 child
      // burning 3 threads waited 1.5–2.3 s runnable per 5 s with the child in its session, 0.7–1.4 s with it in its own
      // (the host's group, charged for the child's CPU, lost its turn to the other sessions' groups).
      // It still ends with the host: at the closed IPC channel (entry.ts), or killed by its worker or the host.
      const detached = process.platform === 'linux';
      child = fork(module, [CHILD_FLAG], { execArgv, detached, serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    } catch (err) {
      reject(new Error(`its process could not start (${(err as Error).message})`));
      return;
    }
    if (child.pid !== undefined) {
      // Linux: already nice 10 (inherited from this thread); elsewhere this lowers the whole child at once.
      try {
        os.setPriority(child.pid, WORKER_NICE);
      } catch {
        // Refused, or the child already gone: it lowers itself too (entry.ts).
      }
      o.onSpawn?.(child.pid);
    }
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (s: string) => {
      stderr = (stderr + s).slice(-STDERR_KEEP);
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    // The answer is kept until the child has ended ('close'): a thread that leaves before the child
    // is reaped leaves a zombie behind (libuv reaps a child only on the loop that started it).
    let answer: { ok: true; result: unknown } | { ok: false; message: string } | null = null;
    child.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') o.onProgress?.(m.phase, m.done, m.total);
      // The child ends by itself once its answer is out.
      else if (m.type === 'done') answer ??= { ok: true, result: m.result };
      else if (m.type === 'error') answer ??= { ok: false, message: m.message };
    });
    child.on('error', (err) => {
      settle(() => reject(new Error(`its process could not run (${err.message})`)));
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    // 'close', not 'exit': it comes after the IPC channel and stderr are drained, so an answer sent just before the end is read first.
    child.on('close', (code, signal) => {
      const a = answer;
      if (a?.ok) return settle(() => resolve(a.result));
      if (a) return settle(() => reject(new Error(a.message)));
      const last = stderr.trim().split('\n').at(-1)?.trim();
      const how = signal ? `was killed (${signal})` : `exited (code ${code})`;
      settle(() => reject(new Error(`its process ${how} before answering${last ? `: ${last.slice(0, 300)}` : ''}`)));
    });
    child.send({ request, nativeBinding } satisfies WorkerData);
  });
}
