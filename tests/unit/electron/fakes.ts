// Minimal stand-ins for Electron objects: they record handlers so a test can
// fire the events Electron would and see what our code decided.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { APP_INDEX_URL } from '../../../electron/protocol.ts';
import type { AppUrls } from '../../../electron/security.ts';

export const INDEX_FILE = path.resolve('/opt/DeepRecall/resources/app.asar/dist/index.html');
/** Where the old shell loaded the page from: now refused everywhere. */
export const INDEX_FILE_URL = pathToFileURL(INDEX_FILE).href;
export const URLS: AppUrls = { indexUrl: APP_INDEX_URL };
export const DEV_URLS: AppUrls = { ...URLS, devUrl: 'http://localhost:5173/' };

export interface FakeEvent {
  url: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function event(url = ''): FakeEvent {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type Listener = (...args: never[]) => unknown;

export class FakeContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string; frameName?: string; features?: string; disposition?: string; postBody?: unknown }) => { action: string }) | null = null;
  /** What webContents.getURL() answers: the page that would open a window. */
  url: string = APP_INDEX_URL;

  getURL(): string {
    return this.url;
  }

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: NonNullable<FakeContents['windowOpenHandler']>): void {
    this.windowOpenHandler = handler;
  }

  /** Fire an event the way Electron does (event object first) and report whether it was prevented. */
  fire(name: string, url: string, ...rest: unknown[]): boolean {
    const e = event(url);
    const list = this.listeners.get(name) ?? [];
    for (const l of list) (l as (...a: unknown[]) => unknown)(e, url, ...rest);
    return e.defaultPrevented;
  }
}

export class FakeSession {
  headersHook: ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders?: Record<string, string[]> }) => void) => void) | null = null;
  permissionRequest: ((wc: unknown, permission: string, cb: (granted: boolean) => void, details?: unknown) => void) | null = null;
  permissionCheck: ((...a: unknown[]) => boolean) | null = null;
  devicePermission: ((...a: unknown[]) => boolean) | null = null;
  readonly webRequest = {
    onHeadersReceived: (hook: FakeSession['headersHook']) => {
      this.headersHook = hook;
    },
  };
  setPermissionRequestHandler(h: FakeSession['permissionRequest']): void {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']): void {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermission']): void {
    this.devicePermission = h;
  }
}
