// The start-up gate of browser mode: the service starts loading when the page
// asks for index.html (which carries the first card), at the first API call,
// or after the fallback.
import { describe, expect, it } from 'vitest';
import { pageGate, type Timers } from '../../../web/pageGate.ts';

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

describe('pageGate', () => {
  it('opens when index.html is asked for, not for a script or another file', async () => {
    const t = fakeTimers();
    const gate = pageGate(250, t);
    gate.served('/assets/index-A1.js'); // a cached page asking for a script is not the page
    gate.served('/assets/Stats-X.js');
    expect(await isOpen(gate)).toBe(false);
    gate.served('/index.html');
    expect(await isOpen(gate)).toBe(true);
    expect(t.pending).toBe(0); // the fallback timer is cleared
  });

  it('"/" is the page too', async () => {
    const gate = pageGate(250, fakeTimers());
    gate.served('/');
    expect(await isOpen(gate)).toBe(true);
  });

  it('opens at the first API call without a page', async () => {
    const gate = pageGate(250, fakeTimers());
    gate.open();
    expect(await isOpen(gate)).toBe(true);
  });

  it('opens after the fallback when no page comes', async () => {
    const t = fakeTimers();
    const gate = pageGate(250, t);
    expect(await isOpen(gate)).toBe(false);
    t.fire();
    expect(await isOpen(gate)).toBe(true);
  });
});
