// The "Notes folders" setting: while browser mode or the desktop app runs,
// every listed folder is imported once at start (changes made while the app
// was closed) and then watched; edits are re-imported after a quiet moment.
// Both run in time slices and wait out another process's write lock (a CLI
// import) on timers, then import: nothing is dropped for meeting the lock.
import fs from 'node:fs';
import path from 'node:path';
import type { App } from './app.ts';
import { busyBackoffMs, isBusy } from './busy.ts';
import { NotesImporter } from './importer.ts';
import { chokidarDeps, FolderWatcher, type WatchDeps } from './watch.ts';

/** How long one re-import's batch write waits for the lock before the watcher parses it again later. */
const WATCH_BUSY_BUDGET_MS = 60_000;

export function watchNotesFolders(app: App, opts: { deps?: WatchDeps; log?: (line: string) => void; debounceMs?: number } = {}): { close(): Promise<void> } {
  const log = opts.log ?? (() => {});
  const importer = new NotesImporter(app.store, () => app.clock.now());
  const deps = opts.deps ?? chokidarDeps;
  const watcher = new FolderWatcher((root, changed) => importer.importPathsAsync([root], { only: changed, busyBudgetMs: WATCH_BUSY_BUDGET_MS }), {
    deps,
    debounceMs: opts.debounceMs,
    onBusy: (root) => log(`notes folder ${root}: another process is writing to the profile; re-importing when it has finished`),
    onReport: (root, r) => log(`notes folder ${root}: ${r.files.length} changed, ${r.totals.new} new, ${r.totals.updated} updated, ${r.totals.retired} retired`),
    onError: (root, err) => log(`notes folder ${root}: ${err instanceof Error ? err.message : String(err)}`),
  });
  const usable = (p: string) => {
    try {
      return path.isAbsolute(p) && fs.statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  let closed = false;
  const waiting = new Set<unknown>();
  /**
   * The whole folder: at once the first time; if another process holds the
   * lock, again in time slices on a timer until it is free (or the folder
   * is dropped). The retry waits per batch write, so it does not parse again.
   */
  const catchUp = (f: string, tries = 0) => {
    const failed = (err: unknown) => {
      if (isBusy(err) && !closed && current.includes(f)) {
        if (tries === 0) log(`notes folder ${f}: another process is writing to the profile; importing when it has finished`);
        const t = deps.setTimer(() => {
          waiting.delete(t);
          catchUp(f, tries + 1);
        }, busyBackoffMs(tries));
        waiting.add(t);
        return;
      }
      log(`notes folder ${f}: ${err instanceof Error ? err.message : String(err)}`);
    };
    if (tries > 0) {
      importer.importPathsAsync([f], { busyBudgetMs: WATCH_BUSY_BUDGET_MS }).then(() => log(`notes folder ${f}: imported`), failed);
      return;
    }
    try {
      importer.importPaths([f]);
    } catch (err) {
      failed(err);
    }
  };
  const apply = (folders: readonly string[], added: readonly string[]) => {
    const ok = folders.filter(usable);
    for (const f of folders) if (!ok.includes(f)) log(`notes folder ${f}: not a folder; not watched`);
    for (const f of added.filter(usable)) catchUp(f);
    void watcher.set(ok);
  };
  let current = app.library.getSettings().notesFolders;
  apply(current, current);
  const listener = (s: { notesFolders: string[] }) => {
    const added = s.notesFolders.filter((f) => !current.includes(f));
    current = s.notesFolders;
    apply(current, added);
  };
  app.settingsListeners.add(listener);
  return {
    close: async () => {
      closed = true;
      for (const t of waiting) deps.clearTimer(t);
      waiting.clear();
      app.settingsListeners.delete(listener);
      await watcher.close();
    },
  };
}
