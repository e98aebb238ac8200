// Full backup (VACUUM INTO a temp file, then rename) and restore. A restore
// validates the file first, refuses to replace data unless told to, backs the
// current data up, upgrades an older backup on a scratch copy, and only then
// copies it over the live database in one transaction. Any failure before
// that last step leaves the profile byte-for-byte as it was.
import { PRIVATE_MODE, uploadPath } from '../../db/files.ts';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BackupError, copyDatabase, hasData, inspectBackup, vacuumInto } from '../../db/backup.ts';
import { Store } from '../../db/store.ts';
import { atomicFile } from './atomic.ts';
import { retryStep } from '../busy.ts';

export async function writeBackup(store: Store, out: string): Promise<void> {
  await atomicFile(out, (tmp) => vacuumInto(store.db, tmp));
}

export interface RestoreOptions {
  overwrite: boolean;
  nativeBinding?: string;
}

export interface RestoreOutcome {
  schemaVersion: number;
  cards: number;
  reviews: number;
  previousBackup: string | null;
}

export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** Restore `file` into the open profile `store` (the file itself is never modified). */
export async function restoreBackup(store: Store, file: string, o: RestoreOptions, label = file): Promise<RestoreOutcome> {
  let facts;
  try {
    facts = inspectBackup(file, o.nativeBinding);
  } catch (err) {
    if (err instanceof BackupError) throw new BackupError(err.problem, `cannot restore ${label}: ${err.message}; nothing was changed`);
    throw err;
  }
  const target = path.resolve(store.file);
  if (path.resolve(file) === target) throw new RestoreRefused('that is the profile itself; nothing was changed');
  const existing = hasData(store.db);
  if (existing && !o.overwrite) {
    throw new RestoreRefused('this profile already has cards or reviews; restoring would replace them (use --force / overwrite: true, which backs them up first)');
  }
  const scratch = `${target}.restore-${randomBytes(4).toString('hex')}`;
  const side = (p: string) => [p, `${p}-wal`, `${p}-shm`, `${p}-journal`];
  try {
    fs.copyFileSync(file, scratch, fs.constants.COPYFILE_EXCL);
    // Opening runs the migrations, so an older backup arrives at today's schema.
    const upgraded = Store.open(scratch, { nativeBinding: o.nativeBinding, onBackup: (bak) => fs.rmSync(bak, { force: true }) });
    upgraded.close();
    let previousBackup: string | null = null;
    if (existing) {
      previousBackup = `${target}.before-restore-${stamp()}.bak`;
      await atomicFile(previousBackup, (tmp) => vacuumInto(store.db, tmp));
    }
    // The current data is backed up: a whole retry would back it up again, so the copy waits for the lock here.
    await retryStep(() => copyDatabase(scratch, target, o.nativeBinding));
    return { schemaVersion: facts.version, cards: facts.cards, reviews: facts.reviews, previousBackup };
  } finally {
    for (const p of side(scratch)) fs.rmSync(p, { force: true });
  }
}

/** Restore from bytes (an upload): written to a temp file beside the profile, then restored like a file. */
export async function restoreBackupBytes(store: Store, bytes: Uint8Array, o: RestoreOptions): Promise<RestoreOutcome> {
  const upload = uploadPath(store.file, randomBytes(4).toString('hex'));
  try {
    fs.writeFileSync(upload, bytes, { flag: 'wx', mode: PRIVATE_MODE });
    return await restoreBackup(store, upload, o, 'the uploaded file');
  } finally {
    fs.rmSync(upload, { force: true });
  }
}
