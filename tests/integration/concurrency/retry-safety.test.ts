// Browser mode and Electron retry a request WHOLE when it meets another
// process's write lock (service/busy.ts). That is only right if a BUSY at
// any of the handler's write transactions, then a retry, ends exactly as a
// run that never met the lock. For each multi-write method of the audit
// (docs/RETRIES.md) this runs the method once cleanly, then once per write
// transaction of that clean run with SQLITE_BUSY injected at it, each on its
// own copy of the same profile and clock, and compares the results, every
// table, and the files beside the profile (backups must not double).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { drafts, fakeClock } from '../../helpers/drafts.ts';
import { dumpTables, openBusyStore } from '../../helpers/busyInject.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { answer, writeTree } from '../folders/setup.ts';

type Clock = ReturnType<typeof fakeClock>;

interface Case {
  /** Build the profile every run starts from (and anything on disk it needs). */
  seed(app: App, store: Store, clock: Clock, dir: string): Promise<void> | void;
  /** Move the clock before the method runs (same in every run). */
  advanceMs?: number;
  method: string;
  args: unknown;
}

/** Results and names compare across runs once the run's own folder and wall-clock stamps are taken out. */
function normalize(v: unknown, dir: string): unknown {
  return JSON.parse(
    JSON.stringify(v, (k, x: unknown) => {
      if (k === 'ms') return undefined; // timings of the doctor's check
      return typeof x === 'string' ? x.split(dir).join('<dir>').replace(/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d+Z/g, '<stamp>') : x;
    }),
  ) as unknown;
}

const filesBeside = (dir: string) => fs.readdirSync(dir).filter((f) => !/-(wal|shm)$/.test(f)).map((f) => f.replace(/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d+Z/g, '<stamp>')).sort();

async function runOnce(base: string, c: Case, injectAt: number | null) {
  const dir = tmpDir('deeprecall-retry-');
  const file = path.join(dir, 'profile.db');
  fs.copyFileSync(base, file);
  const b = openBusyStore(file);
  const clock = fakeClock();
  clock.advance(c.advanceMs ?? 0);
  const app = new App(b.store, clock, { busyRetryMs: 5_000 });
  const before = b.writes.length;
  if (injectAt !== null) b.arm(injectAt);
  try {
    const result = await app.dispatch(c.method, c.args);
    return { result: normalize(result, dir), tables: dumpTables(b.store.db), files: filesBeside(dir), writes: b.writes.slice(before), fired: b.fired() };
  } finally {
    b.store.close();
  }
}

async function expectRetrySafe(c: Case): Promise<string[]> {
  const seedDir = tmpDir('deeprecall-retry-seed-');
  const base = path.join(seedDir, 'base.db');
  const store = Store.open(base, { create: true });
  const clock = fakeClock();
  await c.seed(new App(store, clock), store, clock, seedDir);
  store.close();
  const clean = await runOnce(base, c, null);
  expect(clean.writes.length).toBeGreaterThan(0);
  for (let k = 0; k < clean.writes.length; k++) {
    const retried = await runOnce(base, c, k);
    const where = `${c.method}: BUSY at write ${k + 1} of ${clean.writes.length} (${clean.writes[k]!.slice(0, 60)})`;
    expect(retried.fired, where).toBe(true);
    expect(retried.result, where).toEqual(clean.result);
    expect(retried.tables, where).toEqual(clean.tables);
    expect(retried.files, where).toEqual(clean.files);
  }
  return clean.writes;
}

/** Cards with a few answers over three days. */
function withHistory(store: Store, clock: Clock) {
  store.cards.syncDeck({ id: 'd', name: 'd', sourcePath: null, sourceHash: 'h' }, drafts(12), clock.now());
  for (const [i, id] of ['c0', 'c1', 'c2', 'c3'].entries()) {
    answer(store, id, 4, 20_000 + i);
    answer(store, id, i % 2 ? 2 : 5, 20_003 + i);
  }
}

