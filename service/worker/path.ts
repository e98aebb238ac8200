// Where the task worker's main module is, for each way DeepRecall runs:
//   TypeScript sources (tsx, vitest)  service/worker/entry.ts, run through tsx's loader
//   CLI bundle (esbuild)              dist-cli/worker.mjs, beside deeprecall.mjs (callers sit in dist-cli/chunks/)
//   Electron bundle                   dist-electron/worker.cjs beside main.cjs; inside a packaged app
//                                     the copy in app.asar.unpacked (electron-builder.yml asarUnpack)
// Resolved from the URL of the module that starts the worker, so nothing
// depends on the current directory or on how the process was started.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NORMAL_PRIORITY_TASKS, WORKER_NICE } from './priority.ts';

export interface WorkerEntry {
  /** The worker's main module: a path for a bundle; for the sources a data: URL that registers tsx, then imports entry.ts. */
  file: string | URL;
  /** The main module behind it (what the tests check). */
  module: string;
}

/**
 * The sources start from a few-line ESM bootstrap that registers tsx, then
 * imports entry.ts: `--import tsx` in a worker's execArgv does not reach the
 * worker's own main module on Node 20. tsx is resolved from entry.ts's folder
 * (this package, not the current directory) inside the worker: resolving it
 * on the host cost the host thread 7–19 ms at the first task.
 */
function sourceBootstrap(entry: string): URL {
  const url = JSON.stringify(pathToFileURL(entry).href);
  const code = [
    // Lowered first (as entry.ts would): tsx's loader thread, started by register(), inherits this
    // thread's nice value, and it compiles every module the task imports while the host answers.
    "import os from 'node:os';",
    "import { workerData } from 'node:worker_threads';",
    `if (process.platform === 'linux' && !${JSON.stringify([...NORMAL_PRIORITY_TASKS])}.includes(workerData?.request?.kind)) { try { os.setPriority(0, ${WORKER_NICE}); } catch {} }`,
    "import { createRequire } from 'node:module';",
    "import { pathToFileURL } from 'node:url';",
    `const api = pathToFileURL(createRequire(${url}).resolve('tsx/package.json').replace(/package\\.json$/, 'dist/esm/api/index.mjs')).href;`,
    'const { register } = await import(api);',
    'register();',
    `await import(${url});`,
  ].join('\n');
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

const BUNDLED = ['worker.mjs', 'worker.cjs'];

/**
 * The worker entry for a caller at `callerUrl` (its import.meta.url, or the
 * bundle's URL in Electron's CommonJS build). `exists` is injectable so each
 * layout can be tested without building it.
 */
export function workerEntry(callerUrl: string, exists: (p: string) => boolean = fs.existsSync): WorkerEntry {
  const caller = callerUrl.startsWith('file:') ? fileURLToPath(callerUrl) : callerUrl;
  const dir = path.dirname(caller);
  if (caller.endsWith('.ts')) {
    const module = path.join(dir, 'entry.ts');
    return { file: sourceBootstrap(module), module };
  }
  for (const base of [dir, path.dirname(dir)]) {
    for (const name of BUNDLED) {
      const file = path.join(base, name);
      // A worker cannot start from inside an asar archive on every platform: take the unpacked copy when there is one.
      const unpacked = file.replace(/\.asar([\\/])/, '.asar.unpacked$1');
      if (unpacked !== file && exists(unpacked)) return { file: unpacked, module: unpacked };
      if (exists(file)) return { file, module: file };
    }
  }
  throw new Error(`the task worker (${BUNDLED.join(' or ')}) is missing next to ${caller}; rebuild DeepRecall (npm run build)`);
}

/**
 * How to start the entry as a child process (./child.ts): the bundles as they
 * are; the sources with tsx's loader preloaded (`--import`, which reaches a
 * process's main module, unlike a worker's). tsx is resolved here, on the
 * worker, only when running from the sources (tests); the shipped bundles never do.
 */
export function childEntry(module: string): { execArgv: string[] } {
  if (!module.endsWith('.ts')) return { execArgv: [] };
  return { execArgv: ['--import', pathToFileURL(createRequire(module).resolve('tsx')).href] };
}
