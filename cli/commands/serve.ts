import path from 'node:path';
import type { Command } from 'commander';
import { resolveDbPath } from '../../db/paths.ts';
import { appRoot } from '../../service/appRoot.ts';
import type { Io } from '../context.ts';
import { common, intArg } from './options.ts';
import { openInBrowser } from '../open-browser.ts';

export const DIST_DIR = path.join(appRoot(), 'dist');

export function registerServe(program: Command, io: Io): void {
  common(program.command('serve').description('browser mode: serve the app on 127.0.0.1 with a per-launch token'), { json: false })
    .option('--port <n>', 'port (0 = any free port)', intArg('--port', 0, 65535), 0)
    .option('--open', 'open the URL in the default browser')
    .action(async (o) => {
      const [{ Store }, { App }, { startServer }, { watchNotesFolders }, busy] = await Promise.all([
        import('../../db/store.ts'),
        import('../../service/app.ts'),
        import('../../web/server.ts'),
        import('../../service/notesFolders.ts'),
        import('../../service/busy.ts'),
      ]);
      const file = resolveDbPath(o.db);
      const store = Store.open(file, { create: true });
      // Start-up may wait for a lock as long as it needs; requests then wait with timers, not inside SQLite (service/busy.ts).
      const app = new App(store, undefined, { busyRetryMs: busy.BUSY_RETRY_BUDGET_MS });
      app.ensureDefaultDeck();
      store.setBusyTimeout(busy.SHORT_BUSY_TIMEOUT_MS);
      const server = await startServer({ app, port: o.port, staticDir: DIST_DIR, log: io.err }).catch((err) => {
        store.close();
        throw err;
      });
      const folders = watchNotesFolders(app, { log: io.err });
      io.out(`DeepRecall (browser mode) on ${file}`);
      io.out(`open: ${server.url}`);
      // The browser's command line is readable by every local user: give it a one-time code, not the token.
      if (o.open) openInBrowser(server.oneTimeUrl());
      await new Promise<void>((resolve) => {
        const stop = () => {
          void Promise.all([server.close(), folders.close()]).then(() => {
            store.close();
            resolve();
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
