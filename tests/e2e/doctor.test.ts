// "Check database" in Settings: a healthy profile says so; a schedule that
// disagrees with its log is listed, repaired from the log after a backup, and
// the check then passes.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchApp, skipReason, type Harness } from './harness.ts';

describe.skipIf(!browserAvailable)(`Check database panel ${skipReason}`, () => {
  let h: Harness;
  let cardId: string;

  beforeAll(async () => {
    h = await launchApp({
      setup: (app) => {
        const first = app.review.nextCard().card!;
        cardId = first.id;
        app.review.answer({ cardId, quality: 4, elapsedMs: 1000 });
      },
    });
  });
  afterAll(async () => {
    await h?.cleanup();
  });

  it('says a healthy profile is consistent', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/settings`);
    await page.click('[data-testid=doctor-check]');
    await page.waitForSelector('[data-testid=doctor-ok]');
    expect(await page.getAttribute('[data-testid=doctor-report]', 'data-ok')).toBe('1');
  });

  it('lists a damaged schedule, repairs it from the log after a backup, and then passes', async () => {
    const { page, store } = h;
    const good = store.db.prepare('SELECT * FROM card_state WHERE card_id = ?').get(cardId);
    store.db.prepare('UPDATE card_state SET interval_days = 99, due_day = due_day + 98 WHERE card_id = ?').run(cardId);

    await page.click('[data-testid=doctor-check]');
    await page.waitForSelector('[data-testid=doctor-report][data-ok="0"]');
    const states = page.locator('[data-check=states]');
    expect(await states.textContent()).toContain(cardId);
    await h.shot('settings-doctor-problem', { fullPage: true });

    await page.click('[data-testid=doctor-repair]');
    await page.waitForSelector('[data-testid=doctor-repaired]');
    const text = (await page.textContent('[data-testid=doctor-repaired]'))!;
    const backup = /(\/\S+\.bak)/.exec(text)?.[1];
    expect(backup && fs.existsSync(backup)).toBe(true);
    expect(await page.isVisible('[data-testid=doctor-ok]')).toBe(true);
    expect(store.db.prepare('SELECT * FROM card_state WHERE card_id = ?').get(cardId)).toEqual(good);
    await h.shot('settings-doctor-repaired', { fullPage: true });
    expect(h.pageErrors).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});
