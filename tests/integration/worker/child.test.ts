// The FSRS tasks in a child process (service/worker/child.ts): every thread
// of the child runs at nice 10 while it fits and scores (Linux: field 19 of
// /proc/<pid>/task/<tid>/stat), the answer equals the in-process evaluation,
// and a child that is killed, exits or is cancelled ends the request with a
// clear error — and leaves no process (not even a zombie) behind.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fillEvaluateFixture } from '../../../bench/evaluateFixture.ts';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { loadBinding } from '../../../service/fsrs/binding.ts';
import { fitWeights } from '../../../service/fsrs/optimize.ts';
import { trainingItems } from '../../../srs/eval/evaluate.ts';
import { cardHistories, type LoggedAnswer } from '../../../srs/eval/history.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { evaluateLog } from '../../../service/fsrs/evaluate.ts';
import { defaultIsolation, runInWorker } from '../../../service/worker/client.ts';
import { packLog } from '../../../service/worker/protocol.ts';
import { syntheticLog } from '../../../srs/eval/synthetic.ts';

const linux = process.platform === 'linux';

/** Each thread of a process: its nice value and its CPU time so far (ns, schedstat). */
function threads(pid: number): Map<number, { nice: number; cpuNs: number }> {
  const out = new Map<number, { nice: number; cpuNs: number }>();
  let tids: string[] = [];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out; // the process has ended
  }
  for (const tid of tids) {
    try {
      const nice = Number(fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
      const cpuNs = Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      out.set(Number(tid), { nice, cpuNs });
    } catch {
      // a thread that ended while we read
    }
  }
  return out;
}

