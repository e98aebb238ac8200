// The review screen's fast path: when nextCard also says which card follows
// (`upcoming`), a grade key shows that card at once and the answer commits
// behind it, in order. The host does not send `upcoming` yet, so this test
// adds it to nextCard replies the way the service would: answer the card
// with 4 inside a savepoint, read the next card, roll back. The database must
// still end up with exactly the answers given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardView } from '../../service/contract/index.ts';
import { browserAvailable, launchApp, median, readPerf, review, reviewRows, skipReason, type Harness } from './harness.ts';

describe.skipIf(!browserAvailable)(`review with a look-ahead card ${skipReason}`, () => {
  let h: Harness;
  const given: { cardId: string; quality: number; undone?: boolean }[] = [];

  beforeAll(async () => {
    h = await launchApp();
    await h.page.route('**/api/nextCard', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { result?: { card: CardView | null; upcoming?: CardView | null } };
      const card = body.result?.card;
      if (body.result && card) {
        const db = h.store.db;
        db.exec('SAVEPOINT peek');
        try {
          h.app.review.answer({ cardId: card.id, quality: 4, elapsedMs: 0 });
          body.result.upcoming = h.app.review.nextCard().card;
        } finally {
          db.exec('ROLLBACK TO peek');
          db.exec('RELEASE peek');
        }
      }
      await route.fulfill({ response: res, json: body });
    });
  });
  afterAll(async () => {
    await h?.cleanup();
  });

  it('grades show the next card at once; answers commit in order; undo still works', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/review`);
    await review.waitPhase(page, 'front');
    const grades = [5, 4, 2, 5, 4, 5, 3, 4, 5, 4, 5, 4];
    for (let i = 0; i < grades.length; i++) {
      const id = (await review.cardId(page))!;
      await page.keyboard.press('Space');
      await review.waitPhase(page, 'back');
      await page.waitForTimeout(20); // reading the answer; lets the look-ahead land
      const seq = await review.seq(page);
      await page.keyboard.press(String(grades[i]));
      await review.waitNext(page, seq);
      given.push({ cardId: id, quality: grades[i]! });
      if (i === 5) {
        await review.settled(page);
        const s2 = await review.seq(page);
        await page.keyboard.press('u');
        await review.waitNext(page, s2);
        expect(await review.cardId(page)).toBe(id);
        given[given.length - 1]!.undone = true;
      }
    }
    await review.settled(page);
    const rows = reviewRows(h.store);
    expect(rows.map((r) => [r.card_id, r.quality, r.undone_at !== null])).toEqual(given.map((g) => [g.cardId, g.quality, !!g.undone]));
    const perf = await readPerf(page);
    console.log(
      `[e2e look-ahead] keypress → next card: median ${median(perf.keyToRender).toFixed(1)} ms DOM, ${median(perf.keyToPaint).toFixed(1)} ms painted ` +
        `(n=${perf.keyToRender.length}; samples ${perf.keyToRender.map((x) => x.toFixed(1)).join(', ')})`,
    );
    expect(h.pageErrors).toEqual([]);
  });
});
