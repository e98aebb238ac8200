import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportBatchReport } from '../../../service/contract/decks.ts';
import { NotesImporter } from '../../../service/importer.ts';
import { FolderWatcher, type WatchDeps, type WatchEvent } from '../../../service/watch.ts';
import { liveCards, setup, writeTree } from './setup.ts';

/** A hand-driven file watcher and timer queue. */
function fakeDeps() {
  const listeners = new Map<string, (e: WatchEvent, f: string) => void>();
  let timers: { fn: () => void; at: number; id: number }[] = [];
  let now = 0;
  let next = 1;
  const deps: WatchDeps = {
    watch(dir, onEvent) {
      listeners.set(dir, onEvent);
      return { close: () => void listeners.delete(dir) };
    },
    setTimer(fn, ms) {
      const id = next++;
      timers.push({ fn, at: now + ms, id });
      return id;
    },
    clearTimer(h) {
      timers = timers.filter((t) => t.id !== h);
    },
  };
  return {
    deps,
    emit: (dir: string, e: WatchEvent, file: string) => listeners.get(dir)!(e, file),
    watching: () => [...listeners.keys()],
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
  };
}

describe('watching notes folders', () => {
  it('re-imports only the changed notes once the burst of events is quiet, keeping history', async () => {
    const { dir, store } = setup();
    const root = path.join(dir, 'notes');
    writeTree(root, { 'a.md': '# A\n\nQ1::A1\n', 'b.md': '# B\n\nQ2::A2\n', '.obsidian/c.md': 'x' });
    const imp = new NotesImporter(store, () => 1);
    imp.importPaths([root]);
    const idA = liveCards(store, 'notes/a')[0]!.id;
    const f = fakeDeps();
    const reports: ImportBatchReport[] = [];
    const w = new FolderWatcher((r, changed) => imp.importPaths([r], { only: changed }), { deps: f.deps, debounceMs: 300, onReport: (_r, rep) => reports.push(rep) });
    w.add(root);
    writeTree(root, { 'a.md': '# A\n\nQ1::A1 edited\n\nQ3::A3\n' });
    f.emit(root, 'change', path.join(root, 'a.md'));
    f.advance(200);
    f.emit(root, 'change', path.join(root, 'a.md')); // editor saves twice
    f.emit(root, 'change', path.join(root, '.obsidian', 'c.md')); // ignored
    f.emit(root, 'add', path.join(root, 'image.png')); // not a note
    f.advance(299);
    expect(reports).toHaveLength(0);
    f.advance(1);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.files.map((x) => x.file)).toEqual(['a.md']);
    expect(reports[0]!.totals).toMatchObject({ new: 1, updated: 1 });
    expect(liveCards(store, 'notes/a').map((c) => c.id)).toContain(idA);

    fs.rmSync(path.join(root, 'b.md'));
    f.emit(root, 'unlink', path.join(root, 'b.md'));
    f.advance(300);
    expect(reports[1]!.gone.map((g) => g.file)).toEqual(['b.md']);
    expect(liveCards(store, 'notes/b')).toEqual([]);

    await w.set([]);
    expect(f.watching()).toEqual([]);
  });

  it('a failing re-import is reported and the watcher keeps going', () => {
    const f = fakeDeps();
    const errors: string[] = [];
    let calls = 0;
    const w = new FolderWatcher(
      () => {
        calls++;
        throw new Error('database is locked');
      },
      { deps: f.deps, onError: (_r, e) => errors.push((e as Error).message) },
    );
    w.add('/n');
    f.emit('/n', 'change', '/n/x.md');
    f.advance(300);
    f.emit('/n', 'change', '/n/x.md');
    f.advance(300);
    expect(calls).toBe(2);
    expect(errors).toEqual(['database is locked', 'database is locked']);
  });
});

describe('a re-import that meets the write lock', () => {
  const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
  const report = (files: string[]): ImportBatchReport => ({
    roots: [], files: files.map((file) => ({ file, root: null, deck: null, cards: 0, warnings: [] })), gone: [], errors: [],
    totals: { new: 0, updated: 0, unchanged: 0, retired: 0, restored: 0, moved: 0, renamed: 0, files: 0, imported: 0, failed: 0, cards: 0, images: 0 },
  });

  it('keeps its files and is tried again on a timer with growing waits, without another file event', () => {
    const f = fakeDeps();
    const calls: string[][] = [];
    const reports: ImportBatchReport[] = [];
    const busyRoots: string[] = [];
    const errors: unknown[] = [];
    const w = new FolderWatcher(
      (_r, changed) => {
        calls.push([...changed].sort());
        if (calls.length <= 2) throw busy();
        return report([...changed].sort());
      },
      { deps: f.deps, onReport: (_r, rep) => reports.push(rep), onBusy: (r) => busyRoots.push(r), onError: (_r, e) => errors.push(e) },
    );
    w.add('/n');
    f.emit('/n', 'change', '/n/x.md');
    f.advance(300);
    expect(calls).toEqual([['x.md']]);
    f.advance(49);
    expect(calls).toHaveLength(1); // first wait: 50 ms
    f.emit('/n', 'change', '/n/y.md'); // an edit meanwhile joins the pending files (and restarts the quiet period)
    f.advance(300);
    expect(calls).toEqual([['x.md'], ['x.md', 'y.md']]);
    f.advance(99);
    expect(calls).toHaveLength(2); // second wait: 100 ms
    f.advance(1);
    expect(calls).toHaveLength(3);
    expect(reports.map((r) => r.files.map((x) => x.file))).toEqual([['x.md', 'y.md']]);
    expect(busyRoots).toEqual(['/n']); // said once per run of busy attempts
    expect(errors).toEqual([]);
  });
});

describe('the "Notes folders" setting', () => {
  it('imports a newly listed folder, watches it, and stops watching when it is removed', async () => {
    const { watchNotesFolders } = await import('../../../service/notesFolders.ts');
    const { dir, app, api, store } = setup();
    const root = path.join(dir, 'notes');
    writeTree(root, { 'a.md': '# A\n\nQ1::A1\n' });
    const f = fakeDeps();
    const logs: string[] = [];
    const w = watchNotesFolders(app, { deps: f.deps, log: (l) => logs.push(l) });
    expect(f.watching()).toEqual([]);
    await api.updateSettings({ notesFolders: [root, path.join(dir, 'missing')] });
    expect(liveCards(store, 'notes/a')).toHaveLength(1); // caught up at once
    await new Promise((r) => setTimeout(r, 0));
    expect(f.watching()).toEqual([root]);
    expect(logs.some((l) => l.includes('missing: not a folder'))).toBe(true);
    writeTree(root, { 'b.md': '# B\n\nQ2::A2\n' });
    f.emit(root, 'add', path.join(root, 'b.md'));
    f.advance(300);
    // The re-import runs in time slices: it may finish a few turns later.
    for (let i = 0; i < 200 && liveCards(store, 'notes/b').length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(liveCards(store, 'notes/b')).toHaveLength(1);
    await api.updateSettings({ notesFolders: [] });
    await new Promise((r) => setTimeout(r, 0));
    expect(f.watching()).toEqual([]);
    await w.close();
  });
});
