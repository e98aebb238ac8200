// Menu, paths and the DB location: the parts of the shell that are plain data.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_ACTIONS, isMenuAction, type MenuAction } from '../../../electron/bridge.ts';
import { menuTemplate } from '../../../electron/menu.ts';
import { NATIVE_ENV, nativeBindingPath, parseDbFlag, preloadFile, rendererIndex, resolveDesktopDb } from '../../../electron/paths.ts';
import { resolveDbPath } from '../../../db/paths.ts';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function build(isDev: boolean, isMac = false) {
  const sent: MenuAction[] = [];
  const template = menuTemplate({ appName: 'DeepRecall', isDev, isMac, send: (a) => sent.push(a), about: () => {}, browserModeHelp: () => {}, openDataFolder: () => {} });
  return { items: flatten(template), template, sent };
}

describe('native menu', () => {
  it('has no reload or devtools in a packaged app', () => {
    const roles = build(false).items.map((i) => i.role);
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    expect(roles).not.toContain('toggleDevTools');
  });

  it('has them in development', () => {
    const roles = build(true).items.map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('File → Import / Export send their action to the renderer', () => {
    const { items, sent } = build(false);
    const click = (label: string) => (items.find((i) => i.label?.startsWith(label))!.click as () => void)();
    click('Import Notes');
    click('Export Progress');
    click('Check Database');
    expect(sent).toEqual(['import', 'export', 'check-database']);
  });

  it('every action a menu item sends is one the bridge lets through', () => {
    const { items, sent } = build(true);
    for (const i of items) if (i.click && i.label && !/About|Browser|Data Folder/.test(i.label)) (i.click as () => void)();
    expect(sent.length).toBeGreaterThan(5);
    for (const a of sent) expect(isMenuAction(a)).toBe(true);
    expect(new Set(sent)).toEqual(new Set(MENU_ACTIONS));
  });

  it('puts the app menu first on macOS only', () => {
    expect(build(false, true).template[0]!.label).toBe('DeepRecall');
    expect(build(false, false).template[0]!.label).toBe('File');
  });
});

describe('database location', () => {
  it('reads --db FILE and --db=FILE, the last one winning', () => {
    expect(parseDbFlag(['electron', '.', '--db', '/a.db'])).toBe('/a.db');
    expect(parseDbFlag(['app', '--db=/b.db'])).toBe('/b.db');
    expect(parseDbFlag(['app', '--db=/b.db', '--db', '/c.db'])).toBe('/c.db');
    expect(parseDbFlag(['app', '--db'])).toBeUndefined();
    expect(parseDbFlag(['app', '--db='])).toBeUndefined();
    expect(parseDbFlag(['app', '--dbx=/x'])).toBeUndefined();
  });

  it('prefers --db, then $DEEPRECALL_DB, then the per-user file the CLI and browser mode use', () => {
    const env = { DEEPRECALL_DB: '/env/profile.db' };
    expect(resolveDesktopDb(['app', '--db', '/flag.db'], env)).toBe(path.resolve('/flag.db'));
    expect(resolveDesktopDb(['app'], env)).toBe(path.resolve('/env/profile.db'));
    expect(resolveDesktopDb(['app'], {})).toBe(resolveDbPath(undefined, {}));
    expect(resolveDesktopDb(['app'], {}).endsWith('deeprecall.db')).toBe(true);
  });
});

describe('Electron-ABI native module location', () => {
  const base = { appPath: '/repo', resourcesPath: '/opt/DeepRecall/resources', electronVersion: '42.11.18' };

  it('uses .electron-native/<version> in development, never node_modules', () => {
    const p = nativeBindingPath({ ...base, isPackaged: false, env: {} });
    expect(p).toBe(path.join('/repo', '.electron-native', '42.11.18', 'better_sqlite3.node'));
    expect(p).not.toContain('node_modules');
  });

  it('uses resources/native in a package, and ignores the env override there', () => {
    const p = nativeBindingPath({ ...base, isPackaged: true, env: { [NATIVE_ENV]: '/tmp/evil.node' } });
    expect(p).toBe(path.join('/opt/DeepRecall/resources', 'native', 'better_sqlite3.node'));
  });

  it('honours the override in development (tests)', () => {
    expect(nativeBindingPath({ ...base, isPackaged: false, env: { [NATIVE_ENV]: '/x/b.node' } })).toBe(path.resolve('/x/b.node'));
  });

  it('finds the renderer and preload where the build puts them', () => {
    expect(rendererIndex('/repo')).toBe(path.join('/repo', 'dist', 'index.html'));
    expect(preloadFile('/repo/dist-electron')).toBe(path.join('/repo/dist-electron', 'preload.cjs'));
  });
});
