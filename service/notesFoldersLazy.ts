// Start watching the "Notes folders" setting without loading the importer
// (notes parser, sanitize-html, chokidar) while no folder is set, which is the
// usual case: the watcher module is imported when the setting first lists a
// folder, at start or later. Same behaviour as watchNotesFolders otherwise —
// it then imports every listed folder once and watches them.
import type { App } from './app.ts';

type Watching = { close(): Promise<void> };

export function watchNotesFoldersLazily(app: App, opts: { log?: (line: string) => void } = {}): Watching {
  const log = opts.log ?? (() => {});
  let started: Promise<Watching | null> | null = null;
  let closed = false;
  const start = () => {
    started ??= import('./notesFolders.ts').then(
      (m) => (closed ? null : m.watchNotesFolders(app, opts)),
      (err: unknown) => {
        log(`notes folders not watched: ${err instanceof Error ? err.message : String(err)}`);
        return null;
      },
    );
  };
  const listener = (s: { notesFolders: string[] }) => {
    if (s.notesFolders.length === 0) return;
    app.settingsListeners.delete(listener);
    start();
  };
  if (app.library.getSettings().notesFolders.length > 0) start();
  else app.settingsListeners.add(listener);
  return {
    close: async () => {
      closed = true;
      app.settingsListeners.delete(listener);
      await (await started)?.close();
    },
  };
}
