// The desktop host's security settings, asserted without an Electron binary:
// `electron` is mocked, handlers are fired by hand. Each block is written to
// fail when the corresponding setting in electron/security.ts is weakened.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { App, Session, WebContents } from 'electron';

const openExternal = vi.fn((_url: string) => Promise.resolve());
vi.mock('electron', () => ({ shell: { openExternal } }));

const security = await import('../../../electron/security.ts');
const { CSP: WEB_CSP } = await import('../../../web/security.ts');
const { createInvokeHandler, ForeignSenderError } = await import('../../../electron/ipc.ts');
const { ApiError } = await import('../../../service/contract/common.ts');
const { DbError } = await import('../../../db/errors.ts');
import { DEV_URLS, FakeContents, FakeSession, INDEX_FILE_URL, URLS } from './fakes.ts';

const {
  CSP,
  hardenWebContents,
  installAppSecurity,
  installSessionSecurity,
  isAppUrl,
  isLinkClick,
  isSafeExternalUrl,
  isTrustedSender,
  openExternalIfSafe,
  parseDevUrl,
  secureWebPreferences,
  withCsp,
} = security;

beforeEach(() => openExternal.mockClear());

describe('BrowserWindow webPreferences', () => {
  const prefs = secureWebPreferences('/app/dist-electron/preload.cjs', { devTools: false });

  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and insecure or experimental features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.spellcheck).toBe(false); // would fetch dictionaries from the network
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('is exactly this set of keys (a new, unreviewed option fails here)', () => {
    expect(prefs).toEqual({
      preload: '/app/dist-electron/preload.cjs',
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
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('offers devtools only when asked (development)', () => {
    expect(secureWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
  });
});

/** directive name → sources */
function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

describe('Content-Security-Policy', () => {
  const csp = parseCsp(CSP);

  it('is the very policy browser mode sends', () => {
    expect(CSP).toBe(WEB_CSP);
  });

  it('allows scripts from the app only: no inline, no eval, no remote hosts', () => {
    const scripts = csp.get('script-src') ?? csp.get('default-src');
    expect(scripts).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('blocks plugins, <base> rewriting, form posts and framing', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('has no directive that opens a hole', () => {
    for (const [name, sources] of csp) {
      for (const s of sources) {
        expect(s, `${name} ${s}`).not.toMatch(/unsafe-|^\*$|^https?:$|^wss?:$|^blob:$|^filesystem:$|^https?:\/\//i);
        if (s === 'data:') expect(['img-src', 'font-src']).toContain(name);
      }
    }
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('is set on every response, replacing a weaker one whatever its header case', () => {
    const headers = withCsp({ 'content-security-policy': ["default-src *; script-src 'unsafe-inline'"], 'X-Other': ['1'] });
    expect(headers['Content-Security-Policy']).toEqual([CSP]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['X-Other']).toEqual(['1']);
    expect(headers['X-Content-Type-Options']).toEqual(['nosniff']);
  });
});

describe('session: headers hook and permissions', () => {
  const session = new FakeSession();
  installSessionSecurity(session as unknown as Session);

  it('installs the CSP on responses', () => {
    let result: { responseHeaders?: Record<string, string[]> } = {};
    session.headersHook!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (result = r));
    expect(result.responseHeaders?.['Content-Security-Policy']).toEqual([CSP]);
    session.headersHook!({}, (r) => (result = r));
    expect(result.responseHeaders?.['Content-Security-Policy']).toEqual([CSP]);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb', 'midiSysex', 'unknown'])(
    'denies the %s permission request',
    (permission) => {
      const granted: boolean[] = [];
      session.permissionRequest!({}, permission, (g) => granted.push(g), { requestingUrl: URLS.indexUrl });
      expect(granted).toEqual([false]);
    },
  );

  it('answers every permission check and device request with no', () => {
    expect(session.permissionCheck!({}, 'media', URLS.indexUrl, {})).toBe(false);
    expect(session.permissionCheck!({}, 'notifications', URLS.indexUrl, {})).toBe(false);
    expect(session.devicePermission!({ deviceType: 'usb', origin: 'file://' })).toBe(false);
  });
});

describe('navigation, new windows, webviews', () => {
  let contents: FakeContents;
  beforeEach(() => {
    contents = new FakeContents();
    hardenWebContents(contents as unknown as WebContents, URLS);
  });

  it('lets the app page navigate within itself', () => {
    expect(contents.fire('will-navigate', `${URLS.indexUrl}#/review`)).toBe(false);
    expect(contents.fire('will-navigate', `${URLS.indexUrl}?lang=en`)).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    INDEX_FILE_URL,
    `${INDEX_FILE_URL}#/review`,
    'app://deeprecall/other.html',
    'app://evil/index.html',
    'app://deeprecall.evil.example/index.html',
    'file:///opt/DeepRecall/resources/app.asar/dist/other.html',
    'file://attacker-host/opt/DeepRecall/resources/app.asar/dist/index.html',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'chrome://gpu',
  ])('denies navigation to %s', (url) => {
    expect(contents.fire('will-navigate', url)).toBe(true);
    expect(contents.fire('will-frame-navigate', url)).toBe(true);
    expect(contents.fire('will-redirect', url)).toBe(true);
  });

  it('never opens anything externally from a navigation (no user gesture is known there), only prevents it', () => {
    expect(contents.fire('will-navigate', 'https://arxiv.org/abs/1502.03167')).toBe(true);
    expect(contents.fire('will-navigate', 'http://example.com/')).toBe(true);
    expect(contents.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-frame-navigate', 'https://example.com/')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  const click = (url: string) => ({ url, frameName: '', features: '', disposition: 'foreground-tab' });

  it('opens an http(s) link clicked in a card (target=_blank) in the system browser, and denies the window', () => {
    expect(contents.windowOpenHandler!(click('https://arxiv.org/abs/1502.03167'))).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ ...click('http://example.com/x'), disposition: 'background-tab' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual(['https://arxiv.org/abs/1502.03167', 'http://example.com/x']);
  });

  it('denies every window.open / target=_blank and opens only http(s) externally', () => {
    for (const url of ['https://example.com/x', 'file:///etc/passwd', 'javascript:alert(1)', URLS.indexUrl, INDEX_FILE_URL, 'about:blank', 'mailto:a@b.c']) {
      expect(contents.windowOpenHandler!(click(url))).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual(['https://example.com/x']);
  });

  it.each([
    ['window.open with features', { ...click('https://example.com/'), features: 'width=200' }],
    ['window.open with a frame name', { ...click('https://example.com/'), frameName: 'x' }],
    ['a form post', { ...click('https://example.com/'), postBody: { data: [], contentType: 'application/x-www-form-urlencoded' } }],
    ['an "other" disposition', { ...click('https://example.com/'), disposition: 'other' }],
  ])('opens nothing for %s', (_label, details) => {
    expect(contents.windowOpenHandler!(details)).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each(['https://evil.example/', INDEX_FILE_URL, 'about:blank', 'devtools://devtools/bundled/inspector.html'])('opens nothing when the opener is %s, not the app', (opener) => {
    contents.url = opener;
    expect(contents.windowOpenHandler!(click('https://example.com/'))).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('isLinkClick requires the app page as opener', () => {
    expect(isLinkClick(click('https://example.com/'), `${URLS.indexUrl}#/review`, URLS)).toBe(true);
    expect(isLinkClick(click('https://example.com/'), INDEX_FILE_URL, URLS)).toBe(false);
  });

  it('prevents <webview> attachment', () => {
    expect(contents.fire('will-attach-webview', 'https://example.com/')).toBe(true);
  });

  it('is applied to every web contents the app creates', () => {
    const handlers: Record<string, (...a: unknown[]) => void> = {};
    const app = { on: (name: string, h: (...a: unknown[]) => void) => (handlers[name] = h) };
    installAppSecurity(app as unknown as App, URLS);
    const later = new FakeContents();
    handlers['web-contents-created']!({}, later);
    expect(later.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(later.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(later.fire('will-attach-webview', '')).toBe(true);
  });
});

describe('openExternal allow-list', () => {
  it.each(['http://example.com', 'https://example.com/path?q=1#frag', 'HTTPS://EXAMPLE.COM/', 'https://例子.测试/路径', 'https://[2001:db8::1]/'])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'blob:https://example.com/uuid',
    'mailto:a@example.com',
    'ftp://example.com/',
    'smb://host/share',
    'deeprecall://open',
    'vscode://file/etc/passwd',
    'ms-settings:privacy',
    'x-apple.systempreferences:',
    'about:blank',
    'chrome://settings',
    'https://user:secret@example.com/',
    'https://user@example.com/',
    'https://',
    '//example.com/path',
    '/relative/path',
    'example.com',
    '',
    `https://example.com/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
    expect(openExternalIfSafe(url)).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each([undefined, null, 42, {}, ['https://example.com'], new URL('https://example.com')])('refuses a non-string %s', (value) => {
    expect(isSafeExternalUrl(value)).toBe(false);
  });

  it('opens the normalised URL, not the raw string', () => {
    expect(openExternalIfSafe('HTTPS://Example.COM/a b')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/a%20b');
  });
});

describe('app URL and dev server', () => {
  it('accepts only loopback http dev servers', () => {
    expect(parseDevUrl('http://localhost:5173')).toBe('http://localhost:5173/');
    expect(parseDevUrl('http://127.0.0.1:5173/x')).toBe('http://127.0.0.1:5173/');
    expect(parseDevUrl('https://localhost:5173')).toBeUndefined();
    expect(parseDevUrl('http://evil.example:5173')).toBeUndefined();
    expect(parseDevUrl('http://localhost.evil.example/')).toBeUndefined();
    expect(parseDevUrl('file:///tmp/index.html')).toBeUndefined();
    expect(parseDevUrl(undefined)).toBeUndefined();
    expect(parseDevUrl('')).toBeUndefined();
  });

  it('matches the dev origin exactly when one is configured', () => {
    expect(isAppUrl('http://localhost:5173/#/review', DEV_URLS)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', DEV_URLS)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', URLS)).toBe(false);
    expect(isAppUrl(URLS.indexUrl, DEV_URLS)).toBe(true);
  });

  it('the app page is app://deeprecall/index.html; file:// is never the app', () => {
    expect(URLS.indexUrl).toBe('app://deeprecall/index.html');
    expect(isAppUrl('app://deeprecall/index.html#/review', URLS)).toBe(true);
    expect(isAppUrl('app://deeprecall/index.html?lang=en', URLS)).toBe(true);
    expect(isAppUrl(INDEX_FILE_URL, URLS)).toBe(false);
    expect(isAppUrl(INDEX_FILE_URL, { indexUrl: INDEX_FILE_URL })).toBe(false);
    expect(isAppUrl('app://deeprecall/', URLS)).toBe(false);
    expect(isAppUrl('app://other/index.html', URLS)).toBe(false);
  });
});

describe('IPC sender check', () => {
  const top = (url: string) => ({ url, parent: null });

  it('trusts only the top frame of our own page', () => {
    expect(isTrustedSender(top(URLS.indexUrl), URLS)).toBe(true);
    expect(isTrustedSender(top(`${URLS.indexUrl}#/browse`), URLS)).toBe(true);
  });

  it.each([
    ['a foreign web page', top('https://evil.example/')],
    ['another local file', top('file:///tmp/evil.html')],
    ['the same index.html over file://', top(INDEX_FILE_URL)],
    ['another app:// host', top('app://evil/index.html')],
    ['another page of the app scheme', top('app://deeprecall/evil.html')],
    ['a data: page', top('data:text/html,hi')],
    ['about:blank', top('about:blank')],
    ['a subframe of our page', { url: URLS.indexUrl, parent: { url: URLS.indexUrl } }],
    ['an unconfigured dev server', top('http://localhost:5173/')],
    ['a destroyed frame', null],
  ])('refuses %s', (_label, frame) => {
    expect(isTrustedSender(frame, URLS)).toBe(false);
  });

  it('never dispatches for a foreign frame: the invoke rejects', async () => {
    const dispatch = vi.fn(async () => 'secret');
    const handler = createInvokeHandler(dispatch, (f) => isTrustedSender(f, URLS));
    await expect(handler({ senderFrame: top('https://evil.example/') }, 'summary', {})).rejects.toBeInstanceOf(ForeignSenderError);
    await expect(handler({ senderFrame: null }, 'summary', {})).rejects.toBeInstanceOf(ForeignSenderError);
    await expect(handler({ senderFrame: { url: URLS.indexUrl, parent: {} } }, 'summary', {})).rejects.toBeInstanceOf(ForeignSenderError);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('dispatches for our page and returns the value', async () => {
    const dispatch = vi.fn(async (method: string, args: unknown) => ({ method, args }));
    const handler = createInvokeHandler(dispatch, (f) => isTrustedSender(f, URLS));
    await expect(handler({ senderFrame: top(URLS.indexUrl) }, 'summary', {})).resolves.toEqual({ ok: true, value: { method: 'summary', args: {} } });
  });

  it.each([42, null, undefined, '', 'x'.repeat(65), { toString: () => 'summary' }])('rejects method %s without dispatching', async (method) => {
    const dispatch = vi.fn(async () => 1);
    const handler = createInvokeHandler(dispatch, () => true);
    await expect(handler({ senderFrame: top(URLS.indexUrl) }, method, {})).resolves.toEqual({ ok: false, error: { status: 400, message: 'method must be a non-empty string' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('returns service errors as data: ApiError keeps its status and message, DbError is 503, others 500', async () => {
    const fail = (err: unknown) => createInvokeHandler(async () => Promise.reject(err), () => true)({ senderFrame: top(URLS.indexUrl) }, 'answer', {});
    await expect(fail(new ApiError(400, 'answer: quality: Invalid input'))).resolves.toEqual({ ok: false, error: { status: 400, message: 'answer: quality: Invalid input' } });
    await expect(fail(new DbError('/x.db', 'database is locked', 'locked'))).resolves.toEqual({ ok: false, error: { status: 503, message: '/x.db: database is locked' } });
    await expect(fail(new TypeError('boom'))).resolves.toEqual({ ok: false, error: { status: 500, message: 'internal error in answer: boom' } });
  });
});
