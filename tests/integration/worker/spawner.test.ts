// The spawner (service/worker/spawner.ts): a process forked once by the host
// that forks the FSRS tasks' children, so a fit or an evaluation never forks
// the host itself. The child is the spawner's, not the host's; the answer and
// the error paths are those of a worker-forked child; a dead spawner falls
// back to the worker path; an idle spawner neither keeps the host running nor
// outlives it.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fillEvaluateFixture } from '../../../bench/evaluateFixture.ts';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { loadBinding, requireBinding } from '../../../service/fsrs/binding.ts';
import { evaluateLog } from '../../../service/fsrs/evaluate.ts';
import { runInWorker } from '../../../service/worker/client.ts';
import { packLog } from '../../../service/worker/protocol.ts';
import { Spawner } from '../../../service/worker/spawner.ts';
import type { LoggedAnswer } from '../../../srs/eval/history.ts';
import { syntheticLog } from '../../../srs/eval/synthetic.ts';
import { tmpDir } from '../../helpers/tmp.ts';

const linux = process.platform === 'linux';

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, …]; null once the process is gone. */
function stat(pid: number): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return null;
  }
}

/** This process's running children that are spawners (Linux /proc). */
function spawnersOf(pid: number): number[] {
  const ids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return ids.filter((c) => {
    try {
      return stat(c)?.[0] !== 'Z' && fs.readFileSync(`/proc/${c}/cmdline`, 'utf8').split('\0').includes('--deeprecall-spawner');
    } catch {
      return false; // ended meanwhile
    }
  });
}

