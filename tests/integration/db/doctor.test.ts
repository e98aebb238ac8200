// Check database: each kind of damage is found, repair writes a readable
// backup first and rebuilds exactly the state the log implies, and a file
// damaged at the SQLite level is refused rather than "repaired".
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import { checkDatabase, repairDatabase, stateMismatches, type CheckName, type DoctorReport } from '../../../db/doctor.ts';
import { DbError } from '../../../db/errors.ts';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { drafts, fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

const DAY = 86_400_000;

/** Four days of study with drills and an undo: a history whose states are all consistent. */
async function profile() {
  const file = path.join(tmpDir(), 'doctor.db');
  const store = Store.open(file, { create: true });
  store.cards.syncDeck({ id: 'd', name: 'd', sourcePath: null, sourceHash: 'h' }, drafts(6), 1);
  const clock = fakeClock('2026-01-05T02:00:00Z'); // in the past: the CLI below checks with the real clock
  const api = new App(store, clock).client();
  for (let d = 0; d < 4; d++) {
    for (const [id, q] of [['c0', 5], ['c1', 2], ['c1', 4], ['c2', 3], ['c3', 1], ['c3', 1], ['c3', 5]] as const) {
      await api.answer({ cardId: id, quality: q, elapsedMs: 1000 });
    }
    if (d === 2) await api.undo();
    clock.advance(DAY);
  }
  await api.answer({ cardId: 'c4', quality: 4, elapsedMs: 1000 });
  await api.undo(); // c4 back to new: no state, is_new again
  return { file, store, api };
}

const failing = (r: DoctorReport) => r.checks.filter((c) => !c.ok).map((c) => c.name).sort();
const state = (store: Store, id: string) => store.db.prepare('SELECT * FROM card_state WHERE card_id = ?').get(id);
const backups = (file: string) => fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.doctor-'));

describe('checkDatabase', () => {
  it('passes a consistent history with drills and undos', async () => {
    const { store, file } = await profile();
    const r = checkDatabase(store.db, file);
    expect(failing(r)).toEqual([]);
    expect(r).toMatchObject({ ok: true, repairable: false, cards: 6 });
    expect(r.checks.map((c) => c.name)).toEqual(['integrity', 'foreignKeys', 'orphanHistory', 'orphanStates', 'states', 'newFlags', 'clock', 'templates'] satisfies CheckName[]);
    expect(stateMismatches(store.db)).toEqual([]);
  });

  it('finds a state that disagrees with its log, and repair restores exactly what the log implies', async () => {
    const { store, file } = await profile();
    const good = state(store, 'c1');
    store.db.prepare("UPDATE card_state SET ease_factor = 2.0, due_day = due_day + 3 WHERE card_id = 'c1'").run();
    const r = checkDatabase(store.db, file);
    expect(failing(r)).toEqual(['states']);
    expect(r.checks.find((c) => c.name === 'states')).toMatchObject({ count: 1, repairable: true });
    expect(r.checks.find((c) => c.name === 'states')!.samples[0]).toMatch(/^card c1: stored n=\d+ EF=2 /);

    const fixed = repairDatabase(store.db, file);
    expect(fixed).toMatchObject({ rebuiltStates: 1, removedStates: 0, fixedNewFlags: 0, after: { ok: true } });
    expect(state(store, 'c1')).toEqual(good);
    // The backup is a complete, openable copy of the file as it was before the repair.
    expect(path.dirname(fixed.backup!)).toBe(path.dirname(file));
    const bak = new Database(fixed.backup!, { readonly: true });
    expect(bak.prepare("SELECT ease_factor FROM card_state WHERE card_id = 'c1'").pluck().get()).toBe(2.0);
    expect(bak.pragma('integrity_check', { simple: true })).toBe('ok');
    bak.close();
  });

  it('finds a state without a log and a log without a state; repair deletes and rebuilds, fixing the new flags', async () => {
    const { store, file } = await profile();
    const c0 = state(store, 'c0');
    store.db.prepare("INSERT INTO card_state VALUES ('c5', 1, 2.5, 1, 10, 0, 3)").run(); // c5 was never answered
    store.db.prepare("DELETE FROM card_state WHERE card_id = 'c0'").run();
    const r = checkDatabase(store.db, file);
    expect(failing(r)).toEqual(['newFlags', 'states']);
    expect(r.checks.find((c) => c.name === 'states')!.count).toBe(2);
    expect(r.checks.find((c) => c.name === 'newFlags')!.samples).toEqual(['card c0 is marked studied but has no schedule', 'card c5 is marked new but has a schedule']);

    const fixed = repairDatabase(store.db, file);
    expect(fixed).toMatchObject({ rebuiltStates: 1, removedStates: 1, after: { ok: true } });
    expect(state(store, 'c0')).toEqual(c0);
    expect(state(store, 'c5')).toBeUndefined();
    expect(store.cards.byId('c5')!.isNew).toBe(true);
    expect(store.cards.byId('c0')!.isNew).toBe(false);
  });

  it('reports orphaned history without deleting it, and removes orphaned states', async () => {
    const { store, file } = await profile();
    const reviews = store.db.prepare('SELECT count(*) FROM reviews').pluck().get();
    // Foreign keys off, as an old build or a hand edit might have had them: the card goes, its rows stay.
    store.db.pragma('foreign_keys = OFF');
    store.db.prepare("DELETE FROM cards WHERE id = 'c0'").run();
    store.db.pragma('foreign_keys = ON');
    const r = checkDatabase(store.db, file);
    expect(failing(r)).toEqual(['foreignKeys', 'orphanHistory', 'orphanStates']);
    expect(r.checks.find((c) => c.name === 'orphanHistory')).toMatchObject({ count: 4, repairable: false });
    expect(r.checks.find((c) => c.name === 'orphanHistory')!.samples[0]).toMatch(/^review \d+ refers to missing card c0$/);
    expect(r.checks.find((c) => c.name === 'orphanStates')!.samples).toEqual(['state of missing card c0']);
    expect(r.checks.find((c) => c.name === 'foreignKeys')).toMatchObject({ count: 5, repairable: false });

    const fixed = repairDatabase(store.db, file);
    expect(fixed.removedStates).toBe(1);
    expect(failing(fixed.after)).toEqual(['foreignKeys', 'orphanHistory']);
    expect(store.db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(reviews);
  });

  it('does nothing, not even a backup, when there is nothing to repair', async () => {
    const { store, file } = await profile();
    expect(repairDatabase(store.db, file)).toMatchObject({ backup: null, rebuiltStates: 0, after: { ok: true } });
    expect(backups(file)).toEqual([]);
  });

  it('refuses to repair a file damaged at the SQLite level, and writes nothing', async () => {
    const { store, file } = await profile();
    store.db.prepare("UPDATE card_state SET ease_factor = 2.0 WHERE card_id = 'c1'").run();
    // Flip bits in the last cells of an index page: the index no longer matches its table.
    const root = store.db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'reviews_day'").pluck().get() as number;
    const size = store.db.pragma('page_size', { simple: true }) as number;
    store.close(); // the last connection checkpoints the WAL into the file
    const fd = fs.openSync(file, 'r+');
    const page = Buffer.alloc(size);
    fs.readSync(fd, page, 0, size, (root - 1) * size);
    for (let i = size - 24; i < size; i++) page[i]! ^= 1;
    fs.writeSync(fd, page, 0, size, (root - 1) * size);
    fs.closeSync(fd);
    const db = new Database(file);
    const r = checkDatabase(db, file);
    expect(failing(r)).toEqual(['integrity']);
    expect(r.checks).toHaveLength(1);
    expect(r.checks[0]!.samples.join(' ')).toMatch(/reviews_day/);
    expect(() => repairDatabase(db, file)).toThrow(DbError);
    expect(() => repairDatabase(db, file)).toThrow(/integrity check failed/);
    expect(db.prepare("SELECT ease_factor FROM card_state WHERE card_id = 'c1'").pluck().get()).toBe(2.0);
    expect(backups(file)).toEqual([]);
    db.close();
  });
});

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'deeprecall', ...argv], { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

describe('deeprecall doctor', () => {
  it('exits 0 on a healthy file, 1 with a readable list when something is wrong, and --repair fixes it', async () => {
    const { store, file } = await profile();
    store.db.prepare("UPDATE card_state SET lapses = 9 WHERE card_id = 'c2'").run();
    store.db.prepare("UPDATE cards SET is_new = 0 WHERE id = 'c5'").run();
    store.close();

    const bad = await cli('doctor', '--db', file);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/FAIL {2}schedules that disagree with their review log: 1 \(repairable\)/);
    expect(bad.out).toMatch(/card c2: stored .*lapses=9/);
    expect(bad.out).toMatch(/doctor --repair/);
    expect(bad.err.trim().split('\n')).toEqual(['deeprecall: the database has problems (see above)']);

    const fixed = await cli('doctor', '--db', file, '--repair', '--json');
    expect(fixed.code).toBe(0);
    const r = JSON.parse(fixed.out);
    expect(r).toMatchObject({ rebuiltStates: 1, fixedNewFlags: 1, after: { ok: true } });
    expect(fs.existsSync(r.backup)).toBe(true);

    const good = await cli('doctor', '--db', file, '--json');
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out)).toMatchObject({ ok: true, cards: 6 });
  });

  it('a missing file: one line naming it', async () => {
    const file = path.join(tmpDir(), 'none.db');
    const r = await cli('doctor', '--db', file);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(file);
    expect(fs.existsSync(file)).toBe(false);
  });
});
