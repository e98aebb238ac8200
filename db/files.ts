// Files that hold the learner's data are theirs alone: the database, its
// backups and exports are created 0600 on POSIX (another local user must not
// read a review history or a notes copy). And temp copies that a killed
// process left beside the database are removed on the next start.
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_MODE = 0o600;

/**
 * Create `file` empty with mode 0600 before SQLite writes into it (VACUUM INTO
 * accepts an empty target; a database file's -wal and -shm inherit its mode).
 * A file that already exists is left as it is.
 */
export function createPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_MODE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/** Name of an upload copy beside `dbFile`: carries our pid so a later start knows whether its writer still runs. */
export function uploadPath(dbFile: string, random: string): string {
  return `${path.resolve(dbFile)}.upload-${process.pid}-${random}`;
}

const UPLOAD = /\.upload-(?:(\d+)-)?[0-9a-f]{8}$/;
const LEGACY_AGE_MS = 60 * 60 * 1000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * Remove `<db>.upload-…` copies whose writer is gone (a kill during restore
 * left a full copy of the data there). Names without a pid (older versions)
 * go once they are an hour old. Returns the paths removed.
 */
export function removeStaleUploads(dbFile: string, now = Date.now()): string[] {
  const abs = path.resolve(dbFile);
  const dir = path.dirname(abs);
  const prefix = `${path.basename(abs)}.upload-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = UPLOAD.exec(name);
    if (!m) continue;
    const full = path.join(dir, name);
    try {
      const stale = m[1] !== undefined ? !alive(Number(m[1])) : now - fs.statSync(full).mtimeMs > LEGACY_AGE_MS;
      if (stale) {
        fs.rmSync(full, { force: true });
        removed.push(full);
      }
    } catch {
      // unreadable or already gone: nothing to do
    }
  }
  return removed;
}
