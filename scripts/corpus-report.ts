// npm run corpus-report [-- --seed N] [--corpus NAME[,NAME]] [--json] [--root DIR] [--out DIR] [--sample N] [--repo DIR] [--dump]
// --dump also writes every card with its flags to corpus-report/<name>-cards.json.
// --repo measures another checkout's code (e.g. a helper's worktree) without writing into it.
//
// Imports each real-world notes corpus (tests/fixtures/corpora/<name>/) into
// a fresh temporary profile exactly as a user would, reads every card back
// through `deeprecall cards --db F --json --html`, and reports the defects a
// learner would see (issue 11). Writes corpus-report/summary.md and a seeded
// 25-card sample per corpus (corpus-report/<name>-sample.md) to judge by hand.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { enrichFromStore, importCorpus, listNotes, loadTarget, readCards, ROOT } from './corpus/run.ts';
import { sampleMarkdown, sampleOf } from './corpus/sample.ts';
import { analyseCorpus, corpusCjkShare, summaryTable, type CorpusRow } from './corpus/summary.ts';

interface Args {
  seed: number;
  corpora: string[] | null;
  json: boolean;
  root: string;
  out: string;
  sampleSize: number;
  repo: string;
  dump: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { seed: 1, corpora: null, json: false, root: path.join(ROOT, 'tests', 'fixtures', 'corpora'), out: path.join(ROOT, 'corpus-report'), sampleSize: 25, repo: ROOT, dump: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const v = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${k} needs a value`);
      return next;
    };
    if (k === '--seed') {
      a.seed = Number(v());
      if (!Number.isInteger(a.seed) || a.seed < 0) throw new Error('--seed must be a non-negative integer');
    } else if (k === '--corpus') a.corpora = [...(a.corpora ?? []), ...v().split(',').filter(Boolean)];
    else if (k === '--json') a.json = true;
    else if (k === '--root') a.root = path.resolve(v());
    else if (k === '--out') a.out = path.resolve(v());
    else if (k === '--sample') a.sampleSize = Number(v());
    else if (k === '--repo') a.repo = path.resolve(v());
    else if (k === '--dump') a.dump = true;
    else throw new Error(`unknown option ${k} (use --seed N, --corpus NAME, --json, --root DIR, --out DIR, --sample N, --repo DIR, --dump)`);
  }
  return a;
}

/** `abc1234` (+ `, uncommitted changes`) of the measured checkout, for the record. */
function revision(repo: string): string {
  const head = spawnSync('git', ['-C', repo, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout?.trim() || 'unknown revision';
  const dirty = spawnSync('git', ['-C', repo, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout?.trim();
  return dirty ? `${head} (with uncommitted changes)` : head;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const all = fs.readdirSync(args.root, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
  const names = args.corpora ?? all;
  for (const n of names) if (!all.includes(n)) throw new Error(`no corpus ${n} in ${args.root} (have: ${all.join(', ')})`);
  fs.mkdirSync(args.out, { recursive: true });
  // The bundle stays under this checkout (node_modules must resolve from it), one folder per measured repo.
  const target = await loadTarget(args.repo, path.join(ROOT, 'corpus-report', '.cli', path.basename(args.repo)));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-corpus-'));
  const rows: CorpusRow[] = [];
  const details: Record<string, unknown> = {};
  let tryFolder = true;
  try {
    for (const name of names) {
      const started = Date.now();
      const dir = path.join(args.root, name);
      const files = listNotes(dir);
      const db = path.join(tmp, `${name}.db`);
      const imported = await importCorpus(target, dir, db, files, tryFolder);
      if (imported.mode !== 'folder') tryFolder = false;
      const cards = readCards(target, db);
      const printedMissing = ['deck', 'file', 'line', 'tags', 'lang', 'frontHtml', 'backHtml'].filter(
        (f) => cards.length > 0 && cards.every((c) => (c as unknown as Record<string, unknown>)[f] === undefined),
      );
      enrichFromStore(target, db, cards);
      const { row, analysed } = analyseCorpus(name, imported.mode, files, cards, imported.warnings, imported.errors.length, imported.deckToFile);
      row.fieldsMissing = cards.length ? printedMissing : ['n/a (no cards)'];
      rows.push(row);
      // The sample is drawn from every card `cards` lists, reading lists included: a judge sees what the user sees.
      const sample = sampleOf(analysed, args.sampleSize, args.seed);
      if (args.dump) fs.writeFileSync(path.join(args.out, `${name}-cards.json`), JSON.stringify(analysed.map((a) => ({ ...a.card, file: a.file, flags: a.flags })), null, 1));
      fs.writeFileSync(path.join(args.out, `${name}-sample.md`), sampleMarkdown(name, args.seed, sample, analysed.length));
      details[name] = {
        ...row,
        cjkShareOfNotes: Number(corpusCjkShare(files).toFixed(3)),
        importNote: imported.note,
        importErrors: imported.errors,
        seconds: (Date.now() - started) / 1000,
        sample: sample.map((a) => ({ id: a.card.id, file: a.file ?? null, line: a.card.line ?? null })),
      };
      if (!args.json) process.stderr.write(`${name}: ${files.length} files, ${cards.length} cards (${((Date.now() - started) / 1000).toFixed(1)} s, ${imported.mode})\n`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const notes = rows
    .map((r) => {
      const lines = [`- **${r.corpus}** — import: ${r.importMode}; fields not printed by \`cards --json\`: ${r.fieldsMissing.join(', ') || 'none'}.`];
      const raw = r.rawByType;
      lines.push(`  raw markup by type: image ${raw.image}, wikilink ${raw.wikilink}, \`**\` ${raw.bold}, escaped tag ${raw.escapedTag}, \`==\` ${raw.highlight}.`);
      lines.push(`  images: ${r.images.shown} shown, ${r.images.missing} missing placeholders, ${r.images.remote} remote links, ${r.images.remoteLoaded} remote images loaded by the page.`);
      if (r.filesWithTextNoCardsList.length) lines.push(`  files with text but no cards: ${r.filesWithTextNoCardsList.slice(0, 12).join(', ')}${r.filesWithTextNoCardsList.length > 12 ? ', …' : ''}`);
      return lines.join('\n');
    })
    .join('\n');
  const summary = [
    `# Corpus report (seed ${args.seed}) — code of ${args.repo} at ${revision(args.repo)}`,
    '',
    'Counts are cards with the defect (share of all cards; "en + zh scaffolding" is a share of English cards).',
    '',
    summaryTable(rows),
    '',
    notes,
    '',
    `Samples: ${names.map((n) => path.relative(process.cwd(), path.join(args.out, `${n}-sample.md`))).join(', ')}`,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(args.out, 'summary.md'), summary);
  fs.writeFileSync(path.join(args.out, 'summary.json'), JSON.stringify(details, null, 2));
  process.stdout.write(args.json ? `${JSON.stringify(details, null, 2)}\n` : summary);
}

main().catch((err: unknown) => {
  process.stderr.write(`corpus-report: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