/** Whether the process is gone from the process table (ended and reaped: no zombie). */
async function gone(pid: number, withinMs = 5000): Promise<boolean> {
  for (let t = 0; t < withinMs; t += 25) {
    if (!fs.existsSync(`/proc/${pid}`)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

const spawned = () => {
  let resolve!: (pid: number) => void;
  const pid = new Promise<number>((r) => (resolve = r));
  return { pid, onSpawn: resolve };
};

describe('FSRS tasks in a child process', () => {
  it('run in a process outside Electron, in a worker thread inside it; other tasks stay in threads', () => {
    expect(defaultIsolation('evaluate', undefined)).toBe('process');
    expect(defaultIsolation('optimize', undefined)).toBe('process');
    expect(defaultIsolation('evaluate', '42.0.0')).toBe('thread');
    for (const kind of ['doctor', 'doctorShare', 'reviewsCsv']) expect(defaultIsolation(kind, undefined)).toBe('thread');
  });

  it('every thread of the child is at nice 10 while it evaluates; the report equals the in-process one, and no process is left', async () => {
    const log = syntheticLog({ seed: 7, cards: 400, reviews: 8000 });
    const { pid, onSpawn } = spawned();
    const phases = new Set<string>();
    let stop = false;
    const seen = new Map<number, { nice: number; cpuNs: number; firstNs: number }>();
    const watch = (async () => {
      const child = await pid;
      while (!stop) {
        // From the first progress message on: the child has lowered itself and is working.
        if (linux && phases.size > 0) {
          for (const [tid, t] of threads(child)) {
            const s = seen.get(tid);
            seen.set(tid, { ...t, firstNs: s?.firstNs ?? t.cpuNs, nice: Math.min(t.nice, s?.nice ?? t.nice) });
          }
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      return child;
    })();
    const report = await runInWorker({ kind: 'evaluate', file: null, log: packLog(log) }, { onSpawn, onProgress: (phase) => phases.add(phase) });
    stop = true;
    const child = await watch;
    expect(child).not.toBe(process.pid);
    expect(phases.has('read')).toBe(true); // progress crosses both hops (child → worker → host)
    expect(report).toEqual(await evaluateLog(log, loadBinding()));
    if (linux) {
      expect(seen.size).toBeGreaterThan(1);
      const worked = [...seen.values()].filter((t) => t.cpuNs > t.firstNs);
      expect(worked.length).toBeGreaterThan(0);
      expect([...seen].filter(([, t]) => t.nice < 10)).toEqual([]);
    }
    expect(await gone(child)).toBe(true);
  });

  it('the app\'s optimise and evaluate jobs (the Stats panel\'s path) give what the in-process code gives', async () => {
    const store = Store.open(path.join(tmpDir(), 'jobs.db'), { create: true });
    try {
      fillEvaluateFixture(store, syntheticLog({ seed: 11, cards: 300, reviews: 5000 }));
      const app = new App(store, { now: () => Date.parse('2026-11-27T10:00:00Z'), utcOffsetMinutes: () => 0 });
      expect(app.fsrs.inWorker).toBe(true);
      const api = app.client();
      const answers = store.fsrs.answers() as LoggedAnswer[];
      const evaluated = await app.fsrs.jobs.wait((await api.fsrsJobStart({ kind: 'evaluate' })).id);
      expect(evaluated.error).toBeUndefined();
      expect(evaluated.evaluate).toEqual(await evaluateLog(answers, loadBinding()));
      const optimized = await app.fsrs.jobs.wait((await api.fsrsJobStart({ kind: 'optimize' })).id);
      const fit = await fitWeights(loadBinding(), trainingItems(cardHistories(answers), Number.POSITIVE_INFINITY));
      expect(optimized.optimize?.weights ?? null).toEqual(fit.fitted ? fit.weights : null);
    } finally {
      store.close();
    }
  });

  it('a child that is killed: the request fails naming the signal, at once', async () => {
    const { pid, onSpawn } = spawned();
    let running!: () => void;
    const started = new Promise<void>((r) => (running = r));
    const p = runInWorker({ kind: 'fail', how: 'hang' }, { isolation: 'process', onSpawn, onProgress: () => running() });
    const child = await pid;
    // Once it runs the task, killed as the OOM killer would.
    await started;
    process.kill(child, 'SIGKILL');
    await expect(p).rejects.toMatchObject({ status: 503, message: 'a test task failed: its process was killed (SIGKILL) before answering' });
    expect(await gone(child)).toBe(true);
  });

  it('a child that exits before answering, or whose task throws: a clear error', async () => {
    await expect(runInWorker({ kind: 'fail', how: 'exit' }, { isolation: 'process' })).rejects.toMatchObject({
      status: 503,
      message: 'a test task failed: its process exited (code 3) before answering',
    });
    await expect(runInWorker({ kind: 'fail', how: 'throw' }, { isolation: 'process' })).rejects.toMatchObject({ status: 503, message: 'a test task failed: asked to fail' });
  });

  it('a cancel kills the child at once and ends the request; nothing is left running', async () => {
    const ac = new AbortController();
    const { pid, onSpawn } = spawned();
    const p = runInWorker({ kind: 'fail', how: 'hang' }, { isolation: 'process', onSpawn, signal: ac.signal });
    const child = await pid;
    if (linux) {
      // A session of its own (so, with autogroups, a scheduling group of its own: its CPU is not charged to the host's).
      const session = (p: number) => Number(fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ')[3]);
      expect(session(child)).toBe(child);
      expect(session(process.pid)).not.toBe(child);
    }
    ac.abort();
    await expect(p).rejects.toMatchObject({ status: 409, message: 'a test task was cancelled' });
    expect(await gone(child)).toBe(true);
  });
});

describe.skipIf(!linux)('a host that dies', () => {
  it('takes its task child with it: the child ends at the closed channel instead of running on', async () => {
    const { spawn } = await import('node:child_process');
    const client = new URL('../../../service/worker/client.ts', import.meta.url).href;
    // The child's id is printed once its task runs (its first progress): killed earlier, a child still starting
    // would end for lack of work, whatever it does about a closed channel.
    const code = `const { runInWorker } = await import(${JSON.stringify(client)});
      let pid = 0;
      runInWorker({ kind: 'fail', how: 'hang' }, { isolation: 'process', onSpawn: (p) => (pid = p), onProgress: () => console.log(pid) }).catch(() => {});`;
    const host = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    const child = await new Promise<number>((resolve, reject) => {
      host.stdout.once('data', (b: Buffer) => resolve(Number(String(b).trim())));
      host.once('exit', () => reject(new Error('the host ended before its child started')));
    });
    expect(child).toBeGreaterThan(0);
    host.kill('SIGKILL');
    // Gone, or at most a zombie waiting for whoever adopted it: not running.
    let state = '';
    for (let t = 0; t < 5000; t += 25) {
      try {
        state = fs.readFileSync(`/proc/${child}/stat`, 'utf8').split(') ')[1]!.split(' ')[0]!;
      } catch {
        state = 'gone';
      }
      if (state === 'gone' || state === 'Z') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(['gone', 'Z']).toContain(state);
  });
});
