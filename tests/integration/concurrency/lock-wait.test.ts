// Another process holds the write lock (a CLI import, here a child that
// holds BEGIN IMMEDIATE until told to let go). Browser mode must keep
// serving reads meanwhile, and an answer must wait for the lock and then
// succeed, not fail with "database is locked" nor freeze the server while
// it waits (issue 12.5). The assertions are about order, not timings: the
// read is answered while the answer is still waiting and the lock still held.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBusy, retryWhileBusy } from '../../../service/busy.ts';
import { callApi, spawnServe, type Served, type ServeInfo } from '../../helpers/serve.ts';
import { holdWriteLock } from '../../helpers/writeLock.ts';

type Result<T> = { result: T };

let dir: string;
let file: string;
let served: Served;
let s: ServeInfo;

describe('another process holds the write lock', () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-lock-'));
    file = path.join(dir, 'profile.db');
    served = spawnServe(file);
    s = await served.ready;
  }, 90_000);

  afterAll(async () => {
    served?.child.kill('SIGTERM');
    await served?.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads are served while an answer waits for the lock; the answer succeeds once it is released', async () => {
    const next = await callApi(s, 'nextCard');
    const cardId = (next.body as Result<{ card: { id: string } }>).result.card.id;
    const lock = await holdWriteLock(file);
    try {
      let answered: { status: number; body: unknown } | null = null;
      const answer = callApi(s, 'answer', { cardId, quality: 4, elapsedMs: 1000, answerId: 'lock-wait-answer-1' }).then((r) => (answered = r));
      // Give the answer time to reach the server and meet the lock (if it arrives later, the read below still passes).
      await new Promise((r) => setTimeout(r, 500));
      const read = await callApi(s, 'listCards', { limit: 5 });
      expect(read.status).toBe(200);
      expect((read.body as Result<{ cards: unknown[] }>).result.cards).toHaveLength(5);
      // The read was served while the answer still waited: the server did not block on the lock.
      expect(answered).toBeNull();
      expect(lock.released()).toBe(false);
      const r = await Promise.all([answer, lock.release()]).then(([a]) => a);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(lock.released()).toBe(true);
    } finally {
      if (lock.child.exitCode === null) lock.child.kill('SIGKILL');
    }
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM reviews WHERE client_id = 'lock-wait-answer-1'").pluck().get()).toBe(1);
      expect(db.prepare("SELECT value FROM settings WHERE key = 'lockTest'").pluck().get()).toBe('1');
    } finally {
      db.close();
    }
  }, 60_000);
});

describe('retryWhileBusy', () => {
  const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
  const fakeTimers = () => {
    let t = 0;
    const waits: number[] = [];
    return { waits, timers: { now: () => t, sleep: async (ms: number) => void (waits.push(ms), (t += ms)) } };
  };

  it('retries a busy handler with growing waits until it succeeds', async () => {
    const { waits, timers } = fakeTimers();
    let calls = 0;
    const v = await retryWhileBusy(() => {
      if (++calls < 5) throw busy();
      return 'done';
    }, 10_000, timers);
    expect(v).toBe('done');
    expect(waits).toEqual([10, 20, 40, 80]);
  });

  it('gives up with the busy error after the budget, and never retries other errors', async () => {
    const { waits, timers } = fakeTimers();
    const e = await retryWhileBusy(() => { throw busy(); }, 1000, timers).catch((x: unknown) => x);
    expect(isBusy(e)).toBe(true);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(1000);
    let calls = 0;
    const other = await retryWhileBusy(() => { calls++; throw new Error('constraint'); }, 1000, timers).catch((x: unknown) => x);
    expect((other as Error).message).toBe('constraint');
    expect(calls).toBe(1);
  });
});
