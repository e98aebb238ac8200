import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DbError } from '../../../db/errors.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../../db/migrations/index.ts';
import { APPLICATION_ID, openDb } from '../../../db/open.ts';
import { Store } from '../../../db/store.ts';
import { drafts } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

function errorOf(fn: () => unknown): DbError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DbError);
    return e as DbError;
  }
  throw new Error('expected an error');
}

describe('openDb', () => {
  it('creates a fresh DB at the newest version with WAL, foreign keys and FULL sync', () => {
    const file = path.join(tmpDir(), 'sub', 'a.db');
    const db = openDb(file, { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('refuses a missing file unless asked to create it', () => {
    const file = path.join(tmpDir(), 'missing.db');
    const e = errorOf(() => openDb(file));
    expect(e.code).toBe('missing');
    expect(e.message).toContain(file);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a corrupt file and leaves it byte-identical', () => {
    const file = path.join(tmpDir(), 'junk.db');
    fs.writeFileSync(file, 'this is not sqlite at all, just text that is long enough');
    const before = fs.readFileSync(file);
    const e = errorOf(() => openDb(file, { create: true }));
    expect(e.code).toBe('corrupt');
    expect(e.message).toContain(file);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a DB truncated mid-page without modifying it', () => {
    const dir = tmpDir();
    const good = path.join(dir, 'good.db');
    const s = Store.open(good, { create: true });
    s.cards.syncDeck({ id: 'd', name: 'd', sourcePath: null, sourceHash: 'h' }, drafts(200), 1);
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    s.close();
    const bad = path.join(dir, 'bad.db');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(bad, bytes.subarray(0, Math.floor(bytes.length / 2) + 100));
    const before = fs.readFileSync(bad);
    expect(() => {
      const st = Store.open(bad);
      try {
        st.db.prepare('SELECT count(*) FROM cards').get();
        st.db.pragma('integrity_check');
        const ok = st.db.pragma('quick_check', { simple: true });
        if (ok !== 'ok') throw new Error(String(ok));
      } finally {
        st.close();
      }
    }).toThrow();
    expect(fs.readFileSync(bad).subarray(0, 100).equals(before.subarray(0, 100))).toBe(true);
  });

  it('refuses a DB from a newer app version without touching it', () => {
    const file = path.join(tmpDir(), 'newer.db');
    const raw = new Database(file);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.exec('CREATE TABLE future (x)');
    raw.close();
    const before = fs.readFileSync(file);
    const e = errorOf(() => openDb(file, { create: true }));
    expect(e.code).toBe('newer');
    expect(e.message).toMatch(/newer DeepRecall/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a foreign SQLite database', () => {
    const file = path.join(tmpDir(), 'other.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, flds TEXT)');
    raw.close();
    const before = fs.readFileSync(file);
    expect(errorOf(() => openDb(file, { create: true })).code).toBe('foreign');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a locked DB clearly after the busy timeout', () => {
    const file = path.join(tmpDir(), 'locked.db');
    openDb(file, { create: true }).close();
    const holder = new Database(file);
    holder.pragma('journal_mode = WAL');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const store = Store.open(file, { busyTimeoutMs: 50 });
      const e = (() => {
        try {
          store.settings.set('x', 1);
        } catch (err) {
          return err as { code?: string };
        } finally {
          store.close();
        }
        return null;
      })();
      expect(e?.code).toBe('SQLITE_BUSY');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});

describe('migrations', () => {
  // Gaps are tolerated while parallel branches merge (db/open.ts applyMigrations); numbers stay unique and ascending.
  it('are numbered from 1, unique and ascending', () => {
    const v = MIGRATIONS.map((m) => m.version);
    expect(v[0]).toBe(1);
    expect(v).toEqual([...new Set(v)].sort((a, b) => a - b));
  });

  it.each(MIGRATIONS.map((m) => m.version))('a DB at version %i migrates to the newest, keeping its data, after a backup', (v) => {
    const dir = tmpDir();
    const file = path.join(dir, 'old.db');
    const old = openDb(file, { create: true, targetVersion: v });
    expect(old.pragma('user_version', { simple: true })).toBe(v);
    old.prepare("INSERT INTO decks (id, name) VALUES ('d', 'deck')").run();
    old.close();
    const backups: string[] = [];
    const db = openDb(file, { onBackup: (p) => backups.push(p) });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT name FROM decks').pluck().get()).toBe('deck');
    db.close();
    if (v < LATEST_VERSION) {
      expect(backups).toHaveLength(1);
      const bak = new Database(backups[0]!, { readonly: true });
      expect(bak.pragma('user_version', { simple: true })).toBe(v);
      bak.close();
    } else expect(backups).toHaveLength(0);
  });
});
