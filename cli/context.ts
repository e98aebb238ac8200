// What every command shares: where the DB is, how results are printed, and
// how errors become one line on stderr with a non-zero exit.
// Only light modules at the top: every command (and --help) loads this file, and
// the database/service layer is imported when a command actually opens a profile.
import { DbError } from '../db/errors.ts';
import { resolveDbPath } from '../db/paths.ts';
import type { App } from '../service/app.ts';

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

export interface GlobalOpts {
  db?: string;
  json?: boolean;
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const stdio: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
};

/** Open the profile, run `fn`, always close. `create` only for commands that may start a new profile. */
export async function withApp<T>(opts: GlobalOpts, create: boolean, fn: (app: App) => T | Promise<T>): Promise<T> {
  const [{ Store }, { App }] = await Promise.all([import('../db/store.ts'), import('../service/app.ts')]);
  const store = Store.open(resolveDbPath(opts.db), { create });
  try {
    return await fn(new App(store));
  } finally {
    store.close();
  }
}

export function printResult(io: Io, json: boolean | undefined, value: unknown, human: () => string): void {
  io.out(json ? JSON.stringify(value, null, 2) : human());
}

export function describeError(err: unknown): string {
  // ApiError by name: importing its class would load zod (and the whole contract) on every start.
  if (err instanceof CliError || err instanceof DbError || (err instanceof Error && err.name === 'ApiError')) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT' && e.path) return `${e.path}: no such file`;
  if (e?.code === 'EACCES' && e.path) return `${e.path}: permission denied`;
  return e?.message ?? String(err);
}
