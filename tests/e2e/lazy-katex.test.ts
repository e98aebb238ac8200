// KaTeX is not in the first renderer bundle (renderer/lib/math.ts): a card
// without math is shown complete while KaTeX has not arrived, a card with
// math shows its TeX source as `.math-pending` and is typeset in place once
// KaTeX loads. The KaTeX chunk is held back by the test to make "not yet
// arrived" certain rather than a race.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchApp, review, skipReason, type Harness } from './harness.ts';

const NOTES = `# Lazy KaTeX

## Plain

plain front one::plain back one

## Formula

mass and energy $E=mc^2$::Einstein

## Brace

label smoothing $$p_i=\\left\\lbrace\\begin{aligned}&1-\\frac{N-1}{N}\\epsilon &i=y \\\\ &\\frac{\\epsilon}{N} &i\\not=y\\end{aligned}\\right.$$::a cases brace
`;

describe.skipIf(!browserAvailable)(`KaTeX loads when a card needs it ${skipReason}`, () => {
  let h: Harness;
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let katexServed = false;

  beforeAll(async () => {
    h = await launchApp({ defaultDeck: false });
    await h.app.library.importNotes({ name: 'lazy.md', markdown: NOTES });
    await h.page.route(/\/assets\/katex-[^/]+\.js$/, async (route) => {
      await released;
      katexServed = true;
      await route.continue();
    });
  });
  afterAll(async () => {
    release?.();
    await h?.cleanup();
  });

  const card = () =>
    h.page.evaluate(() => {
      const front = document.querySelector('[data-testid=card] [data-testid=card-front]');
      return {
        text: front?.textContent?.trim() ?? null,
        pending: Array.from(front?.querySelectorAll('.math-pending') ?? []).map((e) => e.textContent),
        typeset: front?.querySelectorAll('.katex').length ?? 0,
      };
    });

  it('shows a card without math in full before KaTeX has arrived', async () => {
    await h.page.goto(`${h.url}#/review`);
    await h.page.waitForSelector('[data-testid=card] [data-testid=card-front]');
    expect(await card()).toEqual({ text: 'plain front one', pending: [], typeset: 0 });
    expect(katexServed).toBe(false);
  });

  it("shows a formula's source until KaTeX arrives, then typesets it in place", async () => {
    await h.page.keyboard.press('Space');
    await review.waitPhase(h.page, 'back');
    const seq = await review.seq(h.page);
    await h.page.keyboard.press('5');
    await review.waitNext(h.page, seq);
    const before = await card();
    expect(before.text).toContain('mass and energy');
    expect(before.pending).toEqual(['E=mc^2']);
    expect(before.typeset).toBe(0);
    expect(katexServed).toBe(false);

    release();
    await h.page.waitForSelector('[data-testid=card] [data-testid=card-front] .katex', { timeout: 10_000 });
    const after = await card();
    expect(after.pending).toEqual([]);
    expect(after.typeset).toBe(1);
    expect(katexServed).toBe(true);
    expect(h.pageErrors).toEqual([]);
  });

  // KaTeX builds a brace over several rows from SVG pieces and sets their width
  // with setAttribute('style', …), which the strict CSP blocks (lib/math.ts
  // routes it through the CSSOM). Such a card must log no CSP violation.
  it('a tall brace (SVG pieces) typesets under the strict CSP without a violation', async () => {
    const seq = await review.seq(h.page);
    await h.page.keyboard.press('Space');
    await review.waitPhase(h.page, 'back');
    await h.page.keyboard.press('5');
    await review.waitNext(h.page, seq);
    await h.page.waitForSelector('[data-testid=card] [data-testid=card-front] .katex');
    // The brace really is built from SVG pieces (else this test would prove nothing).
    expect(await h.page.$$eval('[data-testid=card] [data-testid=card-front] .katex-html svg', (s) => s.length)).toBeGreaterThan(0);
    expect(h.consoleErrors).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
