// Large imports show their progress: a generated Anki package of thousands
// of notes and a picked folder of a thousand notes, imported in browser
// mode; the bar and its percentage move while the host works (it answers
// importProgress between the import's time slices), only ever grow, and the
// final summary replaces them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ankiPackage } from '../../bench/anki.ts';
import { browserAvailable, launchApp, skipReason, type Harness } from './harness.ts';

declare global {
  interface Window {
    __progressSeen?: { pct: string; phase: string }[];
  }
}

/** Record every change of the progress line (percentage and phase text) from now on. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { pct: string; phase: string }[] = [];
    window.__progressSeen = seen;
    new MutationObserver(() => {
      const pct = document.querySelector('[data-testid=import-percent]')?.textContent ?? '';
      const phase = document.querySelector('[data-testid=import-phase]')?.textContent ?? '';
      const last = seen.at(-1);
      if (pct && (!last || last.pct !== pct || last.phase !== phase)) seen.push({ pct, phase });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const seenPercents = async (page: Page) => (await page.evaluate(() => window.__progressSeen ?? [])).map((s) => ({ ...s, n: Number.parseInt(s.pct, 10) }));

describe.skipIf(!browserAvailable)(`import progress ${skipReason}`, () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-e2e-progress-'));
    fs.writeFileSync(path.join(dir, 'big-deck.apkg'), ankiPackage(dir, 6000, 3));
    const root = path.join(dir, 'many-notes');
    // Enough notes that even a fast machine parses them for about a second: several polls land mid-way.
    for (let i = 0; i < 1000; i++) {
      const file = path.join(root, `part-${i % 8}`, `note-${i}.md`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `# Topic ${i}\n\n**term ${i}**：definition of term ${i} with $x_{${i}}$\n\n## Why does ${i} matter?\n\nBecause ${i} is ${i}.\n\n- What is $\\sigma(x_${i})$?\n- Explain item ${i}.\n\n| Key | Value |\n|---|---|\n| a${i} | b${i} |\n`);
    }
    h = await launchApp({ defaultDeck: false });
  });
  afterAll(async () => {
    await h?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a large Anki package: the bar moves, the percentage only grows, then the summary shows', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/import`);
    await page.waitForSelector('[data-testid=dropzone]');
    await recordProgress(page);
    await page.setInputFiles('[data-testid=file-input]', path.join(dir, 'big-deck.apkg'));
    // Mid-way: a percentage strictly between 0 and 100 on screen, the notes phase counting.
    await page.waitForFunction(() => {
      const n = Number.parseInt(document.querySelector('[data-testid=import-percent]')?.textContent ?? '', 10);
      return n > 30 && n < 95 && /\d+ \/ 6000/.test(document.querySelector('[data-testid=import-phase]')?.textContent ?? '');
    }, undefined, { timeout: 120_000, polling: 50 });
    await h.shot('import-progress-anki');
    await page.waitForSelector('[data-testid=anki-report]', { timeout: 180_000 });
    await h.shot('import-progress-anki-done');
    expect(await page.textContent('[data-testid="import.anki.notes"]')).toContain('6000');
    expect(await page.textContent('[data-testid="import.anki.reviews"]')).toContain('18000');
    expect(await page.locator('[data-testid=import-progress]').count()).toBe(0);
    const seen = await seenPercents(page);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.n).toBeGreaterThanOrEqual(seen[i - 1]!.n);
    expect(h.store.db.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(6000);
    expect(h.pageErrors).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  }, 300_000);

  it('exporting that history: Stats → Export shows its progress bar, then the file downloads', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/stats`);
    await page.waitForSelector('[data-testid=export-json]', { timeout: 60_000 });
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __exportSeen: string[] }).__exportSeen = seen;
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid=export-progress]');
        const text = el ? `${el.textContent?.trim()} ${el.querySelector('progress')?.getAttribute('value') ?? '?'}` : '';
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    for (const format of ['reviews.csv', 'json'] as const) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click(`[data-testid="export-${format}"]`)]);
      expect(download.suggestedFilename()).toMatch(format === 'json' ? /\.json$/ : /reviews.*\.csv$/);
      const file = await download.path();
      const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
      if (format === 'reviews.csv') expect(lines).toBe(18_001); // header + every imported answer
    }
    const seen = await page.evaluate(() => (window as unknown as { __exportSeen: string[] }).__exportSeen);
    expect(seen.some((s) => /reviews.*\.csv/.test(s))).toBe(true);
    expect(seen.some((s) => /\.json/.test(s))).toBe(true);
    expect(h.pageErrors).toEqual([]);
  }, 300_000);

  it('a picked folder of many notes: files counted on the bar, then the folder summary', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/import`);
    await page.waitForSelector('[data-testid=dropzone]');
    await recordProgress(page);
    await page.setInputFiles('[data-testid=folder-input]', path.join(dir, 'many-notes'));
    await page.waitForSelector('[data-testid=folder-report]', { timeout: 180_000 });
    await h.shot('import-progress-folder-done');
    expect(await page.textContent('[data-testid=folder-summary]')).toMatch(/1000/);
    const seen = await seenPercents(page);
    const files = seen.filter((s) => /\/ 1000/.test(s.phase));
    expect(files.length).toBeGreaterThanOrEqual(1);
    expect(files.some((s) => s.n > 0 && s.n < 100)).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.n).toBeGreaterThanOrEqual(seen[i - 1]!.n);
    expect(h.pageErrors).toEqual([]);
  }, 300_000);
});
