// Handlers for folders, decks and images (contract/decks.ts).
import path from 'node:path';
import type { App, HandlersFor } from './app.ts';
import { ApiError } from './contract/common.ts';
import type { decksSchemas } from './contract/decks.ts';
import { NotesImporter } from './importer.ts';
import { FOLDER_PHASES } from './progress/tracker.ts';

export function decksHandlers(app: App): HandlersFor<typeof decksSchemas> {
  const store = app.store;
  const now = () => app.clock.now();
  const importer = new NotesImporter(store, now);
  const deck = (id: string) => {
    const d = store.cards.deck(id);
    if (!d) throw new ApiError(404, `no deck with id ${JSON.stringify(id)}`);
    return d;
  };
  return {
    importFolder: (a) => {
      const images = (a.images ?? []).map((i) => ({ path: i.path, data: Buffer.from(i.dataBase64, 'base64') }));
      // In time slices, so the UI's progress polls are answered while it runs.
      return app.imports.run(a.progressId, FOLDER_PHASES, false, (onPhase) => importer.importUploadedAsync(a.root, a.files, images, { onPhase }));
    },
    importPaths: (a) => {
      for (const p of a.paths) if (!path.isAbsolute(p)) throw new ApiError(400, `importPaths: ${JSON.stringify(p)} must be an absolute path`);
      return app.imports.run(a.progressId, FOLDER_PHASES, false, (onPhase) => importer.importPathsAsync(a.paths, { onPhase }));
    },
    pickFolder: async () => {
      if (!app.host.pickFolder) throw new ApiError(404, 'pickFolder: no folder dialog here (desktop app only)');
      return { path: await app.host.pickFolder() };
    },
    listDecks: () => store.decks.list(app.review.today()),
    renameDeck: (a) => {
      deck(a.id);
      return { ok: store.decks.rename(a.id, a.name) };
    },
    setDeckSuspended: (a) => {
      deck(a.id);
      return { ok: true, cards: store.decks.setSuspended(a.id, a.suspended, now()) };
    },
    removeDeck: (a) => {
      const d = deck(a.id);
      if (d.removedAt !== null) return { ok: false, cards: 0 };
      return { ok: true, cards: store.decks.remove(a.id, now()) };
    },
    restoreDeck: (a) => {
      const d = deck(a.id);
      if (d.removedAt === null) return { ok: false, cards: 0 };
      return { ok: true, cards: store.decks.restore(a.id, d.removedAt, now()) };
    },
    getMedia: (a) => {
      const m = store.media.get(a.name);
      if (!m) throw new ApiError(404, `no image ${a.name}`);
      return { mime: m.mime, dataBase64: m.data.toString('base64') };
    },
  };
}
