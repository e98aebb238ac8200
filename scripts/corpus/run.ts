// The I/O half of the corpus report: find the notes of a corpus, import them
// into a fresh profile the way a user would, and read every card back through
// `deeprecall cards --db F --json --html`.
//
// Import: `deeprecall import DIR --db F --json` (folder import). When the CLI
// cannot import a folder yet, each file is imported through the same AppApi
// method the CLI uses (`importNotes`), in this process to avoid ~0.8 s of
// process start per file, with the deck named after the path relative to the
// corpus root so two README.md never collide.
//
// The code under test is a checkout (`--repo DIR`, default: this one): its CLI
// is bundled into corpus-report/.cli/ (never into the checkout itself) and its
// service modules are loaded from its sources, so another branch's worktree
// can be measured without touching it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeNotes } from '../../cards/notes/decode.ts';
import { deckIdFromName } from '../../service/deck.ts';
import type { ReportCard } from './metrics.ts';
import type { ImportWarning, NoteFile } from './summary.ts';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

type StoreModule = typeof import('../../db/store.ts');
type AppModule = typeof import('../../service/app.ts');
type DecodeModule = typeof import('../../cards/notes/decode.ts');

/** The checkout whose code is measured: how to run its CLI and load its service. */
export interface Target {
  repo: string;
  cliArgs: string[]; // node arguments before the CLI's own
  store: StoreModule;
  app: AppModule;
  decode: DecodeModule;
}

/**
 * Bundle the checkout's CLI with esbuild into `outDir` (inside this checkout,
 * so better-sqlite3 resolves from its node_modules), falling back to its
 * bin/deeprecall.js (tsx, slower) when bundling fails.
 */
