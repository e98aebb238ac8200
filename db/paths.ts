import path from 'node:path';
import envPaths from 'env-paths';

export const DB_ENV = 'DEEPRECALL_DB';

/** The platform's user-data folder (XDG_DATA_HOME on Linux), unless --db or $DEEPRECALL_DB says otherwise. */
export function resolveDbPath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env[DB_ENV]) return path.resolve(env[DB_ENV]);
  return path.join(envPaths('deeprecall', { suffix: '' }).data, 'deeprecall.db');
}
