// A browser-mode server on a temp profile, and raw HTTP requests whose Host
// header and bytes the test controls (fetch forbids both).
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach } from 'vitest';
import { Store } from '../../db/store.ts';
import { App } from '../../service/app.ts';
import { startServer, TOKEN_HEADER, type RunningServer } from '../../web/server.ts';
import { fakeClock } from './drafts.ts';
import { tmpDir } from './tmp.ts';

const running: { server: RunningServer; store: Store }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.server.close();
    r.store.close();
  }
});

export async function bootServer(log?: (line: string) => void) {
  const dir = tmpDir();
  const staticDir = path.join(dir, 'dist');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const store = Store.open(path.join(dir, 'w.db'), { create: true });
  const app = new App(store, fakeClock());
  await app.ensureDefaultDeck();
  const server = await startServer({ app, port: 0, staticDir, log });
  running.push({ server, store });
  return { server, store, staticDir, app };
}

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<RawReply>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'POST', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

export const api = (s: RunningServer, method: string, args: unknown, over: Record<string, string> = {}) =>
  request(s.port, {
    path: `/api/${method}`,
    headers: { host: `127.0.0.1:${s.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: s.token, ...over },
    body: JSON.stringify(args),
  });

/**
 * Send bytes as they are (a request line Node's client would refuse to send)
 * and resolve with the status code of the reply, or null when the server
 * closed the connection without one.
 */
export function rawRequest(port: number, bytes: Buffer, timeoutMs = 5000): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    const done = (v: number | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (c: Buffer) => {
      data += c.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
      if (m) done(Number(m[1]));
    });
    socket.on('error', () => done(null));
    socket.on('close', () => done(/^HTTP\/1\.1 (\d{3})/.test(data) ? Number(/^HTTP\/1\.1 (\d{3})/.exec(data)![1]) : null));
  });
}
