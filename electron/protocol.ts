// The renderer is served from app://deeprecall/ (a privileged custom scheme)
// instead of file://. A file:// page shares its origin with every local file
// and needs the GrantFileProtocolExtraPrivileges fuse for module scripts; an
// app:// page is its own origin, gets real response headers (so the CSP is a
// header here too, not only the <meta>), and can read nothing outside dist/.
// Kept free of `electron` imports so tests run the handler under plain Node.
import fs from 'node:fs';
import path from 'node:path';
import { CSP } from '../web/security.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'deeprecall';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged (before app ready): `standard` so
 * relative URLs and the origin work like http, `secure` so the page is a
 * secure context, `supportFetchAPI` for fetch(). Deliberately not bypassCSP,
 * corsEnabled, allowServiceWorkers or stream.
 */
export const PRIVILEGED_SCHEMES = [{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }] as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` an app:// URL names, or null: another scheme or host,
 * a malformed escape, a control character (NUL), or anything that resolves
 * outside root (`..`, encoded `%2e%2e` / `%2f` / `%5c`, absolute paths).
 */
export function resolveAppFile(root: string, rawUrl: string): string | null {
  let u: URL;
  try {
    u = new URL(rawUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host.toLowerCase() !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (/[\u0000-\u001f]/.test(rel)) return null;
  if (rel === '' || rel === '/') rel = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${rel.replace(/\\/g, '/')}`);
  return file.startsWith(base + path.sep) ? file : null;
}

export interface AppProtocolOptions {
  /** The built renderer folder (dist/). */
  root: string;
  csp?: string;
  readFile?: (file: string) => Promise<Buffer>;
}

function notFound(csp: string): Response {
  return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' } });
}

/** The protocol.handle('app', …) handler: GET/HEAD of files under root with the app's CSP; 404 for everything else. */
export function createAppProtocolHandler(opts: AppProtocolOptions): (request: Request) => Promise<Response> {
  const csp = opts.csp ?? CSP;
  const readFile = opts.readFile ?? ((f: string) => fs.promises.readFile(f));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('method not allowed', { status: 405, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': csp } });
    }
    const file = resolveAppFile(opts.root, request.url);
    if (file === null) return notFound(csp);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound(csp); // missing, a directory, unreadable: never an exception out of the handler
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': mimeType(file),
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  };
}
