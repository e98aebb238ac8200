// The spawner: a small process the host forks once, early, that forks the
// FSRS tasks' child processes for it (issue 14).
//
// Why: fork() copies the whole calling process's page tables and write-protects
// its memory for copy-on-write, whichever thread calls it. Forked from the
// host (even from a worker thread), a task's child cost the host thread
// 4–16 ms of its own CPU in copy-on-write faults at the fork, the longest block
// of the host during an evaluation, and more the larger the host had grown.
// Forked from the spawner — a Node process that holds nothing but the task
// entry — the same fork copies a few MB, and the host only exchanges IPC
// messages. The host forks the spawner itself once, at a quiet moment while
// it is still small (`deeprecall serve` does it after its first card).
//
// The spawner runs at nice 10 (its children inherit it) and relays each
// child's messages under the request's id, as a relaying worker does
// (entry.ts). It ends with the host (its IPC channel closes); a child still
// running sees its own channel close and ends too. Idle, it does not keep the
// host's event loop alive. If it is gone (killed, crashed), `usable` turns
// false and tasks fall back to the worker that forks (client.ts).
import { fork, type ChildProcess } from 'node:child_process';
import { childEntry, workerEntry } from './path.ts';
import { SPAWNER_FLAG, type SpawnerMessage, type SpawnRequest, type TaskRequest } from './protocol.ts';

export interface SpawnHooks {
  onProgress?: (phase: string, done: number, total: number) => void;
  onSpawn?: (pid: number) => void;
}

interface Pending extends SpawnHooks {
  resolve: (result: unknown) => void;
  reject: (err: Error) => void;
}

export class Spawner {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private alive = true;
  private isReady = false;
  /** Resolves once the spawner has loaded and said so; false if it ended first. */
  readonly ready: Promise<boolean>;

  private constructor(
    private readonly proc: ChildProcess,
    /** The task entry the spawner runs, and forks each child from. */
    readonly module: string,
  ) {
    let settleReady!: (ok: boolean) => void;
    this.ready = new Promise<boolean>((r) => (settleReady = r));
    proc.on('message', (m: SpawnerMessage) => {
      if (m.type === 'ready') {
        this.isReady = true;
        settleReady(true);
        this.idle(); // loading, it kept the host running: someone may be awaiting `ready`
        return;
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.onProgress?.(m.phase, m.done, m.total);
      else if (m.type === 'spawned') p.onSpawn?.(m.pid);
      else {
        this.pending.delete(m.id);
        this.idle();
        if (m.type === 'done') p.resolve(m.result);
        else p.reject(new Error(m.message));
      }
    });
    const end = (why: string) => {
      if (!this.alive) return;
      this.alive = false;
      settleReady(false);
      for (const p of this.pending.values()) p.reject(new Error(`its spawner process ${why} before answering`));
      this.pending.clear();
    };
    proc.on('error', (err) => end(`failed (${err.message})`));
    proc.on('exit', (code, signal) => end(signal ? `was killed (${signal})` : `exited (code ${code})`));
  }

  /** Fork the spawner from the task entry (found beside this module, or beside `entry`: tests, the bench). Throws if it cannot start. */
  static start(entry?: string): Spawner {
    const { module } = workerEntry(entry ?? import.meta.url);
    const proc = fork(module, [SPAWNER_FLAG], {
      execArgv: childEntry(module).execArgv,
      serialization: 'advanced', // typed arrays (a packed review log) cross unchanged, as with a child
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new Spawner(proc, module);
  }

  /** Loaded, alive, and so able to take a task now. */
  get usable(): boolean {
    return this.alive && this.isReady;
  }

  /** Not ended (it may still be loading: then `ready` tells when). */
  get running(): boolean {
    return this.alive;
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  /** Run `request` in a child the spawner forks; settles like ./child.ts runInChild (its messages, relayed). */
  run(request: TaskRequest, nativeBinding: string | undefined, hooks: SpawnHooks = {}): Promise<unknown> {
    if (!this.usable) return Promise.reject(new Error('its spawner process is not running'));
    const id = this.nextId++;
    return new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { ...hooks, resolve, reject });
      this.busy();
      this.proc.send({ id, module: this.module, request, nativeBinding } satisfies SpawnRequest, (err) => {
        if (!err) return;
        this.pending.delete(id);
        this.idle();
        reject(new Error(`its spawner process could not be reached (${err.message})`));
      });
    });
  }

  /** End the spawner (its running children end with their channel). */
  close(): void {
    if (this.alive) this.proc.kill('SIGTERM');
  }

  // A task in flight keeps the host running until its answer; an idle spawner does not keep it alive.
  private busy(): void {
    this.proc.ref();
    this.proc.channel?.ref();
  }

  private idle(): void {
    if (this.pending.size > 0) return;
    this.proc.unref();
    this.proc.channel?.unref();
  }
}
