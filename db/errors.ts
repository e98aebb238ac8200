/** An error a user can act on: one line naming the file and the problem. */
export class DbError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly code: 'missing' | 'unreadable' | 'locked' | 'corrupt' | 'foreign' | 'newer' | 'io',
  ) {
    super(`${file}: ${problem}`);
    this.name = 'DbError';
  }
}

/** Turn a better-sqlite3 / fs error into a DbError naming the file. */
export function explain(file: string, err: unknown): DbError {
  if (err instanceof DbError) return err;
  const e = err as { code?: string; message?: string };
  const msg = e.message ?? String(err);
  switch (e.code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_BUSY_SNAPSHOT':
    case 'SQLITE_BUSY_TIMEOUT':
    case 'SQLITE_LOCKED':
      return new DbError(file, 'database is locked by another process (gave up after the busy timeout)', 'locked');
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return new DbError(file, `file is corrupt or not a SQLite database (${msg})`, 'corrupt');
    case 'SQLITE_CANTOPEN':
    case 'EACCES':
    case 'EPERM':
    case 'SQLITE_PERM':
    case 'SQLITE_READONLY':
      return new DbError(file, `cannot open for reading and writing (${msg})`, 'unreadable');
    default:
      return new DbError(file, msg, 'io');
  }
}
