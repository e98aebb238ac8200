// Electron main process: one window over the shared AppApi. Wiring only;
// the decisions live in security.ts, ipc.ts, paths.ts, menu.ts, window.ts.
// Bundled by scripts/build-electron.js to dist-electron/main.cjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, clipboard, dialog, ipcMain, Menu, protocol, session, shell, BrowserWindow } from 'electron';
import { Store } from '../db/store.ts';
import { App } from '../service/app.ts';
import { BUSY_RETRY_BUDGET_MS, SHORT_BUSY_TIMEOUT_MS } from '../service/busy.ts';
import { watchNotesFoldersLazily } from '../service/notesFoldersLazy.ts';
import { INVOKE_CHANNEL, MENU_CHANNEL, type MenuAction } from './bridge.ts';
import { createInvokeHandler } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { APP_INDEX_URL, APP_SCHEME, createAppProtocolHandler, PRIVILEGED_SCHEMES } from './protocol.ts';
import { nativeBindingPath, preloadFile, rendererIndex, resolveDesktopDb } from './paths.ts';
import { useNativeBinding } from '../service/worker/client.ts';
import { installAppSecurity, installSessionSecurity, isTrustedSender, parseDevUrl, type AppUrls } from './security.ts';
import { createMainWindow, focusWindow } from './window.ts';

const BROWSER_MODE = 'npx deeprecall serve --open';
const here = path.dirname(fileURLToPath(import.meta.url));
const isDev = !app.isPackaged;

app.setName('DeepRecall');
// Tests (and anyone keeping two profiles apart) may move Chromium's profile and the single-instance lock.
if (process.env.DEEPRECALL_USER_DATA) app.setPath('userData', path.resolve(process.env.DEEPRECALL_USER_DATA));
app.enableSandbox();
// Must happen before 'ready': app:// becomes a standard, secure origin (see protocol.ts).
protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES.map((s) => ({ scheme: s.scheme, privileges: { ...s.privileges } })));

const indexFile = rendererIndex(app.getAppPath());
const urls: AppUrls = {
  indexUrl: APP_INDEX_URL,
  devUrl: isDev ? parseDevUrl(process.env.DEEPRECALL_DEV_URL) : undefined,
};
const dbFile = resolveDesktopDb(process.argv);

let win: BrowserWindow | null = null;
let store: Store | null = null;

const log = (line: string) => console.error(`deeprecall: ${line}`);

function fatal(title: string, detail: string): void {
  log(`${title}: ${detail}`);
  dialog.showErrorBox(`DeepRecall — ${title}`, `${detail}\n\nThe same app also runs in a browser:\n  ${BROWSER_MODE}`);
  app.exit(1);
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function sendMenu(action: MenuAction): void {
  if (!win || win.isDestroyed()) win = openWindow();
  focusWindow(win);
  win.webContents.send(MENU_CHANNEL, action);
}

function about(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: 'About DeepRecall',
    message: `DeepRecall ${app.getVersion()}`,
    detail: [
      'Spaced repetition and timed mock interviews for deep-learning interviews.',
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
      `Database: ${dbFile}`,
    ].join('\n'),
  });
}

async function browserModeHelp(): Promise<void> {
  const command = `${BROWSER_MODE} --db "${dbFile}"`;
  const { response } = await dialog.showMessageBox({
    type: 'info',
    title: 'Browser mode',
    message: 'Use DeepRecall in a browser',
    detail: `From a terminal in the DeepRecall folder:\n\n  ${command}\n\nIt serves this same app on 127.0.0.1 with a one-time token in the URL. Both can use the same database at once.`,
    buttons: ['Copy Command', 'Close'],
    defaultId: 1,
    cancelId: 1,
  });
  if (response === 0) clipboard.writeText(command);
}

function openWindow(): BrowserWindow {
  const icon = path.join(app.getAppPath(), 'build', 'icon.png');
  const w = createMainWindow({ preload: preloadFile(here), urls, isDev, icon: fs.existsSync(icon) ? icon : undefined });
  w.on('closed', () => {
    if (win === w) win = null;
  });
  return w;
}

async function start(): Promise<void> {
  if (!urls.devUrl && !fs.existsSync(indexFile)) return fatal('renderer not built', `${indexFile} is missing (run: npm run build)`);

  const native = nativeBindingPath({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron,
    env: process.env,
  });
  if (!fs.existsSync(native)) {
    const how = isDev ? 'npm start builds it (or: node scripts/build-electron.js --native)' : 'the installation is incomplete; reinstall DeepRecall';
    return fatal('native module missing', `better-sqlite3 for Electron ${process.versions.electron} not found at ${native}; ${how}`);
  }

  try {
    store = Store.open(dbFile, { create: true, nativeBinding: native });
    useNativeBinding(native); // task workers open the file with the same Electron-ABI build
  } catch (err) {
    return fatal('cannot open the database', message(err));
  }
  // Requests wait for another process's lock with timers, not inside SQLite on the main thread (service/busy.ts).
  const service = new App(store, undefined, { busyRetryMs: BUSY_RETRY_BUDGET_MS });
  try {
    await service.ensureDefaultDeck();
  } catch (err) {
    log(`default deck not imported: ${message(err)}`); // the app still works; Import is one click away
  }
  store.setBusyTimeout(SHORT_BUSY_TIMEOUT_MS);

  // Thin host hooks: the folder dialog for Import, and watching the "Notes folders" setting.
  service.host.pickFolder = async () => {
    const r = win ? await dialog.showOpenDialog(win, { properties: ['openDirectory'] }) : await dialog.showOpenDialog({ properties: ['openDirectory'] });
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
  try {
    const folders = watchNotesFoldersLazily(service, { log });
    app.on('will-quit', () => void folders.close());
  } catch (err) {
    log(`notes folders not watched: ${message(err)}`);
  }

  installSessionSecurity(session.defaultSession);
  // Serves dist/ (and nothing else) at app://deeprecall/, each response with the CSP.
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: path.dirname(indexFile) }));
  ipcMain.handle(
    INVOKE_CHANNEL,
    createInvokeHandler((method, args) => service.dispatch(method, args), (frame) => isTrustedSender(frame, urls), log),
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        appName: 'DeepRecall',
        isDev,
        isMac: process.platform === 'darwin',
        send: sendMenu,
        about,
        browserModeHelp: () => void browserModeHelp(),
        openDataFolder: () => shell.showItemInFolder(dbFile),
      }),
    ),
  );
  win = openWindow();
}

// Everything this process creates (database, backups, exports) is the user's alone.
if (process.platform !== 'win32') process.umask(0o077);

if (!app.requestSingleInstanceLock()) {
  // Another DeepRecall owns this profile: it receives 'second-instance' and comes forward.
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(win));
  installAppSecurity(app, urls);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (store && BrowserWindow.getAllWindows().length === 0) win = openWindow();
  });
  app.on('will-quit', () => store?.close());
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => fatal('could not start', message(err)));
}
