// No request may end the browser-mode process: every request line, path and
// header either gets an answer or a closed connection, and the server keeps
// answering afterwards (the regression: `GET /%ff` and `%00` killed it).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePath, isJsonType, TOKEN_HEADER } from '../../../web/server.ts';
import { api, bootServer, rawRequest, request } from '../../helpers/web.ts';

const get = (port: number, path: string) => request(port, { method: 'GET', path, headers: { host: `127.0.0.1:${port}` } });

describe('hostile requests', () => {
  it.each(['/%', '/%ff', '/assets/%ff.js', '/%zz.js', '/%00', '/a%00.js', '/assets/%E0%A4%A', '/%C0%AF'])(
    'answers GET %s with a 4xx and stays up',
    async (path) => {
      const { server } = await bootServer();
      const r = await get(server.port, path);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect((await api(server, 'summary', {})).status).toBe(200);
    },
  );

  it('answers a request whose handler throws with 500 and keeps serving', async () => {
    const lines: string[] = [];
    const { server, app } = await bootServer((l) => lines.push(l));
    // Simulate a defect deep in a handler that escapes the API error mapping.
    const original = app.dispatch.bind(app);
    app.dispatch = ((method: string, args: unknown) => {
      if (method === 'summary') throw new TypeError('boom');
      return original(method as never, args);
    }) as typeof app.dispatch;
    const r = await api(server, 'summary', {});
    expect(r.status).toBe(500);
    expect(lines.join('\n')).toMatch(/boom/);
    app.dispatch = original;
    expect((await api(server, 'summary', {})).status).toBe(200);
  });

  it('survives 300 random request lines, paths and headers (seeded fuzz)', async () => {
    const { server } = await bootServer();
    const byte = fc.integer({ min: 0, max: 255 });
    const pathBytes = fc.array(fc.oneof(byte, fc.constantFrom(0x25, 0x2f, 0x2e, 0x3f, 0x23)), { maxLength: 40 });
    const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'G\x00T', 'TRACE', 'CONNECT', '');
    const header = fc.tuple(fc.string({ maxLength: 12 }), fc.array(byte, { maxLength: 20 }));
    const samples = fc.sample(fc.record({ method, pathBytes, headers: fc.array(header, { maxLength: 4 }), api: fc.boolean(), host: fc.boolean() }), {
      numRuns: 300,
      seed: 20261130,
    });
    let answered = 0;
    for (const s of samples) {
      const path = Buffer.concat([Buffer.from(s.api ? '/api/' : '/'), Buffer.from(s.pathBytes)]);
      const lines = [Buffer.concat([Buffer.from(`${s.method} `), path, Buffer.from(' HTTP/1.1\r\n')])];
      if (s.host) lines.push(Buffer.from(`Host: 127.0.0.1:${server.port}\r\n`));
      lines.push(Buffer.from(`${TOKEN_HEADER}: ${server.token}\r\n`));
      for (const [k, v] of s.headers) lines.push(Buffer.concat([Buffer.from(`${k}: `), Buffer.from(v), Buffer.from('\r\n')]));
      lines.push(Buffer.from('Content-Length: 0\r\nConnection: close\r\n\r\n'));
      const status = await rawRequest(server.port, Buffer.concat(lines));
      if (status !== null) {
        answered++;
        expect(status).toBeGreaterThanOrEqual(200);
      }
    }
    // Most lines are malformed; they must still get a 400, not a dropped socket.
    expect(answered).toBeGreaterThan(250);
    expect((await api(server, 'summary', {})).status).toBe(200);
    expect((await get(server.port, '/')).status).toBe(200);
  });
});

describe('request parsing helpers', () => {
  it('decodes paths without throwing and refuses control characters', () => {
    expect(decodePath('/a%20b.js')).toBe('/a b.js');
    for (const bad of ['/%', '/%ff', '/%zz', '/%00', '/x%0a.js']) expect(decodePath(bad)).toBeNull();
  });

  it('accepts exactly JSON content types', () => {
    for (const ok of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8']) expect(isJsonType(ok)).toBe(true);
    for (const bad of ['application/jsonx', 'application/json; boundary=x', 'text/plain', 'application/json-patch+json', '']) expect(isJsonType(bad)).toBe(false);
  });
});

describe('oversized or odd arguments', () => {
  it('refuses a body with a million unknown keys quickly, with a small error', async () => {
    const { server } = await bootServer();
    const args: Record<string, number> = {};
    for (let i = 0; i < 1_000_000; i++) args[`k${i}`] = i;
    const r = await api(server, 'summary', args);
    expect(r.status).toBe(400);
    expect(r.body.length).toBeLessThan(4096);
    expect(JSON.parse(r.body).error).toMatch(/1000000 keys/);
  });

  it('keeps a strict-schema error small when it lists unknown keys', async () => {
    const { server } = await bootServer();
    const args: Record<string, string> = {};
    for (let i = 0; i < 60; i++) args[`unknown_key_number_${i}`] = 'x'.repeat(100);
    const r = await api(server, 'summary', args);
    expect(r.status).toBe(400);
    expect(r.body.length).toBeLessThan(4096);
  });

  it('answers importDefaultDeck without the bundled deck with 503 and no file paths', async () => {
    const { server, app } = await bootServer();
    app.locateDefaultDeck = () => {
      throw new Error('bundled deck dl-interview-notes.md not found (looked in /home/someone/secret-folder/decks)');
    };
    const r = await api(server, 'importDefaultDeck', {});
    expect(r.status).toBe(503);
    expect(r.body).not.toMatch(/secret-folder|\/home/);
    expect(JSON.parse(r.body).error).toMatch(/bundled deck is missing/);
  });
});
