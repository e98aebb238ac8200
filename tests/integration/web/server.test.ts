import { describe, expect, it } from 'vitest';
import type { Store } from '../../../db/store.ts';
import { MAX_BODY_BYTES, startServer, TOKEN_HEADER } from '../../../web/server.ts';
import { api, bootServer, request } from '../../helpers/web.ts';

const boot = () => bootServer();

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
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // No COOP: it cost every launch a renderer-process swap (web/security.ts says why the page is safe without it).
    expect(page.headers['cross-origin-opener-policy']).toBeUndefined();
    const escape = await request(server.port, { method: 'GET', path: '/..%2f..%2fpackage.json', headers: { host: `127.0.0.1:${server.port}` } });
    expect([403, 404]).toContain(escape.status);
  });

  it('a second server on the same port fails clearly', async () => {
    const { server, app } = await boot();
    await expect(startServer({ app, port: server.port, staticDir: '.' })).rejects.toThrow(/already in use/);
  });
});

describe('one-time browser URL (serve --open)', () => {
  const host = (port: number) => ({ host: `127.0.0.1:${port}` });

  it('carries no token, redirects once to the token URL, then is dead', async () => {
    const { server } = await boot();
    const url = new URL(server.oneTimeUrl());
    expect(url.href).not.toContain(server.token);
    const first = await request(server.port, { method: 'GET', path: `${url.pathname}${url.search}`, headers: host(server.port) });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe(`/?token=${server.token}`);
    const second = await request(server.port, { method: 'GET', path: `${url.pathname}${url.search}`, headers: host(server.port) });
    expect(second.status).toBe(403);
    expect(second.body).not.toContain(server.token);
  });

  it('expires, and an unknown code gets no token', async () => {
    const { server } = await boot();
    const url = new URL(server.oneTimeUrl(-1));
    expect((await request(server.port, { method: 'GET', path: url.search ? `/${url.search}` : '/', headers: host(server.port) })).status).toBe(403);
    const guess = await request(server.port, { method: 'GET', path: '/?code=guess', headers: host(server.port) });
    expect(guess.status).toBe(403);
    expect(guess.body).not.toContain(server.token);
  });
});
