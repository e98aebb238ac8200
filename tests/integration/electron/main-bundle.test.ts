// The real dist-electron/main.cjs (bundled here by scripts/build-electron.js)
// run under plain Node with a recording stand-in for `electron`
// (fake-electron.cjs): proves the bundle loads, finds the bundled deck, opens
// the DB with the given native binding, builds the window with the secure
// preferences, and answers IPC only for our page — all without the Electron
// binary, which cannot be downloaded on every machine.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { defaultDeckDrafts } from '../../../service/deckDrafts.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const NODE_BINDING = path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
let tmp: string;
let outDir: string;
let appPath: string;

interface RunRecord {
  calls: unknown[][];
  windows: { options: Record<string, unknown> & { webPreferences: Record<string, unknown> }; loaded?: string }[];
  ipcChannels: string[];
  errorBoxes: { title: string; body: string }[];
  menu: string[] | null;
  session: Record<string, boolean>;
  appEvents: string[];
  session_log: [string, unknown][];
  windowCountAfterSecond?: number;
  schemes: { scheme: string; privileges: Record<string, boolean> }[] | null;
  protocolHandlers: string[];
  protocol_log: { url: string; status: number; type: string | null; csp: string | null; body: string }[];
  contents_log: Record<string, unknown>;
  openExternal: string[];
}

