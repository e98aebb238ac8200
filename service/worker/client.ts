// Start a task worker and turn everything it can do into one settled promise:
// its result; its error message; a crash or an exit before it answered; or a
// cancellation (the worker is terminated). A request waiting on a worker never hangs.
// The FSRS tasks run in a child process that the worker forks and relays (./child.ts), with the same outcomes;
// or, when the host has started a spawner (./spawner.ts), a child the spawner forks, with no worker at all.
import { Worker } from 'node:worker_threads';
import { ApiError } from '../contract/common.ts';
import { workerEntry } from './path.ts';
import { PROCESS_TASKS } from './priority.ts';
import type { Spawner } from './spawner.ts';
import { transferList, type TaskRequest, type TaskResults, type WorkerData, type WorkerMessage } from './protocol.ts';

const LABEL: Record<TaskRequest['kind'], string> = {
  doctor: 'Check database',
  doctorPages: 'Check database',
  doctorShare: 'Check database',
  evaluate: 'the FSRS evaluation',
  optimize: 'the FSRS optimisation',
  reviewsCsv: 'the reviews.csv export',
  fail: 'a test task',
};

let nativeBinding: string | undefined;

/** Electron: workers open the database with the same Electron-ABI better-sqlite3 as the main process. */
export function useNativeBinding(file: string | undefined): void {
  nativeBinding = file;
}

export interface RunOptions {
  onProgress?: (phase: string, done: number, total: number) => void;
  /** Aborting terminates the worker: the client went away or the user cancelled. */
  signal?: AbortSignal;
  /** Tests: where the worker's main module is. */
  entry?: string;
  /** Thread or child process; by default a process for the FSRS tasks outside Electron (see ./child.ts). */
  isolation?: 'thread' | 'process';
  /** Tests: a child process's id, as soon as it exists. */
  onSpawn?: (pid: number) => void;
  /** A process task's child is forked by this spawner when it is running (./spawner.ts), not by a worker of the host. */
  spawner?: Spawner | null;
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Where a task of this kind runs by default: the FSRS tasks in a child process, except in Electron (priority.ts PROCESS_TASKS). */
export function defaultIsolation(kind: string, electron: string | undefined = process.versions.electron): 'thread' | 'process' {
  return PROCESS_TASKS.has(kind) && electron === undefined ? 'process' : 'thread';
}

export function runInWorker<K extends TaskRequest['kind']>(request: Extract<TaskRequest, { kind: K }>, o: RunOptions = {}): Promise<TaskResults[K]> {
  const label = LABEL[request.kind];
  const inProcess = (o.isolation ?? defaultIsolation(request.kind)) === 'process';
  return new Promise<TaskResults[K]>((resolve, reject) => {
    if (o.signal?.aborted) {
      reject(new ApiError(409, `${label} was cancelled`));
      return;
    }
    if (inProcess && o.spawner?.usable) return runBySpawner(o.spawner, request, label, o, resolve as (r: unknown) => void, reject);
    let worker: Worker;
    try {
      const entry = workerEntry(o.entry ?? import.meta.url);
      const r = request as TaskRequest;
      const log = r.kind === 'evaluate' ? r.log : null;
      // A process task: the worker forks the child from the same entry module and relays (./child.ts).
      const child = inProcess ? entry.module : undefined;
      worker = new Worker(entry.file, { workerData: { request, nativeBinding, child } satisfies WorkerData, execArgv: [], transferList: transferList(log), stdout: false, stderr: false });
    } catch (err) {
      reject(new ApiError(503, `${label} could not start its worker: ${(err as Error).message}`));
      return;
    }
    let settled = false;
    let childPid: number | undefined;
    let keepWorker = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      o.signal?.removeEventListener('abort', onAbort);
      fn();
      if (!keepWorker) void worker.terminate();
    };
    // A relaying worker that is cancelled or dies takes its child with it: the child would otherwise notice the
    // closed channel only when next idle. (After an answer, done or error, the child has ended or is ending by itself.)
    const orphanChild = () => {
      if (childPid !== undefined && !settled) killQuietly(childPid);
    };
    const onAbort = () => {
      if (childPid === undefined) return settle(() => reject(new ApiError(409, `${label} was cancelled`)));
      // Killed at once; its worker is left to reap it and end by itself (terminated, it would leave a zombie), within 5 s at most.
      orphanChild();
      keepWorker = true;
      setTimeout(() => void worker.terminate(), 5000).unref();
      settle(() => reject(new ApiError(409, `${label} was cancelled`)));
    };
    o.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') o.onProgress?.(m.phase, m.done, m.total);
      else if (m.type === 'spawned') {
        childPid = m.pid;
        o.onSpawn?.(m.pid);
      } else if (m.type === 'done') settle(() => resolve(m.result as TaskResults[K]));
      else settle(() => reject(new ApiError(503, `${label} failed: ${m.message}`)));
    });
    worker.on('error', (err) => {
      orphanChild();
      settle(() => reject(new ApiError(503, `${label} failed: its worker crashed (${err.message})`)));
    });
    worker.on('exit', (code) => {
      orphanChild();
      settle(() => reject(new ApiError(503, `${label} failed: its worker exited (code ${code}) before answering`)));
    });
  });
}

/** A process task through the spawner: the same outcomes as through a relaying worker (cancel kills the child). */
function runBySpawner(spawner: Spawner, request: TaskRequest, label: string, o: RunOptions, resolve: (r: unknown) => void, reject: (e: unknown) => void): void {
  let childPid: number | undefined;
  let settled = false;
  const settle = (fn: () => void) => {
    if (settled) return;
    settled = true;
    o.signal?.removeEventListener('abort', onAbort);
    fn();
  };
  const onAbort = () => {
    if (childPid !== undefined) killQuietly(childPid);
    settle(() => reject(new ApiError(409, `${label} was cancelled`)));
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  spawner
    .run(request, nativeBinding, {
      onProgress: o.onProgress,
      onSpawn: (pid) => {
        childPid = pid;
        o.onSpawn?.(pid);
        if (settled) killQuietly(pid); // cancelled before its child existed
      },
    })
    .then(
      (result) => settle(() => resolve(result)),
      (err: unknown) => settle(() => reject(new ApiError(503, `${label} failed: ${(err as Error).message}`))),
    );
}
