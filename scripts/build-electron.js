#!/usr/bin/env node
// Electron build steps, used by `npm start` (scripts/start.js) and `npm run dist`:
//
//   node scripts/build-electron.js            bundle electron/main.ts + preload.ts → dist-electron/*.cjs
//                                  [--out DIR] [--minify]
//   node scripts/build-electron.js --native   build better-sqlite3 for Electron's ABI
//                                             → .electron-native/<electron version>/better_sqlite3.node
//   node scripts/build-electron.js --check-native   exit 0 when that build exists and matches, else 1
//
// node_modules/better-sqlite3 keeps its Node-ABI build (tests, CLI, browser
// mode). The Electron build is made in a private copy of the module, so the
// two never overwrite each other.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import dns from 'node:dns/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zodEnglishOnly } from './zod-english-only.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = path.join(ROOT, 'dist-electron');
export const BROWSER_MODE = 'npx deeprecall serve --open';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

export function electronVersion() {
  return readJson(path.join(ROOT, 'node_modules', 'electron', 'package.json')).version;
}

export function betterSqliteVersion() {
  return readJson(path.join(ROOT, 'node_modules', 'better-sqlite3', 'package.json')).version;
}

/**
 * The Electron executable the electron package downloaded, or null. Reads
 * node_modules/electron/path.txt instead of require('electron'), which
 * would start a (possibly hanging) download.
 */
export function electronExecutable() {
  const pkgDir = path.join(ROOT, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH; // honoured like electron/index.js does
  let rel;
  try {
    rel = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    if (!override) return null;
    rel = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform] ?? 'electron';
  }
  const exe = path.join(override || path.join(pkgDir, 'dist'), rel);
  return fs.existsSync(exe) ? exe : null;
}

export function nativeDir(version = electronVersion()) {
  return path.join(ROOT, '.electron-native', version);
}

export function nativeFile(version = electronVersion()) {
  return path.join(nativeDir(version), 'better_sqlite3.node');
}

/** Is there an Electron-ABI better-sqlite3 for this Electron, this machine and this better-sqlite3? */
export function nativeStatus(version = electronVersion(), arch = process.arch) {
  const file = nativeFile(version);
  if (!fs.existsSync(file)) return { ok: false, file, reason: 'not built yet' };
  let meta;
  try {
    meta = readJson(path.join(nativeDir(version), 'meta.json'));
  } catch {
    return { ok: false, file, reason: 'meta.json missing' };
  }
  const want = { electron: version, platform: process.platform, arch, betterSqlite3: betterSqliteVersion() };
  for (const [k, v] of Object.entries(want)) {
    if (meta[k] !== v) return { ok: false, file, reason: `built for ${k} ${meta[k]}, need ${v}` };
  }
  return { ok: true, file, meta };
}

