// Browser mode: the same AppApi over HTTP on 127.0.0.1, guarded like Jupyter
// (a random per-launch token) plus a loopback Host check against DNS rebinding.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { App } from '../service/app.ts';
import { ApiError } from '../service/contract/apiError.ts';
import { DbError } from '../db/errors.ts';
import { streamWithFirstCard } from './firstCard.ts';
import { isLoopbackHost, newToken, SECURITY_HEADERS, tokenMatches } from './security.ts';

export const MAX_BODY_BYTES = 32 * 1024 * 1024; // a 25 MB notes import plus JSON overhead
export const TOKEN_HEADER = 'x-deeprecall-token';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface ServerOptions {
  /** Only dispatch is used: `serve` hands over one that waits for the service still loading. */
  app: Pick<App, 'dispatch'>;
  port?: number; // 0 = any free port
  staticDir: string; // the built renderer (dist/)
  token?: string;
  log?: (line: string) => void;
  /**
   * The nextCard reply to carry inside index.html when the request has the
   * token in `?token=` (web/firstCard.ts); absent: the page asks the API.
   */
  firstCard?: () => Promise<unknown>;
  /** The profile's settings, put beside the first card (web/firstCard.ts); absent: the page asks getSettings. */
  pageSettings?: () => Promise<unknown>;
  /** Longest wait for `firstCard` before the page is finished without it (default 2 s). */
  firstCardWaitMs?: number;
}

export interface RunningServer {
  url: string; // with ?token=
  port: number;
  token: string;
  /**
   * A URL that carries a one-time code instead of the token, for handing to
   * a browser on its command line (world-readable in /proc): the first GET
   * within `ttlMs` redirects to the token URL, then the code is dead.
   */
  oneTimeUrl(ttlMs?: number): string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(json);
}

/**
 * Read a JSON body. An oversized body is still drained (discarded) so the
 * client can read our 413 instead of seeing a reset; past 4× the limit we
 * stop listening and drop the connection.
 */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
      else if (size > 4 * MAX_BODY_BYTES) req.destroy();
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new ApiError(413, `body larger than ${MAX_BODY_BYTES} bytes`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** Exactly `application/json`, optionally with a UTF-8 charset: `application/jsonx` or `…json; evil` is not JSON. */
export function isJsonType(type: string): boolean {
  return /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i.test(type.trim());
}

async function handleApi(opts: ServerOptions, token: string, req: http.IncomingMessage, res: http.ServerResponse, method: string) {
  if (req.method !== 'POST') return send(res, 405, { error: 'use POST' });
  if (!tokenMatches(token, req.headers[TOKEN_HEADER] as string | undefined)) return send(res, 401, { error: 'missing or wrong token' });
  const type = req.headers['content-type'] ?? '';
  // A JSON content type cannot be sent cross-origin without a CORS preflight, which we never answer.
  if (!isJsonType(type)) return send(res, 415, { error: 'Content-Type must be application/json' });
  let args: unknown;
  try {
    const body = await readBody(req);
    args = body.trim() === '' ? {} : JSON.parse(body);
  } catch (err) {
    if (err instanceof ApiError) return send(res, err.status, { error: err.message });
    return send(res, 400, { error: 'body is not valid JSON' });
  }
  try {
    // The handler runs synchronously against SQLite: the reply goes out only after the commit.
    const result = await opts.app.dispatch(method, args);
    send(res, 200, { result: result ?? null });
  } catch (err) {
    if (err instanceof ApiError) return send(res, err.status, { error: err.message, details: err.details });
    if (err instanceof DbError) return send(res, 503, { error: err.message });
    opts.log?.(`error in ${method}: ${(err as Error).stack ?? String(err)}`);
    send(res, 500, { error: `internal error in ${method}: ${(err as Error).message}` });
  }
}

/** `decodeURIComponent` that answers null instead of throwing on `%`, `%ff`, `%zz`. */
export function decodePath(pathname: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // fs rejects a NUL byte by throwing; no file of ours has one (nor any control character).
  return /[\u0000-\u001f]/.test(rel) ? null : rel;
}

function serveStatic(opts: ServerOptions, req: http.IncomingMessage, res: http.ServerResponse, pathname: string, token: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' });
  const root = path.resolve(opts.staticDir);
  let rel = decodePath(pathname);
  if (rel === null) return send(res, 400, { error: 'bad path' });
  if (rel === '/' || !path.extname(rel)) rel = '/index.html'; // client-side routes
  const file = path.resolve(root, `.${rel}`);
  if (!file.startsWith(root + path.sep)) return send(res, 403, { error: 'forbidden' });
  // Read synchronously: a few hundred kB from the page cache take well under a
  // millisecond, while fs.readFile's open/stat/read/close each wait for a
  // thread-pool slot and a loop turn — at start-up those queue behind the
  // service's module loading, and the page's first scripts would wait for it.
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    if (rel === '/index.html') return send(res, 500, { error: `renderer not built: ${file} missing (run npm run build)` });
    return send(res, 404, { error: 'not found' });
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': rel === '/index.html' ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  if (rel === '/index.html' && req.method === 'GET' && opts.firstCard && tokenMatches(token, queryToken(req))) {
    // The page's files can start at once; its first card follows in the same response.
    return streamWithFirstCard(res, data.toString('utf8'), { firstCard: opts.firstCard, settings: opts.pageSettings, waitMs: opts.firstCardWaitMs ?? 2000 });
  }
  res.end(req.method === 'HEAD' ? undefined : data);
}

