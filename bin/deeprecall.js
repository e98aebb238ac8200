#!/usr/bin/env node
// Runs the CLI from its bundle (dist-cli/, built by `npm install`/`npm run build`)
// when the bundle is newer than every source file; otherwise straight from the
// TypeScript sources through tsx, so an edited checkout never runs stale code.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Everything this process creates (database, backups, exports) is the user's alone.
if (process.platform !== 'win32') process.umask(0o077);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist-cli', 'deeprecall.mjs');
const SOURCES = ['cards', 'srs', 'db', 'service', 'web', 'cli'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    const built = fs.statSync(bundle).mtimeMs;
    return SOURCES.every((d) => !fs.existsSync(path.join(root, d)) || newestSource(path.join(root, d)) <= built);
  } catch {
    return false;
  }
}

let main;
if (process.env.DEEPRECALL_FROM_SOURCE !== '1' && bundleIsFresh()) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv);