/** Bundle main (Node side, CJS) and preload (sandboxed: may require only 'electron'). */
export async function bundle({ outDir = OUT_DIR, minify = false } = {}) {
  const esbuild = await import('esbuild');
  const common = {
    bundle: true,
    format: 'cjs',
    sourcemap: 'linked',
    minify,
    legalComments: 'none',
    logLevel: 'silent', // errors are reported once, by the caller; warnings below
    absWorkingDir: ROOT,
    external: ['electron'],
    plugins: [zodEnglishOnly()], // zod's other locales are never used (scripts/zod-english-only.js)
    alias: { postcss: path.join(ROOT, 'renderer', 'lib', 'noPostcss.ts') }, // style attributes are never kept (renderer/lib/noPostcss.ts)
  };
  const results = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [path.join(ROOT, 'electron', 'main.ts')],
      outfile: path.join(outDir, 'main.cjs'),
      platform: 'node',
      target: 'node22',
      // Everything, better-sqlite3's JS included, goes into main.cjs: the package needs no node_modules.
      // service/deck.ts finds decks/ through import.meta.url, which CJS lacks: give it the bundle's own URL.
      // The parsed default deck lies beside main.cjs (service/prebuiltDeck.ts; path relative to the app root).
      define: { 'import.meta.url': '__deeprecall_import_meta_url', __DEEPRECALL_PREBUILT_DECK__: JSON.stringify(path.relative(ROOT, path.join(outDir, PREBUILT_DECK_NAME)).split(path.sep).join('/')) },
      banner: { js: "const __deeprecall_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    }),
    // The task worker (Check database, FSRS fit and evaluation): dist-electron/worker.cjs beside main.cjs,
    // unpacked from the asar in a package (electron-builder.yml) and found by service/worker/path.ts.
    esbuild.build({
      ...common,
      entryPoints: [path.join(ROOT, 'service', 'worker', 'entry.ts')],
      outfile: path.join(outDir, 'worker.cjs'),
      platform: 'node',
      target: 'node22',
      define: { 'import.meta.url': '__deeprecall_import_meta_url' },
      banner: { js: "const __deeprecall_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    }),
    esbuild.build({
      ...common,
      entryPoints: [path.join(ROOT, 'electron', 'preload.ts')],
      outfile: path.join(outDir, 'preload.cjs'),
      // 'browser' makes esbuild refuse any Node built-in sneaking into the sandboxed preload.
      platform: 'browser',
      target: 'chrome130',
    }),
  ]);
  try {
    await writePrebuiltDeck(esbuild, outDir);
  } catch (err) {
    // Not fatal: without the file a fresh profile parses the deck, as from the sources.
    console.error(`build-electron: default deck not prebuilt: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const warnings = results.flatMap((r) => r.warnings);
  if (warnings.length) {
    for (const line of await esbuild.formatMessages(warnings, { kind: 'warning', color: false })) console.warn(line.trimEnd());
  }
  return { main: path.join(outDir, 'main.cjs'), preload: path.join(outDir, 'preload.cjs'), worker: path.join(outDir, 'worker.cjs') };
}

const PREBUILT_DECK_NAME = 'default-deck.json';

/**
 * Parse the bundled deck with this checkout's parser (bundled for the moment,
 * as main.cjs bundles it) into outDir/default-deck.json, as build-cli.js does
 * for the CLI: a fresh Electron profile then stores the cards without parsing.
 */
async function writePrebuiltDeck(esbuild, outDir) {
  const tmp = path.join(outDir, `deck-drafts-${process.pid}.mjs`);
  try {
    await esbuild.build({ entryPoints: [path.join(ROOT, 'service', 'deckDrafts.ts')], outfile: tmp, bundle: true, format: 'esm', platform: 'node', target: 'node20', external: ['better-sqlite3'], banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }, logLevel: 'silent', absWorkingDir: ROOT });
    const { defaultDeckDrafts, defaultDeckJson } = await import(pathToFileURL(tmp).href);
    const markdown = fs.readFileSync(path.join(ROOT, 'decks', 'dl-interview-notes.md'), 'utf8');
    const sha = createHash('sha256').update(markdown).digest('hex');
    fs.writeFileSync(path.join(outDir, PREBUILT_DECK_NAME), defaultDeckJson(sha, defaultDeckDrafts(markdown)));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** The first useful line of an error, plus the network cause when there is one. */
export function oneLine(err) {
  const e = /** @type {any} */ (err);
  const first = e?.errors?.[0]; // esbuild: "Build failed with 1 error" says nothing; the first error does
  if (first?.text) return `${first.location ? `${first.location.file}:${first.location.line}: ` : ''}${first.text}`;
  const parts = [String(e?.message ?? e).split('\n').find((l) => l.trim()) ?? 'unknown error'];
  const cause = e?.cause;
  if (cause) parts.push(`(${cause.code ?? ''}${cause.code && cause.hostname ? ' ' : ''}${cause.hostname ?? cause.message ?? ''})`.replace('()', ''));
  return parts.join(' ').trim();
}

/** Can this machine resolve a host? Used to turn "fetch failed" into a reason a user can act on. */
export async function canResolve(host) {
  try {
    await dns.lookup(host);
    return true;
  } catch {
    return false;
  }
}

function copyModuleSources(from, to) {
  fs.cpSync(from, to, {
    recursive: true,
    // Never take the Node-ABI build along: it would be "already built" for the wrong runtime.
    filter: (src) => path.relative(from, src).split(path.sep)[0] !== 'build',
  });
}

/**
 * Build better_sqlite3.node for Electron with @electron/rebuild in a scratch
 * copy (.electron-native/<v>/work): it tries a prebuilt binary (GitHub
 * release of better-sqlite3), then compiles against Electron's headers
 * (electronjs.org) with node-gyp. Both need the network the first time.
 */
export async function buildNative({ version = electronVersion(), arch = process.arch, log = console.log } = {}) {
  const dir = nativeDir(version);
  const work = path.join(dir, 'work');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(work, 'node_modules'), { recursive: true });
  const bsVersion = betterSqliteVersion();
  fs.writeFileSync(
    path.join(work, 'package.json'),
    JSON.stringify({ name: 'deeprecall-electron-native', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': bsVersion } }, null, 2),
  );
  copyModuleSources(path.join(ROOT, 'node_modules', 'better-sqlite3'), path.join(work, 'node_modules', 'better-sqlite3'));

  log(`Building better-sqlite3 ${bsVersion} for Electron ${version} (${process.platform}-${arch}); first run only, may take a few minutes…`);
  const { rebuild } = await import('@electron/rebuild');
  try {
    await rebuild({ buildPath: work, electronVersion: version, arch, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' });
  } catch (err) {
    fs.rmSync(work, { recursive: true, force: true });
    const hosts = ['www.electronjs.org', 'github.com'];
    const offline = (await Promise.all(hosts.map(canResolve))).every((ok) => !ok);
    throw new Error(
      offline
        ? `could not download Electron ${version} headers (www.electronjs.org) or a prebuilt better-sqlite3 (github.com): no network (${oneLine(err)})`
        : `could not build better-sqlite3 for Electron ${version}: ${oneLine(err)} (needs a C++ toolchain and python3 when no prebuilt binary exists)`,
    );
  }
  const built = path.join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(built)) throw new Error(`@electron/rebuild finished but ${built} is missing`);
  const target = nativeFile(version);
  fs.copyFileSync(built, `${target}.tmp`);
  fs.renameSync(`${target}.tmp`, target);
  const abi = fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
  fs.writeFileSync(
    path.join(dir, 'meta.json'),
    JSON.stringify({ electron: version, abi, platform: process.platform, arch, betterSqlite3: bsVersion, builtAt: new Date().toISOString() }, null, 2) + '\n',
  );
  fs.rmSync(work, { recursive: true, force: true });
  return target;
}

/**
 * The Electron-ABI binary, building it first when missing or stale. The
 * build runs as a child process with a time limit and its chatter (node-gyp
 * output, stack traces) goes to .electron-native/<v>/build.log; a failure
 * throws an Error with one line saying why (and `.hint` naming the log).
 */
export async function ensureNative({ version = electronVersion(), timeoutMs = 20 * 60_000, say = console.log } = {}) {
  const status = nativeStatus(version);
  if (status.ok) return status.file;
  say(`better-sqlite3 for Electron ${version}: ${status.reason}; building it (first run only, needs the network, may take a few minutes)`);
  fs.mkdirSync(nativeDir(version), { recursive: true });
  const logFile = path.join(nativeDir(version), 'build.log');
  const logFd = fs.openSync(logFile, 'w');
  const outcome = await new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--native'], { cwd: ROOT, stdio: ['ignore', logFd, logFd] });
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ? `no result within ${Math.round(timeoutMs / 1000)} s (stopped)` : code);
    });
    child.on('error', (err) => resolve(oneLine(err)));
  });
  fs.closeSync(logFd);
  const after = nativeStatus(version);
  if (outcome === 0 && after.ok) return after.file;
  const log = fs.readFileSync(logFile, 'utf8');
  const reason =
    typeof outcome === 'string' ? outcome : (log.split('\n').find((l) => l.startsWith('build-electron: ')) ?? `exit code ${outcome}`).replace('build-electron: ', '');
  throw Object.assign(new Error(`better-sqlite3 for Electron ${version}: ${reason}`), { hint: `details in ${path.relative(ROOT, logFile)}` });
}

async function cli(argv) {
  try {
    if (argv.includes('--check-native')) {
      const s = nativeStatus();
      console.log(s.ok ? `ok: ${s.file}` : `missing: ${s.file} (${s.reason})`);
      return s.ok ? 0 : 1;
    }
    if (argv.includes('--native')) {
      const s = nativeStatus();
      if (s.ok && !argv.includes('--force')) {
        console.log(`Electron-ABI better-sqlite3 is up to date: ${path.relative(ROOT, s.file)}`);
        return 0;
      }
      const file = await buildNative();
      console.log(`Built ${path.relative(ROOT, file)}`);
      return 0;
    }
    const outIdx = argv.indexOf('--out');
    const outDir = outIdx >= 0 && argv[outIdx + 1] ? path.resolve(argv[outIdx + 1]) : OUT_DIR;
    const out = await bundle({ outDir, minify: argv.includes('--minify') });
    console.log(`Bundled ${path.relative(ROOT, out.main)} and ${path.relative(ROOT, out.preload)}`);
    return 0;
  } catch (err) {
    console.error(`build-electron: ${oneLine(err)}`);
    console.error(`  The desktop window needs this; the same app runs in a browser without it: ${BROWSER_MODE}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await cli(process.argv.slice(2));
}
