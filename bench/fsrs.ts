// FSRS measures: evaluating 100,000 reviews (fit + three models) with the
// event loop's longest stall while it runs — the host must keep answering the
// review screen (a keypress → next card needs a free loop within 16 ms) —
// and answering one card in FSRS mode against its raw-SQLite floor.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import { Store } from '../db/store.ts';
import { App } from '../service/app.ts';
import { loadBinding } from '../service/fsrs/binding.ts';
import { DEFAULT_FSRS } from '../srs/fsrs/config.ts';
import { memoryFromSm2 } from '../srs/fsrs/convert.ts';
import { syntheticLog } from '../srs/eval/synthetic.ts';
import { fillEvaluateFixture } from './evaluateFixture.ts';
import { collectGarbage, ratioRow, timePair, type BenchRow } from './measure.ts';

/**
 * A small /proc file read again and again by one open descriptor into one
 * buffer (pread at offset 0 regenerates it): the 2 ms probe reads the host's
 * schedstat ~500 times a second, and opening the file each time (path walk,
 * pid lookup, close) was a large part of the host thread's CPU while the job ran (perf).
 */
class ProcFile {
  private readonly buf = Buffer.alloc(512);
  private fd: number | null = null;

  constructor(private readonly file: string) {}

  /** The file's text; null where it cannot be read (not Linux). Opened at the first read, kept open until close(). */
  read(): string | null {
    try {
      this.fd ??= fs.openSync(this.file, 'r');
      return this.buf.toString('latin1', 0, fs.readSync(this.fd, this.buf, 0, this.buf.length, 0));
    } catch {
      return null;
    }
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}

const hostSchedFile = new ProcFile(`/proc/self/task/${process.pid}/schedstat`);

/** The host thread's time on a CPU and waiting for one (ns), from Linux schedstat; null elsewhere. */
function hostSched(): [number, number] | null {
  const text = hostSchedFile.read();
  if (text === null) return null;
  const [run, wait] = text.split(' ').map(Number);
  return [run!, wait!];
}

/** This process's CPU (all threads) and that of its ended children (ms), from /proc/self/stat; null elsewhere. */
function processTicks(): { self: number; children: number } | null {
  try {
    const f = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ').map(Number);
    const hz = 100; // USER_HZ on Linux
    return { self: ((f[11]! + f[12]!) * 1000) / hz, children: ((f[13]! + f[14]!) * 1000) / hz };
  } catch {
    return null;
  }
}

/** CPU time (ns, schedstat) of each thread of this process that runs at the host's priority (nice 0), the host thread left out. */
function normalPriorityThreads(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of fs.readdirSync('/proc/self/task')) {
      if (tid === String(process.pid)) continue;
      try {
        const nice = Number(fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
        if (nice <= 0) out.set(tid, Number(fs.readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]));
      } catch {
        // A thread that ended while we read.
      }
    }
  } catch {
    // Not Linux.
  }
  return out;
}

/** CPU (ms) that threads at the host's priority spent between two readings (those still there at the second). */
function normalPriorityMs(a: Map<string, number>, b: Map<string, number>): number {
  let ns = 0;
  for (const [tid, t] of b) ns += t - (a.get(tid) ?? 0); // a thread started meanwhile: all of its time
  return ns / 1e6;
}

/**
 * Where the CPU went while the job ran (Linux): the host thread's own time and
 * its time runnable but waiting for a CPU (schedstat), the other threads of the
 * host's process (the task worker, V8's helpers, libuv's pool) and the job's
 * child processes (counted once they have ended, hence read a moment after the result).
 */
interface CpuSplit {
  hostMs: number;
  hostWaitMs: number;
  otherThreadsMs: number;
  /** Of those, the threads at nice 0 (V8's helpers; libuv's pool, where the binding's fit ran in-process): the host's equals for a CPU. */
  normalPriorityMs: number;
  childrenMs: number;
}

