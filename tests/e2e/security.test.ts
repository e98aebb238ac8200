// Browser mode under attack, in Chromium. The host: token, loopback Host
// (also through a real DNS-rebinding setup), body limit, CSP on the page, and
// a foreign page that tries to drive the API. The renderer: a corpus of
// hostile notes shown in Review (front and back) and Browse must run no
// script, open no dialog, load nothing from outside the machine, and keep
// KaTeX's trust off — while ordinary math still renders.
import http from 'node:http';
import { chromium, type Browser, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../web/security.ts';
import { MAX_BODY_BYTES, TOKEN_HEADER } from '../../web/server.ts';
import { browserAvailable, CHROMIUM_ARGS, findBrowser, launchApp, review, skipReason, type Harness } from './harness.ts';

const OUTSIDE = '203.0.113.9'; // TEST-NET-3: never a real host
const CORPUS = String.raw`# XSS 语料

## 脚本
<script>window.__xss='script'</script>
<script src="http://${OUTSIDE}/x.js"></script>

## 事件
<img src=x onerror="window.__xss='img'">
<svg onload="window.__xss='svg'"><circle r=1 /></svg>
<details open ontoggle="window.__xss='details'">x</details>
<input autofocus onfocus="window.__xss='focus'">
<math><maction actiontype="statusline" xlink:href="javascript:window.__xss='math'">m</maction></math>

## 链接
[js](javascript:window.__xss='link') [JS](JAVASCRIPT:window.__xss='link2') [ent](&#106;avascript:window.__xss='ent')
[sp]( javascript:window.__xss='sp') [vb](vbscript:msgbox(1)) [file](file:///etc/passwd)
[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9J2RhdGEnPC9zY3JpcHQ+)
<a href="javascript:window.__xss='a'">a</a> <javascript:window.__xss='auto'> [ref][bad]

[bad]: javascript:window.__xss='ref'

## 框架
<iframe srcdoc="<script>parent.__xss='srcdoc'</script>"></iframe>
<iframe src="http://${OUTSIDE}/"></iframe> <object data="http://${OUTSIDE}/o"></object> <embed src="http://${OUTSIDE}/e">
<form action="http://${OUTSIDE}/"><button>go</button></form>
<meta http-equiv="refresh" content="0;url=http://${OUTSIDE}/"> <base href="http://${OUTSIDE}/">
<link rel="stylesheet" href="http://${OUTSIDE}/x.css">

## 样式
<style>body{display:none} *{background:url(http://${OUTSIDE}/bg.png)}</style>
<div style="background:url(http://${OUTSIDE}/s.png);position:fixed;inset:0">cover</div>
![remote](http://${OUTSIDE}/i.png) ![svg](data:image/svg+xml,<svg onload="window.__xss='dsvg'"/>)

## 公式
**href**：$\href{javascript:window.__xss='katex'}{点我}$
**url**：$\url{javascript:window.__xss='url'}$
**htmlData**：$\htmlData{xss=1}{x}$
**htmlId**：$\htmlId{xss-id}{x}$
**htmlClass**：$\htmlClass{xss-class}{x}$
**htmlStyle**：$\htmlStyle{background:url(http://${OUTSIDE}/k.png)}{x}$
**graphics**：$\includegraphics{http://${OUTSIDE}/g.png}$
**rule**：$\rule{100000em}{100000em}$
**bomb**：$\def\a{\a\a}\a$
**正常**：$\frac{a}{b} + \sqrt{x}$

<img src=x onerror="window.__xss='qa'">::$\href{javascript:alert(1)}{x}$

==<b onmouseover="window.__xss='cloze'">x</b>== 高亮
`;

describe.skipIf(!browserAvailable)(`browser-mode security ${skipReason}`, () => {
  let h: Harness;
  const requests: string[] = [];
  const outside: string[] = [];
  let port: number;

  beforeAll(async () => {
    h = await launchApp({ defaultDeck: false, setup: (app) => void app.library.importNotes({ name: 'xss.md', markdown: CORPUS }) });
    port = h.server.port;
    const loopback = (u: string) => new URL(u).host === `127.0.0.1:${port}` || /^(data|blob|about):/.test(u);
    h.context.on('request', (r: Request) => {
      requests.push(r.url());
      if (!loopback(r.url())) outside.push(r.url());
    });
    // Anything bound for outside is recorded above and then never sent.
    await h.context.route((u) => !loopback(u.href), (route) => route.abort('blockedbyclient'));
    await h.page.addInitScript(() => {
      (window as unknown as { __violations: string[] }).__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violations: string[] }).__violations.push(e.violatedDirective));
    });
  });
  afterAll(async () => {
    await h?.cleanup();
  });

  const raw = (path: string, headers: Record<string, string>, body?: Buffer | string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: body === undefined ? 'GET' : 'POST', path, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const apiHeaders = (over: Record<string, string> = {}) => ({ host: `127.0.0.1:${port}`, 'content-type': 'application/json', [TOKEN_HEADER]: h.server.token, ...over });

  it('the host: token required, foreign Host refused, body limit, CSP on the page', async () => {
    expect((await raw('/api/summary', apiHeaders(), '{}')).status).toBe(200);
    expect((await raw('/api/summary', apiHeaders({ [TOKEN_HEADER]: '' }), '{}')).status).toBe(401);
    expect((await raw('/api/summary', apiHeaders({ [TOKEN_HEADER]: `${h.server.token.slice(0, -1)}x` }), '{}')).status).toBe(401);
    expect((await raw('/api/summary', apiHeaders({ host: `evil.example:${port}` }), '{}')).status).toBe(403);
    expect((await raw('/', { host: `127.0.0.1.nip.io:${port}` })).status).toBe(403);
    expect((await raw('/api/importNotes', apiHeaders(), Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20))).status).toBe(413);

    const res = await h.page.goto(h.url);
    expect(res!.status()).toBe(200);
    expect(res!.headers()['content-security-policy']).toBe(CSP);
    expect(CSP).toMatch(/script-src 'self'(;|$)/);
    expect(CSP).toContain("object-src 'none'");
    // The token leaves the address bar once the page has it.
    await h.page.waitForFunction(() => !location.search.includes('token'));
  });

  it('a page of another origin can neither call the API nor read it', async () => {
    const before = h.store.db.prepare('SELECT total_changes()').pluck().get();
    const evil = await h.context.newPage();
    await evil.goto('data:text/html,<title>evil</title>');
    const outcome = await evil.evaluate(async (base) => {
      const tries: string[] = [];
      // With the JSON type and a guessed token: needs a CORS preflight, which the host never grants.
      try {
        await fetch(`${base}/api/importDefaultDeck`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-deeprecall-token': 'guess' }, body: '{}' });
        tries.push('json: sent and readable');
      } catch {
        tries.push('json: blocked');
      }
      // A "simple" request goes out blind; the host refuses it for want of token and JSON type.
      try {
        const r = await fetch(`${base}/api/importDefaultDeck`, { method: 'POST', mode: 'no-cors', body: '{}' });
        tries.push(r.type === 'opaque' ? 'simple: blind' : `simple: ${r.type}`);
      } catch {
        tries.push('simple: blind'); // Chromium's private-network rules may stop it before it leaves
      }
      return tries;
    }, `http://127.0.0.1:${port}`);
    await evil.close();
    expect(outcome).toEqual(['json: blocked', 'simple: blind']);
    expect(h.store.db.prepare('SELECT total_changes()').pluck().get()).toBe(before);
    expect(h.store.db.prepare("SELECT count(*) FROM decks WHERE id != 'xss'").pluck().get()).toBe(0);
  });

  it('DNS rebinding: a name that resolves to 127.0.0.1 still gets no page and no API', async () => {
    let browser: Browser | null = null;
    try {
      browser = await chromium.launch({ executablePath: findBrowser().executablePath, args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP rebind.test 127.0.0.1'] });
      const page = await browser.newPage();
      const res = await page.goto(`http://rebind.test:${port}/?token=${h.server.token}`);
      expect(res!.status()).toBe(403);
      const status = await page.evaluate(async (token) => {
        const r = await fetch('/api/summary', { method: 'POST', headers: { 'content-type': 'application/json', 'x-deeprecall-token': token }, body: '{}' });
        return r.status;
      }, h.server.token);
      expect(status).toBe(403);
    } finally {
      await browser?.close();
    }
  });

  async function assertInert(where: string): Promise<void> {
    const found = await h.page.evaluate(() => {
      // Card content only: the app's own inputs and styled widgets are not the notes' doing.
      const cards = Array.from(document.querySelectorAll('main .md'));
      const within = <E extends Element = Element>(sel: string) => cards.flatMap((c) => Array.from(c.querySelectorAll<E>(sel)));
      const all = within('*');
      const rule = within<HTMLElement>('.katex .rule');
      return {
        xss: (window as unknown as { __xss?: string }).__xss ?? null,
        scripts: Array.from(document.scripts).filter((s) => !s.src.startsWith(location.origin)).length,
        cards: cards.length > 0,
        embedded: within('script, iframe, object, embed, form, meta, base, link, style, svg:not(.katex svg), img, input').length,
        handlers: all.flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}.${a.name}`)),
        // KaTeX sets sizes (and its error colour) itself; a style the notes chose would load or cover something.
        styled: all.filter((el) => /url\(|fixed|absolute|203\.0\.113/i.test(el.getAttribute('style') ?? '')).map((e) => e.outerHTML.slice(0, 200)),
        badLinks: within('a[href]').map((a) => a.getAttribute('href')!).filter((href) => !/^(https?:|mailto:|#)/i.test(href.trim())),
        trust: within('[data-xss], #xss-id, .xss-class, .katex a, .katex img').length,
        hugeRule: rule.filter((r) => r.getBoundingClientRect().width > 60 * parseFloat(getComputedStyle(r).fontSize)).length,
        bodyShown: getComputedStyle(document.body).display !== 'none',
        path: location.pathname,
      };
    });
    expect(found, where).toEqual({ xss: null, cards: true, scripts: 0, embedded: 0, handlers: [], styled: [], badLinks: [], trust: 0, hugeRule: 0, bodyShown: true, path: '/' });
    expect(h.dialogs, where).toEqual([]);
  }

  it('Review: every hostile card, front and back, is inert', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/review`);
    await review.waitPhase(page, 'front', 'typing', 'done');
    let n = 0;
    let mathSeen = 0;
    for (; n < 60 && (await review.phase(page)) !== 'done'; n++) {
      await assertInert(`front of card ${n}`);
      await page.keyboard.press('Space');
      await review.waitPhase(page, 'back');
      await assertInert(`back of card ${n}`);
      mathSeen += await page.locator('main .katex').count();
      const seq = await review.seq(page);
      await page.keyboard.press('5');
      await review.waitNext(page, seq);
    }
    const cards = h.store.db.prepare("SELECT count(*) FROM cards WHERE deck_id = 'xss'").pluck().get() as number;
    expect(n).toBe(cards);
    expect(mathSeen).toBeGreaterThan(0); // KaTeX did run: the trust checks above were not vacuous
  });

  it('Browse: every hostile card\'s detail is inert', async () => {
    const { page } = h;
    await page.click('[data-testid=nav-browse]');
    await page.waitForSelector('[data-testid=card-list] .card-row');
    const rows = await page.$$('[data-testid=card-list] .card-row');
    expect(rows.length).toBeGreaterThan(10);
    for (const [i, row] of rows.entries()) {
      await row.click();
      await page.waitForSelector('[data-testid=card-detail] .md');
      await assertInert(`browse row ${i}`);
    }
  });

  it('nothing left the machine and no script ran', async () => {
    expect(outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    // Control: a page without our CSP does reach for the outside, and the monitor sees it (then aborts it).
    const probe = await h.context.newPage();
    await probe.goto('data:text/html,<title>probe</title>');
    await probe.evaluate((u) => fetch(u).catch(() => undefined), `http://${OUTSIDE}/probe`);
    await probe.close();
    expect(outside).toEqual([`http://${OUTSIDE}/probe`]);
    expect(await h.page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null)).toBeNull();
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
