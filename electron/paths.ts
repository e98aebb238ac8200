// Where the desktop host finds its files. Pure functions (no `electron`
// import) so tests can check them and main.ts stays a thin wiring file.
import path from 'node:path';
import { resolveDbPath } from '../db/paths.ts';

/** `--db FILE` or `--db=FILE` anywhere in argv; the last one wins. */
export function parseDbFlag(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db' && i + 1 < argv.length) found = argv[++i];
    else if (arg.startsWith('--db=')) found = arg.slice('--db='.length);
  }
  return found === '' ? undefined : found;
}

/**
 * The profile the window opens: `--db`, then $DEEPRECALL_DB, then the same
 * per-user data file the CLI and browser mode use (db/paths.ts: XDG data dir
 * on Linux, Application Support on macOS, %LOCALAPPDATA% on Windows), so the
 * desktop app, `deeprecall serve` and `deeprecall stats export` share one
 * history instead of silently keeping two.
 */
export function resolveDesktopDb(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  return resolveDbPath(parseDbFlag(argv), env);
}

/** Env override for the Electron-ABI better-sqlite3 binary; honoured in unpackaged runs only. */
export const NATIVE_ENV = 'DEEPRECALL_ELECTRON_NATIVE';

export interface NativeLocation {
  isPackaged: boolean;
  /** app.getAppPath(): the repo root in development, …/resources/app.asar in a package. */
  appPath: string;
  /** process.resourcesPath */
  resourcesPath: string;
  /** process.versions.electron */
  electronVersion: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * better_sqlite3.node built for Electron's ABI (node_modules keeps the Node
 * build for tests, the CLI and browser mode; the two never replace each other).
 * - development: <repo>/.electron-native/<electron version>/better_sqlite3.node,
 *   made by `npm start` (scripts/build-electron.js --native);
 * - package: <resources>/native/better_sqlite3.node, copied there by
 *   electron-builder's extraResources (outside app.asar, so it can be dlopen'ed).
 */
export function nativeBindingPath(loc: NativeLocation): string {
  if (loc.isPackaged) return path.join(loc.resourcesPath, 'native', 'better_sqlite3.node');
  const override = loc.env?.[NATIVE_ENV];
  if (override) return path.resolve(override);
  return path.join(loc.appPath, '.electron-native', loc.electronVersion, 'better_sqlite3.node');
}

/** The built renderer and the preload, relative to the app root / the bundled main. */
export function rendererIndex(appPath: string): string {
  return path.join(appPath, 'dist', 'index.html');
}

export function preloadFile(mainDir: string): string {
  return path.join(mainDir, 'preload.cjs');
}
