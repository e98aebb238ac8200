#!/usr/bin/env node
// `npm start`: open the DeepRecall desktop window.
//
//   1. the Electron binary (downloaded on first run by the electron package; GitHub)
//   2. a display and a non-root user (Linux), else Electron cannot open a window
//   3. better-sqlite3 built for Electron's ABI in .electron-native/<version>/
//   4. electron/main.ts + preload.ts bundled to dist-electron/
//   5. the renderer built to dist/ (when missing or older than renderer/)
//   6. launch; extra arguments go to the app (e.g. npm start -- --db ~/other.db)
//
// Any step that fails prints one line saying why, and the browser-mode command
// (the same app in a browser tab, no Electron needed); it never hangs waiting
// for a download: every child step has a time limit.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { BROWSER_MODE, ROOT, bundle, canResolve, electronExecutable, electronVersion, ensureNative, oneLine } from './build-electron.js';

const userArgs = process.argv.slice(2);
const MINUTE = 60_000;
const DOWNLOAD_TIMEOUT = Number(process.env.DEEPRECALL_DOWNLOAD_TIMEOUT_MS) || 10 * MINUTE;
const NATIVE_TIMEOUT = Number(process.env.DEEPRECALL_NATIVE_TIMEOUT_MS) || 20 * MINUTE;

const say = (line) => console.log(`deeprecall: ${line}`);

class StepError extends Error {
  /** @param {string} reason one line @param {{ offerBrowser?: boolean, hint?: string }} [opts] */
  constructor(reason, opts = {}) {
    super(reason);
    this.offerBrowser = opts.offerBrowser ?? false;
    this.hint = opts.hint;
  }
}

// ---------------------------------------------------------------- 1. binary

const electronPkgDir = path.join(ROOT, 'node_modules', 'electron');

function downloadUrl(version) {
  const platform = process.platform === 'win32' ? 'win32' : process.platform;
  const base = process.env.ELECTRON_MIRROR || 'https://github.com/electron/electron/releases/download/';
  return `${base}v${version}/electron-v${version}-${platform}-${process.arch}.zip`;
}

async function ensureElectronBinary(version) {
  const have = electronExecutable();
  if (have) return have;
  const url = downloadUrl(version);
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    throw new StepError(`the Electron ${version} binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set`, { offerBrowser: true });
  }
  say(`downloading Electron ${version} (about 100 MB, first run only) from ${url}`);
  const r = spawnSync(process.execPath, [path.join(electronPkgDir, 'install.js')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exe = electronExecutable();
  if (r.status === 0 && exe) return exe;

  let why;
  if (r.error && /** @type {any} */ (r.error).code === 'ETIMEDOUT') why = `no answer within ${Math.round(DOWNLOAD_TIMEOUT / 1000)} s`;
  else {
    const host = new URL(url).hostname;
    const first = (r.stderr || r.stdout || '').split('\n').find((l) => l.trim()) ?? `exit code ${r.status}`;
    why = (await canResolve(host)) ? first.trim() : `cannot resolve ${host}: no network or DNS (${first.trim()})`;
  }
  throw new StepError(`the Electron ${version} binary could not be downloaded from ${url}: ${why}`, {
    offerBrowser: true,
    hint: 'behind a proxy set HTTPS_PROXY; with a mirror set ELECTRON_MIRROR; then run npm start again',
  });
}

// --------------------------------------------------------------- 2. display

function checkCanOpenWindow() {
  if (process.platform !== 'linux') return;
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new StepError('no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so Electron cannot open a window here', {
      offerBrowser: true,
      hint: 'on a server or in CI use browser mode, or xvfb-run npm start',
    });
  }
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    throw new StepError("running as root: Electron's Chromium sandbox refuses to start as root", {
      offerBrowser: true,
      hint: 'run npm start as a normal user',
    });
  }
}

// ------------------------------------------------------- 4./5. bundle, renderer

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function ensureRenderer() {
  const index = path.join(ROOT, 'dist', 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built && newestMtime(path.join(ROOT, 'renderer')) <= built) return;
  say(built ? 'renderer/ changed since the last build; rebuilding dist/' : 'building the renderer into dist/');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 10 * MINUTE,
  });
  if (r.status !== 0 || !fs.existsSync(index)) throw new StepError(`the renderer build (vite build) failed${r.status === null ? ' or timed out' : ''}`);
}

// ------------------------------------------------------------------ 6. run

function launch(exe) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the binary into plain Node
  const child = spawn(exe, [ROOT, ...userArgs], { cwd: ROOT, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    console.error(`deeprecall: could not start ${exe}: ${oneLine(err)}`);
    console.error(`deeprecall: the same app runs in a browser: ${BROWSER_MODE}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function offerBrowserMode() {
  const serveArgs = ['serve', '--open', ...dbArgs(userArgs)];
  if (!process.stdin.isTTY || !process.stdout.isTTY) return false;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = (await rl.question('Start browser mode now instead? [Y/n] ')).trim().toLowerCase();
  rl.close();
  if (answer !== '' && answer !== 'y' && answer !== 'yes') return false;
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'deeprecall.js'), ...serveArgs], { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  return true;
}

/** Carry --db over to browser mode so both open the same profile. */
function dbArgs(args) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--db' && args[i + 1]) out.push('--db', args[++i]);
    else if (args[i]?.startsWith('--db=')) out.push(args[i]);
  }
  return out;
}

async function main() {
  let version;
  try {
    version = electronVersion();
  } catch {
    throw new StepError('the electron package is not installed (run npm install)', { offerBrowser: true });
  }
  const exe = await ensureElectronBinary(version);
  checkCanOpenWindow();
  try {
    await ensureNative({ version, timeoutMs: NATIVE_TIMEOUT, say });
  } catch (err) {
    throw new StepError(oneLine(err), { hint: /** @type {any} */ (err).hint });
  }
  try {
    await bundle();
  } catch (err) {
    throw new StepError(`bundling electron/ failed: ${oneLine(err)}`);
  }
  ensureRenderer();
  launch(exe);
}

try {
  await main();
} catch (err) {
  const e = err instanceof StepError ? err : new StepError(oneLine(err));
  console.error(`deeprecall: cannot open the desktop window: ${e.message}`);
  if (e.hint) console.error(`deeprecall: ${e.hint}`);
  console.error(`deeprecall: the same app runs in your browser instead: ${BROWSER_MODE}${dbArgs(userArgs).length ? ' ' + dbArgs(userArgs).join(' ') : ''}`);
  if (!(e.offerBrowser && (await offerBrowserMode()))) process.exitCode = 1;
}
