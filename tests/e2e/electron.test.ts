// The desktop window, driven by Playwright's _electron: launch, the secure
// settings as Electron reports them, one card reviewed by keyboard, the answer
// in the database, and a second instance handing over to the first.
//
// Skipped, with the reason printed, when this machine cannot run it: the
// Electron binary is not downloaded (`npm start` downloads it), the
// Electron-ABI better-sqlite3 is not built (`node scripts/build-electron.js
// --native`), the renderer is not built, or there is no display (use
// `xvfb-run npx vitest run tests/e2e/electron.test.ts`).
//
// It runs the unpackaged binary from node_modules, which has no fuses flipped;
// the packaged app's EnableNodeCliInspectArguments=false fuse would stop
// _electron.launch (it needs --inspect), see electron-builder.yml.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ELECTRON_PKG = path.join(ROOT, 'node_modules', 'electron');

/** Why this suite cannot run here, or null. Never require('electron'): that would start a download. */
function unavailable(): string | null {
  const version = (JSON.parse(fs.readFileSync(path.join(ELECTRON_PKG, 'package.json'), 'utf8')) as { version: string }).version;
  const pathTxt = path.join(ELECTRON_PKG, 'path.txt');
  const exe = fs.existsSync(pathTxt) ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(ELECTRON_PKG, 'dist'), fs.readFileSync(pathTxt, 'utf8').trim()) : null;
  if (!exe || !fs.existsSync(exe)) return `Electron binary not downloaded: ${exe ?? pathTxt} does not exist (npm start downloads Electron ${version}; it needs github.com)`;
  const native = path.join(ROOT, '.electron-native', version, 'better_sqlite3.node');
  if (!fs.existsSync(native)) return `Electron-ABI better-sqlite3 not built: ${native} does not exist (node scripts/build-electron.js --native)`;
  if (!fs.existsSync(path.join(ROOT, 'dist', 'index.html'))) return 'renderer not built: dist/index.html missing (npx vite build)';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display: DISPLAY is not set (run under xvfb-run)';
  return null;
}

const reason = unavailable();
if (reason) console.warn(`[e2e] Electron suite skipped: ${reason}`);

describe.skipIf(reason !== null)(`the desktop window${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let dir: string;
  let dbFile: string;
  let userData: string;
  let electronApp: ElectronApplication;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-electron.js')], { cwd: ROOT, stdio: 'pipe' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-electron-e2e-'));
    dbFile = path.join(dir, 'profile.sqlite');
    userData = path.join(dir, 'user-data');
    electronApp = await _electron.launch({
      args: [ROOT, '--db', dbFile],
      cwd: ROOT,
      env: { ...process.env, DEEPRECALL_USER_DATA: userData, DEEPRECALL_DEV_URL: '' } as Record<string, string>,
      timeout: 60_000,
    });
    page = await electronApp.firstWindow();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
  });

  afterAll(async () => {
    await electronApp?.close().catch(() => undefined);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens one window on the app page, which sees the bridge and nothing of Node', async () => {
    await page.waitForSelector('[data-testid=start]', { timeout: 30_000 });
    expect(page.url()).toMatch(/^app:\/\/deeprecall\/index\.html/);
    const win = await electronApp.evaluate(({ BrowserWindow }) => {
      const all = BrowserWindow.getAllWindows();
      return { count: all.length, size: all[0]!.getSize(), visible: all[0]!.isVisible() };
    });
    expect(win).toMatchObject({ count: 1, visible: true });
    expect(win.size[0]).toBeGreaterThanOrEqual(720);
    // The page sees the bridge and nothing of Node.
    const seen = await page.evaluate(() => ({
      bridge: Object.keys((window as unknown as { deeprecall: object }).deeprecall).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      opened: window.open('file:///etc/hostname') === null, // not http(s): nothing is handed to the system browser either
    }));
    expect(seen).toEqual({ bridge: ['invoke', 'onMenu'], require: 'undefined', process: 'undefined', opened: true });
    // window.open was denied: still one window.
    expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it('refuses to navigate away from the app', async () => {
    const before = page.url();
    await page.evaluate(() => {
      location.href = 'file:///etc/hostname';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  });

  it('reviews one card by keyboard, and the answer is in the database', async () => {
    await page.keyboard.press('Enter'); // Start
    await page.waitForSelector('[data-testid=card]');
    await page.waitForFunction(() => document.querySelector('[data-testid=review]')?.getAttribute('data-phase') === 'front');
    const cardId = await page.getAttribute('[data-testid=card]', 'data-card-id');
    expect(cardId).toBeTruthy();
    const seq = Number(await page.getAttribute('[data-testid=review]', 'data-seq'));
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('[data-testid=review]')?.getAttribute('data-phase') === 'back');
    await page.keyboard.press('4');
    await page.waitForFunction((s) => Number(document.querySelector('[data-testid=review]')?.getAttribute('data-seq') ?? 0) > s, seq);
    fs.mkdirSync(path.join(ROOT, 'test-results', 'screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'screenshots', 'electron-review.png') });

    const db = new Database(dbFile, { readonly: true });
    try {
      const rows = db.prepare('SELECT card_id, quality FROM reviews').all();
      expect(rows).toEqual([{ card_id: cardId, quality: 4 }]);
    } finally {
      db.close();
    }
    expect(pageErrors).toEqual([]);
  });

  it('a second launch hands over to the first window and exits', async () => {
    const exe = fs.readFileSync(path.join(ELECTRON_PKG, 'path.txt'), 'utf8').trim();
    const second = spawn(path.join(ELECTRON_PKG, 'dist', exe), [ROOT, '--db', dbFile, ...(process.platform === 'linux' ? ['--no-sandbox'] : []) /* as Playwright launches the first */], {
      cwd: ROOT,
      env: { ...process.env, DEEPRECALL_USER_DATA: userData },
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve) => {
      const t = setTimeout(() => {
        second.kill();
        resolve(-1);
      }, 20_000);
      second.on('exit', (c) => {
        clearTimeout(t);
        resolve(c);
      });
    });
    expect(code).toBe(0);
    expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