function cpuSplit(s0: [number, number], s1: [number, number], c0: NodeJS.CpuUsage, c1: NodeJS.CpuUsage, p0: { children: number }, p1: { children: number }, normalMs: number): CpuSplit {
  const hostMs = (s1[0] - s0[0]) / 1e6;
  const processMs = (c1.user + c1.system - c0.user - c0.system) / 1000;
  return { hostMs, hostWaitMs: (s1[1] - s0[1]) / 1e6, otherThreadsMs: Math.max(0, processMs - hostMs), normalPriorityMs: normalMs, childrenMs: p1.children - p0.children };
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(0);

interface LoopProbe<T> {
  result: T;
  ms: number;
  /** Longest gap between 2 ms timer ticks beyond the 2 ms: how long a keypress would have waited. */
  maxStallMs: number;
  /** When that gap ended, in ms after the probe started. */
  maxStallAtMs: number;
  /** Of that gap, the host thread's own time on a CPU (the rest it waited for one: other processes, our worker). */
  maxStallOwnMs: number | null;
  /** Longest tick gap counting only the host's own CPU time: what the app itself blocks, whatever the machine's load. */
  maxOwnMs: number | null;
  /** When that block ended, in ms after the probe started. */
  maxOwnAtMs: number;
  /** The host's garbage collections while it ran (V8's pauses of the host thread, as perf_hooks reports them). */
  gc: { count: number; totalMs: number; longestMs: number; longestKind: string };
}

const GC_KIND: Record<number, string> = {
  [perfConstants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [perfConstants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [perfConstants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};

/**
 * Runs `work` with a 2 ms timer and records the longest gap between ticks.
 * On a shared machine a gap is often the host waiting for a CPU; Linux's
 * schedstat splits each gap into the thread's own running time and its wait.
 */
async function withLoopProbe<T>(work: () => Promise<T>): Promise<LoopProbe<T>> {
  let last = performance.now();
  let lastSched = hostSched();
  let maxStall = 0;
  let maxStallOwn: number | null = null;
  let maxStallAt = 0;
  let maxOwn: number | null = lastSched ? 0 : null;
  let maxOwnAt = 0;
  const gc = { count: 0, totalMs: 0, longestMs: 0, longestKind: '' };
  const gcs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.count++;
      gc.totalMs += e.duration;
      if (e.duration > gc.longestMs) {
        gc.longestMs = e.duration;
        const kind = (e as { detail?: { kind?: number } }).detail?.kind;
        gc.longestKind = (kind !== undefined && GC_KIND[kind]) || 'gc';
      }
    }
  });
  gcs.observe({ entryTypes: ['gc'] });
  const t0 = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const sched = hostSched();
    const gap = now - last - 2;
    const own = sched && lastSched ? Math.min(now - last, (sched[0] - lastSched[0]) / 1e6) : null;
    if (gap > maxStall) {
      maxStall = gap;
      maxStallOwn = own;
      maxStallAt = now - t0;
    }
    if (own !== null && maxOwn !== null && own > maxOwn) {
      maxOwn = own;
      maxOwnAt = now - t0;
    }
    last = now;
    lastSched = sched;
  }, 2);
  try {
    const result = await work();
    const ms = performance.now() - t0;
    // The observer's entries arrive on a later turn: let them in before reading.
    await new Promise((r) => setImmediate(r));
    return { result, ms, maxStallMs: maxStall, maxStallAtMs: maxStallAt, maxStallOwnMs: maxStallOwn, maxOwnMs: maxOwn, maxOwnAtMs: maxOwnAt, gc };
  } finally {
    clearInterval(timer);
    gcs.disconnect();
  }
}

/**
 * The app's own path, timed from the API call that starts the evaluation to
 * its result: a profile holding `reviews` answers of a synthetic learner,
 * `fsrsJobStart({ kind: 'evaluate' })`, then `fsrsJobStatus` polled as the
 * Stats panel polls it. The task (a child process the spawner forks, as in `serve`) reads the database itself, so the host
 * only starts it and receives the report; the loop probe runs the whole time.
 */
