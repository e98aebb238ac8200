// A problem card whose template this version does not have (a rename without
// an alias, a downgrade, a hand-edited file) must never block review: the
// regression was nextCard, reveal, checkAnswer, answer and the mocks all
// answering 500 on every call, across restarts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

async function brokenProfile() {
  const file = path.join(tmpDir(), 'gone.db');
  const first = Store.open(file, { create: true });
  await new App(first, fakeClock()).ensureDefaultDeck();
  const broken = first.db.prepare("UPDATE cards SET template_id = 'gone' WHERE kind = 'problem'").run().changes;
  first.close();
  // A restart: the damage is already in the file.
  const store = Store.open(file, { create: false });
  const app = new App(store, fakeClock());
  return { app, api: app.client(), store, broken };
}

const problemIds = (store: Store) => new Set(store.db.prepare("SELECT id FROM cards WHERE kind = 'problem'").pluck().all() as string[]);

describe('problem cards whose template is gone', () => {
  it('are skipped by the queue, counted on Today, and the other cards can all be studied', async () => {
    const { api, store, broken } = await brokenProfile();
    expect(broken).toBeGreaterThan(30);
    const problems = problemIds(store);
    // Let every card be new today, so the queue would reach the problem cards.
    await api.updateSettings({ newPerDay: 1000 });
    const summary = await api.summary();
    expect(summary.templateMissing).toBe(broken);
    let served = 0;
    for (let i = 0; i < 400; i++) {
      const next = await api.nextCard();
      if (!next.card) break;
      expect(problems.has(next.card.id)).toBe(false);
      if (next.upcoming) expect(problems.has(next.upcoming.id)).toBe(false);
      await api.answer({ cardId: next.card.id, quality: 5, elapsedMs: 1 });
      served++;
    }
    expect(served).toBeGreaterThan(50);
    expect((await api.nextCard()).card).toBeNull();
  });

  it('answer 409 with a reason (not 500) when asked for directly, and show no variant', async () => {
    const { app, api, store } = await brokenProfile();
    const id = [...problemIds(store)][0]!;
    await expect(api.checkAnswer({ cardId: id, typed: '1', elapsedMs: 1 })).rejects.toMatchObject({ status: 409 });
    await expect(api.answer({ cardId: id, typed: '1', elapsedMs: 1 })).rejects.toThrow(/template "gone"/);
    const reveal = await api.reveal({ cardId: id });
    expect(reveal.solution).toBeUndefined();
    const view = app.review.view(store.cards.byId(id)!, 'new', 0);
    expect(view.templateMissing).toBe(true);
    expect(view.problem).toBeUndefined();
    // Self-grading still works: the card is not broken as a card, only its generator is.
    expect((await api.answer({ cardId: id, quality: 4, elapsedMs: 1 })).recorded).toBe(true);
  });

  it('are left out of mock interviews, which still start', async () => {
    const { api, store } = await brokenProfile();
    const problems = problemIds(store);
    const draw = await api.mockDraw({ preset: 'quick', seed: 7 });
    expect(draw.questions.length).toBeGreaterThan(0);
    for (const q of draw.questions) expect(problems.has(q.cardId)).toBe(false);
    const started = await api.mockStart({ preset: 'quick', seed: 7 });
    expect(started.question.kind).toBe('concept');
  });

  it('are marked in Browse, flagged by Check database, and suspended by its repair', async () => {
    const { api, store, broken } = await brokenProfile();
    const list = await api.listCards({ kind: 'problem', limit: 200, offset: 0 });
    expect(list.cards.length).toBe(broken);
    expect(list.cards.every((c) => c.templateMissing === true)).toBe(true);
    const notes = await api.listCards({ kind: 'formula', limit: 5, offset: 0 });
    expect(notes.cards.some((c) => c.templateMissing)).toBe(false);

    const report = await api.doctor();
    const check = report.checks.find((c) => c.name === 'templates')!;
    expect(check).toMatchObject({ ok: false, count: broken, repairable: true });
    expect(report.ok).toBe(false);

    const repaired = await api.repairDb();
    expect(repaired.suspendedMissingTemplates).toBe(broken);
    expect(repaired.after.checks.find((c) => c.name === 'templates')!.ok).toBe(true);
    expect(store.db.prepare("SELECT count(*) FROM cards WHERE kind = 'problem' AND suspended = 1").pluck().get()).toBe(broken);
    expect((await api.summary()).templateMissing).toBe(0);
  });

  it('a healthy profile reports none and its doctor check passes', async () => {
    const store = Store.open(path.join(tmpDir(), 'ok.db'), { create: true });
    const app = new App(store, fakeClock());
    await app.ensureDefaultDeck();
    expect((await app.client().summary()).templateMissing).toBe(0);
    expect((await app.client().doctor()).checks.find((c) => c.name === 'templates')!.ok).toBe(true);
  });
});
