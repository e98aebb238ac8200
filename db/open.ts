import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DbError, explain } from './errors.ts';
import { createPrivateFile, removeStaleUploads } from './files.ts';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index.ts';

export type Db = Database.Database;

/** 'DREC' — marks a SQLite file as ours so a foreign database is never migrated. */
export const APPLICATION_ID = 0x44524543;
const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface OpenOptions {
  /** Create the file (and its folder) when missing. Commands that only read pass false. */
  create?: boolean;
  /** Path to better_sqlite3.node built for Electron's ABI; the Node build is used otherwise. */
  nativeBinding?: string;
  busyTimeoutMs?: number;
  /** Called before a migration rewrites an existing file, with the backup path. */
  onBackup?: (backupPath: string) => void;
  /** Stop at this schema version (tests build every older version this way). */
  targetVersion?: number;
}

function checkHeader(file: string): 'empty' | 'sqlite' {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw explain(file, err);
  }
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    if (n === 0) return 'empty';
    if (n < 16 || buf.toString('latin1') !== SQLITE_HEADER) {
      throw new DbError(file, 'not a SQLite database (bad header); refusing to touch it', 'corrupt');
    }
    return 'sqlite';
  } finally {
    fs.closeSync(fd);
  }
}

/** Read version facts without writing anything (a newer or foreign file must stay byte-identical). */
function inspect(file: string, nativeBinding?: string): { version: number; appId: number; tables: number } {
  const ro = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    const version = ro.pragma('user_version', { simple: true }) as number;
    const appId = ro.pragma('application_id', { simple: true }) as number;
    const tables = (ro.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
    return { version, appId, tables };
  } finally {
    ro.close();
  }
}

function backupPath(file: string, version: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${file}.v${version}.${stamp}.bak`;
}

export function openDb(file: string, opts: OpenOptions = {}): Db {
  const abs = path.resolve(file);
  const exists = fs.existsSync(abs);
  if (!exists && !opts.create) throw new DbError(abs, 'no database here (run `deeprecall import` first or pass --db)', 'missing');
  if (!exists) {
    try {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      createPrivateFile(abs);
    } catch (err) {
      throw explain(abs, err);
    }
  } else {
    removeStaleUploads(abs);
  }
  let existing = exists && checkHeader(abs) === 'sqlite';
  let version = 0;
  if (existing) {
    try {
      const facts = inspect(abs, opts.nativeBinding);
      version = facts.version;
      if (facts.appId !== APPLICATION_ID && facts.tables > 0) {
        throw new DbError(abs, 'a SQLite database, but not a DeepRecall one; refusing to touch it', 'foreign');
      }
      if (version > LATEST_VERSION) {
        throw new DbError(abs, `created by a newer DeepRecall (schema v${version}; this app knows v${LATEST_VERSION}); upgrade the app`, 'newer');
      }
    } catch (err) {
      throw explain(abs, err);
    }
    existing = version > 0;
  }

  let db: Db;
  try {
    db = new Database(abs, { nativeBinding: opts.nativeBinding, timeout: opts.busyTimeoutMs ?? 5000 });
  } catch (err) {
    throw explain(abs, err);
  }
  try {
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged answer survives power loss, not only a process crash.
    // Answers arrive at human speed, so the extra fsync costs nothing a user can feel.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, abs, version, existing, opts.targetVersion ?? LATEST_VERSION, opts.onBackup);
    return db;
  } catch (err) {
    db.close();
    throw explain(abs, err);
  }
}

function migrate(db: Db, file: string, from: number, existing: boolean, to: number, onBackup?: (p: string) => void): void {
  if (from >= to) return;
  if (existing) {
    const bak = backupPath(file, from);
    createPrivateFile(bak);
    db.prepare('VACUUM INTO ?').run(bak);
    onBackup?.(bak);
    applyMigrations(db, MIGRATIONS, from, to);
    return;
  }
  // A new file is created in one transaction (each migration's own becomes a
  // savepoint): a kill while it is made leaves it empty, never half-migrated.
  db.transaction(() => applyMigrations(db, MIGRATIONS, from, to))();
}

/**
 * Run the migrations above `from` up to `to` in version order, whatever the
 * list order; a gap in the numbers is fine (user_version = the last applied).
 * Each runs in one transaction with its user_version.
 */
export function applyMigrations(db: Db, migrations: readonly Migration[], from: number, to: number): number {
  const pending = migrations.filter((m) => m.version > from && m.version <= to).sort((a, b) => a.version - b.version);
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
  }
  return pending.length ? pending[pending.length - 1]!.version : from;
}
