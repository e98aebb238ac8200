import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { MAX_BODY_BYTES, startServer, TOKEN_HEADER, type RunningServer } from '../../../web/server.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

const running: { server: RunningServer; store: Store }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.server.close();
    r.store.close();
  }
});

async function boot() {
  const dir = tmpDir();
  const staticDir = path.join(dir, 'dist');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const store = Store.open(path.join(dir, 'w.db'), { create: true });
  const app = new App(store, fakeClock());
  app.ensureDefaultDeck();
  const server = await startServer({ app, port: 0, staticDir });
  running.push({ server, store });
  return { server, store, staticDir, app };
}

/** Raw request so the test controls the Host header (fetch forbids setting it). */
function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
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

const api = (s: RunningServer, method: string, args: unknown, over: Record<string, string> = {}) =>
  request(s.port, {
    path: `/api/${method}`,
    headers: { host: `127.0.0.1:${s.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: s.token, ...over },
    body: JSON.stringify(args),
  });

const reviewCount = (store: Store) => store.db.prepare('SELECT count(*) FROM reviews').pluck().get();

describe('browser-mode HTTP host', () => {
  it('serves the API with the token and a loopback Host', async () => {
    const { server } = await boot();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    const r = await api(server, 'summary', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).result.new).toBe(20);
    const viaLocalhost = await api(server, 'summary', {}, { host: `localhost:${server.port}` });
    expect(viaLocalhost.status).toBe(200);
  });

  it.each([
    ['no token', { [TOKEN_HEADER]: '' }, 401],
    ['wrong token', { [TOKEN_HEADER]: 'x'.repeat(32) }, 401],
    ['foreign Host (DNS rebinding)', { host: 'evil.example:80' }, 403],
    ['loopback Host with another port', { host: '127.0.0.1:1' }, 403],
    ['form content type', { 'content-type': 'text/plain' }, 415],
  ])('refuses %s and changes nothing', async (_name, headers, status) => {
    const { server, store } = await boot();
    const card = store.reviews.freshIds(1)[0]!;
    const r = await api(server, 'answer', { cardId: card, quality: 5, elapsedMs: 1 }, headers as Record<string, string>);
    expect(r.status).toBe(status);
    expect(JSON.parse(r.body).error).toBeTruthy();
    expect(reviewCount(store)).toBe(0);
  });

  it('rejects malformed JSON, wrong types and unknown methods with 4xx messages', async () => {
    const { server, store } = await boot();
    const bad = await request(server.port, {
      path: '/api/answer',
      headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
      body: '{"cardId": ',
    });
    expect(bad.status).toBe(400);
    const wrongType = await api(server, 'answer', { cardId: 42, quality: 'five', elapsedMs: 1 });
    expect(wrongType.status).toBe(400);
    expect(JSON.parse(wrongType.body).error).toMatch(/cardId/);
    expect((await api(server, 'nope', {})).status).toBe(404);
    expect((await request(server.port, { method: 'GET', path: '/api/summary', headers: { host: `127.0.0.1:${server.port}` } })).status).toBe(405);
    expect(reviewCount(store)).toBe(0);
  });

  it('refuses a body over the limit with 413', async () => {
    const { server } = await boot();
    const r = await api(server, 'importNotes', { name: 'big.md', markdown: 'x'.repeat(MAX_BODY_BYTES + 10) });
    expect(r.status).toBe(413);
  });

  it('acknowledges an answer only once it is committed', async () => {
    const { server, store } = await boot();
    const card = store.reviews.freshIds(1)[0]!;
    const r = await api(server, 'answer', { cardId: card, quality: 4, elapsedMs: 1200 });
    expect(r.status).toBe(200);
    const id = JSON.parse(r.body).result.reviewId;
    expect(store.db.prepare('SELECT card_id FROM reviews WHERE id = ?').pluck().get(id)).toBe(card);
  });

  it('serves the page with a strict CSP and never leaves the static folder', async () => {
    const { server } = await boot();
    const page = await request(server.port, { method: 'GET', path: '/', headers: { host: `127.0.0.1:${server.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    const escape = await request(server.port, { method: 'GET', path: '/..%2f..%2fpackage.json', headers: { host: `127.0.0.1:${server.port}` } });
    expect([403, 404]).toContain(escape.status);
  });

  it('a second server on the same port fails clearly', async () => {
    const { server, app } = await boot();
    await expect(startServer({ app, port: server.port, staticDir: '.' })).rejects.toThrow(/already in use/);
  });
});
