// The task worker's main module: run the one task it was started for, post
// progress while it runs, then the result or the error, and end. Loaded from
// the TypeScript sources (tsx), dist-cli/worker.mjs or dist-electron/worker.cjs
// (see ./path.ts). The same module serves both ways a task runs:
//   a worker_threads worker   the request is its workerData, messages go to parentPort
//   a child process (fork)    the FSRS tasks (./child.ts): the request is the first IPC message;
//                             the worker that forked it (WorkerData.child) relays its messages
//   the spawner (fork)        a process forked once while the host is small (./spawner.ts): it stays, forks
//                             one child per request (SpawnRequest) and relays its messages under the request's id
import { parentPort, workerData } from 'node:worker_threads';
import { lowerProcessPriority, lowerThreadPriority, lowersPriority } from './priority.ts';
import { runInChild } from './child.ts';
import { runTask } from './tasks.ts';
import { CHILD_FLAG, SPAWNER_FLAG, type SpawnerMessage, type SpawnRequest, type WorkerData, type WorkerMessage } from './protocol.ts';

function serve(data: WorkerData, post: (m: WorkerMessage) => void): Promise<void> {
  let last = 0;
  const progress = (phase: string, done: number, total: number) => {
    // At most ~20 messages a second: the host only redraws a bar.
    const now = performance.now();
    if (now - last < 50 && done < total) return;
    last = now;
    post({ type: 'progress', phase, done, total });
  };
  return runTask(data.request, progress, data.nativeBinding).then(
    (result) => post({ type: 'done', result }),
    (err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
}

/** A worker that only forks the task's child process and passes its messages on (./child.ts). */
function relay(module: string, data: WorkerData, post: (m: WorkerMessage) => void): Promise<void> {
  return runInChild(module, data.request, data.nativeBinding, {
    onSpawn: (pid) => post({ type: 'spawned', pid }),
    onProgress: (phase, done, total) => post({ type: 'progress', phase, done, total }),
  }).then(
    (result) => post({ type: 'done', result }),
    (err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
}

const port = parentPort;
if (port) {
  const data = workerData as WorkerData;
  // Lowered before a child is forked too: the child starts at this thread's nice value.
  if (lowersPriority(data.request.kind)) lowerThreadPriority();
  const post = (m: WorkerMessage) => port.postMessage(m);
  if (data.child) void relay(data.child, data, post);
  else void serve(data, post);
} else if (process.send && process.argv.includes(SPAWNER_FLAG)) {
  // Every thread at nice 10 first: the children it forks start at the forking thread's value.
  lowerProcessPriority();
  // The host is gone: so is the reason to exist. Children still running see their own channel close and end too.
  process.on('disconnect', () => process.exit(0));
  const send = (m: SpawnerMessage) => process.send!(m);
  process.on('message', (r: SpawnRequest) => {
    const post = (m: WorkerMessage) => send({ ...m, id: r.id });
    void relay(r.module, { request: r.request, nativeBinding: r.nativeBinding }, post);
  });
  send({ type: 'ready' });
} else if (process.send && process.argv.includes(CHILD_FLAG)) {
  // Every thread below the host's before any work: on Linux they are already (forked from a nice-10 thread); elsewhere this is the step.
  lowerProcessPriority();
  // The host went away (it died, or gave up on us): nothing would read our answer.
  process.on('disconnect', () => process.exit(0));
  process.once('message', (data: WorkerData) => {
    // The answer (done or error) is the last message: the process ends once it is flushed into the channel.
    void serve(data, (m) => process.send!(m, undefined, {}, m.type === 'progress' ? undefined : () => process.exit(0)));
  });
}
