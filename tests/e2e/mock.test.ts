// A timed mock interview in browser mode, keyboard only: a 3-question mock
// with a 12 s per-question limit, one question left to time out (the timer
// turns amber, then red, then the interview moves on by itself), the report,
// and a reload mid-interview that resumes where it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generate } from '../../cards/problems/generate.ts';
import type { Store } from '../../db/store.ts';
import { browserAvailable, launchApp, skipReason, type Harness } from './harness.ts';

const PER_QUESTION_S = 12;

/** The right answer to the running problem question, read from the stored mock. */
function rightAnswer(store: Store, index: number): string {
  const row = store.db.prepare("SELECT questions FROM mocks WHERE status = 'active'").get() as { questions: string };
  const q = (JSON.parse(row.questions) as { templateId: string; problemSeed: number }[])[index]!;
  const a = generate(q.templateId, q.problemSeed).answer;
  return Array.isArray(a) ? `[${a.join(', ')}]` : String(a);
}

async function at(page: Page, index: number): Promise<'concept' | 'problem'> {
  await page.waitForSelector(`[data-testid=mock-run][data-index="${index}"][data-phase=question], [data-testid=mock-run][data-index="${index}"][data-phase=revealed]`, { timeout: 20_000 });
  return (await page.getAttribute('[data-testid=mock-run]', 'data-kind')) as 'concept' | 'problem';
}

/** Answer the current question right by keyboard: reveal + grade, or type + Enter. */
async function answerRight(h: Harness, index: number, onShown?: () => Promise<unknown>): Promise<void> {
  const { page } = h;
  const kind = await at(page, index);
  if (kind === 'concept') {
    await page.keyboard.press('n');
    await page.keyboard.type('卷积 = 滑动窗口内积');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid=mock-back]');
    await onShown?.();
    await page.keyboard.press('4');
  } else {
    await page.keyboard.type(rightAnswer(h.store, index));
    await onShown?.();
    await page.keyboard.press('Enter');
  }
}

describe.skipIf(!browserAvailable)(`mock interview in the browser ${skipReason}`, () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launchApp();
  });
  afterAll(async () => {
    await h?.cleanup();
  });

  it('start screen: presets and configuration by keyboard', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/mock`);
    await page.waitForSelector('[data-testid=mock-start]');
    expect(await page.textContent('[data-testid=preset-quick]')).toContain('快速 5 题');
    expect(await page.textContent('[data-testid=preset-full]')).toContain('全真 30 分钟');
    await page.keyboard.press('3');
    expect(await page.inputValue('[data-testid=cfg-questions]')).toBe('15');
    await page.keyboard.press('1');
    expect(await page.inputValue('[data-testid=cfg-total]')).toBe('10');
    await h.shot('mock-start');
  });

  it('an unsatisfiable configuration gets a clear message and no mock', async () => {
    const { page } = h;
    await page.fill('[data-testid=cfg-questions]', '0');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=mock-start-error]');
    expect(await page.textContent('[data-testid=mock-start-error]')).toMatch(/questions must be a positive integer/);
    expect((h.store.db.prepare('SELECT count(*) AS n FROM mocks').get() as { n: number }).n).toBe(0);
  });

  it('runs 3 questions: one right, one timed out, one right — then the report', async () => {
    const { page } = h;
    await page.fill('[data-testid=cfg-questions]', '3');
    await page.fill('[data-testid=cfg-per]', String(PER_QUESTION_S));
    await page.fill('[data-testid=cfg-seed]', '2024');
    await page.keyboard.press('Enter'); // submits the form from the field
    await page.waitForSelector('[data-testid=mock-run]');
    expect(await page.textContent('[data-testid=mock-progress]')).toContain('第 1 / 3 题');

    await answerRight(h, 0, () => h.shot('mock-question'));

    // Question 2: hands off. The countdown changes colour near the end, then the mock moves on by itself.
    await at(page, 1);
    expect(await page.getAttribute('[data-testid=timer-question]', 'data-level')).toBe('ok');
    await page.waitForSelector('[data-testid=timer-question][data-level=warn]', { timeout: PER_QUESTION_S * 1000 });
    await page.waitForSelector('[data-testid=timer-question][data-level=danger]', { timeout: PER_QUESTION_S * 1000 });
    await h.shot('mock-question-timing-out');
    await at(page, 2);
    expect(await page.getAttribute('[data-testid=mock-flash]', 'data-kind')).toBe('timeout');

    await answerRight(h, 2, () => h.shot('mock-question-answered'));
    await page.waitForSelector('[data-testid=mock-report]');
    expect(await page.textContent('[data-testid=mock-timedout]')).toBe('1');
    const rows = await page.$$eval('[data-testid=mock-questions] tbody tr', (trs) => trs.map((tr) => tr.className));
    expect(rows.map((c) => /outcome-(\w+)/.exec(c)?.[1])).toEqual(['answered', 'timeout', 'answered']);
    expect(await page.$$('[data-testid=mock-miss]')).toHaveLength(1); // the time-out, with its answer
    expect(Number(await page.textContent('[data-testid=mock-score] .mock-score-num'))).toBeGreaterThanOrEqual(46); // 2 of 3 at ≥ 0.7 credit
    await h.shot('mock-report', { fullPage: true });

    const answers = h.store.db.prepare('SELECT idx, outcome, quality FROM mock_answers ORDER BY idx').all() as { idx: number; outcome: string; quality: number }[];
    expect(answers.map((a) => a.outcome)).toEqual(['answered', 'timeout', 'answered']);
    expect(answers[1]!.quality).toBe(0);
    const log = h.store.db.prepare('SELECT mode FROM reviews').all() as { mode: string }[];
    expect(log).toHaveLength(3);
    expect(log.every((r) => r.mode === 'mock')).toBe(true);
  });

  it('a reload mid-interview resumes the mock; Esc then A abandons it with what was done', async () => {
    const { page } = h;
    await page.keyboard.press('Escape'); // report → start screen
    await page.waitForSelector('[data-testid=mock-start]');
    expect(await page.textContent('[data-testid=mock-history]')).toContain('已完成');
    await page.keyboard.press('1');
    await page.click('[data-testid=mock-begin]');
    await answerRight(h, 0);
    await at(page, 1);
    await page.reload();
    const kind = await at(page, 1);
    expect(await page.textContent('[data-testid=mock-progress]')).toContain('第 2 / 5 题');
    if (kind === 'problem') {
      // A problem's answer box has the focus; the first Esc leaves it, the second asks to end.
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'mock-answer');
      await page.keyboard.press('Escape');
    }
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=mock-confirm]');
    await page.keyboard.press('a');
    await page.waitForSelector('[data-testid=mock-report][data-status=abandoned]');
    const last = h.store.db.prepare('SELECT status FROM mocks ORDER BY id DESC LIMIT 1').get() as { status: string };
    expect(last.status).toBe('abandoned');
    expect(h.pageErrors).toEqual([]);
    // The only console error allowed is the browser's note about the refused (422) configuration above.
    expect(h.consoleErrors.filter((m) => !/status of 422/.test(m))).toEqual([]);
  });
});
