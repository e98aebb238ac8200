// Progress of long imports through the API: an Anki package and a folder,
// imported with a progress id while a poller asks importProgress, report a
// percentage that only grows and ends at 100, and leave exactly what the
// straight-through import (CLI path) leaves.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ankiPackage } from '../../../bench/anki.ts';
import type { AppApi, ImportProgress } from '../../../service/contract/index.ts';
import { importAnki } from '../../../service/anki.ts';
import { NotesImporter } from '../../../service/importer.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { b64, profile, snapshot } from '../anki/setup.ts';
import { writeTree } from '../folders/setup.ts';

const newId = () => randomBytes(16).toString('hex');

/** Ask for progress on every loop turn until `done` settles; returns every answer seen. */
async function poll<T>(api: AppApi, id: string, done: Promise<T>): Promise<{ seen: ImportProgress[]; result: T }> {
  const seen: ImportProgress[] = [];
  let settled = false;
  const result = done.finally(() => (settled = true));
  while (!settled) {
    seen.push(await api.importProgress({ id }));
    await new Promise((r) => setImmediate(r));
  }
  seen.push(await api.importProgress({ id }));
  return { seen, result: await result };
}

function expectMonotonicTo100(seen: ImportProgress[]): void {
  const running = seen.filter((p) => p.state === 'running');
  // Seen while it ran, at several points, not only before and after.
  expect(new Set(running.map((p) => p.percent)).size).toBeGreaterThanOrEqual(5);
  for (let i = 1; i < seen.length; i++) expect(seen[i]!.percent).toBeGreaterThanOrEqual(seen[i - 1]!.percent);
  expect(running.every((p) => p.percent < 100)).toBe(true);
  const last = seen.at(-1)!;
  expect(last).toMatchObject({ state: 'done', phase: 'done', percent: 100 });
}

describe('import progress', () => {
  it('a large Anki package: progress grows to 100 while other calls wait, and the profile is what the plain import makes', async () => {
    const pkg = ankiPackage(tmpDir(), 3000, 4);
    const plain = profile();
    const before = importAnki(plain.app, 'big.apkg', pkg);

    const p = profile();
    const id = newId();
    const running = p.api.importAnki({ name: 'big.apkg', dataBase64: b64(pkg), progressId: id });
    // The Anki area loads at its first call (service/lazyArea.ts): until then the id is "unknown", never failed or done.
    let state = (await p.api.importProgress({ id })).state;
    while (state === 'unknown') {
      await new Promise((r) => setTimeout(r, 5));
      state = (await p.api.importProgress({ id })).state;
    }
    expect(state).toBe('running');
    // Issued while the import holds its transaction: answered after it, so it sees all of it (never half).
    const summary = p.api.summary();
    const { seen, result } = await poll(p.api, id, running);
    expectMonotonicTo100(seen);
    // Polls land between time slices, so short phases may pass unseen; the notes, the long part, are seen moving.
    expect(new Set(seen.filter((s) => s.phase === 'notes').map((s) => s.done)).size).toBeGreaterThanOrEqual(3);
    expect(seen.find((s) => s.phase === 'notes')?.total).toBe(3000);
    expect({ ...result, ms: 0 }).toEqual({ ...before, ms: 0 });
    expect(snapshot(p.store)).toBe(snapshot(plain.store));
    expect((await summary).totalCards).toBe(3000);
  });

  it('a failing Anki import ends as failed with its reason and changes nothing', async () => {
    const p = profile();
    const id = newId();
    const before = snapshot(p.store);
    await expect(p.api.importAnki({ name: 'x.apkg', dataBase64: b64(Buffer.from('not a zip at all')), progressId: id })).rejects.toThrow(/not an Anki package/);
    expect(await p.api.importProgress({ id })).toMatchObject({ state: 'failed', error: expect.stringMatching(/not an Anki package/) });
    expect(snapshot(p.store)).toBe(before);
    // The next call is not held up by the failed one.
    await expect(p.api.summary()).resolves.toBeTruthy();
  });

  it('a folder of many notes: files progress to 100, same report and cards as the plain import', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 320; i++) files[`ch${i % 7}/note-${i}.md`] = `# Topic ${i}\n\n**term ${i}**：definition ${i}\n\n## Why ${i}?\n\nBecause $x_${i}$.\n`;
    const dir = tmpDir();
    writeTree(path.join(dir, 'vault'), files);
    const root = path.join(dir, 'vault');

    const plain = profile();
    const before = new NotesImporter(plain.store, () => plain.clock.now()).importPaths([root]);
    const p = profile();
    const id = newId();
    const { seen, result } = await poll(p.api, id, p.api.importPaths({ paths: [root], progressId: id }));
    expectMonotonicTo100(seen);
    expect(seen.some((s) => s.phase === 'files' && s.total === 320 && s.file?.endsWith('.md'))).toBe(true);
    expect(result).toEqual(before);
    expect(snapshot(p.store)).toBe(snapshot(plain.store));
  });

  it('an id nobody used yet is unknown; a malformed id is refused naming it', async () => {
    const { api } = profile();
    const id = newId();
    expect(await api.importProgress({ id })).toMatchObject({ id, state: 'unknown', percent: 0 });
    await expect(api.importProgress({ id: 'nope' })).rejects.toThrow(/importProgress: id: a progress id/);
    await expect(api.importPaths({ paths: ['/tmp'], progressId: 'x' })).rejects.toThrow(/importPaths: progressId/);
  });
});