function run(scenario: string, args: string[], env: NodeJS.ProcessEnv = {}): { record: RunRecord; status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['-r', path.join(import.meta.dirname, 'fake-electron.cjs'), path.join(outDir, 'main.cjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, FAKE_SCENARIO: scenario, FAKE_APP_PATH: appPath, DEEPRECALL_ELECTRON_NATIVE: NODE_BINDING, DEEPRECALL_DB: '', ...env },
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('FAKE-RESULT '));
  if (!line) throw new Error(`no result (status ${r.status})\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return { record: JSON.parse(line.slice('FAKE-RESULT '.length)) as RunRecord, status: r.status, stderr: r.stderr };
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-main-'));
  outDir = path.join(tmp, 'dist-electron');
  appPath = path.join(tmp, 'app');
  fs.mkdirSync(path.join(appPath, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(appPath, 'dist', 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(appPath, 'secret.txt'), 'outside dist');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-electron.js'), '--out', outDir], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('main.cjs under a stand-in electron', () => {
  let result: ReturnType<typeof run>;
  let db: string;

  beforeAll(() => {
    db = path.join(tmp, 'profile', 'deeprecall.db');
    result = run('normal', ['.', '--db', db]);
  }, 60_000);

  it('starts cleanly: sandbox for all renderers, single-instance lock, app name', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(result.record.errorBoxes).toEqual([]);
    const names = result.record.calls.map((c) => c[0]);
    expect(names).toEqual(expect.arrayContaining(['setName', 'enableSandbox', 'requestSingleInstanceLock']));
    expect(result.record.appEvents).toEqual(expect.arrayContaining(['second-instance', 'web-contents-created', 'window-all-closed', 'will-quit']));
  });

  it('opens one hidden 1100×760 window with the secure preferences and the bundled preload', () => {
    expect(result.record.windows).toHaveLength(1);
    const { options, loaded } = result.record.windows[0]!;
    expect(options).toMatchObject({ width: 1100, height: 760, show: false });
    expect(options.minWidth).toBeGreaterThan(0);
    expect(options.webPreferences).toMatchObject({
      preload: path.join(outDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: true, // unpackaged
    });
    expect(loaded).toBe('app://deeprecall/index.html'); // never file://, never loadFile
    expect(fs.existsSync(path.join(outDir, 'preload.cjs'))).toBe(true);
  });

  it('installs the session hooks, one IPC channel and the menu', () => {
    expect(result.record.session).toEqual({ headers: true, permissionRequest: true, permissionCheck: true, devicePermission: true });
    expect(result.record.ipcChannels).toEqual(['deeprecall:invoke']);
    expect(result.record.menu).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help']);
  });

  it('serves the AppApi to our page: default deck imported, a card reviewed', () => {
    const log = Object.fromEntries(result.record.session_log) as Record<string, any>;
    expect(log.crash).toBeUndefined();
    expect(log.summary).toMatchObject({ ok: true, value: { hasCards: true } });
    expect(log.nextCard.value.card.id).toEqual(expect.any(String));
    expect(log.answer).toMatchObject({ ok: true, value: { recorded: true } });
  });

  it('returns validation and unknown-method errors as data with their status', () => {
    const log = Object.fromEntries(result.record.session_log) as Record<string, any>;
    expect(log['bad-args']).toMatchObject({ ok: false, error: { status: 400 } });
    expect(log['bad-args'].error.message).toMatch(/^answer: quality/);
    expect(log.unknown).toEqual({ ok: false, error: { status: 404, message: 'unknown method "rm"' } });
  });

  it('refuses IPC from a foreign page, and from the same index.html over file://', () => {
    const log = Object.fromEntries(result.record.session_log) as Record<string, any>;
    expect(log.foreign).toMatch(/^rejected: deeprecall: IPC refused/);
    expect(log['file-url']).toMatch(/^rejected: deeprecall: IPC refused/);
  });

  it('registers app:// as a privileged scheme before ready and serves it with one handler', () => {
    const names = result.record.calls.map((c) => c[0]);
    expect(result.record.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(names.indexOf('registerSchemesAsPrivileged')).toBeGreaterThan(-1);
    expect(names.indexOf('registerSchemesAsPrivileged')).toBeLessThan(names.indexOf('whenReady'));
    expect(result.record.protocolHandlers).toEqual(['app']);
  });

  it('the app:// handler serves dist/index.html with the CSP and answers 404 to traversal, other hosts and missing files', async () => {
    const { CSP } = await import('../../../web/security.ts');
    const [index, ...rest] = result.record.protocol_log;
    expect(index).toMatchObject({ url: 'app://deeprecall/index.html', status: 200, type: 'text/html; charset=utf-8', csp: CSP, body: '<!doctype html><title>t</title>' });
    expect(rest.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
    for (const r of rest) expect(r.body).not.toContain('outside dist');
  });

  it('navigations to other URLs are prevented and open nothing; a clicked http(s) link opens externally, file:/javascript: do not', () => {
    expect(result.record.contents_log).toEqual({
      navigateHttpPrevented: true,
      navigateFilePrevented: true,
      navigateOwnPagePrevented: false,
      openHttps: { action: 'deny' },
      openFile: { action: 'deny' },
      openJavascript: { action: 'deny' },
    });
    expect(result.record.openExternal).toEqual(['https://example.com/clicked']);
  });

  it('focuses on a second launch instead of opening another window', () => {
    expect(result.record.windowCountAfterSecond).toBe(1);
  });

  it('wrote exactly the one answer to the --db file, committed', () => {
    const conn = new Database(db, { readonly: true });
    try {
      expect((conn.prepare('SELECT count(*) AS n FROM reviews').get() as { n: number }).n).toBe(1);
      expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      conn.close();
    }
  });
});

// Each case starts a Node process loading a 3 MB bundle: allow for a busy machine.
describe('main.cjs failure paths', { timeout: 60_000 }, () => {
  it('a second instance quits before touching the database', () => {
    const db = path.join(tmp, 'second', 'deeprecall.db');
    const { record, status } = run('second-instance', ['.', '--db', db]);
    expect(status).toBe(0);
    expect(record.calls.map((c) => c[0])).toContain('quit');
    expect(record.windows).toHaveLength(0);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('a missing Electron-ABI native module is reported in a dialog naming browser mode, exit 1', () => {
    const { record, status } = run('normal', ['.', '--db', path.join(tmp, 'nn.db')], { DEEPRECALL_ELECTRON_NATIVE: path.join(tmp, 'missing.node') });
    expect(status).toBe(1);
    expect(record.errorBoxes).toHaveLength(1);
    expect(record.errorBoxes[0]!.title).toMatch(/native module missing/);
    expect(record.errorBoxes[0]!.body).toContain('npx deeprecall serve --open');
    expect(record.windows).toHaveLength(0);
  });

  it('a database that is not ours is refused with a dialog, and left untouched', () => {
    const foreign = path.join(tmp, 'foreign.db');
    fs.writeFileSync(foreign, 'not a database at all, just text that is long enough');
    const before = fs.readFileSync(foreign);
    const { record, status } = run('normal', ['.', '--db', foreign]);
    expect(status).toBe(1);
    expect(record.errorBoxes[0]!.title).toMatch(/cannot open the database/);
    expect(fs.readFileSync(foreign)).toEqual(before);
  });

  it('$DEEPRECALL_DB is used when there is no --db', () => {
    const db = path.join(tmp, 'env', 'deeprecall.db');
    const { status } = run('normal', ['.'], { DEEPRECALL_DB: db });
    expect(status).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
  });
});

describe('the parsed default deck ships with the Electron bundle', () => {
  it("lies beside main.cjs, holds exactly this checkout's parse of the bundled deck, and main.cjs points at it", () => {
    const markdown = fs.readFileSync(path.join(ROOT, 'decks', 'dl-interview-notes.md'), 'utf8');
    const shipped = JSON.parse(fs.readFileSync(path.join(outDir, 'default-deck.json'), 'utf8')) as { sourceSha256: string; cards: unknown[] };
    expect(shipped.sourceSha256).toBe(createHash('sha256').update(markdown).digest('hex'));
    expect(shipped.cards).toEqual(JSON.parse(JSON.stringify(defaultDeckDrafts(markdown).cards)));
    const rel = path.relative(ROOT, path.join(outDir, 'default-deck.json')).split(path.sep).join('/');
    expect(fs.readFileSync(path.join(outDir, 'main.cjs'), 'utf8')).toContain(JSON.stringify(rel));
  });
});
