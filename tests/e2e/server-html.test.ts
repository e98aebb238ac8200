// The review card's sides come rendered by the service (CardView.frontHtml,
// Reveal.backHtml), so the page shows them — markup, folds, math placeholders
// — without its Markdown renderer (renderer/lib/markdownRenderer.ts: markdown-it
// + sanitize-html, a lazy chunk). The test holds that chunk back to make "not
// loaded" certain; Browse, which renders Markdown itself, gets it once released.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchApp, review, skipReason, type Harness } from './harness.ts';

const NOTES = `# Server HTML

## The **bold** \`code\` rule

A list:

- one <script>window.__ran = 1</script>
- two with $x^2$
`;

describe.skipIf(!browserAvailable)(`the review card needs no Markdown renderer in the page ${skipReason}`, () => {
  let h: Harness;
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let rendererServed = false;

  beforeAll(async () => {
    h = await launchApp({ defaultDeck: false });
    await h.app.library.importNotes({ name: 'server-html.md', markdown: NOTES });
    await h.page.route(/\/assets\/markdownRenderer-[^/]+\.js$/, async (route) => {
      await released;
      rendererServed = true;
      await route.continue();
    });
  });
  afterAll(async () => {
    release?.();
    await h?.cleanup();
  });

  it('shows the front and the back, with their markup, before the renderer chunk has arrived', async () => {
    await h.page.goto(`${h.url}#/review`);
    await h.page.waitForSelector('[data-testid=card] [data-testid=card-front]');
    const front = await h.page.innerHTML('[data-testid=card] [data-testid=card-front]');
    expect(front).toContain('<strong>bold</strong>');
    expect(front).toContain('<code>code</code>');
    await h.page.keyboard.press('Space');
    await review.waitPhase(h.page, 'back');
    const back = h.page.locator('[data-testid=card-back]');
    expect(await back.locator('li').count()).toBe(2);
    expect(await back.locator('script').count()).toBe(0);
    expect(await back.locator('.math').count()).toBe(1);
    expect(await h.page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
    expect(rendererServed).toBe(false);
  });

  it('Browse renders Markdown itself once the renderer chunk arrives', async () => {
    release();
    await h.page.goto(`${h.url}#/browse`);
    await h.page.locator('[data-testid=nav-browse]').waitFor();
    await h.page.waitForFunction(() => document.body.textContent?.includes('rule'));
    expect(rendererServed).toBe(true);
  });
});
