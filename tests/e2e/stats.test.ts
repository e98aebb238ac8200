// The stats screen in browser mode: after a few reviews (three answered in the
// UI on top of three weeks of history) it draws every chart, in light and dark,
// in both languages; the range and section filters refetch; an export file
// downloads; restore asks before replacing; print turns charts into images.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { App } from '../../service/app.ts';
import { writeBackup } from '../../service/export/backup.ts';
import type { Quality } from '../../srs/sm2.ts';
import { parseCsv } from '../helpers/csv.ts';
import { browserAvailable, launchApp, review, skipReason, type Harness } from './harness.ts';

const DAY = 86_400_000;

/** Three weeks of answers through the real answer path, each day at 09:00 local. */
function history(app: App): void {
  const store = app.store;
  const start = Date.now() - 21 * DAY;
  for (let d = 0; d < 21; d++) {
    if (d % 6 === 5) continue; // a few rest days for the calendar
    const at = start + d * DAY;
    const past = new App(store, { now: () => at + (d % 5) * 3_600_000, utcOffsetMinutes: (ms) => -new Date(ms).getTimezoneOffset() });
    for (let i = 0; i < 6 + (d % 4); i++) {
      const next = past.review.nextCard().card;
      if (!next || next.problem) break;
      past.review.answer({ cardId: next.id, quality: ((d + i) % 6) as Quality, elapsedMs: 4000 + i * 900 });
    }
  }
  const mock = store.db.prepare("INSERT INTO mocks (started_at, finished_at, status, seed, config, questions, score) VALUES (?, ?, 'finished', 1, '{}', '[]', ?)");
  [55, 68, 74].forEach((score, i) => mock.run(start + (5 + i * 6) * DAY, start + (5 + i * 6) * DAY + 1_800_000, score));
}

/** True when the canvas has drawn something (any non-transparent pixel). */
async function drawn(page: Page, testid: string): Promise<boolean> {
  return page.$eval(`[data-testid=${testid}]`, (c) => {
    const canvas = c as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
    return false;
  });
}

const CHARTS = ['chart-counts', 'chart-reviews', 'chart-quality', 'chart-time', 'chart-forecast', 'chart-intervals', 'chart-ease', 'chart-hourly', 'chart-answers', 'chart-mocks'];

