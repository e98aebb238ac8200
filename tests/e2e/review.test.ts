// A morning with DeepRecall, driven like a user: first launch, Today's
// counts, ten cards reviewed by keyboard only (with one undo), a card found in
// Browse, the language switched in Settings — and the database afterwards
// holds exactly the answers given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchApp, median, readPerf, review, reviewRows, skipReason, type Harness } from './harness.ts';

interface Given {
  cardId: string;
  quality: number;
  undone?: boolean;
}

describe.skipIf(!browserAvailable)(`daily review in the browser ${skipReason}`, () => {
  let h: Harness;
  const given: Given[] = [];

  beforeAll(async () => {
    h = await launchApp();
  });
  afterAll(async () => {
    await h?.cleanup();
  });

  it('first launch: the default deck is imported and Today shows the counts', async () => {
    const { page } = h;
    await page.goto(h.url);
    await page.waitForSelector('[data-testid=count-new] .tile-num');
    expect(await page.textContent('[data-testid=count-new] .tile-num')).toBe('20');
    expect(await page.textContent('[data-testid=count-due] .tile-num')).toBe('0');
    expect(await page.textContent('[data-testid=start]')).toContain('开始复习');
    // The token left the address bar but stays usable for this tab.
    expect(page.url()).not.toContain('token=');
    expect(await page.evaluate(() => sessionStorage.getItem('deeprecall.token'))).toBe(h.server.token);
    const cards = h.store.db.prepare('SELECT count(*) AS n FROM cards').get() as { n: number };
    expect(cards.n).toBeGreaterThan(50);
    await h.shot('today');
  });

  it('reviews ten cards by keyboard only: reveal, grade, one undo', async () => {
    const { page } = h;
    await page.keyboard.press('Enter'); // Start
    await page.waitForSelector('[data-testid=card]');
    await review.waitPhase(page, 'front', 'typing');
    const grades = [4, 5, 3, 2, 5, 4, 1, 5, 4, 3];
    let undoDone = false;
    for (let i = 0; i < grades.length; i++) {
      const q = grades[i]!;
      const id = await review.cardId(page);
      expect(id).toBeTruthy();
      expect(await review.cardKind(page)).not.toBe('problem');
      if (i === 0) await h.shot('review-front');
      await page.keyboard.press(i % 2 ? 'Enter' : 'Space'); // both reveal
      await review.waitPhase(page, 'back');
      // Every grade button shows what it means and the interval it would give.
      const labels = await page.$$eval('[data-testid^=grade-]', (els) => els.map((e) => e.textContent ?? ''));
      expect(labels).toHaveLength(6);
      expect(labels[0]).toContain('忘记');
      expect(labels[5]).toContain('完美');
      for (const l of labels) expect(l).toMatch(/\d+(\.\d)?(天|月|年)|↻/); // ↻: a drill card below 4 comes back this session
      if (i === 0) await h.shot('review-back');
      if (i === 1) {
        // A narrow window (half a laptop screen) keeps everything reachable.
        await page.setViewportSize({ width: 480, height: 760 });
        await h.shot('review-back-narrow');
        await page.setViewportSize({ width: 1180, height: 820 });
      }
      const seq = await review.seq(page);
      await page.keyboard.press(String(q));
      await review.waitNext(page, seq);
      given.push({ cardId: id!, quality: q });
      if (i === 3 && !undoDone) {
        // Undo the 4th answer: the same card comes back, and is answered again.
        undoDone = true;
        const s2 = await review.seq(page);
        await page.keyboard.press('u');
        await review.waitNext(page, s2);
        expect(await review.cardId(page)).toBe(id);
        given[given.length - 1]!.undone = true;
        await page.keyboard.press('Space');
        await review.waitPhase(page, 'back');
        const s3 = await review.seq(page);
        await page.keyboard.press('3');
        await review.waitNext(page, s3);
        given.push({ cardId: id!, quality: 3 });
      }
    }
    await review.settled(page);
    expect(given.filter((g) => !g.undone)).toHaveLength(10);
    expect(h.pageErrors).toEqual([]);
    const perf = await readPerf(page);
    console.log(
      `[e2e] keypress → next card: median ${median(perf.keyToRender).toFixed(1)} ms DOM, ${median(perf.keyToPaint).toFixed(1)} ms painted, ` +
        `page share (data → DOM) ${median(perf.render).toFixed(1)} ms ` +
        `(n=${perf.keyToRender.length}; samples ${perf.keyToRender.map((x) => x.toFixed(1)).join(', ')})`,
    );
  });

  it('the database holds exactly the answers given (one undone)', () => {
    const rows = reviewRows(h.store);
    expect(rows).toHaveLength(given.length);
    expect(rows.map((r) => [r.card_id, r.quality, r.undone_at !== null])).toEqual(given.map((g) => [g.cardId, g.quality, !!g.undone]));
    expect(rows.filter((r) => r.undone_at !== null)).toHaveLength(1);
    expect(rows.filter((r) => r.undone_at === null)).toHaveLength(10);
    // Cards graded below 4 came back as drills; everything else is a first answer of the day.
    expect(rows.every((r) => r.mode === 'review' || r.mode === 'drill')).toBe(true);
  });

  it('Today reflects the session', async () => {
    const { page } = h;
    await page.keyboard.press('Escape'); // leave the review
    await page.waitForSelector('[data-testid=count-learned] .tile-num');
    const learned = Number(await page.textContent('[data-testid=count-learned] .tile-num'));
    const firstAnswers = new Set(given.filter((g) => !g.undone).map((g) => g.cardId)).size;
    expect(learned).toBe(firstAnswers);
    await h.shot('today-after');
  });

  it('Browse finds a card by search text and shows its history', async () => {
    const { page } = h;
    const reviewed = given.find((g) => !g.undone)!;
    const card = h.store.db.prepare('SELECT card_key AS key, front FROM cards WHERE id = ?').get(reviewed.cardId) as { key: string; front: string };
    await page.click('[data-testid=nav-browse]');
    await page.waitForSelector('[data-testid=card-list] .card-row');
    await page.fill('[data-testid=search]', card.key);
    await page.waitForSelector(`[data-testid=card-list] .card-row[data-card-id="${reviewed.cardId}"]`);
    await page.click(`[data-testid=card-list] .card-row[data-card-id="${reviewed.cardId}"]`);
    await page.waitForSelector('[data-testid=card-detail] [data-testid=history] tbody tr');
    const rows = await page.$$eval('[data-testid=history] tbody tr', (trs) => trs.length);
    expect(rows).toBe(given.filter((g) => g.cardId === reviewed.cardId).length);
    await h.shot('browse');
  });

  it('Settings switch the whole UI to English', async () => {
    const { page } = h;
    await page.click('[data-testid=nav-settings]');
    await page.waitForSelector('[data-testid=lang-en]');
    await h.shot('settings');
    await page.click('[data-testid=lang-en]');
    await page.waitForFunction(() => document.querySelector('[data-testid=nav-today]')?.textContent === 'Today');
    expect(await page.textContent('[data-testid=settings] h1')).toBe('Settings');
    expect(await page.textContent('[data-testid=nav-browse]')).toBe('Browse');
    await page.waitForSelector('[data-testid=saved]');
    const stored = h.store.db.prepare("SELECT value FROM settings WHERE key = 'language'").get() as { value: string };
    expect(JSON.parse(stored.value)).toBe('en');
    await h.shot('settings-en');
    await page.click('[data-testid=nav-today]');
    await page.waitForSelector('[data-testid=start]');
    expect(await page.textContent('[data-testid=start]')).toContain('Start review');
    await h.shot('today-en');
  });

  it('an English review shows English grade labels; dark theme applies', async () => {
    const { page } = h;
    await page.click('[data-testid=nav-settings]');
    await page.click('[data-testid=theme-dark]');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.click('[data-testid=nav-review]');
    await review.waitPhase(page, 'front', 'typing');
    await page.keyboard.press('Space');
    await review.waitPhase(page, 'back');
    const labels = await page.$$eval('[data-testid^=grade-]', (els) => els.map((e) => e.textContent ?? ''));
    expect(labels[0]).toContain('Blackout');
    expect(labels[5]).toContain('Perfect');
    for (const l of labels) expect(l).toMatch(/\d+(\.\d)?(d|mo|y)|↻/);
    await h.shot('review-back-dark-en');
    const id = await review.cardId(page);
    const seq = await review.seq(page);
    await page.keyboard.press('5');
    await review.waitNext(page, seq);
    await review.settled(page);
    given.push({ cardId: id!, quality: 5 });
  });

  it('finishing the queue shows the session summary', async () => {
    const { page } = h;
    // Fewer new cards per day ends the queue sooner: only drills of failed cards remain.
    await h.app.dispatch('updateSettings', { newPerDay: 12 });
    await page.click('[data-testid=nav-today]');
    await page.click('[data-testid=nav-review]');
    await review.waitPhase(page, 'front', 'typing', 'done');
    for (let guard = 0; guard < 40 && (await review.phase(page)) !== 'done'; guard++) {
      const id = await review.cardId(page);
      if ((await review.phase(page)) === 'typing') {
        // A problem card (they follow their section's notes): answer it right, accept the auto-grade.
        const head = (await h.app.dispatch('nextCard', {})) as { card: { id: string; problem: { seed: number } } };
        expect(head.card.id).toBe(id);
        const shown = (await h.app.dispatch('reveal', { cardId: id, seed: head.card.problem.seed })) as { answer: number | number[] };
        await page.keyboard.type(Array.isArray(shown.answer) ? shown.answer.join(', ') : String(shown.answer));
        await page.keyboard.press('Enter');
        await review.waitPhase(page, 'verdict');
        const seq = await review.seq(page);
        await page.keyboard.press('Enter');
        await review.waitNext(page, seq);
        given.push({ cardId: id!, quality: reviewRows(h.store).at(-1)!.quality });
        continue;
      }
      await page.keyboard.press('Space');
      await review.waitPhase(page, 'back');
      const seq = await review.seq(page);
      await page.keyboard.press('5');
      await review.waitNext(page, seq);
      given.push({ cardId: id!, quality: 5 });
    }
    expect(await review.phase(page)).toBe('done');
    await review.settled(page);
    await page.waitForSelector('[data-testid=session-summary]');
    await h.shot('review-summary-dark');
    const rows = reviewRows(h.store);
    expect(rows.map((r) => [r.card_id, r.quality, r.undone_at !== null])).toEqual(given.map((g) => [g.cardId, g.quality, !!g.undone]));
  });

  it('no CSP violation or page error happened', () => {
    expect(h.consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
