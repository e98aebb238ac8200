// The JSON export: every table verbatim (undone reviews included, marked by
// undone_at), JSON-typed columns parsed into real JSON, plus the computed
// all-time stats. Streamed row by row, so its size is not bounded by memory.
import type { ExportReader } from '../../db/export.ts';
import type { Stats } from '../../srs/stats/types.ts';
import type { Sink } from './atomic.ts';

export const JSON_EXPORT_FORMAT = 'deeprecall-export';
export const JSON_EXPORT_VERSION = 1;

/** Columns that hold JSON text in the database. */
const JSON_COLUMNS: Record<string, readonly string[]> = {
  cards: ['section', 'links', 'warnings'],
  mocks: ['config', 'questions', 'report'],
  mock_answers: ['verdict'],
  settings: ['value'],
};

function decode(table: string, row: Record<string, unknown>): Record<string, unknown> {
  for (const col of JSON_COLUMNS[table] ?? []) {
    const v = row[col];
    if (typeof v !== 'string') continue;
    try {
      row[col] = JSON.parse(v);
    } catch {
      // keep the text: a hand-edited value is still data worth exporting
    }
  }
  return row;
}

export async function writeJson(
  reader: ExportReader,
  sink: Sink,
  meta: { exportedAt: number; stats: Stats },
  progress?: (done: number) => void,
): Promise<number> {
  await sink.write(`{\n"format": ${JSON.stringify(JSON_EXPORT_FORMAT)},\n"version": ${JSON_EXPORT_VERSION},\n`);
  await sink.write(`"exportedAt": ${JSON.stringify(new Date(meta.exportedAt).toISOString())},\n"schemaVersion": ${reader.schemaVersion()},\n`);
  await sink.write(`"stats": ${JSON.stringify(meta.stats)},\n"tables": {`);
  let n = 0;
  let firstTable = true;
  for (const table of reader.tables()) {
    await sink.write(`${firstTable ? '' : ','}\n${JSON.stringify(table)}: [`);
    firstTable = false;
    let first = true;
    for (const row of reader.rows(table)) {
      await sink.write(`${first ? '\n' : ',\n'}${JSON.stringify(decode(table, row))}`);
      first = false;
      if (++n % 5000 === 0) progress?.(n);
    }
    await sink.write('\n]');
  }
  await sink.write('\n}\n}\n');
  progress?.(n);
  return n;
}
