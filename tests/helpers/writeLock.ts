// Another process holding the profile's write lock (as a CLI import would): a
// child that takes BEGIN IMMEDIATE, writes one settings row ('lockTest'),
// says "locked", and commits when told to. Shared by the lock-wait tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { ROOT } from './serve.ts';

const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('lockTest', '1')").run();
process.stdout.write('locked\\n');
process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n'); process.exit(0); });
`;

export interface WriteLock {
  child: ChildProcess;
  /** Whether the child has committed and let go. */
  released(): boolean;
  /** Tell the child to commit; resolves once it has. */
  release(): Promise<void>;
}

/** Resolves once the child holds the lock. */
export async function holdWriteLock(file: string): Promise<WriteLock> {
  const child = spawn(process.execPath, ['-e', HOLDER, file], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  while (!out.includes('locked')) await once(child.stdout!, 'data');
  return {
    child,
    released: () => out.includes('released'),
    async release() {
      child.stdin!.write('go\n');
      while (!out.includes('released')) await once(child.stdout!, 'data');
    },
  };
}
