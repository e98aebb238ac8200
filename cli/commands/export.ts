import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { EXPORT_FORMATS, type ExportFormat } from '../../service/contract/exportFormats.ts';
import { CliError, printResult, withApp, type Io } from '../context.ts';
import { progressLine } from '../progress.ts';
import { common } from './options.ts';

const CSV_FILES = ['reviews.csv', 'cards.csv', 'daily.csv'] as const;

export function registerExport(program: Command, io: Io): void {
  common(program.command('export').description('export progress: csv (a folder with reviews/cards/daily.csv), json, apkg (Anki), backup, report (HTML)'))
    .addOption(new Option('--format <format>', 'what to write').choices(['csv', ...EXPORT_FORMATS]).makeOptionMandatory())
    .requiredOption('--out <path>', 'file to write (for csv: a folder, created if missing)')
    .addOption(new Option('--lang <lang>', 'language of the report and of problem prompts (default: the profile setting)').choices(['zh', 'en']))
    .action(async (o) => {
      const [{ exportTo }, { StatsService }] = await Promise.all([import('../../service/export/run.ts'), import('../../service/stats.ts')]);
      await withApp(o, false, async (app) => {
        const ctx = { ...new StatsService(app).exportContext(o.lang), onWarning: (m: string) => io.err(`warning: ${m}`) };
        const out = path.resolve(o.out);
        const written: { file: string; rows: number }[] = [];
        // A progress line per file on a terminal; the rows' share of the expected total (unknown: 0).
        const run = async (format: ExportFormat, file: string) => {
          const line = progressLine(process.stderr, `export ${path.basename(file)}`, { json: o.json });
          try {
            return await exportTo(format, file, ctx, line ? (done, total) => line.update(total > 0 ? done / total : null, `${done.toLocaleString('en')} rows`) : undefined);
          } finally {
            line?.end();
          }
        };
        if (o.format === 'csv') {
          try {
            fs.mkdirSync(out, { recursive: true });
          } catch (err) {
            throw new CliError(`cannot create folder ${out}: ${(err as Error).message}`, 1);
          }
          for (const f of CSV_FILES) {
            const file = path.join(out, f);
            written.push({ file, rows: await run(f, file) });
          }
        } else {
          written.push({ file: out, rows: await run(o.format as ExportFormat, out) });
        }
        printResult(io, o.json, { format: o.format, files: written }, () => written.map((w) => `wrote ${w.file}`).join('\n'));
      });
    });

  common(program.command('restore').description('replace the profile with a backup made by `export --format backup`'))
    .argument('<file>', 'backup file')
    .option('--force', 'replace existing cards and reviews (they are backed up first)')
    .action(async (file: string, o) => {
      const { restoreBackup } = await import('../../service/export/backup.ts');
      // A profile that does not exist yet is created empty and filled from the backup.
      await withApp(o, true, async (app) => {
        const r = await restoreBackup(app.store, path.resolve(file), { overwrite: Boolean(o.force) });
        printResult(io, o.json, { restored: true, ...r }, () =>
          [`restored ${r.cards} cards and ${r.reviews} reviews (backup schema v${r.schemaVersion})`, r.previousBackup ? `previous data saved to ${r.previousBackup}` : '']
            .filter(Boolean)
            .join('\n'),
        );
      });
    });
}
