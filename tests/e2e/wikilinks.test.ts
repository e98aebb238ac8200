// Obsidian wikilinks on cards open Browse on the linked note (browser mode):
// a tiny vault of two notes, the first card's answer links to the second.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchApp, review, skipReason, type Harness } from './harness.ts';

describe.skipIf(!browserAvailable)(`wikilinks ${skipReason}`, () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-e2e-wiki-'));
    const files: Record<string, string> = {
      'Attention.md':
        'Attention weighs the values by query–key similarity; it is the core of [[Transformer#Encoder|the encoder]] and of every [[Transformer]].\n\n' +
        '## Scaled by $\\sqrt{d_k}$\n\nDivide the scores by the square root of the key size to keep softmax gradients healthy.\n',
      'Transformer.md':
        '# Transformer\n\nA stack of attention and feed-forward layers with residual connections.\n\n' +
        '## Encoder\n\nSix identical layers of self-attention and a feed-forward network.\n\n' +
        '## Decoder\n\nMasked self-attention, then cross-attention over the encoder output.\n',
      // One long answer (a lead sentence and a 14-step list, ≈ 1,500 characters): the back folds after ≈ 500.
      'Long note.md':
        '# Optimizers\n\nAdam keeps running averages of the gradient and of its square.\n\n' +
        Array.from({ length: 14 }, (_, i) => `- Step ${i + 1}: the update divides the bias-corrected first moment by the root of the second moment plus epsilon.`).join('\n') +
        '\n',
    };
    for (const [rel, body] of Object.entries(files)) {
      fs.mkdirSync(path.join(dir, 'vault'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'vault', rel), body);
    }
    h = await launchApp({ defaultDeck: false });
    await h.page.goto(`${h.url}#/import`);
    await h.page.setInputFiles('[data-testid=folder-input]', path.join(dir, 'vault'));
    await h.page.waitForSelector('[data-testid=folder-report]');
  });
  afterAll(async () => {
    await h?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a click on [[note#heading|alias]] in an answer opens Browse on that heading of that note', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/review`);
    await review.waitPhase(page, 'front');
    expect(await page.textContent('[data-testid=card]')).toContain('Attention');
    await page.click('[data-testid=reveal]');
    await page.waitForSelector('[data-testid=card-back] a.wikilink');
    const link = page.locator('[data-testid=card-back] a.wikilink', { hasText: 'the encoder' });
    expect(await link.getAttribute('tabindex')).toBe('0');
    await h.shot('wikilink-answer');
    await link.click();

    await page.waitForSelector('[data-testid=note-filter][data-found=true]');
    expect(page.url()).toContain('#/browse?note=Transformer&heading=Encoder');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=card-list] .card-row').length === 1);
    const rows = await page.locator('[data-testid=card-list] .card-row').allTextContents();
    expect(rows[0]).toContain('Encoder');
    expect(await page.inputValue('[data-testid=filter-section]')).toBe(JSON.stringify(['Transformer', 'Encoder']));
    await h.shot('wikilink-browse');
  });

  it('[[note]] shows every card of the note; clearing the chip shows all cards; nothing opened outside', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/browse`);
    await page.click('[data-testid=card-list] .card-row >> text=Attention');
    const link = page.locator('.detail-pane a.wikilink', { hasText: /^Transformer$/ });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=note-filter][data-found=true]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=card-list] .card-row').length === 3);
    const rows = await page.locator('[data-testid=card-list] .row-section').allTextContents();
    expect(rows.every((r) => r.startsWith('Transformer'))).toBe(true);

    await page.click('[data-testid=clear-note]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=card-list] .card-row').length === 6);
    expect(await page.locator('[data-testid=card-list] .row-section .crumb-md .katex').count()).toBe(1); // "Attention › Scaled by √d_k"
    expect(h.context.pages()).toHaveLength(1); // no new window or tab
    expect(h.pageErrors).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });

  it('a long answer shows its first part and folds the rest behind "Show the rest"', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/browse`);
    await page.click('[data-testid=card-list] .card-row >> text=Optimizers');
    const fold = page.locator('.detail-pane details.more');
    await fold.waitFor();
    expect(await fold.getAttribute('open')).toBeNull();
    expect(await fold.locator('summary').textContent()).toContain('Show the rest');
    expect(await page.locator('.detail-pane .md li', { hasText: 'Step 14:' }).isVisible()).toBe(false);
    await h.shot('long-answer-folded');
    await fold.locator('summary').click();
    await page.locator('.detail-pane .md li', { hasText: 'Step 14:' }).waitFor({ state: 'visible' });
  });
});
