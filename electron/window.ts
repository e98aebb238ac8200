// The main window: secure webPreferences, shown only once painted.
import { BrowserWindow, nativeTheme } from 'electron';
import { secureWebPreferences, type AppUrls } from './security.ts';

export const WINDOW_SIZE = { width: 1100, height: 760, minWidth: 720, minHeight: 520 } as const;

export interface WindowOptions {
  preload: string;
  urls: AppUrls;
  isDev: boolean;
  icon?: string | undefined;
}

export function createMainWindow(o: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...WINDOW_SIZE,
    show: false,
    title: 'DeepRecall',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16161d' : '#fafaf7',
    autoHideMenuBar: false,
    ...(o.icon ? { icon: o.icon } : {}),
    webPreferences: secureWebPreferences(o.preload, { devTools: o.isDev }),
  });
  win.once('ready-to-show', () => win.show());
  // app://deeprecall/index.html (served by electron/protocol.ts), never file://; the dev server only unpackaged.
  void win.loadURL(o.urls.devUrl ?? o.urls.indexUrl);
  return win;
}

/** Second instance or dock click: bring the existing window forward. */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
