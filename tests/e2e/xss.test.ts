// Hostile notes imported through the Import screen render inert: no dialog,
// no script run, no handler attribute, no javascript: link — in the review
// (front and back) and in Browse. Starts from an empty profile, so it also
// covers the first-launch empty state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchApp, review, skipReason, type Harness } from './harness.ts';

const CORPUS = `# XSS 测试

## 脚本
<script>alert(1)</script>
<script>window.__pwned = 'script'</script>

## 图片
<img src=x onerror="window.__pwned='img';alert(2)">
![x](javascript:alert(3))

## 链接
[click me](javascript:alert(4))
[data link](data:text/html,<script>alert(5)</script>)
<a href="javascript:alert(6)">raw anchor</a>

**payload**：<svg onload="window.__pwned='svg'"></svg> and <iframe src="javascript:alert(7)"></iframe>

**公式**：$\\href{javascript:alert(8)}{x}$ and $\\htmlClass{evil}{y}$ and $$\\url{javascript:alert(9)}$$

Q: <details open ontoggle="window.__pwned='details'">q</details>::A: <style>body{display:none}</style>
`;

describe.skipIf(!browserAvailable)(`hostile notes render inert ${skipReason}`, () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launchApp({ defaultDeck: false });
  });
  afterAll(async () => {
    await h?.cleanup();
  });

  async function assertInert(): Promise<void> {
    const found = await h.page.evaluate(() => {
      const w = window as unknown as { __pwned?: string };
      const root = document.querySelector('main')!;
      const handlers: string[] = [];
      for (const el of Array.from(root.querySelectorAll('*'))) {
        for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) handlers.push(`${el.tagName} ${a.name}`);
      }
      return {
        pwned: w.__pwned ?? null,
        scripts: root.querySelectorAll('script, iframe, object, embed, svg:not(.katex svg)').length,
        imgs: root.querySelectorAll('.md img').length,
        jsLinks: Array.from(root.querySelectorAll('a[href]')).filter((a) => !/^(https?:|mailto:|#)/i.test(a.getAttribute('href')!.trim())).length,
        handlers,
        bodyVisible: getComputedStyle(document.body).display !== 'none',
      };
    });
    expect(found).toEqual({ pwned: null, scripts: 0, imgs: 0, jsLinks: 0, handlers: [], bodyVisible: true });
    expect(h.dialogs).toEqual([]);
  }

  it('first launch without cards shows the empty state', async () => {
    const { page } = h;
    await page.goto(h.url);
    await page.waitForSelector('[data-testid=empty-state]');
    expect(await page.isVisible('[data-testid=import-default]')).toBe(true);
    await h.shot('today-empty');
  });

  it('the Import screen takes the file and shows the report', async () => {
    const { page } = h;
    await page.click('[data-testid=nav-import]');
    await page.waitForSelector('[data-testid=file-input]', { state: 'attached' });
    await h.shot('import');
    await page.setInputFiles('[data-testid=file-input]', { name: 'xss.md', mimeType: 'text/markdown', buffer: Buffer.from(CORPUS) });
    await page.waitForSelector('[data-testid=import-report]');
    const cards = h.store.db.prepare("SELECT count(*) AS n FROM cards WHERE deck_id = 'xss'").get() as { n: number };
    expect(cards.n).toBeGreaterThan(0);
    await h.shot('import-report', { fullPage: true });
    await assertInert();
  });

  it('reviewing every imported card, front and back, runs nothing', async () => {
    const { page } = h;
    await page.click('[data-testid=nav-review]');
    await review.waitPhase(page, 'front', 'typing', 'done');
    let n = 0;
    for (; n < 30 && (await review.phase(page)) !== 'done'; n++) {
      await assertInert();
      await page.keyboard.press('Space');
      await review.waitPhase(page, 'back');
      await assertInert();
      if (n === 0) await h.shot('xss-review-back');
      const seq = await review.seq(page);
      await page.keyboard.press('5');
      await review.waitNext(page, seq);
    }
    expect(n).toBeGreaterThan(0);
    await review.settled(page);
  });

  it('Browse shows the hostile cards as text', async () => {
    const { page } = h;
    await page.click('[data-testid=nav-browse]');
    await page.fill('[data-testid=search]', 'alert');
    const { total } = (await h.app.dispatch('listCards', { text: 'alert' })) as { total: number };
    expect(total).toBeGreaterThan(0);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=card-list] .card-row').length === n, total);
    await page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.textContent?.includes(String(n)), total);
    const rows = page.locator('[data-testid=card-list] .card-row');
    for (let i = 0; i < total; i++) {
      const id = await rows.nth(i).getAttribute('data-card-id');
      await rows.nth(i).click();
      await page.waitForSelector(`[data-testid=card-detail][data-card-id="${id}"] .md`);
      await assertInert();
    }
    // The payload is visible as text, not executed.
    expect(await page.textContent('main')).toContain('alert(');
    await h.shot('xss-browse');
  });

  it('no page error happened', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
