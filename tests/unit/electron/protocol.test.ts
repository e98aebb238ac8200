// The app:// protocol handler (electron/protocol.ts) run under plain Node with
// real files: it serves dist/ with the CSP and MIME types, and nothing outside
// dist/ — whatever the URL spells (.., %2e%2e, %2f, %5c, NUL, bad escapes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_INDEX_URL, APP_ORIGIN, createAppProtocolHandler, PRIVILEGED_SCHEMES, resolveAppFile } from '../../../electron/protocol.ts';
import { CSP } from '../../../web/security.ts';

let tmp: string;
let root: string;
const SECRET = 'top secret, outside dist';

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-proto-'));
  root = path.join(tmp, 'dist');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>DeepRecall</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'export const x = 1;');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'KaTeX_Main.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
  // A sibling whose name starts with "dist": a bare startsWith(root) check would let it through.
  fs.mkdirSync(path.join(tmp, 'dist-private'));
  fs.writeFileSync(path.join(tmp, 'dist-private', 'secret.txt'), SECRET);
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function handler() {
  const reads: string[] = [];
  const h = createAppProtocolHandler({
    root,
    readFile: (f) => {
      reads.push(f);
      return fs.promises.readFile(f);
    },
  });
  return { h, reads };
}

describe('scheme registration', () => {
  it('app:// is standard, secure and fetch-capable, and nothing more (no CSP bypass, no CORS, no service workers)', () => {
    expect(PRIVILEGED_SCHEMES).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(APP_INDEX_URL).toBe(`${APP_ORIGIN}/index.html`);
    expect(APP_ORIGIN).toBe('app://deeprecall');
  });
});

describe('app:// handler serves dist/', () => {
  it('serves index.html with the shared CSP as a header', async () => {
    const res = await handler().h(new Request(APP_INDEX_URL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('<!doctype html><title>DeepRecall</title>');
  });

  it('serves the origin root as index.html', async () => {
    const res = await handler().h(new Request(`${APP_ORIGIN}/`));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>DeepRecall</title>');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/KaTeX_Main.woff2', 'font/woff2'],
    ['assets/logo.svg', 'image/svg+xml'],
  ])('serves %s as %s with the CSP', async (rel, type) => {
    const res = await handler().h(new Request(`${APP_ORIGIN}/${rel}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(fs.readFileSync(path.join(root, rel)));
  });

  it('ignores ?query and #fragment', async () => {
    const res = await handler().h(new Request(`${APP_INDEX_URL}?lang=en#/review`));
    expect(res.status).toBe(200);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const { h } = handler();
    const head = await h(new Request(APP_INDEX_URL, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await h(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});

describe('app:// handler refuses everything else with 404', () => {
  it.each([
    ['a missing file', `${APP_ORIGIN}/assets/nope.js`],
    ['a directory', `${APP_ORIGIN}/assets/`],
    ['../../etc/passwd', `${APP_ORIGIN}/../../etc/passwd`],
    ['../secret.txt', `${APP_ORIGIN}/../secret.txt`],
    ['%2e%2e/secret.txt', `${APP_ORIGIN}/%2e%2e/secret.txt`],
    ['%2E%2E/%2E%2E/etc/passwd', `${APP_ORIGIN}/%2E%2E/%2E%2E/etc/passwd`],
    ['..%2fsecret.txt (encoded slash)', `${APP_ORIGIN}/..%2fsecret.txt`],
    ['%2e%2e%2fsecret.txt', `${APP_ORIGIN}/%2e%2e%2fsecret.txt`],
    ['assets/..%2f..%2fsecret.txt', `${APP_ORIGIN}/assets/..%2f..%2fsecret.txt`],
    ['..%5csecret.txt (encoded backslash)', `${APP_ORIGIN}/..%5csecret.txt`],
    ['a sibling folder sharing the prefix', `${APP_ORIGIN}/..%2fdist-private%2fsecret.txt`],
    ['an absolute path', `${APP_ORIGIN}/%2fetc%2fpasswd`],
    ['a NUL byte', `${APP_ORIGIN}/index.html%00.js`],
    ['a malformed escape %ff', `${APP_ORIGIN}/%ff`],
    ['a malformed escape %zz', `${APP_ORIGIN}/%zz.js`],
    ['an unknown host', 'app://evil/index.html'],
    ['a look-alike host', 'app://deeprecall.evil/index.html'],
    ['another scheme', 'file:///opt/DeepRecall/resources/app.asar/dist/index.html'],
  ])('%s', async (_label, url) => {
    const res = await handler().h(new Request(url));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(await res.text()).not.toContain(SECRET);
  });

  it('never reads a file outside dist/ for a traversal attempt', async () => {
    const { h, reads } = handler();
    for (const url of [`${APP_ORIGIN}/..%2fsecret.txt`, `${APP_ORIGIN}/..%5csecret.txt`, `${APP_ORIGIN}/..%2fdist-private%2fsecret.txt`, `${APP_ORIGIN}/%2e%2e%2f%2e%2e%2fetc%2fpasswd`]) {
      await h(new Request(url));
    }
    expect(reads).toEqual([]);
  });

  it('answers 404, not an exception, when reading fails', async () => {
    const h = createAppProtocolHandler({ root, readFile: vi.fn(() => Promise.reject(new Error('EACCES'))) });
    expect((await h(new Request(APP_INDEX_URL))).status).toBe(404);
  });
});

describe('resolveAppFile', () => {
  it('maps URLs under the origin to files under root', () => {
    expect(resolveAppFile(root, APP_INDEX_URL)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, `${APP_ORIGIN}/assets/a%20b.js`)).toBe(path.join(root, 'assets', 'a b.js'));
    expect(resolveAppFile(root, 'APP://DEEPRECALL/index.html')).toBe(path.join(root, 'index.html'));
  });

  it.each([`${APP_ORIGIN}/..%2f..%2fetc%2fpasswd`, `${APP_ORIGIN}/..%5c..%5cetc%5cpasswd`, 'not a url', '', 'app://other/index.html', 'https://deeprecall/index.html'])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});