export async function benchEvaluate(dir: string, reviews = 100_000): Promise<BenchRow[]> {
  const file = path.join(dir, `evaluate-${reviews}.db`);
  const store = Store.open(file, { create: true });
  let closeSpawner: (() => void) | undefined;
  try {
    fillEvaluateFixture(store, syntheticLog({ seed: 2026, cards: reviews / 10, reviews }));
    const nowMs = Date.parse('2026-11-27T10:00:00Z');
    const app = new App(store, { now: () => nowMs, utcOffsetMinutes: () => 0 });
    // The worker as it ships (dist-cli/worker.mjs, which `npm run bench` builds first), as the export row
    // runs it: from the sources the worker also starts tsx, whose loader thread compiles at normal priority.
    const shipped = path.join(import.meta.dirname, '..', 'dist-cli', 'worker.mjs');
    if (fs.existsSync(shipped)) app.fsrs.workerEntry = shipped;
    // The spawner, as `deeprecall serve` starts it a few seconds after start-up: the job's child is forked by it, not by this process.
    const spawner = await app.fsrs.startSpawner();
    closeSpawner = () => app.fsrs.close();
    const api = app.client();
    const binding = loadBinding();
    // A settled heap first. What the host holds here is mostly the bench's own garbage, not the app's: the
    // earlier suites' fixtures (the 1M-review stats profile: ~330 MB of heap, ~17 MB of it live) and the synthetic
    // log just written. Left in place, V8 collects it while the job runs (measured: scavenges of 10–24 ms, a
    // mark-compact due at ~370 MB) and those pauses were the host thread's longest blocks during the evaluation.
    const heapBefore = process.memoryUsage().heapUsed;
    const settled = collectGarbage();
    const heapAfter = process.memoryUsage().heapUsed;
    // The same probe with nothing running, just before: the stalls this machine adds by itself (other processes).
    const idle = await withLoopProbe(() => new Promise<void>((r) => setTimeout(r, 2000)));
    const s0 = hostSched();
    const c0 = process.cpuUsage();
    const p0 = processTicks();
    const n0 = normalPriorityThreads();
    let s1: [number, number] | null = null;
    let c1 = c0;
    let n1 = n0;
    const run = await withLoopProbe(async () => {
      let job = await api.fsrsJobStart({ kind: 'evaluate' });
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, 250));
        job = await api.fsrsJobStatus({ id: job.id });
      }
      s1 = hostSched();
      c1 = process.cpuUsage();
      n1 = normalPriorityThreads();
      if (!job.evaluate) throw new Error(`the evaluation failed: ${job.error ?? job.state}`);
      return job.evaluate;
    });
    // The child process is counted in our children's CPU once it has ended and been reaped.
    await new Promise((r) => setTimeout(r, 300));
    const p1 = processTicks();
    const split = s0 && s1 && p0 && p1 ? cpuSplit(s0, s1, c0, c1, p0, p1, normalPriorityMs(n0, n1)) : null;
    const r = run.result;
    const names = r.models.map((m) => `${m.name} ${m.logLoss.toFixed(3)}`).join(', ');
    return [
      {
        name: `evaluate ${reviews.toLocaleString('en')} reviews (fit + 3 models)`,
        value: run.ms, unit: 'ms', target: '< 10000 ms', pass: run.ms < 10_000,
        note: `API start → result; ${r.trainItems} training items, ${r.testReviews} scored; log loss ${names}${binding.available ? '' : ' (no optimizer binary)'}`,
      },
      {
        name: 'event loop stall while evaluating',
        value: run.maxStallMs, unit: 'ms', target: '< 16 ms', pass: run.maxStallMs < 16,
        note: `longest gap of a 2 ms timer from fsrsJobStart to the result (the task reads the database in a child process; starting it included), ending ${run.maxStallAtMs.toFixed(0)} ms after fsrsJobStart${
          run.maxStallOwnMs === null ? '' : `; the host's own CPU in it ${run.maxStallOwnMs.toFixed(1)} ms, the rest waiting for a CPU (load ${os.loadavg()[0]!.toFixed(1)})`
        }; host GC pauses in the run: ${run.gc.count}${run.gc.count ? ` (${run.gc.totalMs.toFixed(1)} ms in all, longest ${run.gc.longestMs.toFixed(1)} ms, ${run.gc.longestKind})` : ''}; ${
          settled ? `the bench's fixture garbage collected before the probes (heap ${mb(heapBefore)} → ${mb(heapAfter)} MB)` : 'heap not settled first (no gc())'
        }; the same probe for 2 s with nothing running, just before: ${idle.maxStallMs.toFixed(1)} ms; worker ${app.fsrs.workerEntry ? 'dist-cli/worker.mjs' : 'from the sources (tsx)'}, child forked by ${spawner ? 'the spawner started beforehand (as serve does)' : 'the task worker (no spawner)'}${
          split ? `; CPU while it ran: host thread ${split.hostMs.toFixed(0)} ms (waited ${split.hostWaitMs.toFixed(0)} ms runnable), the host process's other threads ${split.otherThreadsMs.toFixed(0)} ms (${split.normalPriorityMs.toFixed(0)} ms of it at nice 0), child processes ${split.childrenMs.toFixed(0)} ms${spawner ? ' (the task\'s child is the spawner\'s, not counted here)' : ''}` : ''
        }`,
      },
      ...(run.maxOwnMs === null ? [] : [{
        name: 'host thread busy while evaluating (longest own-CPU block)',
        value: run.maxOwnMs, unit: 'ms', target: '< 16 ms', pass: run.maxOwnMs < 16,
        note: `the longest tick gap counted in the host thread's own CPU time (Linux schedstat): what the app blocks, without the waits a loaded machine adds; it ended ${run.maxOwnAtMs.toFixed(0)} ms after fsrsJobStart`,
      }]),
    ];
  } finally {
    hostSchedFile.close();
    closeSpawner?.();
    store.close();
  }
}

