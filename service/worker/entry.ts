// The task worker's main module: run the one task it was started for, post
// progress while it runs, then the result or the error, and end. Loaded from
// the TypeScript sources (tsx), dist-cli/worker.mjs or dist-electron/worker.cjs
// (see ./path.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThreadPriority, lowersPriority } from './priority.ts';
import type { WorkerData, WorkerMessage } from './protocol.ts';
import { runTask } from './tasks.ts';

const port = parentPort;
if (port) {
  const data = workerData as WorkerData;
  if (lowersPriority(data.request.kind)) lowerThreadPriority();
  const post = (m: WorkerMessage) => port.postMessage(m);
  let last = 0;
  const progress = (phase: string, done: number, total: number) => {
    // At most ~20 messages a second: the host only redraws a bar.
    const now = performance.now();
    if (now - last < 50 && done < total) return;
    last = now;
    post({ type: 'progress', phase, done, total });
  };
  runTask(data.request, progress, data.nativeBinding).then(
    (result) => post({ type: 'done', result }),
    (err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
}
