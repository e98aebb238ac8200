import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError, printResult, withApp, type Io } from '../context.ts';
import { common } from './options.ts';
import type { ImportReport } from '../../service/contract/index.ts';

export function formatReport(r: ImportReport): string {
  const c = r.counts;
  const kinds = Object.entries(r.byKind).map(([k, n]) => `${k} ${n}`).join(', ');
  const lines = [
    `deck ${r.deck}: ${r.cards} cards (${kinds})`,
    `new ${c.new} · updated ${c.updated} · unchanged ${c.unchanged} · moved ${c.moved} · retired ${c.retired} · restored ${c.restored}`,
  ];
  for (const w of r.warnings) lines.push(`warning: line ${w.line}: ${w.message}`);
  return lines.join('\n');
}

export function registerImport(program: Command, io: Io): void {
  common(program.command('import').description('import a Markdown notes file (the bundled deck when no file is given)').argument('[file]', 'notes .md file'))
    .action(async (file: string | undefined, o) => {
      let input: { name: string; markdown: string; path: string } | null = null;
      if (file) {
        const abs = path.resolve(file);
        let bytes: Buffer;
        try {
          const st = fs.statSync(abs);
          if (!st.isFile()) throw new CliError(`${abs}: not a file`);
          if (st.size > 5 * 1024 * 1024 && !o.json) io.err(`reading ${(st.size / 1024 / 1024).toFixed(1)} MB…`);
          bytes = fs.readFileSync(abs);
        } catch (err) {
          if (err instanceof CliError) throw err;
          throw new CliError(`${abs}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
        }
        const { decodeNotes } = await import('../../cards/notes/decode.ts');
        const decoded = decodeNotes(bytes);
        if ('error' in decoded) throw new CliError(`${abs}: ${decoded.error}`);
        input = { name: path.basename(abs), markdown: decoded.text, path: abs };
      }
      await withApp(o, true, async (app) => {
        const api = app.client();
        if (input && input.markdown.length > 1024 * 1024 && !o.json) io.err('parsing and storing…');
        const report = input ? await api.importNotes(input) : await api.importDefaultDeck();
        printResult(io, o.json, report, () => formatReport(report));
      });
    });
}
