// One entry point per export format, shared by the CLI (writes to --out) and
// the job runner behind the UI's Export panel (writes to a temp file it then
// serves in chunks). Every format streams through an atomic temp file.
import type { Store } from '../../db/store.ts';
import { ExportReader } from '../../db/export.ts';
import { dayToIso } from '../../srs/day.ts';
import type { Stats } from '../../srs/stats/types.ts';
import type { ExportFormat } from '../contract/stats.ts';
import { writeApkg } from './anki/apkg.ts';
import { atomicStream } from './atomic.ts';
import { writeBackup } from './backup.ts';
import { writeCardsCsv, writeDailyCsv, writeReviewsCsv } from './csv.ts';
import { writeJson } from './json.ts';
import { pipeReviewsCsv } from '../worker/reviewsCsvPipe.ts';
import { writeReport } from './report.ts';

export interface ExportContext {
  store: Store;
  now: number;
  today: number;
  todayStartMs: number;
  lang: 'zh' | 'en';
  /** The profile's rollover hour (Anki's `rollover` in the .apkg). */
  rolloverHour?: number;
  /** Export warnings (TeX Anki's MathJax may not render). */
  onWarning?: (message: string) => void;
  /** All-time stats, for the JSON export and the report. */
  stats: () => Stats;
  nativeBinding?: string;
  /**
   * reviews.csv in a worker thread beside this one (service/worker/reviewsCsvPipe.ts):
   * on unless false; `entry` names the worker's main module (the bench: the shipped one; tests: a missing one).
   */
  pipeline?: false | { entry?: string };
}

export const EXPORT_MIME: Record<ExportFormat, string> = {
  'reviews.csv': 'text/csv;charset=utf-8',
  'cards.csv': 'text/csv;charset=utf-8',
  'daily.csv': 'text/csv;charset=utf-8',
  json: 'application/json',
  apkg: 'application/octet-stream',
  backup: 'application/vnd.sqlite3',
  report: 'text/html;charset=utf-8',
};

export function exportFilename(format: ExportFormat, today: number): string {
  const d = dayToIso(today);
  switch (format) {
    case 'reviews.csv':
    case 'cards.csv':
    case 'daily.csv':
      return `deeprecall-${format.replace('.csv', '')}-${d}.csv`;
    case 'json':
      return `deeprecall-${d}.json`;
    case 'apkg':
      return `deeprecall-${d}.apkg`;
    case 'backup':
      return `deeprecall-backup-${d}.sqlite`;
    case 'report':
      return `deeprecall-report-${d}.html`;
  }
}

/** Rough unit count for a progress bar: rows for tabular formats, cards for apkg. */
export function expectedUnits(reader: ExportReader, format: ExportFormat): number {
  const c = reader.counts();
  if (format === 'reviews.csv') return c.reviews;
  if (format === 'cards.csv' || format === 'apkg') return c.cards;
  if (format === 'json') return c.reviews * 1.2 + c.cards * 2 + c.mocks;
  return 0;
}

/** Write one format to `out` (atomically); returns the rows or notes written. */
export async function exportTo(format: ExportFormat, out: string, ctx: ExportContext, progress?: (done: number, total: number) => void): Promise<number> {
  if (format === 'backup') {
    await writeBackup(ctx.store, out);
    return 1;
  }
  if (format === 'reviews.csv' && ctx.pipeline !== false) {
    let total = 0;
    const report = (done: number) => progress?.(done, total);
    let n = 0;
    await atomicStream(out, async (sink) => {
      const piped = await pipeReviewsCsv(ctx.store.file, sink, { onTotal: (t) => (total = t), progress: report, nativeBinding: ctx.nativeBinding, entry: ctx.pipeline ? ctx.pipeline.entry : undefined });
      if (piped !== null) {
        n = piped;
        return;
      }
      // No worker: the same file from this thread.
      const reader = ExportReader.open(ctx.store.file, ctx.nativeBinding);
      try {
        total = expectedUnits(reader, format);
        n = await writeReviewsCsv(reader, sink, report);
      } finally {
        reader.close();
      }
    });
    return n;
  }
  const reader = ExportReader.open(ctx.store.file, ctx.nativeBinding);
  try {
    const total = expectedUnits(reader, format);
    const report = (done: number) => progress?.(done, total);
    let n = 0;
    await atomicStream(out, async (sink) => {
      switch (format) {
        case 'reviews.csv':
          n = await writeReviewsCsv(reader, sink, report);
          break;
        case 'cards.csv':
          n = await writeCardsCsv(reader, sink, report);
          break;
        case 'daily.csv':
          n = await writeDailyCsv(reader, sink, ctx.today);
          break;
        case 'json':
          n = await writeJson(reader, sink, { exportedAt: ctx.now, stats: ctx.stats() }, report);
          break;
        case 'apkg':
          n = await writeApkg(reader, sink, { now: ctx.now, today: ctx.today, todayStartMs: ctx.todayStartMs, lang: ctx.lang, nativeBinding: ctx.nativeBinding, progress: report,
            rolloverHour: ctx.rolloverHour, media: (name) => reader.media(name), onWarning: ctx.onWarning });
          break;
        case 'report':
          await sink.write(writeReport(ctx.stats(), ctx.lang, ctx.now));
          n = 1;
          break;
      }
    });
    return n;
  } finally {
    reader.close();
  }
}
