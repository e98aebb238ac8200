// Long imports from the UI: the call carries a fresh progress id and, while
// it waits for its report, the screen polls importProgress with that id (the
// host answers polls between the import's time slices). The import's own
// reply is the result; polling only paints the bar.
import type { AppApi, ImportProgress } from '../../service/contract/index.ts';

export function newProgressId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * Run `start(id)` and report its progress every `everyMs` until it settles.
 * One poll at a time; a failed poll is ignored (the import's reply decides).
 */
export async function withImportProgress<T>(api: Pick<AppApi, 'importProgress'>, start: (progressId: string) => Promise<T>, onProgress: (p: ImportProgress) => void, everyMs = 150): Promise<T> {
  const id = newProgressId();
  let settled = false;
  const run = start(id).finally(() => (settled = true));
  const loop = (async () => {
    while (!settled) {
      await new Promise((r) => setTimeout(r, everyMs));
      if (settled) break;
      try {
        const p = await api.importProgress({ id });
        if (!settled && p.state === 'running') onProgress(p);
      } catch {
        // The import's own reply reports what went wrong.
      }
    }
  })();
  try {
    return await run;
  } finally {
    await loop;
  }
}
