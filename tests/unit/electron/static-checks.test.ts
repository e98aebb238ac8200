// Electronegativity's checks, as a source scan of electron/ (and the renderer
// HTML). Electronegativity 1.10.3 installs from npm, but it is purely
// syntactic (it flags `webPreferences: secureWebPreferences(...)` as
// "contextIsolation missing"), fetches translations and Electron's release
// list over the network on every run, and pulls ~400 stale packages
// (eslint 7, TypeScript 4.2). The runtime assertions in security.test.ts are
// stronger; this file covers the anti-patterns a runtime test cannot see:
// something added elsewhere in electron/ that bypasses security.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ELECTRON_DIR = path.join(ROOT, 'electron');
const sources = fs
  .readdirSync(ELECTRON_DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: `electron/${f.replace(/\\/g, '/')}`, text: stripComments(fs.readFileSync(path.join(ELECTRON_DIR, f), 'utf8')) }));

function stripComments(ts: string): string {
  return ts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function offenders(pattern: RegExp, allowIn: string[] = []): string[] {
  return sources.filter((s) => pattern.test(s.text) && !allowIn.includes(s.file)).map((s) => s.file);
}

/** [electronegativity check id, pattern that must not appear, files where it is the reviewed implementation] */
const FORBIDDEN: [string, RegExp, string[]?][] = [
  ['NODE_INTEGRATION_JS_CHECK', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
  ['CONTEXT_ISOLATION_JS_CHECK', /contextIsolation\s*:\s*(false|[^t\s,}])/],
  ['SANDBOX_JS_CHECK', /sandbox\s*:\s*false/],
  ['WEB_SECURITY_JS_CHECK', /webSecurity\s*:\s*false/],
  ['INSECURE_CONTENT_JS_CHECK', /allowRunningInsecureContent\s*:\s*true/],
  ['EXPERIMENTAL_FEATURES_JS_CHECK', /experimentalFeatures\s*:\s*true/],
  ['BLINK_FEATURES_JS_CHECK', /enableBlinkFeatures/],
  ['WEBVIEW_TAG / ALLOWPOPUPS', /webviewTag\s*:\s*true|allowpopups/i],
  ['CUSTOM_ARGUMENTS_JS_CHECK', /additionalArguments|appendSwitch\s*\(\s*['"](no-sandbox|disable-web-security|ignore-certificate-errors|remote-debugging)/],
  ['REMOTE_MODULE_JS_CHECK', /@electron\/remote|enableRemoteModule|\.remote\b/],
  ['CERTIFICATE_VERIFY_PROC_JS_CHECK', /setCertificateVerifyProc/],
  ['CERTIFICATE_ERROR_EVENT_JS_CHECK', /['"]certificate-error['"]/],
  ['SECURITY_WARNINGS_JS_CHECK', /ELECTRON_DISABLE_SECURITY_WARNINGS/],
  ['DANGEROUS_FUNCTIONS_JS_CHECK', /executeJavaScript|insertCSS|\beval\s*\(|new Function\s*\(/],
  ['PROTOCOL_HANDLERS_JS_CHECK', /setAsDefaultProtocolClient|registerFileProtocol|registerHttpProtocol|registerBufferProtocol|registerStreamProtocol|interceptFileProtocol|protocol\.intercept/],
  ['protocol.handle / registerSchemesAsPrivileged only in main.ts (the app:// scheme)', /protocol\.handle\s*\(|registerSchemesAsPrivileged/, ['electron/main.ts']],
  ['no page is loaded from file:// (the renderer lives at app://deeprecall/)', /\bloadFile\s*\(|pathToFileURL|['"`]file:\/\//],
  ['no scheme privilege that weakens the page', /bypassCSP\s*:\s*true|corsEnabled\s*:\s*true|allowServiceWorkers\s*:\s*true/],
  ['OPEN_EXTERNAL_JS_CHECK (only through the allow-list)', /openExternal\s*\(/, ['electron/security.ts']],
  ['PERMISSION_REQUEST_HANDLER_JS_CHECK (only the deny-all one)', /setPermission(Request|Check)Handler|setDevicePermissionHandler/, ['electron/security.ts']],
  ['webPreferences built only by secureWebPreferences', /webPreferences\s*:\s*\{/],
  ['HTTP_RESOURCES_JS_CHECK', /loadURL\s*\(\s*['"`]https?:/],
  ['ipcRenderer never handed to the page', /exposeInMainWorld\s*\([^)]*ipcRenderer\b(?!\.)/],
];

describe('electronegativity-equivalent source checks (electron/)', () => {
  it('finds the sources', () => {
    expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining(['electron/main.ts', 'electron/preload.ts', 'electron/security.ts', 'electron/window.ts']));
  });

  it.each(FORBIDDEN)('%s', (_id, pattern, allowIn = []) => {
    expect(offenders(pattern, allowIn)).toEqual([]);
  });

  it('every BrowserWindow is made in window.ts with secureWebPreferences', () => {
    expect(offenders(/new BrowserWindow\s*\(/, ['electron/window.ts'])).toEqual([]);
    const win = sources.find((s) => s.file === 'electron/window.ts')!.text;
    expect(win).toMatch(/webPreferences\s*:\s*secureWebPreferences\(/);
    // Nothing may be spread or set after it to override a flag.
    expect(win).not.toMatch(/secureWebPreferences\([^)]*\)\s*,\s*(contextIsolation|sandbox|nodeIntegration|webSecurity)/);
  });

  it('main turns on the sandbox for every renderer, installs the handlers and checks IPC senders', () => {
    const main = sources.find((s) => s.file === 'electron/main.ts')!.text;
    expect(main).toMatch(/app\.enableSandbox\(\)/);
    expect(main).toMatch(/installAppSecurity\(app,/);
    expect(main).toMatch(/installSessionSecurity\(session\.defaultSession\)/);
    expect(main).toMatch(/isTrustedSender\(frame, urls\)/);
    expect(main).toMatch(/requestSingleInstanceLock\(\)/);
    // One IPC entry point only.
    expect(main.match(/ipcMain\.(handle|on|once)\s*\(/g)).toEqual(['ipcMain.handle(']);
  });

  it('main registers app:// as privileged before ready and serves it with the protocol.ts handler', () => {
    const main = sources.find((s) => s.file === 'electron/main.ts')!.text;
    const register = main.search(/protocol\.registerSchemesAsPrivileged\(PRIVILEGED_SCHEMES/);
    expect(register).toBeGreaterThan(-1);
    // Top-level, before the ready promise is even asked for.
    expect(register).toBeLessThan(main.search(/\.whenReady\(\)/));
    expect(register).toBeLessThan(main.search(/function start\(/));
    expect(main.match(/protocol\.handle\([^,]+/g)).toEqual(['protocol.handle(APP_SCHEME']);
    expect(main).toMatch(/protocol\.handle\(APP_SCHEME, createAppProtocolHandler\(/);
    expect(main).toMatch(/indexUrl: APP_INDEX_URL/);
    const win = sources.find((s) => s.file === 'electron/window.ts')!.text;
    expect(win).toMatch(/loadURL\(o\.urls\.devUrl \?\? o\.urls\.indexUrl\)/);
  });

  it('openExternal is reached only from the window-open handler, never from a navigation event', () => {
    const security = sources.find((s) => s.file === 'electron/security.ts')!.text;
    const callers = [...security.matchAll(/openExternalIfSafe\(/g)].length;
    expect(callers).toBe(2); // its definition and the one call in setWindowOpenHandler
    // Everything hardenWebContents does before the window-open handler (the will-* navigation handlers) opens nothing.
    const harden = security.slice(security.indexOf('export function hardenWebContents'));
    const navigation = harden.slice(0, harden.indexOf('setWindowOpenHandler'));
    expect(navigation).toMatch(/'will-navigate'/);
    expect(navigation).toMatch(/'will-redirect'/);
    expect(navigation).not.toMatch(/openExternal/);
    expect(security).toMatch(/setWindowOpenHandler\(\(details\) => \{\s*if \(isLinkClick\(details, contents\.getURL\(\), urls\)\) openExternalIfSafe\(details\.url\);/);
  });

  it('the preload exposes one object and requires nothing but electron', () => {
    const preload = sources.find((s) => s.file === 'electron/preload.ts')!.text;
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    const imports = [...preload.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(imports.every((m) => m === 'electron' || m === './bridge.ts')).toBe(true);
  });
});

describe('electron-builder fuses', () => {
  const config = path.join(ROOT, 'electron-builder.yml');

  it('turns GrantFileProtocolExtraPrivileges off (the renderer is served from app://) and keeps the other fuses safe', async () => {
    const { parse } = await import('yaml');
    const fuses = (parse(fs.readFileSync(config, 'utf8')) as { electronFuses?: Record<string, unknown> }).electronFuses;
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('CSP meta tag of the renderer', () => {
  const index = path.join(ROOT, 'renderer', 'index.html');

  // The app:// handler sends the policy as a header; the page's own <meta>
  // stays as a second line (and covers the dev server). It must be the shared
  // policy (web/security.ts) minus frame-ancestors, which a <meta> policy ignores.
  it.skipIf(!fs.existsSync(index))('renderer/index.html carries the shared policy', async () => {
    const { CSP } = await import('../../../web/security.ts');
    const html = fs.readFileSync(index, 'utf8');
    const meta = /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(meta, 'a <meta http-equiv="Content-Security-Policy"> in renderer/index.html').toBeDefined();
    const norm = (p: string) => p.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter((d) => d && !d.startsWith('frame-ancestors')).sort();
    expect(norm(meta!)).toEqual(norm(CSP));
    // …and it comes before anything it must govern.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script|<link rel=["']stylesheet/i) >>> 0);
  });
});

describe('electronegativity-equivalent checks (renderer HTML)', () => {
  const htmlFiles = ['renderer/index.html', 'dist/index.html'].map((f) => path.join(ROOT, f)).filter((f) => fs.existsSync(f));

  it.skipIf(htmlFiles.length === 0)('no <webview>, no inline script, no remote script or style', () => {
    for (const f of htmlFiles) {
      const html = fs.readFileSync(f, 'utf8');
      expect(html, f).not.toMatch(/<webview/i);
      expect(html, f).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i); // inline script body
      expect(html, f).not.toMatch(/<(script|link)[^>]+(src|href)=["']?(https?:)?\/\//i);
      expect(html, f).not.toMatch(/\son[a-z]+\s*=/i); // inline event handlers
    }
  });
});
