// Check database runs as two workers (service/doctor.ts runDoctor): both
// report, the report equals the in-process check, a file with damaged pages
// gets the damage alone, and cancelling ends the request at once.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../../db/doctor.ts';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { doctorContext, runDoctor } from '../../../service/doctor.ts';
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
