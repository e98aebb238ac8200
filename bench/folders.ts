// Issue 11 measures: a folder of ~50 notes (~1.5 MB, ~2,000 cards) imported
// by the CLI into a fresh profile (wall time including process start), the
// unchanged re-import (0 rows), and `cards --db --json --html` over it.
// The folder is generated from the bundled notes with varied headings, so the
// bench depends on nothing outside the repository.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { defaultDeckPath } from '../service/deck.ts';
import type { BenchRow } from './measure.ts';
import type { BenchContext } from './suites.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/** 50 notes in 5 sub-folders: alternating halves of the bundled notes, headings renamed, plus a long prose section. */
export function makeNotesFolder(dir: string, files = 50): { bytes: number } {
  const seed = fs.readFileSync(defaultDeckPath(), 'utf8');
  const parts = seed.split(/^(?=# )/m);
  const halves = [parts.slice(0, Math.ceil(parts.length / 2)).join(''), parts.slice(Math.ceil(parts.length / 2)).join('')];
  const prose = (i: number) =>
    Array.from({ length: 65 }, (_, k) => `In paragraph ${k} of note ${i} gradient descent, regularisation and normalisation interact in ways worth writing down, with examples and caveats.`).join('\n\n');
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const body = halves[i % 2]!.replace(/^(#{1,3}) (.+)$/gm, (_m, h: string, title: string) => `${h} ${title} (${i})`);
    const text = `${body}\n\n# Extra notes ${i}\n\n## Discussion ${i}\n\n${prose(i)}\n\n${prose(i + 1000)}\n`;
    const file = path.join(dir, `part-${i % 5}`, i < 5 ? 'README.md' : `note-${i}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return { bytes };
}

function cli(args: string[]): { ms: number; out: string; code: number | null } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/deeprecall.js'), ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`deeprecall ${args.join(' ')} failed: ${r.stderr}`);
  return { ms, out: r.stdout, code: r.status };
}

export function benchFolders(ctx: BenchContext): BenchRow[] {
  const dir = path.join(ctx.dir, 'notes-folder');
  fs.rmSync(dir, { recursive: true, force: true });
  const { bytes } = makeNotesFolder(dir);
  const db = path.join(ctx.dir, 'folder.db');
  for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });

  const first = cli(['import', dir, '--db', db, '--json']);
  const r1 = JSON.parse(first.out) as { totals: { files: number; cards: number; new: number } };
  const walBefore = fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0;
  const again = cli(['import', dir, '--db', db, '--json']);
  const r2 = JSON.parse(again.out) as { totals: Record<string, number> };
  const changed = ['new', 'updated', 'retired', 'restored', 'moved', 'renamed'].reduce((n, k) => n + (r2.totals[k] ?? 0), 0);
  const walAfter = fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0;
  const cards = cli(['cards', '--db', db, '--json', '--html']);
  const n = (JSON.parse(cards.out) as unknown[]).length;

  const mb = (bytes / 1024 / 1024).toFixed(2);
  return [
    { name: `import a folder: ${r1.totals.files} notes, ${mb} MB, ${r1.totals.cards} cards (fresh profile, process start included)`, value: first.ms, unit: 'ms', target: '< 3000 ms', pass: first.ms < 3000 },
    {
      name: 're-import the folder unchanged', value: again.ms, unit: 'ms', target: '< 1000 ms, 0 rows written', pass: again.ms < 1000 && changed === 0 && walAfter === walBefore,
      note: `${changed} cards changed, WAL ${walBefore} → ${walAfter} bytes`,
    },
    { name: `cards --db --json --html of it (${n} cards)`, value: cards.ms, unit: 'ms', target: '< 3000 ms', pass: cards.ms < 3000 },
  ];
}
