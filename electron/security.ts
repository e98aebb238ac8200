// Secure defaults for the desktop host, kept apart from main.ts so a unit test
// (with `electron` mocked) can assert every setting and handler. Follows
// Electron's security checklist: isolated + sandboxed renderer, no Node in
// the page, one strict CSP (the same string browser mode sends), no
// navigation away from the app, no new windows, no webviews, no permissions,
// and only http(s) links the user clicked (target=_blank → window-open
// handler) handed to the system browser; a navigation never opens anything.
import { shell, type App, type Session, type WebContents, type WebPreferences } from 'electron';
import { CSP } from '../web/security.ts';
import { APP_SCHEME } from './protocol.ts';

export { CSP };

/** Where the renderer may legitimately live: the built index.html, or (development only) a loopback dev server. */
export interface AppUrls {
  /** app://deeprecall/index.html (electron/protocol.ts serves dist/ there). */
  indexUrl: string;
  /** http://localhost:PORT (unpackaged runs only; see parseDevUrl). */
  devUrl?: string | undefined;
}

export function secureWebPreferences(preloadPath: string, opts: { devTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // Spellcheck would download Hunspell dictionaries from Google's CDN; the app makes no network requests.
    spellcheck: false,
    safeDialogs: true,
    // Middle-click would otherwise try to open links in a new window (denied anyway; this stops the attempt).
    disableBlinkFeatures: 'Auxclick',
    devTools: opts.devTools,
  };
}

function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * Links a user may open in the system browser: http and https only, with a
 * host and no embedded credentials. javascript:, file:, data:, blob:, mailto:
 * and custom schemes (which can launch other programs) are refused.
 */
export function isSafeExternalUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length > 2048) return false;
  const u = parseUrl(raw);
  if (!u) return false;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  if (u.username !== '' || u.password !== '') return false;
  return u.hostname !== '';
}

/** Hands a safe link to the OS browser; returns whether it did. Opens the normalised href, not the raw string. */
export function openExternalIfSafe(raw: unknown): boolean {
  if (!isSafeExternalUrl(raw)) return false;
  void shell.openExternal(new URL(raw).href).catch(() => {});
  return true;
}

/** A dev server URL is honoured only on loopback over http (set by a developer, never in a package). */
export function parseDevUrl(raw: string | undefined): string | undefined {
  const u = parseUrl(raw);
  if (!u || u.protocol !== 'http:') return undefined;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)) return undefined;
  return u.origin + '/';
}

/** True for the app's own page (any #route or ?query of it) or, in development, the dev server origin. */
export function isAppUrl(raw: unknown, urls: AppUrls): boolean {
  const u = parseUrl(raw);
  if (!u) return false;
  const index = new URL(urls.indexUrl);
  // Only our privileged scheme counts as the app; file:// never does (any local file would share its origin).
  if (u.protocol === `${APP_SCHEME}:` && index.protocol === `${APP_SCHEME}:`) {
    return u.host.toLowerCase() === index.host.toLowerCase() && u.pathname === index.pathname;
  }
  if (urls.devUrl !== undefined) {
    const dev = new URL(urls.devUrl);
    return u.protocol === 'http:' && dev.origin !== 'null' && u.origin === dev.origin;
  }
  return false;
}

/** The frame shape the IPC check needs (a WebFrameMain in Electron). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** IPC is answered only for the top-level frame showing our own page: never a subframe, never a foreign page. */
export function isTrustedSender(frame: SenderFrame | null | undefined, urls: AppUrls): boolean {
  if (!frame) return false; // frame navigated away or was destroyed
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url, urls);
}

/** Response headers with our CSP replacing any the response carried (header names are case-insensitive). */
export function withCsp(headers: Record<string, string[]> | undefined, csp: string = CSP): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  out['X-Content-Type-Options'] = ['nosniff'];
  return out;
}

/** Session-wide: CSP on every response, every permission (camera, notifications, HID, …) denied. */
export function installSessionSecurity(session: Session, csp: string = CSP): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * The window-open details a user's click on `<a href target="_blank">` in a
 * card produces (Electron's HandlerDetails, the part we read). Script-opened
 * windows usually carry features or a frame name, a form post carries a body.
 */
export interface WindowOpenDetails {
  url: string;
  frameName?: string;
  features?: string;
  disposition?: string;
  postBody?: unknown;
}

/**
 * Whether a window-open request looks like a plain link click from our own
 * page: the opener shows the app, no window features or name (window.open
 * with arguments), no form post, a tab/window disposition. Electron exposes
 * no user-gesture flag here; the page's CSP (script-src 'self', sanitized
 * card HTML) is what keeps card content from calling window.open itself.
 */
export function isLinkClick(details: WindowOpenDetails, openerUrl: string, urls: AppUrls): boolean {
  if (!isAppUrl(openerUrl, urls)) return false;
  if ((details.frameName ?? '') !== '' || (details.features ?? '') !== '') return false;
  if (details.postBody !== undefined && details.postBody !== null) return false;
  return ['foreground-tab', 'background-tab', 'new-window', 'default', undefined].includes(details.disposition);
}

/** Per web contents: stay on the app page, open nothing new, attach no webview. */
export function hardenWebContents(contents: WebContents, urls: AppUrls): void {
  // Leaving the app page is always refused and never opens anything outside:
  // a redirect or script-driven location change must not launch the browser.
  // Links in cards carry target=_blank, so a click arrives at the window-open handler below.
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, urls)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url, urls)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, urls)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => {
    if (isLinkClick(details, contents.getURL(), urls)) openExternalIfSafe(details.url);
    return { action: 'deny' };
  });
}

/** Applies hardenWebContents to every web contents the app ever creates (windows, devtools, anything). */
export function installAppSecurity(app: App, urls: AppUrls): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, urls));
}
