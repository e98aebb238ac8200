#!/usr/bin/env node
// Bundle the CLI (and with it browser mode's server) into dist-cli/deeprecall.mjs.
// Run by `npm install` (prepare) and `npm run build`. Why: through tsx every
// start re-reads ~300 TypeScript files and all of mathjs (5+ s on a busy
// machine); the bundle is one file with mathjs cut down to its parser.
// better-sqlite3 stays external: it is a native module.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = path.join(ROOT, 'dist-cli', 'deeprecall.mjs');

export async function buildCli() {
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'cli', 'main.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: ROOT,
  });
  return CLI_BUNDLE;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildCli();
  } catch (err) {
    // Not fatal for install: bin/deeprecall.js falls back to running the sources through tsx.
    console.error(`build-cli: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    process.exitCode = process.env.npm_lifecycle_event === 'prepare' ? 0 : 1;
  }
}
