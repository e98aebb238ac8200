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
/** The service loads this long after the first page went out with its card: the page has fetched its scripts by then. */
const SERVICE_AFTER_PAGE_MS = 250;
/** … or this long after listening, if no page came and no API call needs it sooner. */
const SERVICE_AT_LATEST_MS = 1000;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function registerServe(program: Command, io: Io): void {
  common(program.command('serve').description('browser mode: serve the app on 127.0.0.1 with a per-launch token'), { json: false })
    .option('--port <n>', 'port (0 = any free port)', intArg('--port', 0, 65535), 0)
    .option('--open', 'open the URL in the default browser')
    .action(async (o) => {
      // Listen first, with only the store and the HTTP host loaded. Then, in this order:
      // 1. the first card, computed without the rest of the service (service/earlyCard.ts:
      //    ~20 ms of CPU; a fresh profile imports the bundled deck here), so the page that
      //    asks for it gets it, and its scripts, from a server that is otherwise idle;
      // 2. the service (zod, the contract, the templates, …), in pieces
      //    (service/loadInPieces.ts), once the page has its card and its scripts
      //    (SERVICE_AFTER_PAGE_MS), as soon as an API call needs it, or SERVICE_AT_LATEST_MS
      //    after listening when no page came. API calls wait for it; nothing is answered
      //    before it is complete.
      // Loading the service at once instead (as until round 8) put ~190 ms of CPU and
      // event-loop blocks of up to 65 ms beside the browser's work on the page: the first
      // card 405–490 ms after the page's navigation, 195–235 ms with this order (bench/ui.ts).
      const [{ Store }, { startServer }, { clockFromEnv }] = await Promise.all([import('../../db/store.ts'), import('../../web/server.ts'), import('../../service/clock.ts')]);
      const file = resolveDbPath(o.db);
      const store = Store.open(file, { create: true });
      const clock = clockFromEnv(); // one clock for the early card and the service: a DEEPRECALL_NOW clock is fixed when made
      let listening!: () => void;
      const listened = new Promise<void>((r) => (listening = r));
      let loadService!: () => void;
      const serviceWanted = new Promise<void>((r) => (loadService = r));
      const early = (async () => {
        await listened;
        const [{ EarlyCard }, { defaultDeckPath }] = await Promise.all([import('../../service/earlyCard.ts'), import('../../service/deck.ts')]);
        // A turn of the event loop between the pieces: a page request that came meanwhile gets its head (and then its
        // scripts) at once instead of after all of them (the fresh profile's deck import alone is ~25 ms).
        await turn();
        const card = new EarlyCard(store, clock);
        await card.prepare(defaultDeckPath);
        await turn();
        return card;
      })();
      const appReady = (async () => {
        await early.catch(() => undefined); // its deck import first; if it failed, App's own import below tries again
        setTimeout(loadService, SERVICE_AT_LATEST_MS);
        await serviceWanted;
        const busy = await import('../../service/busy.ts');
        const { App } = await (await import('../../service/loadInPieces.ts')).loadAppInPieces();
        // Start-up may wait for a lock as long as it needs; requests then wait with timers, not inside SQLite (service/busy.ts).
        const app = new App(store, clock, { busyRetryMs: busy.BUSY_RETRY_BUDGET_MS });
        await app.ensureDefaultDeck();
        store.setBusyTimeout(busy.SHORT_BUSY_TIMEOUT_MS);
        return app;
      })();
      appReady.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
      let loaded: import('../../service/app.ts').App | null = null;
      void appReady.then((a) => (loaded = a), () => undefined);
      const server = await startServer({
        app: {
          dispatch: async (method, args) => {
            loadService();
            return (await appReady).dispatch(method, args);
          },
        },
        port: o.port,
        staticDir: DIST_DIR,
        log: io.err,
        // The page's HTML carries its first card, computed for that request (web/firstCard.ts): by the service once it
        // is loaded, before that by the early path, after which the service loads (the page has its scripts by then).
        firstCard: async () => {
          if (loaded) return loaded.dispatch('nextCard', {});
          const reply = await (await early).nextCard();
          setTimeout(loadService, SERVICE_AFTER_PAGE_MS);
          return reply;
        },
        // …and the profile's settings beside it, so the page has its language and theme from its first frame.
        pageSettings: async () => (loaded ? loaded.library.getSettings() : (await early).settings()),
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
