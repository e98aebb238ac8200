// The worker's half of the pipelined reviews.csv (service/worker/reviewsCsvPipe.ts
// is the host's half): one read connection, one transaction, so the card labels
// and every row come from the same snapshot. SQLite formats each batch here
// while the host splices and writes the one before; each batch's bytes are
// transferred (not copied), and at most CSV_IN_FLIGHT batches wait for the
// host at any time, so memory stays constant however large the file.
import type { MessagePort } from 'node:worker_threads';
import { ExportReader } from '../../db/export.ts';
import { isoFormatter, resolveOddRows, type CardLabelGroup } from './csv.ts';

/**
 * Batches sent and not yet written by the host (~100 KB each, so ≤ ~3 MB):
 * enough that the worker keeps formatting through a pause of the host's
 * (a major GC; with 4 the bench's export was 1.86× its floor, with 32 1.75×),
 * few enough to keep memory constant.
 */
export const CSV_IN_FLIGHT = 32;

/** What the worker posts besides the task's usual progress/done/error. */
export type CsvPipeMessage =
  | { type: 'csv-labels'; groups: CardLabelGroup[]; total: number }
  | { type: 'csv-batch'; body: Uint8Array };

/** What the host posts back: one per batch it has written. */
export type CsvPipeAck = { type: 'csv-ack' };

/** An ArrayBuffer the buffer owns whole can be transferred; a view of a shared one must be copied. */
const own = (b: Uint8Array) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;

export async function streamReviewsCsv(port: MessagePort, file: string, nativeBinding?: string): Promise<number> {
  const reader = ExportReader.open(file, nativeBinding);
  let acked = 0;
  let wake: (() => void) | null = null;
  const onMessage = (m: CsvPipeAck) => {
    if (m?.type !== 'csv-ack') return;
    acked++;
    wake?.();
    wake = null;
  };
  port.on('message', onMessage);
  try {
    const groups = [...reader.cardLabelGroups()] as CardLabelGroup[];
    const total = reader.counts().reviews;
    port.postMessage({ type: 'csv-labels', groups, total } satisfies CsvPipeMessage, groups.filter((g) => own(g[2])).map((g) => g[2].buffer as ArrayBuffer));
    const iso = isoFormatter();
    const studyIso = isoFormatter();
    let sent = 0;
    for (let after = 0; ; ) {
      const { last, body } = reader.reviewsCsvBatch(after);
      if (last === null || body === null) break;
      const out = resolveOddRows(reader, body, iso, studyIso);
      port.postMessage({ type: 'csv-batch', body: out } satisfies CsvPipeMessage, own(out) ? [out.buffer as ArrayBuffer] : []);
      sent++;
      after = last;
      while (sent - acked >= CSV_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
    }
    return sent;
  } finally {
    port.off('message', onMessage);
    reader.close();
  }
}
