// The native menu as a template built from plain callbacks, so a test can
// check it (e.g. no reload / devtools entries in a packaged app) without
// Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from './bridge.ts';

export interface MenuDeps {
  appName: string;
  isDev: boolean;
  isMac: boolean;
  /** Forward a menu choice to the renderer (MENU_CHANNEL). */
  send: (action: MenuAction) => void;
  about: () => void;
  browserModeHelp: () => void;
  openDataFolder: () => void;
}

export function menuTemplate(d: MenuDeps): MenuItemConstructorOptions[] {
  const go = (label: string, action: MenuAction, key: string): MenuItemConstructorOptions => ({
    label,
    accelerator: `CmdOrCtrl+${key}`,
    click: () => d.send(action),
  });
  const view: MenuItemConstructorOptions[] = [
    go('Today', 'go:today', '1'),
    go('Review', 'go:review', '2'),
    go('Browse', 'go:browse', '3'),
    go('Import', 'go:import', '4'),
    go('Settings', 'go:settings', ','),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (d.isDev) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' });

  const template: MenuItemConstructorOptions[] = [];
  if (d.isMac) {
    template.push({
      label: d.appName,
      submenu: [{ label: `About ${d.appName}`, click: d.about }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push(
    {
      label: 'File',
      submenu: [
        { label: 'Import Notes…', accelerator: 'CmdOrCtrl+O', click: () => d.send('import') },
        { label: 'Export Progress…', accelerator: 'CmdOrCtrl+E', click: () => d.send('export') },
        { type: 'separator' },
        { label: 'Check Database…', click: () => d.send('check-database') },
        { label: 'Show Data Folder', click: d.openDataFolder },
        { type: 'separator' },
        d.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Use in a Browser (browser mode)…', click: d.browserModeHelp },
        ...(d.isMac ? [] : [{ type: 'separator' } as const, { label: `About ${d.appName}`, click: d.about }]),
      ],
    },
  );
  return template;
}
