// `deeprecall import deck.apkg|.colpkg`: the Anki side of the import command.
import fs from 'node:fs';
import path from 'node:path';
import type { AnkiImportReport } from '../../service/contract/index.ts';
import { importAnki } from '../../service/anki.ts';
import { CliError, printResult, withApp, type Io } from '../context.ts';
import { progressLine } from '../progress.ts';
import { ANKI_PHASES, ProgressTracker } from '../../service/progress/tracker.ts';
import type { GlobalOpts } from '../context.ts';

/** Larger than any deck a phone carries; the package is read into memory. */
const MAX_FILE = 2 * 1024 * 1024 * 1024 - 1;

export const isAnkiPackage = (file: string) => /\.(apkg|colpkg)$/i.test(file);

export function formatAnkiReport(r: AnkiImportReport): string {
  const lines = [
    `${path.basename(r.file)} (${r.format}): ${r.decks.length} decks${r.decks.length ? ` — ${r.decks.slice(0, 8).join(', ')}${r.decks.length > 8 ? ', …' : ''}` : ''}`,
    `notes: ${r.notes.imported} imported, ${r.notes.skipped} skipped`,
    `cards: ${r.cards.added} added, ${r.cards.updated} updated, ${r.cards.unchanged} unchanged, ${r.cards.skipped} skipped; schedule from Anki for ${r.cards.scheduleFromAnki}`,
    `reviews: ${r.reviews.added} added, ${r.reviews.alreadyHere} already here, ${r.reviews.skipped} skipped`,
    `media: ${r.media.added} added, ${r.media.alreadyHere} already here, ${r.media.skipped} skipped`,
  ];
  for (const s of r.skipped) lines.push(`skipped ${s.what} ${s.id}: ${s.reason}`);
  const total = r.notes.skipped + r.cards.skipped + r.reviews.skipped + r.media.skipped;
  if (total > r.skipped.length) lines.push(`… and ${total - r.skipped.length} more skipped (see --json for the first ${r.skipped.length})`);
  return lines.join('\n');
}

export async function runAnkiImport(file: string, o: GlobalOpts & { json?: boolean }, io: Io): Promise<void> {
  const abs = path.resolve(file);
  let bytes: Buffer;
  try {
    const st = fs.statSync(abs);
    if (!st.isFile()) throw new CliError(`${abs}: not a file`);
    if (st.size > MAX_FILE) throw new CliError(`${abs}: larger than 2 GB`);
    bytes = fs.readFileSync(abs);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${abs}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  if (!o.json) io.err(`importing ${path.basename(abs)} (${(bytes.length / 1024 / 1024).toFixed(1)} MB)…`);
  await withApp(o, true, (app) => {
    const line = progressLine(process.stderr, path.basename(abs), { json: o.json });
    const tracker = line ? new ProgressTracker(ANKI_PHASES, (p) => line.update(p.percent / 100, p.phase === 'notes' ? `notes ${p.done}/${p.total}` : (p.phase ?? ''))) : null;
    let report: AnkiImportReport;
    try {
      report = importAnki(app, abs, bytes, tracker ? { onProgress: tracker.report } : {});
    } finally {
      line?.end();
    }
    printResult(io, o.json, report, () => formatAnkiReport(report));
  });
}
