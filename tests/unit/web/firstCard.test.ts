import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { FIRST_CARD_ELEMENT_ID, firstCardElement, firstCardHasMath, PAGE_SETTINGS_ELEMENT_ID, settingsElement, splitBeforeBodyEnd, streamWithFirstCard, takePreloads } from '../../../web/firstCard.ts';
import { FIRST_CARD_ELEMENT_ID as PAGE_ID } from '../../../renderer/lib/firstCard.ts';

const HTML = '<!doctype html><html><head><script type="module" async src="./a.js"></script></head><body><div id="app"></div></body></html>';

/** The text between the element's tags, as an HTML parser would take it: up to the first `</script`. */
function elementText(html: string): string {
  const open = `<script type="application/json" id="${FIRST_CARD_ELEMENT_ID}">`;
  const at = html.indexOf(open);
  expect(at).toBeGreaterThanOrEqual(0);
  const rest = html.slice(at + open.length);
  return rest.slice(0, rest.search(/<\/script/i));
}

describe('firstCardElement', () => {
  it('page and host agree on the element id', () => {
    expect(PAGE_ID).toBe(FIRST_CARD_ELEMENT_ID);
  });

  it('round-trips a reply whose text would close the element, open a comment or break a line', () => {
    const hostile = { card: { front: '</script><script>window.__x=1</script><!-- <b>&amp;</b> \u2028\u2029 </SCRIPT >' }, remaining: { review: 1, new: 2, drill: 0 }, done: { total: 0 } };
    const el = firstCardElement(hostile);
    const text = elementText(el);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(hostile);
    // The whole element is exactly one script element: nothing after its own closing tag.
    expect(el.endsWith('</script>')).toBe(true);
    expect(el.match(/<\/script/gi)).toHaveLength(1);
  });

  it('splits the page right before </body>', () => {
    const [head, tail] = splitBeforeBodyEnd(HTML);
    expect(head + tail).toBe(HTML);
    expect(tail).toBe('</body></html>');
    expect(splitBeforeBodyEnd('<p>no body end')).toEqual(['<p>no body end', '']);
  });
});

/** Serve HTML through streamWithFirstCard; returns the body and when the head arrived relative to the end. */
async function serveOnce(opts: Parameters<typeof streamWithFirstCard>[2], html = HTML): Promise<{ body: string; chunks: string[] }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    void streamWithFirstCard(res, html, opts);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      http.get({ port, host: '127.0.0.1', path: '/' }, (res) => {
        const chunks: string[] = [];
        res.setEncoding('utf8');
        res.on('data', (c: string) => chunks.push(c));
        res.on('end', () => resolve({ body: chunks.join(''), chunks }));
      }).on('error', reject);
    });
  } finally {
    server.close();
  }
}

describe('streamWithFirstCard', () => {
  it('sends the page up to </body> before the card exists, then the card and the end', async () => {
    let release!: (v: unknown) => void;
    let headSent = false;
    const reply = { card: { id: 'c1' }, remaining: { review: 0, new: 1, drill: 0 }, done: { total: 0 } };
    const served = serveOnce({
      firstCard: () => new Promise((r) => (release = r)),
      waitMs: 5000,
      onHeadSent: () => {
        headSent = true;
        release(reply); // the card is computed only after the first part went out
      },
    });
    const { body, chunks } = await served;
    expect(headSent).toBe(true);
    expect(chunks[0]).toBe(splitBeforeBodyEnd(HTML)[0]);
    expect(body).toBe(splitBeforeBodyEnd(HTML)[0] + firstCardElement(reply) + '</body></html>');
  });

  it('finishes the page without a card when the service fails or is too slow', async () => {
    const failed = await serveOnce({ firstCard: () => Promise.reject(new Error('no service')), waitMs: 5000 });
    expect(failed.body).toBe(HTML);
    const slow = await serveOnce({ firstCard: () => new Promise(() => undefined), waitMs: 20 });
    expect(slow.body).toBe(HTML);
  });
});

describe('the settings beside the first card', () => {
  const reply = { card: { id: 'c1' }, remaining: { review: 0, new: 1, drill: 0 }, done: { total: 0 } };
  const settings = { language: 'en', theme: 'dark', notesFolders: ['/n/</script><b>'] };

  it('go in their own inert element before the card, escaped like it', async () => {
    const { body } = await serveOnce({ firstCard: async () => reply, settings: async () => settings, waitMs: 5000 });
    expect(body).toBe(splitBeforeBodyEnd(HTML)[0] + settingsElement(settings) + firstCardElement(reply) + '</body></html>');
    expect(settingsElement(settings)).toContain(`id="${PAGE_SETTINGS_ELEMENT_ID}"`);
    expect(settingsElement(settings)).not.toContain('</script><b>');
  });

  it('a failed or late part leaves only that part out', async () => {
    const noSettings = await serveOnce({ firstCard: async () => reply, settings: () => Promise.reject(new Error('x')), waitMs: 5000 });
    expect(noSettings.body).toBe(splitBeforeBodyEnd(HTML)[0] + firstCardElement(reply) + '</body></html>');
    const noCard = await serveOnce({ firstCard: () => new Promise(() => undefined), settings: async () => settings, waitMs: 30 });
    expect(noCard.body).toBe(splitBeforeBodyEnd(HTML)[0] + settingsElement(settings) + '</body></html>');
    const throws = await serveOnce({ firstCard: async () => reply, settings: () => { throw new Error('sync'); }, waitMs: 5000 });
    expect(throws.body).toBe(splitBeforeBodyEnd(HTML)[0] + firstCardElement(reply) + '</body></html>');
  });
});

describe('KaTeX preload follows the first card', () => {
  const PRELOAD = '<link rel="modulepreload" crossorigin href="./assets/katex-X.js">';
  const WITH = `<!doctype html><html><head><script type="module" async src="./a.js"></script>\n    ${PRELOAD}\n</head><body><div id="app"></div></body></html>`;
  const plain = { card: { id: 'a', frontHtml: '<p>CNN?</p>' }, remaining: { review: 0, new: 1, drill: 0 }, done: { total: 0 } };
  const math = { card: { id: 'b', frontHtml: '<p><span class="math" data-tex="x^2" data-display="0"></span></p>' }, remaining: { review: 0, new: 1, drill: 0 }, done: { total: 0 } };
  const problem = { card: { id: 'c', frontHtml: '<p>Q</p>', problem: { prompt: 'p' } }, remaining: { review: 0, new: 1, drill: 0 }, done: { total: 0 } };

  it('finds the hints and which cards need them', () => {
    const { html, preloads } = takePreloads(WITH);
    expect(preloads).toEqual([PRELOAD]);
    expect(html).not.toContain('modulepreload');
    expect([plain, math, problem, { card: null }].map(firstCardHasMath)).toEqual([false, true, true, false]);
  });

  it('a card without math: no KaTeX hint anywhere; with math: the hint right after the card; no card: the hint kept', async () => {
    const a = await serveOnce({ firstCard: async () => plain, waitMs: 5000 }, WITH);
    expect(a.body).not.toContain('modulepreload');
    expect(a.body).toContain(firstCardElement(plain));
    const b = await serveOnce({ firstCard: async () => math, waitMs: 5000 }, WITH);
    expect(b.body).toContain(firstCardElement(math) + PRELOAD + '</body>');
    const c = await serveOnce({ firstCard: () => Promise.reject(new Error('x')), waitMs: 5000 }, WITH);
    expect(c.body).toContain(PRELOAD + '</body>');
    expect(c.body).not.toContain(FIRST_CARD_ELEMENT_ID);
  });
});
