// Exports from the UI: start a job, poll its progress, read the file in
// chunks and hand it to the browser as a download (a Blob: the page cannot
// be given a path). Restore uploads a backup as base64.
import type { AppApi, ExportFormat } from '../../../service/contract/index.ts';

export interface ExportProgress {
  phase: 'preparing' | 'downloading';
  /** 0..1, or null while the size is unknown. */
  fraction: number | null;
  filename: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  // fromCharCode over slices: one call per byte would be slow, one call for all would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function downloadExport(
  api: AppApi,
  format: ExportFormat,
  lang: 'zh' | 'en',
  onProgress: (p: ExportProgress) => void,
  save: (blob: Blob, filename: string) => void = saveBlob,
): Promise<string> {
  const job = await api.exportStart({ format, lang });
  try {
    for (;;) {
      const s = await api.exportStatus({ id: job.id });
      if (s.state === 'failed') throw new Error(s.error ?? 'failed');
      if (s.state === 'ready') break;
      onProgress({ phase: 'preparing', fraction: s.total > 0 ? Math.min(1, s.done / s.total) : null, filename: job.filename });
      await sleep(150);
    }
    const parts: Uint8Array[] = [];
    let offset = 0;
    for (;;) {
      const c = await api.exportRead({ id: job.id, offset });
      parts.push(base64ToBytes(c.base64));
      offset += c.bytes;
      const total = (await api.exportStatus({ id: job.id })).bytes;
      onProgress({ phase: 'downloading', fraction: total > 0 ? offset / total : 1, filename: job.filename });
      if (c.eof) break;
    }
    save(new Blob(parts as BlobPart[], { type: job.mime }), job.filename);
    return job.filename;
  } finally {
    await api.exportFinish({ id: job.id }).catch(() => undefined);
  }
}
