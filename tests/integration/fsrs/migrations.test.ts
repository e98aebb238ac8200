// The migration runner tolerates gaps and out-of-order lists: branches add
// migrations 5, 6 and 7 in parallel and merge in any order.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Migration } from '../../../db/migrations/index.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../../db/migrations/index.ts';
import { applyMigrations, openDb } from '../../../db/open.ts';
import { tmpDir } from '../../helpers/tmp.ts';

const table = (name: string, v: number): Migration => ({ version: v, name, up: (db) => db.exec(`CREATE TABLE ${name} (x)`) });

describe('applyMigrations', () => {
  it('applies in version order across a gap and sets user_version to the last applied', () => {
    const db = new Database(':memory:');
    const order: number[] = [];
    const list = [table('t7', 7), table('t1', 1), table('t2', 2)].map((m) => ({ ...m, up: (d: Database.Database) => { order.push(m.version); m.up(d); } }));
    expect(applyMigrations(db, list, 0, 99)).toBe(7);
    expect(order).toEqual([1, 2, 7]);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    // Later a merged 5 and 6 arrive: a v2 file gets 5, 6, 7; a v7 file gets nothing new.
    const db2 = new Database(':memory:');
    applyMigrations(db2, list.slice(1), 0, 99);
    expect(db2.pragma('user_version', { simple: true })).toBe(2);
    const merged = [...list, table('t5', 5), table('t6', 6)];
    expect(applyMigrations(db2, merged, 2, 99)).toBe(7);
    expect(db2.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('t5','t6','t7')").pluck().get()).toBe(3);
    expect(applyMigrations(db, merged, 7, 99)).toBe(7);
  });

  it('the real list reaches the highest version with the FSRS table', () => {
    expect(LATEST_VERSION).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    const db = openDb(path.join(tmpDir(), 'm.db'), { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const cols = db.prepare("SELECT name FROM pragma_table_info('reviews')").pluck().all();
    expect(cols).toEqual(expect.arrayContaining(['sched', 'fsrs_before']));
    expect(db.prepare("SELECT name FROM pragma_table_info('fsrs_state')").pluck().all()).toEqual(
      ['card_id', 'stability', 'difficulty', 'state', 'reps', 'lapses', 'last_day', 'due_day'],
    );
    db.close();
  });
});