function queryToken(req: http.IncomingMessage): string | undefined {
  try {
    return new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('token') ?? undefined;
  } catch {
    return undefined;
  }
}

export function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? newToken();
  let port = opts.port ?? 0;
  const codes = new Map<string, number>(); // one-time code → expiry (ms)
  /** `/?code=…`: trade a live one-time code for the token URL (303), once. */
  const redeem = (req: http.IncomingMessage, res: http.ServerResponse, code: string) => {
    const expires = codes.get(code);
    codes.delete(code);
    if (expires === undefined || Date.now() > expires || req.method !== 'GET') {
      return send(res, 403, { error: 'this link was already used or has expired; open the URL that deeprecall serve printed' });
    }
    res.writeHead(303, { ...SECURITY_HEADERS, Location: `/?token=${encodeURIComponent(token)}`, 'Cache-Control': 'no-store' });
    res.end();
  };
  const route = (req: http.IncomingMessage, res: http.ServerResponse): void | Promise<void> => {
    if (!isLoopbackHost(req.headers.host, port)) return send(res, 403, { error: 'Host header must be a loopback address with this port' });
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      return send(res, 400, { error: 'bad URL' });
    }
    const api = /^\/api\/([A-Za-z]{1,64})$/.exec(pathname);
    if (api) return handleApi(opts, token, req, res, api[1]!);
    const code = pathname === '/' ? new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('code') : null;
    if (code !== null) return redeem(req, res, code);
    if (pathname.startsWith('/api/')) return send(res, 404, { error: 'unknown API path' });
    return serveStatic(opts, req, res, pathname, token);
  };
  // Last resort: whatever a handler throws (synchronously or later), this
  // request still gets an answer and the process lives on. One bad request
  // must never take browser mode down for every other tab.
  const lastResort = (res: http.ServerResponse, err: unknown) => {
    opts.log?.(`unhandled error in request: ${(err as Error)?.stack ?? String(err)}`);
    if (res.headersSent) res.destroy();
    else send(res, 500, { error: 'internal error' });
  };
  const server = http.createServer((req, res) => {
    try {
      const pending = route(req, res);
      if (pending) pending.catch((err: unknown) => lastResort(res, err));
    } catch (err) {
      lastResort(res, err);
    }
  });
  // A malformed request line or header never reaches the handler: answer it here.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (socket.writable && err.code !== 'ECONNRESET') socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  server.requestTimeout = 120_000;
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new Error(`port ${port} on 127.0.0.1 is already in use (is another DeepRecall running?)`));
      else reject(err);
    });
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        oneTimeUrl: (ttlMs = 60_000) => {
          const code = newToken();
          codes.set(code, Date.now() + ttlMs);
          return `http://127.0.0.1:${port}/?code=${code}`;
        },
        close: () => new Promise<void>((r) => {
          server.closeAllConnections();
          server.close(() => r());
        }),
      });
    });
  });
}
