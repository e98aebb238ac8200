// The stats part of AppApi as a host sees it: validated arguments, export
// jobs read back in chunks, restore from an upload.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppApi, ExportFormat } from '../../../service/contract/index.ts';
import { ApiError } from '../../../service/contract/common.ts';
import { writeBackup } from '../../../service/export/backup.ts';
import { parseCsv } from '../../helpers/csv.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { statsProfile } from './setup.ts';

async function download(api: AppApi, format: ExportFormat, chunk = 1000): Promise<{ name: string; mime: string; bytes: Buffer; progress: number[] }> {
  const job = await api.exportStart({ format });
  const progress: number[] = [];
  let status = await api.exportStatus({ id: job.id });
  while (status.state === 'running') {
    progress.push(status.done);
    await new Promise((r) => setTimeout(r, 5));
    status = await api.exportStatus({ id: job.id });
  }
  expect(status.state, status.error).toBe('ready');
  const parts: Buffer[] = [];
  for (let offset = 0; ; ) {
    const c = await api.exportRead({ id: job.id, offset, length: chunk });
    parts.push(Buffer.from(c.base64, 'base64'));
    offset += c.bytes;
    if (c.eof) break;
  }
  expect(await api.exportFinish({ id: job.id })).toEqual({ ok: true });
  await expect(api.exportStatus({ id: job.id })).rejects.toThrow(/no export job/);
  return { name: job.filename, mime: job.mime, bytes: Buffer.concat(parts), progress };
}

describe('stats API', () => {
  it('validates every argument', async () => {
    const { api } = statsProfile();
    const bad: [keyof AppApi, unknown][] = [
      ['stats', { range: '2w' }],
      ['stats', { section: 'not-an-array' }],
      ['stats', { extra: 1 }],
      ['exportStart', { format: 'xlsx' }],
      ['exportStatus', { id: '../../etc/passwd' }],
      ['exportRead', { id: 'a'.repeat(32), offset: -1 }],
      ['exportRead', { id: 'a'.repeat(32), offset: 0, length: 1e9 }],
      ['restoreBackup', { base64: 'not base64!!' }],
    ];
    for (const [method, args] of bad) {
      const call = (api as unknown as Record<string, (a: unknown) => Promise<unknown>>)[method]!(args);
      await expect(call, `${method} ${JSON.stringify(args)}`).rejects.toSatisfy((e) => e instanceof ApiError && e.status === 400);
    }
  });

  it('exports download in chunks: the bytes equal a direct export', async () => {
    const { api } = statsProfile();
    await api.answer({ cardId: 'a', quality: 5, elapsedMs: 10 });
    await api.answer({ cardId: 'b', quality: 3, elapsedMs: 10 });
    const csv = await download(api, 'reviews.csv', 100);
    expect(csv.name).toMatch(/^deeprecall-reviews-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.mime).toContain('text/csv');
    const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
    expect(rows.slice(1).map((r) => r[3])).toEqual(['a', 'b']);
    const apkg = await download(api, 'apkg', 4096);
    expect(apkg.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const backup = await download(api, 'backup');
    expect(backup.bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    for (const f of ['cards.csv', 'daily.csv', 'json', 'report'] as const) expect((await download(api, f)).bytes.length).toBeGreaterThan(100);
  });

  it('an export that fails reports why; reading it is refused', async () => {
    const { api, store } = statsProfile();
    const job = await api.exportStart({ format: 'json' });
    store.db.close(); // the profile disappears under the job
    let s = await api.exportStatus({ id: job.id });
    while (s.state === 'running') {
      await new Promise((r) => setTimeout(r, 5));
      s = await api.exportStatus({ id: job.id });
    }
    expect(s.state).toBe('failed');
    expect(s.error).toBeTruthy();
    await expect(api.exportRead({ id: job.id, offset: 0 })).rejects.toThrow(/failed/);
    expect(await api.exportFinish({ id: job.id })).toEqual({ ok: true });
  });

  it('restore from an upload: 409 over data unless overwrite, 422 for a bad file', async () => {
    const src = statsProfile();
    await src.api.answer({ cardId: 'a', quality: 5, elapsedMs: 10 });
    const bak = path.join(tmpDir(), 'b.sqlite');
    await writeBackup(src.store, bak);
    const base64 = fs.readFileSync(bak).toString('base64');
    const dst = statsProfile();
    await expect(dst.api.restoreBackup({ base64 })).rejects.toSatisfy((e) => e instanceof ApiError && e.status === 409);
    await expect(dst.api.restoreBackup({ base64: Buffer.from('nope').toString('base64'), overwrite: true })).rejects.toSatisfy(
      (e) => e instanceof ApiError && e.status === 422 && /nothing was changed/.test(e.message),
    );
    const r = await dst.api.restoreBackup({ base64, overwrite: true });
    expect(r).toMatchObject({ restored: true, cards: 7, reviews: 1 });
    expect(await dst.api.stats({ range: 'all' })).toEqual(await src.api.stats({ range: 'all' }));
    expect(fs.readdirSync(path.dirname(dst.file)).filter((f) => f.includes('upload') || f.includes('.restore-'))).toEqual([]);
  });
});
