// Backup → restore into an empty profile reproduces the stats exactly; bad
// backups are refused with a clear error and change nothing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../db/migrations/index.ts';
import { APPLICATION_ID } from '../../../db/open.ts';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { restoreBackup, writeBackup } from '../../../service/export/backup.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { statsProfile, zoneClock } from './setup.ts';

async function studied() {
  const ctx = statsProfile();
  await ctx.api.answer({ cardId: 'a', quality: 5, elapsedMs: 100 });
  await ctx.api.answer({ cardId: 'b', quality: 1, elapsedMs: 100 });
  await ctx.api.answer({ cardId: 'b', quality: 5, elapsedMs: 100 });
  ctx.clock.set('2026-03-12T02:00:00Z');
  await ctx.api.answer({ cardId: 'a', quality: 4, elapsedMs: 100 });
  await ctx.api.setSuspended({ id: 's', suspended: true });
  return ctx;
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const stateOf = (file: string) => ({ hash: sha(file), files: fs.readdirSync(path.dirname(file)).sort() });

function emptyProfile() {
  const file = path.join(tmpDir(), 'fresh.db');
  const store = Store.open(file, { create: true });
  const app = new App(store, zoneClock('2026-03-12T02:00:00Z', 480));
  return { file, store, app, api: app.client() };
}

describe('backup and restore', () => {
  it('restoring into an empty profile reproduces every stat exactly', async () => {
    const src = await studied();
    const bak = path.join(tmpDir(), 'b.sqlite');
    await writeBackup(src.store, bak);
    const dst = emptyProfile();
    const r = await restoreBackup(dst.store, bak, { overwrite: false });
    expect(r).toMatchObject({ cards: 7, reviews: 4, schemaVersion: LATEST_VERSION, previousBackup: null });
    for (const range of ['1m', 'all'] as const) {
      for (const section of [undefined, ['卷积']]) {
        expect(await dst.api.stats({ range, section })).toEqual(await src.api.stats({ range, section }));
      }
    }
    // The restored profile keeps working: the next answer lands in its stats.
    await dst.api.answer({ cardId: 'k', quality: 4, elapsedMs: 1 });
    expect((await dst.api.stats({})).totals.reviews).toBe(5);
  });

  it('over existing data: refused without overwrite, and backed up first with it', async () => {
    const src = await studied();
    const bak = path.join(tmpDir(), 'b.sqlite');
    await writeBackup(src.store, bak);
    const other = await studied();
    await other.api.answer({ cardId: 'k', quality: 3, elapsedMs: 1 });
    const before = stateOf(other.file);
    await expect(restoreBackup(other.store, bak, { overwrite: false })).rejects.toThrow(/already has cards or reviews/);
    expect(stateOf(other.file)).toEqual(before);
    const r = await restoreBackup(other.store, bak, { overwrite: true });
    expect(r.previousBackup).toMatch(/before-restore-.*\.bak$/);
    expect((await other.api.stats({})).totals.reviews).toBe(4);
    const saved = new Database(r.previousBackup!, { readonly: true });
    expect(saved.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(5);
    saved.close();
  });

  it('a truncated, foreign, newer, damaged or non-SQLite file is refused and nothing changes', async () => {
    const live = await studied();
    const dir = tmpDir();
    const good = path.join(dir, 'good.sqlite');
    await writeBackup(live.store, good);
    const bytes = fs.readFileSync(good);
    const cases: [string, (f: string) => void, RegExp][] = [
      ['truncated', (f) => fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2))), /truncated/],
      ['half a page', (f) => fs.writeFileSync(f, bytes.subarray(0, 5000)), /truncated/],
      ['not sqlite', (f) => fs.writeFileSync(f, 'hello, this is not a database at all'), /not a SQLite database/],
      ['empty', (f) => fs.writeFileSync(f, ''), /empty/],
      ['foreign', (f) => { const d = new Database(f); d.exec('CREATE TABLE x (a)'); d.close(); }, /not a DeepRecall backup/],
      ['newer', (f) => { fs.writeFileSync(f, bytes); const d = new Database(f); d.pragma(`user_version = ${LATEST_VERSION + 1}`); d.close(); }, /newer DeepRecall/],
      ['damaged', (f) => {
        const b = Buffer.from(bytes);
        const pageSize = b.readUInt16BE(16);
        const probe = new Database(good, { readonly: true });
        const root = probe.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'cards'").pluck().get() as number;
        probe.close();
        b.fill(0xff, (root - 1) * pageSize, (root - 1) * pageSize + 12); // an invalid b-tree page header
        fs.writeFileSync(f, b);
      }, /damaged/],
    ];
    for (const [name, make, message] of cases) {
      const f = path.join(dir, `${name}.sqlite`);
      make(f);
      const before = stateOf(live.file);
      const stats = await live.api.stats({ range: 'all' });
      await expect(restoreBackup(live.store, f, { overwrite: true }), name).rejects.toThrow(message);
      await expect(restoreBackup(live.store, f, { overwrite: true })).rejects.toThrow(/nothing was changed/);
      expect(stateOf(live.file), name).toEqual(before);
      expect(await live.api.stats({ range: 'all' })).toEqual(stats);
    }
    expect(APPLICATION_ID).toBeGreaterThan(0);
  });

  it('an older-schema backup is upgraded on the way in', async () => {
    const dir = tmpDir();
    const old = path.join(dir, 'v1.sqlite');
    const d = new Database(old);
    const { MIGRATIONS } = await import('../../../db/migrations/index.ts');
    d.exec('BEGIN');
    MIGRATIONS[0]!.up(d);
    d.pragma('user_version = 1');
    d.pragma(`application_id = ${APPLICATION_ID}`);
    d.exec("INSERT INTO decks (id, name) VALUES ('d', 'D')");
    d.exec(`INSERT INTO cards (id, deck_id, kind, section, card_key, front, back, ord, content_hash, created_at, updated_at)
            VALUES ('x', 'd', 'term', '["旧"]', 'x', 'f', 'b', 1, 'h', 0, 0)`);
    d.exec(`INSERT INTO reviews (card_id, reviewed_at, day, quality, elapsed_ms, mode, reps_after, ease_after, ivl_after, due_after, lapses_after)
            VALUES ('x', ${Date.parse('2026-03-11T02:00:00Z')}, ${Math.floor(Date.parse('2026-03-11T00:00:00Z') / 86400000)}, 4, 10, 'review', 1, 2.5, 1, 0, 0)`);
    d.exec('COMMIT');
    d.close();
    const dst = emptyProfile();
    const r = await restoreBackup(dst.store, old, { overwrite: false });
    expect(r.schemaVersion).toBe(1);
    expect(dst.store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const s = await dst.api.stats({ range: 'all' });
    expect(s.totals.reviews).toBe(1);
    expect(s.sections[0]!.section).toEqual(['旧']);
    expect(fs.readdirSync(path.dirname(dst.file)).filter((f) => f.includes('restore') || f.includes('upload'))).toEqual([]);
  });
});