async function gone(pid: number, withinMs = 5000): Promise<boolean> {
  for (let t = 0; t < withinMs; t += 25) {
    const s = stat(pid);
    if (s === null || s[0] === 'Z') return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

describe.skipIf(!linux)('the spawner', () => {
  it('forks the task child itself (its parent is the spawner, not the host); the report equals the in-process one', async () => {
    const spawner = Spawner.start();
    try {
      expect(await spawner.ready).toBe(true);
      expect(spawner.pid).toBeGreaterThan(0);
      // The spawner lowered itself: its children start at nice 10.
      expect(Number(stat(spawner.pid!)![16])).toBe(10);
      const log = syntheticLog({ seed: 7, cards: 300, reviews: 5000 });
      let child = 0;
      const phases = new Set<string>();
      const report = await runInWorker({ kind: 'evaluate', file: null, log: packLog(log) }, {
        spawner,
        onSpawn: (pid) => {
          child = pid;
          expect(Number(stat(pid)?.[1])).toBe(spawner.pid); // ppid
        },
        onProgress: (phase) => phases.add(phase),
      });
      expect(child).toBeGreaterThan(0);
      expect(child).not.toBe(spawner.pid);
      expect(phases.has('read')).toBe(true);
      expect(report).toEqual(await evaluateLog(log, loadBinding()));
      expect(await gone(child)).toBe(true);
      expect(spawner.usable).toBe(true); // it stays for the next task
    } finally {
      spawner.close();
    }
  });

  it('a task error and a cancel end the request as through a worker; the cancelled child is killed', async () => {
    const spawner = Spawner.start();
    try {
      await spawner.ready;
      await expect(runInWorker({ kind: 'fail', how: 'throw' }, { isolation: 'process', spawner })).rejects.toMatchObject({ status: 503, message: 'a test task failed: asked to fail' });
      await expect(runInWorker({ kind: 'fail', how: 'exit' }, { isolation: 'process', spawner })).rejects.toMatchObject({
        status: 503,
        message: 'a test task failed: its process exited (code 3) before answering',
      });
      const ac = new AbortController();
      let resolvePid!: (pid: number) => void;
      const pid = new Promise<number>((r) => (resolvePid = r));
      const p = runInWorker({ kind: 'fail', how: 'hang' }, { isolation: 'process', spawner, signal: ac.signal, onSpawn: resolvePid });
      const child = await pid;
      expect(Number(stat(child)?.[1])).toBe(spawner.pid);
      ac.abort();
      await expect(p).rejects.toMatchObject({ status: 409, message: 'a test task was cancelled' });
      expect(await gone(child)).toBe(true);
    } finally {
      spawner.close();
    }
  });

  it('a spawner that dies fails its running task clearly, and the next task runs through a worker instead', async () => {
    const spawner = Spawner.start();
    await spawner.ready;
    const p = runInWorker({ kind: 'fail', how: 'hang' }, { isolation: 'process', spawner });
    await new Promise((r) => setTimeout(r, 100));
    process.kill(spawner.pid!, 'SIGKILL');
    await expect(p).rejects.toMatchObject({ status: 503, message: 'a test task failed: its spawner process was killed (SIGKILL) before answering' });
    expect(spawner.usable).toBe(false);
    let parent = 0;
    await expect(
      runInWorker({ kind: 'fail', how: 'throw' }, { isolation: 'process', spawner, onSpawn: (pid) => (parent = Number(stat(pid)?.[1])) }),
    ).rejects.toMatchObject({ message: 'a test task failed: asked to fail' });
    // Forked by the task's worker thread: a thread of this process.
    expect(parent).toBe(process.pid);
  });

  it('the app starts it once (FsrsService.startSpawner) and its evaluate job runs through it', async () => {
    const store = Store.open(path.join(tmpDir(), 'spawner.db'), { create: true });
    const app = new App(store, { now: () => Date.parse('2026-11-27T10:00:00Z'), utcOffsetMinutes: () => 0 });
    try {
      fillEvaluateFixture(store, syntheticLog({ seed: 11, cards: 300, reviews: 5000 }));
      // Two calls before the first has loaded: one spawner, not two (the second waits for the first).
      const [a, b] = await Promise.all([app.fsrs.startSpawner(), app.fsrs.startSpawner()]);
      expect([a, b]).toEqual([true, true]);
      const first = app.fsrs.spawner;
      expect(await app.fsrs.startSpawner()).toBe(true);
      expect(app.fsrs.spawner).toBe(first); // once
      expect(spawnersOf(process.pid)).toEqual([first!.pid]);
      // The spawner's children while the job runs (Linux: /proc/<pid>/task/<tid>/children).
      const sp = app.fsrs.spawner!.pid!;
      const children = new Set<string>();
      let watching = true;
      const watch = (async () => {
        while (watching) {
          for (const c of fs.readFileSync(`/proc/${sp}/task/${sp}/children`, 'utf8').trim().split(/\s+/)) if (c) children.add(c);
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      const job = await app.fsrs.jobs.wait((await app.client().fsrsJobStart({ kind: 'evaluate' })).id);
      watching = false;
      await watch;
      expect(job.error).toBeUndefined();
      expect(job.evaluate).toEqual(await evaluateLog(store.fsrs.answers() as LoggedAnswer[], loadBinding()));
      expect(children.size).toBe(1); // the evaluation's child was forked by the spawner
    } finally {
      app.fsrs.close();
      store.close();
    }
    // A loader injected by a test runs the tasks in this thread: there is nothing to spawn for.
    const other = new App(Store.open(path.join(tmpDir(), 'spawner2.db'), { create: true }), undefined, { fsrsBinding: () => requireBinding() });
    expect(await other.fsrs.startSpawner()).toBe(false);
    other.store.close();
  });

  it('an idle spawner does not keep its host running, and ends with it', async () => {
    const url = new URL('../../../service/worker/spawner.ts', import.meta.url).href;
    const code = `const { Spawner } = await import(${JSON.stringify(url)});
      const s = Spawner.start(); await s.ready; console.log(s.pid);`;
    const host = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve, reject) => {
      host.stdout.once('data', (b: Buffer) => resolve(Number(String(b).trim())));
      host.once('exit', () => reject(new Error('the host ended before its spawner was ready')));
    });
    expect(pid).toBeGreaterThan(0);
    // Nothing else to do: the host ends by itself (an idle spawner's channel is unref'd)…
    const code_ = await new Promise<number | null>((resolve) => host.once('exit', (c) => resolve(c)));
    expect(code_).toBe(0);
    // …and the spawner sees its channel close and ends too.
    expect(await gone(pid)).toBe(true);
  });
});
