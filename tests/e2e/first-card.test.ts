// Browser mode puts the first card inside index.html (web/firstCard.ts): the
// page shows it without waiting for any API reply, the HTML is computed per
// request (a reload after an answer carries the next card), and only a
// request with the token gets card content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NextCard } from '../../service/contract/index.ts';
import { browserAvailable, launchApp, review, skipReason, type Harness } from './harness.ts';

const ELEMENT = /<script type="application\/json" id="deeprecall-first-card">([^<]*)<\/script>/;

async function embedded(url: string): Promise<NextCard | null> {
  const html = await (await fetch(url)).text();
  const m = ELEMENT.exec(html);
  return m ? (JSON.parse(m[1]!) as NextCard) : null;
}

describe.skipIf(!browserAvailable)(`the first card inside the page ${skipReason}`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchApp();
  });
  afterAll(async () => {
    await h?.cleanup();
  });

  it('the HTML of a fresh profile carries exactly the nextCard reply; without the token, no card', async () => {
    const reply = await embedded(h.url);
    expect(reply?.card?.id).toBeTruthy();
    expect(reply).toEqual(await h.app.dispatch('nextCard', {}));
    const origin = new URL(h.url).origin;
    expect(await embedded(`${origin}/`)).toBeNull();
    expect(await embedded(`${origin}/?token=wrong${h.server.token}`)).toBeNull();
  });

  it('shows the card before any API reply', async () => {
    const { page } = h;
    const asked: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const handled: Promise<void>[] = [];
    await page.route('**/api/*', (route) => {
      asked.push(new URL(route.request().url()).pathname);
      // No API reply reaches the page until the card is on screen.
      const done = held.then(() => route.continue()).catch(() => undefined);
      handled.push(done);
      return done;
    });
    try {
      const expected = (await embedded(h.url))!.card!.id;
      await page.goto(`${h.url}#/review`, { waitUntil: 'commit' });
      await review.waitPhase(page, 'front', 'typing');
      expect(await review.cardId(page)).toBe(expected);
      // The element's content is gone from the DOM once read: no script element but the app's own.
      expect(await page.evaluate(() => Array.from(document.scripts).filter((s) => !s.src).length)).toBe(0);
    } finally {
      release();
      await Promise.all(handled);
      await page.unroute('**/api/*');
    }
  });

  it('an English profile\'s page is in English from the first card on, before any API reply', async () => {
    await h.app.dispatch('updateSettings', { language: 'en' });
    // A new context: nothing saved in the page's storage says English (each launch is a new origin anyway).
    const fresh = await h.page.context().browser()!.newContext();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const handled: Promise<void>[] = [];
    try {
      const page = await fresh.newPage();
      await page.route('**/api/*', (route) => {
        const done = held.then(() => route.continue()).catch(() => undefined);
        handled.push(done);
        return done;
      });
      await page.goto(`${h.url}#/review`, { waitUntil: 'commit' });
      await review.waitPhase(page, 'front', 'typing');
      expect(await page.textContent('[data-testid=nav-review]')).toBe('Review');
      expect(await page.evaluate(() => document.getElementById('deeprecall-settings'))).toBeNull();
    } finally {
      release();
      await Promise.all(handled);
      await fresh.close();
      await h.app.dispatch('updateSettings', { language: 'zh' });
    }
  });

  it('a card answered elsewhere after the page was made is replaced by nextCard\'s reply', async () => {
    const { page } = h;
    let stale = '';
    const isPage = (url: URL) => url.pathname === '/' && url.searchParams.has('token');
    await page.route(isPage, async (route) => {
      const res = await route.fetch();
      const html = await res.text();
      stale = (JSON.parse(ELEMENT.exec(html)![1]!) as NextCard).card!.id;
      // Another tab answers that very card before this page has shown it.
      await h.app.dispatch('answer', { cardId: stale, quality: 5, elapsedMs: 1000 });
      await route.fulfill({ response: res, body: html });
    });
    try {
      await page.goto(`${h.url}#/review`);
      const current = ((await h.app.dispatch('nextCard', {})) as NextCard).card!.id;
      expect(current).not.toBe(stale);
      await page.waitForFunction((id) => document.querySelector('[data-testid=card]')?.getAttribute('data-card-id') === id, current, { timeout: 10_000 });
    } finally {
      await page.unroute(isPage);
    }
  });

  it('a reload after an answer shows the card that follows it, not the first one again', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/review`);
    await review.waitPhase(page, 'front', 'typing');
    const first = (await review.cardId(page))!;
    if ((await review.phase(page)) === 'typing') await page.keyboard.press('Escape');
    await page.keyboard.press('Space');
    await review.waitPhase(page, 'back');
    const seq = await review.seq(page);
    await page.keyboard.press('5');
    await review.waitNext(page, seq);
    await review.settled(page);
    const next = (await h.app.dispatch('nextCard', {})) as NextCard;
    expect(next.card?.id).not.toBe(first);
    // The same token URL again: the HTML is made for this request.
    await page.goto(`${h.url}#/review`);
    await review.waitPhase(page, 'front', 'typing', 'done');
    expect(await review.cardId(page)).toBe(next.card!.id);
  });
});
