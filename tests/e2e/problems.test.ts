// Problem cards in the review: the answer box takes the keyboard (digits do
// not grade while typing), an unreadable answer records nothing and can be
// retyped, a right and a wrong answer get their verdict, the worked solution
// and the auto-grade pre-selected (Enter accepts) — and the log holds exactly
// those two answers. The correct value comes from the app in this process,
// never from the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchApp, review, reviewRows, skipReason, type Harness } from './harness.ts';

function asTyped(v: number | number[]): string {
  return Array.isArray(v) ? v.join(', ') : String(v);
}

function wrongValue(v: number | number[]): string {
  const bad = (x: number) => x * 3 + 7;
  return Array.isArray(v) ? v.map(bad).join(', ') : String(bad(v));
}

describe.skipIf(!browserAvailable)(`problem cards in the review ${skipReason}`, () => {
  let h: Harness;
  const typed: { cardId: string; text: string; status: string; quality: number }[] = [];

  beforeAll(async () => {
    h = await launchApp({
      // Test-only setup: problem cards first in the new-card order, so the
      // session starts with them instead of after a hundred note cards.
      setup: (_app, store) => store.db.prepare("UPDATE cards SET ord = ord - 10000000 WHERE kind = 'problem'").run(),
    });
  });
  afterAll(async () => {
    await h?.cleanup();
  });

  async function expected(): Promise<number | number[]> {
    const id = (await review.cardId(h.page))!;
    const r = await h.app.dispatch('reveal', { cardId: id });
    return (r as { answer: number | number[] }).answer;
  }

  it('the answer box has the focus and digits typed into it do not grade', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/review`);
    await review.waitPhase(page, 'typing');
    expect(await review.cardKind(page)).toBe('problem');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'answer-input');
    await page.keyboard.type('3 4 5');
    expect(await review.phase(page)).toBe('typing');
    expect(await page.inputValue('[data-testid=answer-input]')).toBe('3 4 5');
    expect(reviewRows(h.store)).toHaveLength(0);
    await page.fill('[data-testid=answer-input]', '');
    await h.shot('problem-prompt');
  });

  it('an unreadable answer records nothing and can be retyped', async () => {
    const { page } = h;
    await page.keyboard.type('banana');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=retype]');
    expect(await review.phase(page)).toBe('typing');
    expect(reviewRows(h.store)).toHaveLength(0);
    await h.shot('problem-unparseable');
  });

  it('a right answer: verdict, worked solution, auto-grade pre-selected, Enter accepts', async () => {
    const { page } = h;
    const id = (await review.cardId(page))!;
    const text = asTyped(await expected());
    await page.fill('[data-testid=answer-input]', text);
    await page.keyboard.press('Enter');
    await review.waitPhase(page, 'verdict');
    expect(await page.getAttribute('[data-testid=verdict]', 'data-status')).toBe('right');
    await page.waitForSelector('[data-testid=solution]');
    const selected = await page.$eval('.grade.selected', (el) => el.getAttribute('data-testid'));
    const quality = Number(selected!.replace('grade-', ''));
    expect(quality).toBeGreaterThanOrEqual(3);
    await h.shot('problem-right');
    const seq = await review.seq(page);
    await page.keyboard.press('Enter');
    await review.waitNext(page, seq);
    typed.push({ cardId: id, text, status: 'right', quality });
  });

  it('a wrong answer: verdict with the expected value and the solution; Enter accepts the low grade', async () => {
    const { page } = h;
    await review.waitPhase(page, 'typing');
    expect(await review.cardKind(page)).toBe('problem');
    const id = (await review.cardId(page))!;
    const exp = await expected();
    const text = wrongValue(exp);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'answer-input');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await review.waitPhase(page, 'verdict');
    expect(await page.getAttribute('[data-testid=verdict]', 'data-status')).toBe('wrong');
    expect(await page.textContent('[data-testid=expected]')).toBe(Array.isArray(exp) ? `[${exp.join(', ')}]` : String(exp));
    await page.waitForSelector('[data-testid=solution]');
    const selected = await page.$eval('.grade.selected', (el) => el.getAttribute('data-testid'));
    const quality = Number(selected!.replace('grade-', ''));
    expect(quality).toBeLessThan(3);
    await h.shot('problem-wrong');
    const seq = await review.seq(page);
    await page.keyboard.press('Enter');
    await review.waitNext(page, seq);
    await review.settled(page);
    typed.push({ cardId: id, text, status: 'wrong', quality });
  });

  it('the database holds exactly the two typed answers', () => {
    const rows = reviewRows(h.store);
    expect(rows.map((r) => ({ cardId: r.card_id, text: r.answer, correct: r.correct, quality: r.quality, undone: r.undone_at !== null }))).toEqual(
      typed.map((t) => ({ cardId: t.cardId, text: t.text, correct: t.status === 'right' ? 1 : 0, quality: t.quality, undone: false })),
    );
  });

  it('no CSP violation or page error happened', () => {
    expect(h.consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
