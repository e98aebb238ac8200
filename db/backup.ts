// Backup and restore at the SQLite level. A backup is a VACUUM INTO copy: a
// consistent, compact snapshot even while the app keeps answering. A restore
// candidate is checked without writing a byte to it or to the profile.
import { createPrivateFile } from './files.ts';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { APPLICATION_ID, type Db } from './open.ts';
import { LATEST_VERSION } from './migrations/index.ts';

export type BackupProblem = 'not-sqlite' | 'truncated' | 'foreign' | 'newer' | 'corrupt' | 'empty';

export class BackupError extends Error {
  constructor(readonly problem: BackupProblem, message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export function vacuumInto(db: Db, file: string): void {
  createPrivateFile(file);
  db.prepare('VACUUM INTO ?').run(file);
}

export function hasData(db: Db): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM cards) OR EXISTS (SELECT 1 FROM reviews) AS x').pluck().get() === 1;
}

export interface BackupFacts {
  version: number;
  cards: number;
  reviews: number;
}

const HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

/** Header-level checks: magic string, and that the file is as long as its header says (catches truncation). */
function checkHeader(file: string): void {
  const size = fs.statSync(file).size;
  if (size === 0) throw new BackupError('empty', 'the file is empty');
  const head = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let n: number;
  try {
    n = fs.readSync(fd, head, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (n < 16 || !head.subarray(0, 16).equals(HEADER)) throw new BackupError('not-sqlite', 'not a SQLite database (bad header)');
  if (n < 100) throw new BackupError('truncated', 'the file is truncated (incomplete header)');
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = head.readUInt32BE(28);
  // The in-header page count is valid only when "version-valid-for" matches the change counter.
  if (pages > 0 && head.readUInt32BE(92) === head.readUInt32BE(24) && size < pages * pageSize) {
    throw new BackupError('truncated', `the file is truncated (${size} bytes, header says ${pages * pageSize})`);
  }
  if (size % pageSize !== 0) throw new BackupError('truncated', 'the file is truncated (not a whole number of pages)');
}

/** Validate a backup file read-only: ours, not newer than this app, intact. */
export function inspectBackup(file: string, nativeBinding?: string): BackupFacts {
  checkHeader(file);
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (err) {
    throw new BackupError('corrupt', `cannot open it as a database (${(err as Error).message})`);
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID) throw new BackupError('foreign', 'a SQLite database, but not a DeepRecall backup');
    if (version > LATEST_VERSION) {
      throw new BackupError('newer', `made by a newer DeepRecall (schema v${version}; this app knows v${LATEST_VERSION}); upgrade the app first`);
    }
    if (version < 1) throw new BackupError('foreign', 'not a DeepRecall backup (no schema version)');
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError('corrupt', `the file is damaged (integrity check: ${String(check)})`);
    const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    return { version, cards: count('cards'), reviews: count('reviews') };
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError('corrupt', `the file is damaged (${(err as Error).message})`);
  } finally {
    db.close();
  }
}

/**
 * Copy `source` over the live database at `target` with SQLite's online
 * backup API. The destination's write lock is held until the last page is
 * copied and the copy commits as one transaction: other connections (the
 * app's own) see the old data or the new, never a mix, and a failure rolls back.
 */
export async function copyDatabase(source: string, target: string, nativeBinding?: string): Promise<void> {
  const src = new Database(source, { fileMustExist: true, nativeBinding });
  try {
    // One step copying every page: the destination is locked once and committed once.
    const p = await src.backup(target, { progress: () => 0x7fffffff });
    // better-sqlite3 takes SQLITE_BUSY from a step as progress; on the first step its page counts are still 0,
    // so while another process holds the lock it resolves having copied nothing. Say so, as SQLite would.
    if (p.totalPages === 0) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
  } finally {
    src.close();
  }
}
