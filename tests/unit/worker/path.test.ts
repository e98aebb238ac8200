// Where the task worker's main module is found, for each layout DeepRecall
// runs from (no Electron binary here: the packaged layouts are played with an
// injected file system).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { childEntry, workerEntry } from '../../../service/worker/path.ts';
import { WORKER_NICE } from '../../../service/worker/priority.ts';

const only = (...files: string[]) => (p: string) => files.includes(p);

describe('workerEntry', () => {
  it('from the TypeScript sources: entry.ts beside the caller, started through a bootstrap that registers tsx', () => {
    const e = workerEntry(pathToFileURL('/repo/service/worker/client.ts').href, only());
    expect(e.module).toBe(path.join('/repo/service/worker/entry.ts'));
    expect(e.file).toBeInstanceOf(URL);
    const code = decodeURIComponent(String(e.file).slice('data:text/javascript,'.length));
    // tsx is resolved in the worker, from entry.ts's folder: the host only builds this string.
    expect(code).toContain(`createRequire("file:///repo/service/worker/entry.ts").resolve('tsx/package.json')`);
    expect(code).toContain('register();');
    expect(code).toContain('await import("file:///repo/service/worker/entry.ts")');
    // Niced before tsx starts its loader thread (which inherits the nice value), on Linux only.
    const nice = code.indexOf(`os.setPriority(0, ${WORKER_NICE})`);
    expect(nice).toBeGreaterThan(0);
    expect(code.slice(0, nice)).toContain("process.platform === 'linux'");
    expect(nice).toBeLessThan(code.indexOf('register();'));
  });

  it('from the CLI bundle: dist-cli/worker.mjs, one folder above the chunk that calls', () => {
    const e = workerEntry('file:///usr/lib/node_modules/deeprecall/dist-cli/chunks/doctor-ABC123.mjs', only('/usr/lib/node_modules/deeprecall/dist-cli/worker.mjs'));
    expect(e.file).toBe('/usr/lib/node_modules/deeprecall/dist-cli/worker.mjs');
  });

  it('from the Electron bundle in development (npm start): dist-electron/worker.cjs beside main.cjs', () => {
    expect(workerEntry('file:///repo/dist-electron/main.cjs', only('/repo/dist-electron/worker.cjs')).file).toBe('/repo/dist-electron/worker.cjs');
  });

  it('from a packaged Electron app: the unpacked copy, not the one inside app.asar', () => {
    const main = '/opt/DeepRecall/resources/app.asar/dist-electron/main.cjs';
    const exists = only('/opt/DeepRecall/resources/app.asar/dist-electron/worker.cjs', '/opt/DeepRecall/resources/app.asar.unpacked/dist-electron/worker.cjs');
    expect(workerEntry(pathToFileURL(main).href, exists).file).toBe('/opt/DeepRecall/resources/app.asar.unpacked/dist-electron/worker.cjs');
    // Not unpacked (an older electron-builder.yml): the asar copy is still tried.
    expect(workerEntry(main, only('/opt/DeepRecall/resources/app.asar/dist-electron/worker.cjs')).file).toBe('/opt/DeepRecall/resources/app.asar/dist-electron/worker.cjs');
  });

  it('a bundle without its worker: an error that says what is missing and what to do', () => {
    expect(() => workerEntry('file:///repo/dist-cli/chunks/x.mjs', only())).toThrow(/task worker \(worker\.mjs or worker\.cjs\) is missing .*rebuild/);
  });
});

describe('childEntry (a task in a child process)', () => {
  it('a bundle is forked as it is; the sources with tsx\'s loader preloaded, resolved from this package', () => {
    expect(childEntry('/app/dist-cli/worker.mjs')).toEqual({ execArgv: [] });
    const entry = path.join(import.meta.dirname, '..', '..', '..', 'service', 'worker', 'entry.ts');
    const { execArgv } = childEntry(entry);
    expect(execArgv[0]).toBe('--import');
    expect(execArgv[1]).toMatch(/^file:\/\/.*\/node_modules\/tsx\/dist\/loader\.mjs$/);
  });
});