export async function loadTarget(repo: string, outDir: string): Promise<Target> {
  const abs = path.resolve(repo);
  let cliArgs = [path.join(abs, 'bin', 'deeprecall.js')];
  try {
    const esbuild = await import('esbuild');
    fs.mkdirSync(outDir, { recursive: true });
    const bundle = path.join(outDir, 'deeprecall.mjs');
    await esbuild.build({
      entryPoints: [path.join(abs, 'cli', 'main.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20',
      external: ['better-sqlite3'], logLevel: 'silent', legalComments: 'none', absWorkingDir: abs,
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    const runner = path.join(outDir, 'run.mjs');
    fs.writeFileSync(runner, "import { main } from './deeprecall.mjs';\nprocess.exitCode = await main(process.argv);\n");
    cliArgs = [runner];
  } catch (err) {
    process.stderr.write(`corpus-report: CLI not bundled (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); running ${cliArgs[0]}\n`);
  }
  const load = <T>(rel: string) => import(pathToFileURL(path.join(abs, rel)).href) as Promise<T>;
  return { repo: abs, cliArgs, store: await load<StoreModule>('db/store.ts'), app: await load<AppModule>('service/app.ts'), decode: await load<DecodeModule>('cards/notes/decode.ts') };
}

/** Every .md/.markdown file under `dir`, hidden folders (.obsidian, .trash, .git) skipped, sorted. */
export function listNotes(dir: string): NoteFile[] {
  const out: NoteFile[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.(md|markdown)$/i.test(e.name)) {
        const decoded = decodeNotes(fs.readFileSync(p));
        out.push({ rel: path.relative(dir, p).split(path.sep).join('/'), text: 'text' in decoded ? decoded.text : '' });
      }
    }
  };
  walk(dir);
  return out;
}

function cli(t: Target, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...t.cliArgs, ...args], { cwd: t.repo, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Warning-shaped objects anywhere in the import command's JSON (its exact shape belongs to the CLI). */
export function collectWarnings(value: unknown, file?: string, out: ImportWarning[] = []): ImportWarning[] {
  if (Array.isArray(value)) {
    for (const v of value) collectWarnings(v, file, out);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const here = typeof o.file === 'string' ? o.file : typeof o.path === 'string' ? o.path : file;
    if (typeof o.code === 'string' && (typeof o.message === 'string' || typeof o.line === 'number')) {
      out.push({ code: o.code, file: here, line: typeof o.line === 'number' ? o.line : undefined, message: typeof o.message === 'string' ? o.message : undefined });
      return out;
    }
    for (const v of Object.values(o)) collectWarnings(v, here, out);
  }
  return out;
}

/** Per-file errors in the folder import's JSON: objects with an `error` string. */
export function collectErrors(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) collectErrors(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.error === 'string') out.push(o.error);
    else for (const v of Object.values(o)) collectErrors(v, out);
  }
  return out;
}

export interface ImportResult {
  mode: 'folder' | 'per-file (in-process importNotes)';
  warnings: ImportWarning[];
  errors: string[];
  deckToFile: Map<string, string>;
  note?: string;
}

/** `tryFolder: false` skips the folder attempt (the caller already saw it fail in this run). */
export async function importCorpus(t: Target, dir: string, db: string, files: readonly NoteFile[], tryFolder = true): Promise<ImportResult> {
  const deckToFile = new Map<string, string>();
  const folder = tryFolder ? cli(t, ['import', dir, '--db', db, '--json']) : { status: 1, stdout: '', stderr: 'not tried again after the first failure' };
  if (folder.status === 0) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(folder.stdout);
    } catch {
      parsed = null;
    }
    // Decks printed without a file: guess the id the way a path-based deck id would look.
    for (const f of files) {
      for (const id of [f.rel, f.rel.replace(/\.(md|markdown)$/i, ''), deckIdFromName(f.rel), deckIdFromName(path.basename(f.rel))]) {
        if (!deckToFile.has(id)) deckToFile.set(id, f.rel);
      }
    }
    return { mode: 'folder', warnings: collectWarnings(parsed), errors: collectErrors(parsed), deckToFile };
  }
  const store = t.store.Store.open(db, { create: true });
  const warnings: ImportWarning[] = [];
  const errors: string[] = [];
  try {
    const api = new t.app.App(store).client();
    for (const f of files) {
      const abs = path.join(dir, f.rel);
      const decoded = t.decode.decodeNotes(fs.readFileSync(abs));
      if ('error' in decoded) {
        errors.push(`${f.rel}: ${decoded.error}`);
        continue;
      }
      try {
        const report = await api.importNotes({ name: f.rel, markdown: decoded.text, path: abs });
        deckToFile.set(report.deck, f.rel);
        for (const w of report.warnings) warnings.push({ code: w.code, file: f.rel, line: w.line, message: w.message });
      } catch (err) {
        errors.push(`${f.rel}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } finally {
    store.close();
  }
  const why = (folder.stderr.trim().split('\n').pop() ?? '').slice(0, 200);
  return { mode: 'per-file (in-process importNotes)', warnings, errors, deckToFile, note: `folder import unavailable: ${why}` };
}

/** Every live card of the profile, as the CLI prints it (reading lists included). */
export function readCards(t: Target, db: string): ReportCard[] {
  const r = cli(t, ['cards', '--db', db, '--json', '--html']);
  if (r.status !== 0) throw new Error(`deeprecall cards failed: ${r.stderr.trim().split('\n').pop()}`);
  return JSON.parse(r.stdout) as ReportCard[];
}

/** Fill `deck`/`line` from the profile when the CLI does not print them yet (read-only). */
export function enrichFromStore(t: Target, db: string, cards: ReportCard[]): void {
  if (cards.every((c) => c.deck !== undefined && c.line !== undefined)) return;
  const store = t.store.Store.open(db, { create: false });
  try {
    for (const c of cards) {
      const stored = store.cards.byId(c.id);
      if (!stored) continue;
      c.deck ??= stored.deck;
      c.line ??= stored.line;
    }
  } finally {
    store.close();
  }
}
