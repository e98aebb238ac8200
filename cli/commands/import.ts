import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError, printResult, withApp, type Io } from '../context.ts';
import { common } from './options.ts';
import type { ImportBatchReport, ImportReport } from '../../service/contract/index.ts';
import { decodeNotes } from '../../cards/notes/decode.ts';
import type { Progress } from '../../service/importer.ts';
// The importer (notes parser), the watcher (chokidar) and the Anki reader load only when used: `--help` stays fast.
const isAnkiPackage = (file: string) => /\.(apkg|colpkg)$/i.test(file);

export function formatReport(r: ImportReport): string {
  const c = r.counts;
  const kinds = Object.entries(r.byKind).map(([k, n]) => `${k} ${n}`).join(', ');
  const lines = [
    `deck ${r.deck}: ${r.cards} cards (${kinds})`,
    `new ${c.new} · updated ${c.updated} · unchanged ${c.unchanged} · moved ${c.moved} · renamed ${c.renamed ?? 0} · retired ${c.retired} · restored ${c.restored}`,
  ];
  for (const m of r.renamed ?? []) lines.push(`renamed: line ${m.line}: ${m.from.join(' › ')} → ${m.to.join(' › ')}`);
  for (const w of r.warnings) lines.push(`warning: line ${w.line}: ${w.message}`);
  return lines.join('\n');
}

export function formatBatch(r: ImportBatchReport, { warnings = true } = {}): string {
  const t = r.totals;
  const lines = [
    `${t.imported} of ${t.files} notes imported, ${t.cards} cards${t.images ? `, ${t.images} new images` : ''}${t.failed ? `, ${t.failed} failed` : ''}`,
    `new ${t.new} · updated ${t.updated} · unchanged ${t.unchanged} · moved ${t.moved} · renamed ${t.renamed} · retired ${t.retired} · restored ${t.restored}`,
  ];
  for (const e of r.errors) lines.push(`error: ${e.path}: ${e.message}`);
  for (const f of r.files) {
    if (f.error) lines.push(`error: ${f.file}: ${f.error}`);
    else if (f.skipped) lines.push(`skipped: ${f.file}: deck ${f.deck} was removed (restore it in Decks)`);
    for (const m of f.renamed ?? []) lines.push(`renamed: ${f.file}:${m.line}: ${m.from.join(' › ')} → ${m.to.join(' › ')}`);
    if (warnings) for (const w of f.warnings) lines.push(`warning: ${f.file}:${w.line}: ${w.message}`);
  }
  for (const g of r.gone) lines.push(`gone: ${g.file}: ${g.retired} cards retired (restored if the file comes back)`);
  return lines.join('\n');
}

/** A one-line progress bar on a terminal's stderr; nothing when stderr is a file or pipe. */
function progressBar(stream: NodeJS.WriteStream): ((p: Progress) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  return (p) => {
    const t = Date.now();
    if (p.done < p.total && t - last < 80) return;
    last = t;
    const width = 24;
    const fill = Math.round((p.done / Math.max(1, p.total)) * width);
    const name = p.file.length > 40 ? `…${p.file.slice(-39)}` : p.file;
    stream.write(`\r\x1b[K[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${p.done}/${p.total} ${p.done < p.total ? name : ''}`);
    if (p.done >= p.total) stream.write('\r\x1b[K');
  };
}

function readSingle(file: string, io: Io, json: boolean | undefined): { name: string; markdown: string; path: string } {
  const abs = path.resolve(file);
  let bytes: Buffer;
  try {
    const st = fs.statSync(abs);
    if (!st.isFile()) throw new CliError(`${abs}: not a file`);
    if (st.size > 5 * 1024 * 1024 && !json) io.err(`reading ${(st.size / 1024 / 1024).toFixed(1)} MB…`);
    bytes = fs.readFileSync(abs);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${abs}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const decoded = decodeNotes(bytes);
  if ('error' in decoded) throw new CliError(`${abs}: ${decoded.error}`);
  return { name: path.basename(abs), markdown: decoded.text, path: abs };
}

export function registerImport(program: Command, io: Io): void {
  common(
    program
      .command('import')
      .description('import notes: Markdown files and folders (recursive, one deck per file), or an Anki package (.apkg/.colpkg); the bundled deck when none is given')
      .argument('[paths...]', 'notes .md files and/or folders, or one Anki .apkg/.colpkg'),
  )
    .option('--watch', 'keep running and re-import changed notes of the given folders (Ctrl-C stops)')
    .option('--force', 'parse every note again, even those unchanged since their last import')
    .action(async (paths: string[], o) => {
      if (paths.length === 1 && isAnkiPackage(paths[0]!)) return (await import('./import-anki.ts')).runAnkiImport(paths[0]!, o, io);
      // One existing file keeps the single-deck report it always had.
      const single = paths.length === 1 && !o.watch && fs.existsSync(paths[0]!) && fs.statSync(paths[0]!).isFile() ? readSingle(paths[0]!, io, o.json) : null;
      if (paths.length === 0) {
        if (o.watch) throw new CliError('--watch needs a folder to watch');
        return withApp(o, true, async (app) => {
          const report = await app.client().importDefaultDeck();
          printResult(io, o.json, report, () => formatReport(report));
        });
      }
      if (single) {
        return withApp(o, true, async (app) => {
          if (single.markdown.length > 1024 * 1024 && !o.json) io.err('parsing and storing…');
          const report = await app.client().importNotes(single);
          printResult(io, o.json, report, () => formatReport(report));
        });
      }
      const missing = paths.filter((p) => !fs.existsSync(p));
      if (missing.length === paths.length) throw new CliError(`${path.resolve(missing[0]!)}: no such file or folder`);
      const [{ NotesImporter }, { FolderWatcher }] = await Promise.all([import('../../service/importer.ts'), import('../../service/watch.ts')]);
      await withApp(o, true, async (app) => {
        const importer = new NotesImporter(app.store, () => app.clock.now());
        const report = importer.importPaths(paths, { force: !!o.force, onProgress: o.json ? undefined : progressBar(process.stderr) });
        printResult(io, o.json, report, () => formatBatch(report));
        if (report.totals.imported === 0 && report.totals.failed > 0) process.exitCode = 1;
        if (!o.watch) return;
        const folders = paths.map((p) => path.resolve(p)).filter((p) => fs.existsSync(p) && fs.statSync(p).isDirectory());
        if (folders.length === 0) throw new CliError('--watch needs a folder to watch');
        const watcher = new FolderWatcher((root, changed) => importer.importPaths([root], { only: changed }), {
          onReport: (_root, r) => {
            if (o.json) io.out(JSON.stringify(r));
            else io.out(`${new Date(app.clock.now()).toLocaleTimeString()} ${r.files.map((f) => f.file).concat(r.gone.map((g) => g.file)).join(', ')}\n${formatBatch(r)}`);
          },
          onError: (root, err) => io.err(`watch ${root}: ${err instanceof Error ? err.message : String(err)}`),
        });
        for (const f of folders) watcher.add(f);
        if (!o.json) io.err(`watching ${folders.join(', ')} — Ctrl-C to stop`);
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void watcher.close().then(resolve, resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
      });
    });
}