describe('a request retried after a BUSY at any of its write transactions ends as a clean run', () => {
  it('mockHistory closing a mock whose time ran out (its time-outs feed SM-2)', async () => {
    const writes = await expectRetrySafe({
      seed: async (app, store, clock) => {
        withHistory(store, clock);
        await app.dispatch('mockStart', { questions: 3, perQuestionSeconds: 60, seed: 7 });
      },
      advanceMs: 3_600_000,
      method: 'mockHistory',
      args: { limit: 10, offset: 0 },
    });
    expect(writes).toHaveLength(1); // settled in one transaction
  }, 60_000);

  it('switchScheduler SM-2 → FSRS (backup, then the conversion)', async () => {
    await expectRetrySafe({ seed: (_a, store, clock) => withHistory(store, clock), method: 'switchScheduler', args: { scheduler: 'fsrs' } });
  }, 60_000);

  it('updateSettings switching scheduler and another setting (backup, conversion, then the rest)', async () => {
    const writes = await expectRetrySafe({ seed: (_a, store, clock) => withHistory(store, clock), method: 'updateSettings', args: { scheduler: 'fsrs', newPerDay: 7 } });
    expect(writes.length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('switchScheduler FSRS → SM-2 (backup, then the setting)', async () => {
    await expectRetrySafe({
      seed: async (app, store, clock) => {
        withHistory(store, clock);
        await app.dispatch('switchScheduler', { scheduler: 'fsrs' });
        for (const f of fs.readdirSync(path.dirname(store.file))) if (f.endsWith('.bak')) fs.rmSync(path.join(path.dirname(store.file), f));
      },
      method: 'switchScheduler',
      args: { scheduler: 'sm2' },
    });
  }, 60_000);

  it('resetFsrsWeights under FSRS (weights and memories together)', async () => {
    const writes = await expectRetrySafe({
      seed: async (app, store, clock) => {
        withHistory(store, clock);
        await app.dispatch('switchScheduler', { scheduler: 'fsrs' });
        store.settings.set('fsrsWeights', { weights: Array.from({ length: 21 }, (_, i) => 0.5 + i / 100), fittedAt: 1, answers: 8 });
        for (const f of fs.readdirSync(path.dirname(store.file))) if (f.endsWith('.bak')) fs.rmSync(path.join(path.dirname(store.file), f));
      },
      method: 'resetFsrsWeights',
      args: {},
    });
    expect(writes).toHaveLength(1);
  }, 60_000);

  it('repairDb (backup, then the fix)', async () => {
    await expectRetrySafe({
      seed: (_a, store, clock) => {
        withHistory(store, clock);
        store.db.prepare("UPDATE card_state SET due_day = due_day + 9 WHERE card_id IN ('c1', 'c2')").run();
      },
      method: 'repairDb',
      args: {},
    });
  }, 60_000);

  it('importPaths of a folder in two batches that also retires a vanished note', async () => {
    const notes: Record<string, string> = {};
    for (let i = 0; i < 260; i++) notes[`n${String(i).padStart(3, '0')}.md`] = `# N${i}\n\nQ${i}::A${i}\n`;
    let root = '';
    const writes = await expectRetrySafe({
      seed: async (app, _store, _clock, dir) => {
        root = path.join(dir, 'notes');
        writeTree(root, { ...notes, 'gone.md': '# G\n\nQg::Ag\n' });
        await app.dispatch('importPaths', { paths: [root] });
        fs.rmSync(path.join(root, 'gone.md'));
        writeTree(root, Object.fromEntries(Object.entries(notes).map(([k, v]) => [k, `${v}\nExtra::more\n`])));
      },
      get args() {
        return { paths: [root] };
      },
      method: 'importPaths',
    });
    expect(writes).toHaveLength(3); // two batches and one retired deck
  }, 120_000);

  it('answer with an answerId', async () => {
    await expectRetrySafe({ seed: (_a, store, clock) => withHistory(store, clock), method: 'answer', args: { cardId: 'c5', quality: 4, elapsedMs: 900, answerId: 'retry-answer-1' } });
  }, 60_000);
});

describe('restoreBackup while another connection holds the write lock', () => {
  it('waits and restores (it used to report success having copied nothing), with one backup of the replaced data', async () => {
    const { writeBackup } = await import('../../../service/export/backup.ts');
    const { SHORT_BUSY_TIMEOUT_MS } = await import('../../../service/busy.ts');
    const Database = (await import('better-sqlite3')).default;
    const dir = tmpDir('deeprecall-restore-lock-');
    const source = Store.open(path.join(dir, 'source.db'), { create: true });
    withHistory(source, fakeClock());
    const bak = path.join(dir, 'source.bak');
    await writeBackup(source, bak);
    source.close();

    const file = path.join(dir, 'profile.db');
    const store = Store.open(file, { create: true });
    store.cards.syncDeck({ id: 'other', name: 'other', sourcePath: null, sourceHash: 'o' }, drafts(3).map((d) => ({ ...d, id: `o-${d.id}`, deck: 'other' })), 1);
    store.setBusyTimeout(SHORT_BUSY_TIMEOUT_MS);
    const app = new App(store, fakeClock(), { busyRetryMs: 10_000 });
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('lockTest', '1')").run();
    // Held until 300 ms after the backup of the replaced data appears: the page copy, which follows it at once, meets the lock.
    let released = false;
    const poll = setInterval(() => {
      if (!fs.readdirSync(dir).some((f) => f.includes('before-restore'))) return;
      clearInterval(poll);
      setTimeout(() => {
        holder.exec('COMMIT');
        holder.close();
        released = true;
      }, 300);
    }, 5);
    try {
      const r = (await app.dispatch('restoreBackup', { base64: fs.readFileSync(bak).toString('base64'), overwrite: true })) as { restored: boolean; reviews: number };
      expect(released).toBe(true);
      expect(r).toMatchObject({ restored: true, reviews: 8 });
      expect(store.db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(8);
      expect(store.db.prepare("SELECT count(*) FROM cards WHERE deck_id = 'other'").pluck().get()).toBe(0);
      expect(fs.readdirSync(dir).filter((f) => f.includes('before-restore'))).toHaveLength(1);
    } finally {
      clearInterval(poll);
      if (holder.open) holder.close();
      store.close();
    }
  }, 30_000);
});
