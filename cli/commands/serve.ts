import path from 'node:path';
import type { Command } from 'commander';
import { resolveDbPath } from '../../db/paths.ts';
import { appRoot } from '../../service/appRoot.ts';
import type { Io } from '../context.ts';
import { common, intArg } from './options.ts';
import { openInBrowser } from '../open-browser.ts';

export const DIST_DIR = path.join(appRoot(), 'dist');
/**
 * The FSRS tasks' spawner (service/worker/spawner.ts) is forked this long after
 * the service is ready: past the first card and the page's warm-up, while this
 * process is still small, so no later fit or evaluation forks it.
 */
const SPAWNER_DELAY_MS = 5000;

export function registerServe(program: Command, io: Io): void {
  common(program.command('serve').description('browser mode: serve the app on 127.0.0.1 with a per-launch token'), { json: false })
    .option('--port <n>', 'port (0 = any free port)', intArg('--port', 0, 65535), 0)
    .option('--open', 'open the URL in the default browser')
    .action(async (o) => {
      // Listen first, with only the store and the HTTP host loaded, then load the
      // service (zod contract, review, the default deck on a fresh profile) at
      // once, beside the browser's own work on the page: the page carries its
      // first card (web/firstCard.ts) and its async script needs less time than
      // the service, so the service is the longer path and starts as early as it
      // can. It loads in pieces (service/loadInPieces.ts) so the page's scripts,
      // asked for meanwhile, wait for one piece at most. API calls wait for it;
      // nothing is answered before it is complete.
      // (Waiting for the page's index.html request before loading, as before,
      // cost 20–40 ms of the first card and saved nothing once the page's
      // scripts were fetched early: measured with bench/ui.ts.)
      const [{ Store }, { startServer }] = await Promise.all([import('../../db/store.ts'), import('../../web/server.ts')]);
      const file = resolveDbPath(o.db);
      const store = Store.open(file, { create: true });
      let listening!: () => void;
      const listened = new Promise<void>((r) => (listening = r));
      const appReady = (async () => {
        await listened;
        const busy = await import('../../service/busy.ts');
        const { App } = await (await import('../../service/loadInPieces.ts')).loadAppInPieces();
        // Start-up may wait for a lock as long as it needs; requests then wait with timers, not inside SQLite (service/busy.ts).
        const app = new App(store, undefined, { busyRetryMs: busy.BUSY_RETRY_BUDGET_MS });
        await app.ensureDefaultDeck();
        store.setBusyTimeout(busy.SHORT_BUSY_TIMEOUT_MS);
        return app;
      })();
      appReady.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
      const server = await startServer({
        app: { dispatch: async (method, args) => (await appReady).dispatch(method, args) },
        port: o.port,
        staticDir: DIST_DIR,
        log: io.err,
        // The page's HTML carries its first card, computed for that request (web/firstCard.ts).
        firstCard: async () => (await appReady).dispatch('nextCard', {}),
      }).catch((err) => {
        store.close();
        throw err;
      });
      listening();
      io.out(`DeepRecall (browser mode) on ${file}`);
      io.out(`open: ${server.url}`);
      // The browser's command line is readable by every local user: give it a one-time code, not the token.
      if (o.open) openInBrowser(server.oneTimeUrl());
      const app = await appReady.catch(async (err: unknown) => {
        await server.close();
        store.close();
        throw err;
      });
      const { watchNotesFoldersLazily } = await import('../../service/notesFoldersLazy.ts');
      const folders = watchNotesFoldersLazily(app, { log: io.err });
      const spawnerTimer = setTimeout(() => void app.fsrs.startSpawner(), SPAWNER_DELAY_MS).unref();
      await new Promise<void>((resolve) => {
        const stop = () => {
          clearTimeout(spawnerTimer); // no spawner forked while shutting down
          void Promise.all([server.close(), folders.close()]).then(() => {
            app.fsrs.close();
            store.close();
            resolve();
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
