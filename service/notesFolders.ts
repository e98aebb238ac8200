// The "Notes folders" setting: while browser mode or the desktop app runs,
// every listed folder is imported once at start (changes made while the app
// was closed) and then watched; edits are re-imported after a quiet moment.
import fs from 'node:fs';
import path from 'node:path';
import type { App } from './app.ts';
import { NotesImporter } from './importer.ts';
import { FolderWatcher, type WatchDeps } from './watch.ts';

export function watchNotesFolders(app: App, opts: { deps?: WatchDeps; log?: (line: string) => void; debounceMs?: number } = {}): { close(): Promise<void> } {
  const log = opts.log ?? (() => {});
  const importer = new NotesImporter(app.store, () => app.clock.now());
  const watcher = new FolderWatcher((root, changed) => importer.importPaths([root], { only: changed }), {
    deps: opts.deps,
    debounceMs: opts.debounceMs,
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
  const apply = (folders: readonly string[], catchUp: readonly string[]) => {
    const ok = folders.filter(usable);
    for (const f of folders) if (!ok.includes(f)) log(`notes folder ${f}: not a folder; not watched`);
    for (const f of catchUp.filter(usable)) {
      try {
        importer.importPaths([f]);
      } catch (err) {
        log(`notes folder ${f}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
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
      app.settingsListeners.delete(listener);
      await watcher.close();
    },
  };
}
