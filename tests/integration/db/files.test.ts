// Files with the learner's data are user-only, and a restore killed half-way
// leaves no full copy of the data behind for ever.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleUploads } from '../../../db/files.ts';
import { Store } from '../../../db/store.ts';
import { vacuumInto } from '../../../db/backup.ts';
import { tmpDir } from '../../helpers/tmp.ts';

const mode = (f: string) => fs.statSync(f).mode & 0o777;
const posix = process.platform !== 'win32';

describe.runIf(posix)('private files', () => {
  it('creates the database, its WAL and a backup as 0600 even under a permissive umask', () => {
    const old = process.umask(0o022);
    try {
      const dir = tmpDir();
      const file = path.join(dir, 'p.db');
      const store = Store.open(file, { create: true });
      store.db.exec('CREATE TABLE IF NOT EXISTS t (x); INSERT INTO t VALUES (1)');
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      const bak = path.join(dir, 'b.bak');
      vacuumInto(store.db, bak);
      expect(mode(bak)).toBe(0o600);
      store.close();
    } finally {
      process.umask(old);
    }
  });
});

describe('stale upload copies', () => {
  it('removes copies whose writer is gone and old legacy ones, keeps live and unrelated files, on open', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'p.db');
    Store.open(file, { create: true }).close();
    const dead = `${file}.upload-999999999-deadbeef`; // no such pid
    const live = `${file}.upload-${process.pid}-cafebabe`;
    const legacyOld = `${file}.upload-0badf00d`;
    const legacyNew = `${file}.upload-12345678`;
    const other = `${file}.v3.bak`;
    for (const f of [dead, live, legacyOld, legacyNew, other]) fs.writeFileSync(f, 'copy of the data');
    const hourAgo = (Date.now() - 2 * 3600_000) / 1000;
    fs.utimesSync(legacyOld, hourAgo, hourAgo);
    Store.open(file).close();
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(legacyOld)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    expect(fs.existsSync(legacyNew)).toBe(true);
    expect(fs.existsSync(other)).toBe(true);
    expect(removeStaleUploads(file)).toEqual([]);
  });
});
