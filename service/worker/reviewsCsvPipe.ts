// The host's half of the pipelined reviews.csv: a task worker
// (service/export/csvTask.ts) reads the card labels and formats the rows in
// SQL, in one read transaction; this thread splices each batch's card fields
// and writes it, acknowledging each batch so the worker stays at most a few
// ahead. The two halves cost about the same CPU (SQLite's formatting against
// the splice and the write), so on two cores the export takes about the
// longer half instead of their sum.
//
// If the worker cannot start (no worker file beside a bundle, a thread limit,
// a crash before it sent anything) the answer is null and the caller writes
// the file on this thread (writeReviewsCsv), with the same bytes. Once bytes
// are written, a failure is the export's failure (the atomic temp file goes).
import { Worker } from 'node:worker_threads';
import { ReviewsCsvWriter, ReviewsSplicer, type Progress } from '../export/csv.ts';
import type { CsvPipeAck, CsvPipeMessage } from '../export/csvTask.ts';
import type { Sink } from '../export/atomic.ts';
import { workerEntry } from './path.ts';
import type { WorkerData, WorkerMessage } from './protocol.ts';

export interface PipeOptions {
  /** Told the row total as soon as the worker has counted it (the progress bar's end). */
  onTotal?: (total: number) => void;
  progress?: Progress;
  nativeBinding?: string;
  /**
   * The worker's main module, instead of the one found beside this module
   * (service/worker/path.ts): the bench runs the shipped dist-cli/worker.mjs,
   * tests a missing file to exercise the fallback.
   */
  entry?: string;
}

type Incoming = CsvPipeMessage | WorkerMessage | { type: 'crash'; message: string };

/** Rows written, or null when the worker could not start and nothing was written. */
export async function pipeReviewsCsv(db: string, sink: Sink, o: PipeOptions = {}): Promise<number | null> {
  let worker: Worker;
  try {
    const file = o.entry ?? workerEntry(import.meta.url).file;
    const workerData: WorkerData = { request: { kind: 'reviewsCsv', file: db }, nativeBinding: o.nativeBinding };
    worker = new Worker(file, { workerData, execArgv: [], stdout: false, stderr: false });
  } catch {
    return null;
  }
  const queue: Incoming[] = [];
  let wake: (() => void) | null = null;
  const push = (m: Incoming) => {
    queue.push(m);
    wake?.();
    wake = null;
  };
  worker.on('message', push);
  worker.on('error', (err) => push({ type: 'crash', message: `its worker crashed (${err.message})` }));
  worker.on('exit', (code) => push({ type: 'crash', message: `its worker exited (code ${code}) before finishing` }));
  const next = async (): Promise<Incoming> => {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return queue.shift()!;
  };
  const ack: CsvPipeAck = { type: 'csv-ack' };
  try {
    let w: ReviewsCsvWriter | null = null;
    for (;;) {
      const m = await next();
      switch (m.type) {
        case 'csv-labels':
          o.onTotal?.(m.total);
          w = new ReviewsCsvWriter(sink, new ReviewsSplicer(m.groups), o.progress);
          await w.start();
          break;
        case 'csv-batch':
          if (!w) throw new Error('reviews.csv: the worker sent rows before the card labels');
          await w.batch(m.body);
          worker.postMessage(ack);
          break;
        case 'progress':
          break;
        case 'done':
          if (!w) throw new Error('reviews.csv: the worker finished without sending the card labels');
          return await w.end();
        case 'error':
        case 'crash':
          // Nothing written yet: the caller can still write the whole file on its own thread.
          if (!w) return null;
          throw new Error(`reviews.csv export failed: ${m.message}`);
      }
    }
  } finally {
    // The listeners stay: an 'error' with none would be thrown on this thread.
    void worker.terminate();
  }
}
