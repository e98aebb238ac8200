// Check database runs as two workers (service/doctor.ts runDoctor): both
// report, the report equals the in-process check, a file with damaged pages
// gets the damage alone, and cancelling ends the request at once.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../../db/doctor.ts';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { doctorVerdict, type JobResult } from '../../../db/doctorJobs.ts';
import { ApiError } from '../../../service/contract/common.ts';
import { combine, doctorContext, firstDamageOrAll, runDoctor } from '../../../service/doctor.ts';
import type { ShareAnswer } from '../../../service/worker/doctorShare.ts';
import { PROGRESS_TOTAL } from '../../../service/doctorProgress.ts';
import { drafts, fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

async function profile(name: string) {
  const file = path.join(tmpDir(), name);
  const store = Store.open(file, { create: true });
  store.cards.syncDeck({ id: 'd', name: 'd', sourcePath: null, sourceHash: 'h' }, drafts(6), 1);
  const app = new App(store, fakeClock('2026-01-05T02:00:00Z'));
  for (const [id, q] of [['c0', 4], ['c1', 2], ['c1', 5], ['c2', 3], ['c3', 1]] as const) await app.client().answer({ cardId: id, quality: q, elapsedMs: 900 });
  return { file, store, app };
}

const withoutMs = <T extends { ms: number }>(r: T) => ({ ...r, ms: 0 });

describe('Check database in two workers', () => {
  it('both halves report progress into one bar that ends full; the report is the in-process one', async () => {
    const { store, app } = await profile('two.db');
    store.db.prepare("UPDATE card_state SET interval_days = 9 WHERE card_id = 'c2'").run();
    const seen: { phase: string; done: number }[] = [];
    const report = await runDoctor(app, { onProgress: (phase, done, total) => {
      expect(total).toBe(PROGRESS_TOTAL);
      seen.push({ phase, done });
    } });
    expect(withoutMs(report)).toEqual(withoutMs(checkDatabase(store.db, store.file, doctorContext(app))));
    expect(report.checks.find((c) => c.name === 'states')!.count).toBe(1);
    expect(seen.map((s) => s.done)).toEqual([...seen.map((s) => s.done)].sort((a, b) => a - b));
    expect(seen.at(-1)!.done).toBe(PROGRESS_TOTAL);
    expect(seen.some((s) => s.phase === 'history')).toBe(true);
    store.close();
  });

  it('damaged pages: the report is the damage alone, as in process', async () => {
    const { file, store } = await profile('damaged.db');
    store.close();
    const raw = new Database(file);
    raw.unsafeMode(true);
    raw.pragma('writable_schema = ON');
    raw.prepare("UPDATE sqlite_schema SET sql = 'CREATE INDEX reviews_day ON reviews(quality)' WHERE name = 'reviews_day'").run();
    raw.pragma('writable_schema = OFF');
    raw.close();
    const again = Store.open(file);
    const app = new App(again, fakeClock('2026-01-05T03:00:00Z'));
    const report = await runDoctor(app);
    expect(report.checks.map((c) => c.name)).toEqual(['integrity']);
    expect(report.ok).toBe(false);
    expect(withoutMs(report)).toEqual(withoutMs(checkDatabase(again.db, file, doctorContext(app))));
    again.close();
  });

  it('cancelling stops both workers: the request ends with 409 at once', async () => {
    const { store, app } = await profile('cancel.db');
    const ac = new AbortController();
    const p = runDoctor(app, { signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toMatchObject({ status: 409, message: 'Check database was cancelled' });
    store.close();
  });
});

describe('Check database when a worker fails', () => {
  it('a job that throws in one worker fails the whole check with its error (503), not a hang; the other worker is stopped', async () => {
    const { store, app } = await profile('fails.db');
    // The log job's orphan query reads mock_answers; no other job does: exactly one worker meets the error.
    store.db.pragma('foreign_keys = OFF');
    store.db.exec('DROP TABLE mock_answers');
    expect(() => checkDatabase(store.db, store.file, doctorContext(app))).toThrow(/mock_answers/);
    await expect(runDoctor(app)).rejects.toMatchObject({ status: 503, message: expect.stringMatching(/^Check database failed: .*no such table: mock_answers/) });
    store.close();
  });

  it('a worker that dies before answering rejects at once, even while the other never answers', async () => {
    const never = new Promise<ShareAnswer>(() => undefined);
    const dead = Promise.reject(new ApiError(503, 'Check database failed: its worker exited (code 1) before answering'));
    await expect(firstDamageOrAll([never, dead])).rejects.toMatchObject({ status: 503, message: expect.stringMatching(/exited/) });
  });

  it('answers that leave a job undone, or were planned differently, are a clear error', () => {
    const quick: JobResult = { kind: 'quick', problems: [], counts: null };
    const keys = ['log::', 'quick::', 'side::'];
    expect(() => combine([{ keys, tables: [], results: [[1, quick]] }, { keys, tables: [], results: [] }])).toThrow(/2 of its 3 jobs were not run/);
    expect(() => combine([{ keys, tables: [], results: [[1, quick]] }, { keys: keys.slice(1), tables: [], results: [] }])).toThrow(/planned different work/);
  });
});

describe('Check database verdict', () => {
  it('damage quick_check led to is the report alone, whatever else was (or was not) run', () => {
    const damage: JobResult = { kind: 'quick', problems: ['Page 7: btreeInitPage() returns error code 11'], counts: { cards: 3, reviews: -1 } };
    expect(combine([{ keys: ['log::', 'quick::'], tables: [], results: [[1, damage]] }, { keys: ['log::', 'quick::'], tables: [], results: [] }]).results).toEqual([damage]);
    expect(doctorVerdict({ jobs: [], tables: [] }, [damage])).toEqual({ integrity: { problems: damage.problems, counts: { cards: 3, reviews: -1 } }, logic: null });
    // No quick_check answer at all: only SQLite's full check can say.
    expect(doctorVerdict({ jobs: [], tables: [] }, []).integrity).toBe('doubt');
  });
});
