// Task workers: Check database runs in one and reports what the in-process
// check reports, with progress; a worker that throws, dies or is cancelled
// ends its request with a clear error, never a hang.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../../db/doctor.ts';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { doctorContext } from '../../../service/doctor.ts';
import { runInWorker } from '../../../service/worker/client.ts';
import { packLog, packLogInSlices, unpackLog } from '../../../service/worker/protocol.ts';
import { drafts, fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

async function profile() {
  const store = Store.open(path.join(tmpDir(), 'w.db'), { create: true });
  store.cards.syncDeck({ id: 'd', name: 'd', sourcePath: null, sourceHash: 'h' }, drafts(5), 1);
  const clock = fakeClock('2026-01-05T02:00:00Z');
  const app = new App(store, clock);
  const api = app.client();
  for (const [id, q] of [['c0', 4], ['c1', 2], ['c1', 5], ['c2', 3]] as const) await api.answer({ cardId: id, quality: q, elapsedMs: 900 });
  return { store, app, api };
}

const withoutMs = <T extends { ms: number }>(r: T) => ({ ...r, ms: 0 });

describe('task workers', () => {
  it('Check database in a worker = in process, damage included; progress arrives, and as a job', async () => {
    const { store, app, api } = await profile();
    store.db.prepare("UPDATE card_state SET ease_factor = 1.9 WHERE card_id = 'c1'").run();
    const phases = new Set<string>();
    const { runDoctor } = await import('../../../service/doctor.ts');
    const inWorker = await runDoctor(app, { onProgress: (p) => phases.add(p) });
    expect(withoutMs(inWorker)).toEqual(withoutMs(checkDatabase(store.db, store.file, doctorContext(app))));
    expect(inWorker.checks.find((c) => c.name === 'states')!.count).toBe(1);
    expect(phases.has('history')).toBe(true);
    expect(withoutMs(await api.doctor())).toEqual(withoutMs(inWorker));

    const job = await api.doctorStart();
    expect(job.state).toBe('running');
    let j = job;
    while (j.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      j = await api.doctorStatus({ id: job.id });
    }
    expect(j.state).toBe('ready');
    expect(withoutMs(j.result!)).toEqual(withoutMs(inWorker));
    await expect(api.doctorStatus({ id: 'f'.repeat(32) })).rejects.toThrow(/no Check database job/);
    store.close();
  });

  it('a task that throws: its message, as an error response', async () => {
    await expect(runInWorker({ kind: 'fail', how: 'throw' })).rejects.toMatchObject({ status: 503, message: 'a test task failed: asked to fail' });
  });

  it('a worker that exits before answering: an error naming the exit, not a hung request', async () => {
    await expect(runInWorker({ kind: 'fail', how: 'exit' })).rejects.toThrow(/a test task failed: its worker exited \(code 3\) before answering/);
  });

  it('a worker that never answers can be cancelled; the request ends at once', async () => {
    const ac = new AbortController();
    const p = runInWorker({ kind: 'fail', how: 'hang' }, { signal: ac.signal });
    setTimeout(() => ac.abort(), 200);
    await expect(p).rejects.toMatchObject({ status: 409, message: 'a test task was cancelled' });
  });

  it.skipIf(process.platform !== 'linux')('a task worker runs at nice 10 while the host thread keeps its priority', async () => {
    // Linux: each thread's nice value is field 19 of /proc/self/task/<tid>/stat.
    const nices = () =>
      new Map(fs.readdirSync('/proc/self/task').flatMap((tid) => {
        try {
          return [[Number(tid), Number(fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16])] as const];
        } catch {
          return []; // a thread that ended while we read
        }
      }));
    const before = nices();
    const ac = new AbortController();
    const p = runInWorker({ kind: 'fail', how: 'hang' }, { signal: ac.signal });
    let lowered: number[] = [];
    for (let i = 0; i < 200 && lowered.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      lowered = [...nices()].filter(([tid, nice]) => !before.has(tid) && nice === 10).map(([tid]) => tid);
    }
    ac.abort();
    await expect(p).rejects.toMatchObject({ status: 409 });
    expect(lowered.length).toBeGreaterThan(0);
    expect(nices().get(process.pid)).toBe(before.get(process.pid));
  });

  it('a missing database file: a clear error from the worker', async () => {
    await expect(runInWorker({ kind: 'doctor', file: path.join(tmpDir(), 'none.db'), now: 0, today: 0 })).rejects.toThrow(/Check database failed: .*(unable to open|no such file|directory does not exist)/i);
  });

  it('a review log crosses into the worker as transferable arrays, unchanged', async () => {
    const log = [{ cardId: 'a', at: 1.5e12, day: 20000, quality: 4 }, { cardId: 'b', at: 1.5e12 + 1, day: 20001, quality: 0 }, { cardId: 'a', at: 1.6e12, day: 20100, quality: 5 }];
    expect(unpackLog(packLog(log))).toEqual(log);
    expect(await packLogInSlices(log, 2)).toEqual(packLog(log)); // packed across slices: the same arrays
  });
});