export function benchFsrsAnswer(store: Store, app: App, today: number): BenchRow[] {
  const db = store.db;
  const due = store.reviews.dueIds(today + 400, 4000).filter((id) => store.cards.byId(id)?.kind !== 'problem').slice(-1600);
  if (due.length < 800) throw new Error(`bench fixture has only ${due.length} answerable cards`);
  // FSRS mode with converted memories for the cards we answer (the switch itself converts all; not timed here).
  app.library.updateSettings({ scheduler: 'fsrs' });
  store.write(() => {
    for (const id of due) {
      const s = store.reviews.state(id)!;
      store.fsrs.put(id, memoryFromSm2(DEFAULT_FSRS, s, s.lastDay));
    }
  });
  const getCard = db.prepare('SELECT * FROM cards WHERE id = ?');
  const getState = db.prepare('SELECT * FROM card_state WHERE card_id = ?');
  const getMemory = db.prepare('SELECT * FROM fsrs_state WHERE card_id = ?');
  const settings = db.prepare('SELECT key, value FROM settings');
  const insert = db.prepare(
    `INSERT INTO reviews (card_id, reviewed_at, day, quality, elapsed_ms, mode, reps_before, ease_before, ivl_before, due_before, lapses_before,
       last_day_before, reps_after, ease_after, ivl_after, due_after, lapses_after, answer, seed, correct, mock_id)
     VALUES (?, ?, ?, ?, ?, 'review', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL)`,
  );
  const upsert = db.prepare(
    `INSERT INTO card_state (card_id, repetitions, ease_factor, interval_days, due_day, lapses, last_day) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(card_id) DO UPDATE SET repetitions=excluded.repetitions, ease_factor=excluded.ease_factor,
       interval_days=excluded.interval_days, due_day=excluded.due_day, lapses=excluded.lapses, last_day=excluded.last_day`,
  );
  const upsertMemory = db.prepare(
    `INSERT INTO fsrs_state (card_id, stability, difficulty, state, reps, lapses, last_day, due_day) VALUES (?, ?, ?, 2, ?, ?, ?, ?)
     ON CONFLICT(card_id) DO UPDATE SET stability=excluded.stability, difficulty=excluded.difficulty, reps=excluded.reps, last_day=excluded.last_day, due_day=excluded.due_day`,
  );
  const mark = db.prepare("UPDATE reviews SET sched = 'fsrs', fsrs_before = ? WHERE id = ?");
  const markOld = db.prepare('UPDATE cards SET is_new = 0 WHERE id = ? AND is_new = 1');
  const rawAnswer = db.transaction((id: string) => {
    getCard.get(id);
    settings.all();
    const s = getState.get(id) as { repetitions: number; ease_factor: number; interval_days: number; due_day: number; lapses: number; last_day: number };
    const m = getMemory.get(id) as { stability: number; difficulty: number; reps: number; lapses: number };
    const info = insert.run(id, Date.now(), today, 4, 1000, s.repetitions, s.ease_factor, s.interval_days, s.due_day, s.lapses, s.last_day,
      s.repetitions + 1, s.ease_factor, s.interval_days * 2, today + s.interval_days * 2, s.lapses);
    mark.run(JSON.stringify(m), info.lastInsertRowid);
    upsert.run(id, s.repetitions + 1, s.ease_factor, s.interval_days * 2, today + s.interval_days * 2, s.lapses, today);
    upsertMemory.run(id, m.stability * 2, m.difficulty, m.reps + 1, m.lapses, today, today + s.interval_days * 2);
    markOld.run(id);
  });
  const half = due.length >> 1;
  const runs = Math.min(400, half);
  try {
    const answer = timePair(
      (i) => void app.review.answer({ cardId: due[i]!, quality: 4, elapsedMs: 1000 }),
      (i) => rawAnswer(due[half + i]!),
      runs,
    );
    return [ratioRow('answer one card in FSRS mode (ts-fsrs + state + memory + log, 1 txn)', answer, 1.5, { note: 'synchronous=FULL: each answer is fsynced' })];
  } finally {
    app.library.updateSettings({ scheduler: 'sm2' });
  }
}

// `npx tsx bench/fsrs.ts [reviews]`: the evaluation rows alone, without the 1M-review fixture.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-bench-fsrs-'));
  let rows: BenchRow[];
  try {
    rows = await benchEvaluate(dir, Number(process.argv[2] ?? 100_000));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const r of rows) console.log(`${r.pass ? 'ok  ' : 'FAIL'} ${r.name}: ${r.value.toFixed(1)} ${r.unit} (${r.target}) — ${r.note}`);
}
