// The start-up gate of browser mode: the service starts loading after the
// page's own files went out, at the first API call, or after the fallback.
import { describe, expect, it } from 'vitest';
import { pageAssets, pageGate, type Timers } from '../../../web/pageGate.ts';

const INDEX = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'" />
<link rel="icon" href="data:," />
<script type="module" crossorigin src="./assets/index-A1.js"></script>
<link rel="modulepreload" crossorigin href="./assets/api-B2.js">
<link rel="stylesheet" crossorigin href="./assets/style-C3.css">
<link rel="modulepreload" crossorigin href="./assets/katex-D4.js">
<link rel="stylesheet" href="https://example.com/x.css">
</head><body><div id="app"></div></body></html>`;

function fakeTimers(): Timers & { fire(): void; pending: number } {
  let fn: (() => void) | null = null;
  return {
    setTimeout: (f) => ((fn = f), 1),
    clearTimeout: () => (fn = null),
    fire: () => fn?.(),
    get pending() {
      return fn ? 1 : 0;
    },
  };
}

async function isOpen(gate: { opened: Promise<void> }): Promise<boolean> {
  let open = false;
  void gate.opened.then(() => (open = true));
  await new Promise((r) => setTimeout(r, 0));
  return open;
}

describe('pageAssets', () => {
  it("lists the page's own scripts, module preloads and stylesheets, not icons or other origins", () => {
    expect(pageAssets(INDEX)).toEqual(['/assets/index-A1.js', '/assets/api-B2.js', '/assets/style-C3.css', '/assets/katex-D4.js']);
  });
  it('is empty for no page', () => {
    expect(pageAssets('')).toEqual([]);
  });
});

describe('pageGate', () => {
  const assets = pageAssets(INDEX);

  it('opens only when index.html and then every asset it names have been served', async () => {
    const t = fakeTimers();
    const gate = pageGate(assets, 250, t);
    gate.served('/assets/index-A1.js'); // a cached page asking for a script first is not the page yet
    gate.served('/index.html');
    gate.served('/assets/api-B2.js');
    gate.served('/assets/style-C3.css');
    expect(await isOpen(gate)).toBe(false);
    gate.served('/assets/katex-D4.js');
    expect(await isOpen(gate)).toBe(true);
    expect(t.pending).toBe(0); // the fallback timer is cleared
  });

  it('a later file (a lazy screen) does not matter once open, and an unrelated one never opens it', async () => {
    const gate = pageGate(assets, 250, fakeTimers());
    gate.served('/index.html');
    gate.served('/assets/Stats-X.js');
    expect(await isOpen(gate)).toBe(false);
  });

  it('opens at the first API call without a page', async () => {
    const gate = pageGate(assets, 250, fakeTimers());
    gate.open();
    expect(await isOpen(gate)).toBe(true);
  });

  it('opens after the fallback when no page comes', async () => {
    const t = fakeTimers();
    const gate = pageGate(assets, 250, t);
    expect(await isOpen(gate)).toBe(false);
    t.fire();
    expect(await isOpen(gate)).toBe(true);
  });
});
