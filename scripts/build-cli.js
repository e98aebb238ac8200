#!/usr/bin/env node
// Bundle the CLI (and with it browser mode's server) into dist-cli/deeprecall.mjs.
// Run by `npm install` (prepare) and `npm run build`. Why: through tsx every
// start re-reads ~300 TypeScript files and all of mathjs (5+ s on a busy
// machine); the bundle is one file with mathjs cut down to its parser.
// better-sqlite3 stays external: it is a native module.
//
// Code splitting: each command imports its heavy modules (service, server,
// mathjs, KaTeX) with import(), so `--help` loads only the small entry chunk.
// Freshness is decided here, at build time: dist-cli/inputs.json lists every
// source file that went into the bundle; bin/deeprecall.js stats only those
// (no directory walk) and falls back to the sources if any is newer than the
// build. A new source file can only matter once an input imports it, which
// changes that input's mtime.
//
// The bundled deck ships parsed: after bundling, the build runs the bundle's
// own deck code (entry `deck-drafts`) on decks/dl-interview-notes.md and
// writes dist-cli/default-deck.json keyed by the deck's sha256, so a fresh
// profile stores its cards without loading the parser (service/prebuiltDeck.ts).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { zodEnglishOnly } from './zod-english-only.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = path.join(ROOT, 'dist-cli', 'deeprecall.mjs');

export const CLI_INPUTS = path.join(ROOT, 'dist-cli', 'inputs.json');

/** Relative to the app root, as service/prebuiltDeck.ts resolves it. */
const PREBUILT_DECK = 'dist-cli/default-deck.json';

export async function buildCli() {
  const outdir = path.dirname(CLI_BUNDLE);
  // Old chunks would pile up across builds (their names carry a hash).
  fs.rmSync(outdir, { recursive: true, force: true });
  const started = Date.now();
  const result = await esbuild.build({
    // The task worker (service/worker/entry.ts) is its own entry: dist-cli/worker.mjs, found by service/worker/path.ts;
    // deck-drafts is run once after the build to write the prebuilt default deck.
    entryPoints: { deeprecall: path.join(ROOT, 'cli', 'main.ts'), worker: path.join(ROOT, 'service', 'worker', 'entry.ts'), 'deck-drafts': path.join(ROOT, 'service', 'deckDrafts.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    metafile: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    define: { __DEEPRECALL_PREBUILT_DECK__: JSON.stringify(PREBUILT_DECK) },
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: ROOT,
    plugins: [zodEnglishOnly()],
    // sanitize-html needs postcss only for style attributes, which cards never keep (renderer/lib/noPostcss.ts):
    // review renders card sides on the server now, and postcss was 300 kB of the chunk it compiles for the first card.
    alias: { postcss: path.join(ROOT, 'renderer', 'lib', 'noPostcss.ts') },
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules')).sort();
  // builtAt is taken before esbuild read the sources: an edit during the build counts as newer.
  fs.writeFileSync(CLI_INPUTS, JSON.stringify({ builtAt: started, inputs }));
  try {
    await writePrebuiltDeck(outdir);
  } catch (err) {
    // Not fatal: without the file a fresh profile parses the deck, as from the sources.
    console.error(`build-cli: default deck not prebuilt: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  return CLI_BUNDLE;
}

/** Parse the bundled deck with the code just bundled and store the result next to the bundle. */
async function writePrebuiltDeck(outdir) {
  const deckFile = path.join(ROOT, 'decks', 'dl-interview-notes.md');
  const markdown = fs.readFileSync(deckFile, 'utf8');
  const { defaultDeckDrafts, defaultDeckJson } = await import(pathToFileURL(path.join(outdir, 'deck-drafts.mjs')).href);
  const sha = createHash('sha256').update(markdown).digest('hex');
  fs.writeFileSync(path.join(ROOT, PREBUILT_DECK), defaultDeckJson(sha, defaultDeckDrafts(markdown)));
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
