#!/usr/bin/env node
// `npm run dist`: installers for this machine's platform with electron-builder
// (Linux: AppImage + deb; macOS: dmg; Windows: nsis; see electron-builder.yml).
//
//   node scripts/dist.js          installers into release/
//   node scripts/dist.js --dir    unpacked app only (release/<platform>-unpacked), quicker
//   --no-preflight                skip the "can the downloads be reached" DNS check
//
// Steps: check what must be downloaded and that it can be → bundle main/preload
// (minified) → vite build → better-sqlite3 for Electron's ABI (.electron-native)
// → stage it into dist-electron/native → electron-builder.
// Packaging needs, the first time: the Electron runtime zip (github.com), the
// Electron headers or a prebuilt better-sqlite3 (electronjs.org / github.com),
// and electron-builder's Linux tools (github.com). Without a network this says
// which of those it could not get, in one screen, before building anything.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BROWSER_MODE, ROOT, betterSqliteVersion, bundle, canResolve, electronVersion, ensureNative, nativeStatus, oneLine } from './build-electron.js';

const args = process.argv.slice(2);
const dirOnly = args.includes('--dir');
const say = (line) => console.log(`dist: ${line}`);

class DistError extends Error {}

const TARGETS = { linux: ['AppImage', 'deb'], darwin: ['dmg'], win32: ['nsis'] };
const PLATFORM_FLAG = { linux: '--linux', darwin: '--mac', win32: '--win' };

function electronCacheRoots() {
  const home = os.homedir();
  const env = process.env;
  const roots = [env.electron_config_cache, env.ELECTRON_BUILDER_CACHE];
  if (process.platform === 'darwin') roots.push(path.join(home, 'Library', 'Caches', 'electron'), path.join(home, 'Library', 'Caches', 'electron-builder'));
  else if (process.platform === 'win32') roots.push(path.join(env.LOCALAPPDATA ?? home, 'electron', 'Cache'), path.join(env.LOCALAPPDATA ?? home, 'electron-builder', 'Cache'));
  else {
    const cache = env.XDG_CACHE_HOME || path.join(home, '.cache');
    roots.push(path.join(cache, 'electron'), path.join(cache, 'electron-builder'));
  }
  return roots.filter((r) => r && fs.existsSync(r));
}

/** Is a downloaded file (not a half-made folder) whose name matches `test` in the download caches (3 levels deep)? */
function cached(test) {
  const walk = (dir, depth) => {
    let entries = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((e) => (e.isFile() && test(e.name)) || (depth > 0 && e.isDirectory() && walk(path.join(dir, e.name), depth - 1)));
  };
  return electronCacheRoots().some((root) => walk(root, 3));
}

/** What packaging will have to download, with the URL, and whether its host answers DNS. */
async function preflight(version) {
  const arch = process.arch;
  const platform = process.platform;
  const needs = [];
  const zip = `electron-v${version}-${platform}-${arch}.zip`;
  if (!cached((n) => n === zip)) {
    const base = process.env.ELECTRON_MIRROR || 'https://github.com/electron/electron/releases/download/';
    needs.push({ what: `the Electron ${version} runtime for ${platform}-${arch}`, url: `${base}v${version}/${zip}` });
  }
  if (!nativeStatus(version, arch).ok) {
    const abi = fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
    const bs = betterSqliteVersion();
    needs.push({
      what: `better-sqlite3 ${bs} for Electron ${version} (ABI ${abi}): a prebuilt binary`,
      url: `https://github.com/WiseLibs/better-sqlite3/releases/download/v${bs}/better-sqlite3-v${bs}-electron-v${abi}-${platform}-${arch}.tar.gz`,
    });
    needs.push({ what: `or, to compile it, Electron ${version}'s headers`, url: `https://www.electronjs.org/headers/v${version}/node-v${version}-headers.tar.gz` });
  }
  if (platform === 'linux' && !dirOnly) {
    if (!cached((n) => /^appimage.*\.(7z|zip|tar\.gz)$/i.test(n))) needs.push({ what: "electron-builder's AppImage runtime", url: 'https://github.com/electron-userland/electron-builder-binaries/releases (appimage-*)' });
    if (!cached((n) => /^fpm.*\.(7z|zip|tar\.gz)$/i.test(n))) needs.push({ what: "electron-builder's fpm (to make the .deb)", url: 'https://github.com/electron-userland/electron-builder-binaries/releases (fpm-*)' });
  }
  const hosts = [...new Set(needs.map((n) => new URL(n.url.split(' ')[0]).hostname))];
  // Behind a proxy the local resolver may know nothing and downloads still work: then only the real steps can tell.
  const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'GLOBAL_AGENT_HTTPS_PROXY', 'ELECTRON_GET_USE_PROXY'].some((k) => process.env[k]);
  const reachable = new Map(await Promise.all(hosts.map(async (h) => [h, proxied || args.includes('--no-preflight') || (await canResolve(h))])));
  return needs.map((n) => ({ ...n, reachable: reachable.get(new URL(n.url.split(' ')[0]).hostname) }));
}

