// What the host and a task worker say to each other (service/worker/README.md).
// Plain data only: it crosses a thread boundary by structured clone.
import type { DoctorReport } from '../../db/doctor.ts';
import type { ShareAnswer } from './doctorShare.ts';
import type { EvaluateReport } from '../fsrs/evaluate.ts';
import type { FitOutcome } from '../fsrs/optimize.ts';

/** A review log packed into transferable arrays (a 100k-answer array of objects would be cloned on the host thread). */
export interface PackedLog {
  cardIds: string[];
  card: Int32Array;
  at: Float64Array;
  day: Int32Array;
  quality: Uint8Array;
}

export type TaskRequest =
  | { kind: 'doctor'; file: string; now: number; today: number }
  /** SQLite's page and index checks alone, on one connection: the slow path when the shared jobs leave a doubt. */
  | { kind: 'doctorPages'; file: string }
  /** Check database's job list, shared with a second worker through `shared` (service/worker/doctorShare.ts). */
  | { kind: 'doctorShare'; file: string; now: number; today: number; shared: SharedArrayBuffer }
  | { kind: 'evaluate'; file: string | null; log: PackedLog | null }
  | { kind: 'optimize'; file: string }
  /** reviews.csv formatted here and streamed to the host in batches (service/export/csvTask.ts); the result is the batch count. */
  | { kind: 'reviewsCsv'; file: string }
  /** Tests only: how a task that throws, or a worker that dies, reaches the caller. */
  | { kind: 'fail'; how: 'throw' | 'exit' | 'hang' };

export interface TaskResults {
  doctor: DoctorReport;
  /** The integrity findings; when there are any, the table counts too (the logic half is then dropped). */
  doctorPages: { integrity: string[]; counts: { cards: number; reviews: number } | null };
  doctorShare: ShareAnswer;
  evaluate: EvaluateReport;
  optimize: FitOutcome;
  reviewsCsv: number;
  fail: never;
}

/** The argument a task's child process is started with (./child.ts): only then does entry.ts read its request from the IPC channel. */
export const CHILD_FLAG = '--deeprecall-task';

/** The argument the spawner process is started with (./spawner.ts): it stays, and forks a task's child per request. */
export const SPAWNER_FLAG = '--deeprecall-spawner';

/** What the host asks the spawner: fork a child from `module` for `request` and relay its messages under `id`. */
export interface SpawnRequest {
  id: number;
  module: string;
  request: TaskRequest;
  nativeBinding?: string;
}

/** What the spawner says: it is ready, or a relayed child message for the request `id`. */
export type SpawnerMessage = { type: 'ready' } | (WorkerMessage & { id: number });

export interface WorkerData {
  request: TaskRequest;
  /** better_sqlite3.node built for Electron's ABI, when the host runs in Electron. */
  nativeBinding?: string;
  /** The task runs in a child process forked by this worker from this entry module (./child.ts); the worker relays. */
  child?: string;
}

export type WorkerMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  /** A worker relaying a child process: the child's id, so the host can kill it on a cancel. */
  | { type: 'spawned'; pid: number }
  | { type: 'done'; result: unknown }
  | { type: 'error'; message: string };

type LogEntry = { cardId: string; at: number; day: number; quality: number };

export function packLog(log: readonly LogEntry[]): PackedLog {
  const p = emptyPacked(log.length);
  packRange(log, p, new Map(), 0, log.length);
  return p;
}

/**
 * packLog for a host that must stay responsive: the same result, packed a slice
 * at a time with a turn of the event loop between slices, so a 100k-answer log
 * never blocks a keypress for longer than one slice (~1–2 ms).
 */
export async function packLogInSlices(log: readonly LogEntry[], slice = 4096): Promise<PackedLog> {
  const p = emptyPacked(log.length);
  const ids = new Map<string, number>();
  for (let from = 0; from < log.length; from += slice) {
    packRange(log, p, ids, from, Math.min(log.length, from + slice));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return p;
}

function emptyPacked(n: number): PackedLog {
  return { cardIds: [], card: new Int32Array(n), at: new Float64Array(n), day: new Int32Array(n), quality: new Uint8Array(n) };
}

function packRange(log: readonly LogEntry[], p: PackedLog, ids: Map<string, number>, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const a = log[i]!;
    let c = ids.get(a.cardId);
    if (c === undefined) {
      ids.set(a.cardId, (c = p.cardIds.length));
      p.cardIds.push(a.cardId);
    }
    p.card[i] = c;
    p.at[i] = a.at;
    p.day[i] = a.day;
    p.quality[i] = a.quality;
  }
}

export function unpackLog(p: PackedLog): LogEntry[] {
  return Array.from(p.card, (c, i) => ({ cardId: p.cardIds[c]!, at: p.at[i]!, day: p.day[i]!, quality: p.quality[i]! }));
}

export const transferList = (p: PackedLog | null) => (p ? [p.card.buffer, p.at.buffer, p.day.buffer, p.quality.buffer] as ArrayBuffer[] : []);