describe.skipIf(!browserAvailable)(`stats screen ${skipReason}`, () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launchApp({ setup: (app) => history(app) });
  });
  afterAll(async () => {
    await h?.cleanup();
  });

  it('shows every chart after a few reviews answered in the UI', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/review`);
    for (let i = 0; i < 3; i++) {
      await review.waitPhase(page, 'front', 'typing');
      if ((await review.cardKind(page)) === 'problem') break;
      const seq = await review.seq(page);
      await page.keyboard.press('Space');
      await review.waitPhase(page, 'back');
      await page.keyboard.press(i === 1 ? '2' : '4');
      await review.waitNext(page, seq);
    }
    await review.settled(page);
    const before = (await h.app.client().stats({ range: '1m' })).totals.reviews;

    await page.goto(`${h.url}#/stats`);
    await page.waitForSelector('[data-testid=stats-body]');
    expect(Number(await page.textContent('[data-testid=tile-reviews]'))).toBe(before);
    for (const id of CHARTS) expect(await drawn(page, id), id).toBe(true);
    expect(await page.$$eval('[data-testid=stats-heatmap] .hm.l4', (els) => els.length)).toBeGreaterThan(0);
    expect(await page.$$eval('[data-testid=stats-sections] tbody tr', (els) => els.length)).toBeGreaterThan(3);
    await h.shot('stats-light-zh', { fullPage: true });
  });

  it('follows the dark theme and the language, and refetches for range and section', async () => {
    const { page } = h;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.click('[data-testid=lang-toggle]');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Progress');
    for (const id of CHARTS) expect(await drawn(page, id), id).toBe(true);
    await h.shot('stats-dark-en', { fullPage: true });

    const all = Number(await page.textContent('[data-testid=tile-reviews]'));
    await page.click('[data-testid=range-1m]');
    await page.waitForFunction(() => document.querySelector('[data-testid=range-1m]')?.getAttribute('aria-pressed') === 'true');
    // A section holding some but not all of the answers.
    const options = await page.$$eval('[data-testid=stats-section] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    let sectionValue = '';
    let expected = 0;
    for (const v of options) {
      expected = (await h.app.client().stats({ range: '1m', section: JSON.parse(v) })).totals.reviews;
      if (expected > 0 && expected < all) {
        sectionValue = v;
        break;
      }
    }
    expect(sectionValue).not.toBe('');
    await page.selectOption('[data-testid=stats-section]', sectionValue);
    await page.waitForFunction((n) => document.querySelector('[data-testid=tile-reviews]')?.textContent === String(n), expected);
    await page.selectOption('[data-testid=stats-section]', '');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.click('[data-testid=lang-toggle]');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '学习统计');
  });

  it('downloads an export file with a progress bar', async () => {
    const { page } = h;
    await page.evaluate(() => {
      const w = window as unknown as { __sawProgress: boolean };
      w.__sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid=export-progress] progress')) w.__sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-reviews.csv"]')]);
    expect(download.suggestedFilename()).toMatch(/^deeprecall-reviews-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = path.join(path.dirname(h.dbFile), download.suggestedFilename());
    await download.saveAs(file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]![0]).toBe('review_id');
    expect(rows.length - 1).toBe((await h.app.client().stats({ range: 'all' })).totals.reviews);
    await page.waitForSelector('[data-testid=export-message].ok-text');
    expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);
    const [apkg] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-apkg]')]);
    expect(apkg.suggestedFilename()).toMatch(/\.apkg$/);
  });

  it('restore asks before replacing data; print swaps charts for images', async () => {
    const { page } = h;
    await page.setInputFiles('[data-testid=restore-file]', { name: 'junk.sqlite', mimeType: 'application/octet-stream', buffer: Buffer.from('not a backup') });
    await page.waitForSelector('[data-testid=export-message].error-text');
    expect(await page.textContent('[data-testid=export-message]')).toMatch(/nothing was changed/);

    const bak = path.join(path.dirname(h.dbFile), 'b.sqlite');
    await writeBackup(h.store, bak);
    const reviews = (await h.app.client().stats({ range: 'all' })).totals.reviews;
    await page.setInputFiles('[data-testid=restore-file]', bak);
    await page.waitForSelector('[data-testid=restore-confirm]');
    await page.click('[data-testid=restore-confirm]');
    await page.waitForFunction(() => /before-restore/.test(document.querySelector('[data-testid=export-message]')?.textContent ?? ''));
    expect((await h.app.client().stats({ range: 'all' })).totals.reviews).toBe(reviews);
    expect(fs.readdirSync(path.dirname(h.dbFile)).some((f) => f.includes('before-restore'))).toBe(true);

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.evaluate(() => {
      const w = window as unknown as { __printed: unknown };
      w.__printed = null;
      window.print = () => {
        w.__printed = { images: document.querySelectorAll('img.chart-print').length, theme: document.documentElement.dataset.theme };
      };
    });
    await page.click('[data-testid=stats-print]');
    await page.waitForFunction(() => (window as unknown as { __printed: unknown }).__printed !== null);
    // Every chart became an image, drawn in the light palette for paper; the screen is back to dark.
    expect(await page.evaluate(() => (window as unknown as { __printed: unknown }).__printed)).toEqual({ images: CHARTS.length, theme: 'light' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.$$eval('img.chart-print', (els) => els.length)).toBe(0);
    await page.emulateMedia({ media: 'print' });
    await h.shot('stats-print', { fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(h.pageErrors).toEqual([]);
    expect(h.consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