function viteBuild() {
  say('building the renderer (vite build)');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 });
  if (r.status !== 0) throw new DistError('the renderer build (vite build) failed');
}

/** Runs electron-builder; progress lines are shown, everything goes to release/dist.log, a failure becomes one line. */
async function electronBuilder(version) {
  const platform = process.platform;
  if (!TARGETS[platform]) throw new DistError(`no installer targets for ${platform}`);
  const cliArgs = [
    path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
    '--config', path.join(ROOT, 'electron-builder.yml'),
    PLATFORM_FLAG[platform], ...(dirOnly ? ['dir'] : TARGETS[platform]),
    `--${process.arch}`,
    '--publish', 'never',
    `-c.electronVersion=${version}`,
  ];
  fs.mkdirSync(path.join(ROOT, 'release'), { recursive: true });
  const logFile = path.join(ROOT, 'release', 'dist.log');
  const log = fs.createWriteStream(logFile);
  const lines = [];
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, cliArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (buf) => {
      log.write(buf);
      for (const line of buf.toString().split('\n')) {
        if (!line.trim()) continue;
        lines.push(line);
        if (/^\s*•/.test(line)) console.log(line);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (c) => resolve(c ?? 1));
  });
  log.end();
  if (code === 0) return;
  const failure = lines.find((l) => /⨯/.test(l)) ?? lines.find((l) => /error/i.test(l)) ?? `exit code ${code}`;
  const text = failure.replace(/^\s*⨯\s*/, '').replace(/\s+(failedTask|stackTrace)=.*$/, '').trim();
  const host = /ENOTFOUND (\S+)/.exec(text)?.[1];
  const reason = host ? `electron-builder could not download from ${host} (no network or DNS): ${text}` : `electron-builder failed: ${text}`;
  throw new DistError(`${reason} (full log: ${path.relative(ROOT, logFile)})`);
}

async function main() {
  const version = electronVersion();
  const needs = await preflight(version);
  const blocked = needs.filter((n) => !n.reachable);
  if (blocked.length) {
    const hosts = [...new Set(blocked.map((n) => new URL(n.url.split(' ')[0]).hostname))].join(', ');
    console.error(`dist: cannot package DeepRecall here: ${hosts} cannot be reached, and these downloads are needed:`);
    for (const n of blocked) console.error(`  - ${n.what}\n      ${n.url}`);
    console.error('dist: run npm run dist on a machine with network access (or set ELECTRON_MIRROR / HTTPS_PROXY).');
    console.error(`dist: the app itself runs here in a browser: ${BROWSER_MODE}`);
    return 1;
  }
  if (needs.length) say(`will download: ${needs.map((n) => n.what.trim()).join('; ')}`);

  say('bundling electron/ (esbuild)');
  await bundle({ minify: true });
  viteBuild();
  const native = await ensureNative({ version, say });
  const staged = path.join(ROOT, 'dist-electron', 'native', 'better_sqlite3.node');
  fs.mkdirSync(path.dirname(staged), { recursive: true });
  fs.copyFileSync(native, staged);
  say(`staged ${path.relative(ROOT, native)} → resources/native/better_sqlite3.node`);
  await electronBuilder(version);
  say(`done: ${fs.readdirSync(path.join(ROOT, 'release')).filter((f) => /\.(AppImage|deb|dmg|exe)$/.test(f) || f.endsWith('-unpacked')).join(', ')} in release/`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(`dist: ${oneLine(err)}`);
  if (/** @type {any} */ (err)?.hint) console.error(`dist: ${/** @type {any} */ (err).hint}`);
  process.exitCode = 1;
}
