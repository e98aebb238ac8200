import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { ApiError } from '../../../service/contract/common.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

async function setup() {
  const file = path.join(tmpDir(), 'app.db');
  const store = Store.open(file, { create: true });
  const clock = fakeClock();
  const app = new App(store, clock);
  await app.ensureDefaultDeck();
  return { app, api: app.client(), store, clock, file };
}

const reviewRows = (store: Store) =>
  store.db.prepare('SELECT card_id, quality, mode, undone_at FROM reviews ORDER BY id').all() as { card_id: string; quality: number; mode: string; undone_at: number | null }[];

describe('first launch', () => {
  it('imports the bundled deck once, with problem cards, and offers 20 new cards', async () => {
    const { app, api, store } = await setup();
    const s = await api.summary();
    expect(s.hasCards).toBe(true);
    expect(s.new).toBe(20);
    expect(s.due).toBe(0);
    const kinds = store.db.prepare('SELECT kind, count(*) AS n FROM cards GROUP BY kind').all() as { kind: string; n: number }[];
    expect(kinds.find((k) => k.kind === 'problem')?.n).toBeGreaterThanOrEqual(30);
    const before = store.db.prepare('SELECT total_changes()').pluck().get();
    await app.ensureDefaultDeck();
    const again = await api.importDefaultDeck();
    expect(again.counts.new + again.counts.updated + again.counts.retired).toBe(0);
    expect(store.db.prepare('SELECT total_changes()').pluck().get()).toBe(before);
  });
});

describe('reading lists', () => {
  it('are browsable but never served as new cards', async () => {
    const { api, store } = await setup();
    await api.updateSettings({ newPerDay: 1000 });
    const reading = await api.listCards({ kind: 'reading', limit: 100 });
    expect(reading.total).toBeGreaterThan(0);
    const fresh = new Set(store.reviews.freshIds(1000));
    expect(fresh.size).toBeGreaterThan(50);
    for (const c of reading.cards) expect(fresh.has(c.id)).toBe(false);
  });
});

describe('a review session', () => {
  it('serves cards, drills a failure until >= 4, and the log holds exactly the answers', async () => {
    const { api, store } = await setup();
    await api.updateSettings({ newPerDay: 3 });
    const seen: string[] = [];
    const first = (await api.nextCard()).card!;
    seen.push(first.id);
    expect(first.tag).toBe('new');
    await api.answer({ cardId: first.id, quality: 1, elapsedMs: 2000 });
    for (let i = 0; i < 2; i++) {
      const c = (await api.nextCard()).card!;
      expect(c.id).not.toBe(first.id);
      seen.push(c.id);
      await api.answer({ cardId: c.id, quality: 5, elapsedMs: 1000 });
    }
    // only 2 other cards: the failed one comes back as a drill once the rest are done
    const drill = (await api.nextCard()).card!;
    expect(drill).toMatchObject({ id: first.id, tag: 'drill' });
    const stateBefore = store.reviews.state(first.id);
    const r = await api.answer({ cardId: first.id, quality: 4, elapsedMs: 900 });
    expect(r.mode).toBe('drill');
    expect(store.reviews.state(first.id)).toEqual(stateBefore);
    expect((await api.nextCard()).card).toBeNull();
    expect(reviewRows(store).map((x) => [x.card_id, x.quality, x.mode])).toEqual([
      [first.id, 1, 'review'], [seen[1], 5, 'review'], [seen[2], 5, 'review'], [first.id, 4, 'drill'],
    ]);
    const s = await api.summary();
    expect(s).toMatchObject({ reviewedToday: 4, learnedToday: 3, new: 0, streak: 1 });
  });

  it('undo restores the card and puts it back at the front of the queue', async () => {
    const { api, store } = await setup();
    const c = (await api.nextCard()).card!;
    await api.answer({ cardId: c.id, quality: 5, elapsedMs: 1000 });
    expect((await api.nextCard()).card!.id).not.toBe(c.id);
    expect(await api.undo()).toEqual({ undone: true, cardId: c.id });
    expect(store.reviews.state(c.id)).toBeNull();
    expect((await api.nextCard()).card!.id).toBe(c.id);
    expect(reviewRows(store)[0]!.undone_at).not.toBeNull();
    expect(await api.undo()).toEqual({ undone: false });
  });

  it('nextCard names the upcoming card: the one served after a good answer', async () => {
    const { api } = await setup();
    await api.updateSettings({ newPerDay: 3 });
    for (let i = 0; i < 3; i++) {
      const n = await api.nextCard();
      await api.answer({ cardId: n.card!.id, quality: 5, elapsedMs: 1000 });
      const after = await api.nextCard();
      expect(n.upcoming?.id ?? null).toBe(after.card?.id ?? null);
    }
    expect((await api.nextCard()).upcoming).toBeNull();
  });

  it('the day rolls over at the configured hour', async () => {
    const { api, clock } = await setup();
    const c = (await api.nextCard()).card!;
    await api.answer({ cardId: c.id, quality: 4, elapsedMs: 1000 }); // interval 1 day
    const day0 = (await api.summary()).today;
    clock.set('2026-11-27T19:30:00Z'); // 03:30 next morning in UTC+8: still the same study day
    expect((await api.summary()).today).toBe(day0);
    clock.set('2026-11-27T20:30:00Z'); // 04:30: a new day, the card is due
    const s = await api.summary();
    expect(s.today).toBe(day0 + 1);
    expect(s.due).toBe(1);
    await api.updateSettings({ rolloverHour: 5 });
    expect((await api.summary()).today).toBe(day0);
  });
});

describe('problem cards', () => {
  async function problemCard(api: ReturnType<App['client']>) {
    const list = await api.listCards({ kind: 'problem', limit: 1 });
    const id = list.cards[0]!.id;
    return id;
  }

  it('grade a typed answer: right → recorded with auto quality; unparseable → not recorded', async () => {
    const { app, api, store } = await setup();
    const id = await problemCard(api);
    const view = app.review.view(store.cards.byId(id)!, 'new', app.review.today());
    expect(view.problem).toBeDefined();
    const seed = view.problem!.seed;
    const reveal = await api.reveal({ cardId: id, seed });
    const answer = Array.isArray(reveal.answer) ? `[${reveal.answer.join(', ')}]` : String(reveal.answer);
    const checked = await api.checkAnswer({ cardId: id, typed: answer, seed, elapsedMs: 5000 });
    expect(checked).toMatchObject({ verdict: { status: 'right' }, quality: 5 });
    expect(checked.solution.zh.length).toBeGreaterThan(0);
    const bad = await api.answer({ cardId: id, typed: 'constructor', seed, elapsedMs: 5000 });
    expect(bad.recorded).toBe(false);
    expect(bad.verdict?.status).toBe('unparseable');
    expect(reviewRows(store)).toHaveLength(0);
    const ok = await api.answer({ cardId: id, typed: answer, seed, elapsedMs: 5000 });
    expect(ok).toMatchObject({ recorded: true, quality: 5, verdict: { status: 'right' } });
    const row = store.db.prepare('SELECT answer, seed, correct FROM reviews').get();
    expect(row).toEqual({ answer, seed, correct: 1 });
  });

  it('a wrong typed answer maps to quality 1 or 2 and the learner can override', async () => {
    const { api } = await setup();
    const id = await problemCard(api);
    const r = await api.answer({ cardId: id, typed: '123456789', elapsedMs: 5000 });
    expect(r.verdict?.status).toBe('wrong');
    expect([1, 2]).toContain(r.quality);
    const id2 = (await api.listCards({ kind: 'problem', limit: 2 })).cards[1]!.id;
    const o = await api.answer({ cardId: id2, typed: '123456789', quality: 3, elapsedMs: 5000 });
    expect(o.quality).toBe(3);
  });
});

describe('dispatch validates every argument', () => {
  it.each([
    ['answer', { cardId: 'x', quality: 7, elapsedMs: 1 }, /quality/],
    ['answer', { cardId: 'x', elapsedMs: 1 }, /quality or a typed answer/],
    ['answer', { cardId: 'x', quality: 3, elapsedMs: -5 }, /elapsedMs/],
    ['answer', { cardId: 'x', quality: 3, elapsedMs: 1, extra: true }, /extra|Unrecognized/i],
    ['updateSettings', { rolloverHour: 24 }, /rolloverHour/],
    ['updateSettings', { language: 'fr' }, /language/],
    ['listCards', { limit: 'ten' }, /limit/],
    ['cardDetail', {}, /id/],
  ])('%s(%j) → 400 naming the field', async (method, args, re) => {
    const { app, store } = await setup();
    const before = store.db.prepare('SELECT total_changes()').pluck().get();
    const err = await app.dispatch(method, args).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).message).toMatch(re);
    expect(store.db.prepare('SELECT total_changes()').pluck().get()).toBe(before);
  });

  it('unknown methods and missing cards are 404', async () => {
    const { app } = await setup();
    await expect(app.dispatch('dropTables', {})).rejects.toMatchObject({ status: 404 });
    await expect(app.dispatch('__proto__', {})).rejects.toMatchObject({ status: 404 });
    await expect(app.dispatch('answer', { cardId: 'nope', quality: 3, elapsedMs: 1 })).rejects.toMatchObject({ status: 404 });
  });
});

describe('settings', () => {
  it('persist, and a corrupt stored value falls back to its default', async () => {
    const { api, store, file } = await setup();
    await api.updateSettings({ language: 'en', newPerDay: 5 });
    store.settings.set('theme', 'neon');
    expect(await api.getSettings()).toMatchObject({ language: 'en', newPerDay: 5, theme: 'system' });
    store.close();
    const again = new App(Store.open(file), fakeClock()).client();
    expect(await again.getSettings()).toMatchObject({ language: 'en', newPerDay: 5 });
  });
});

describe('idempotent answers', () => {
  it('stores an answer sent twice under one answerId once, and returns the first result', async () => {
    const { api, store } = await setup();
    const card = (await api.nextCard()).card!;
    const first = await api.answer({ cardId: card.id, quality: 4, elapsedMs: 900, answerId: 'click-0000-aaaa' });
    const again = await api.answer({ cardId: card.id, quality: 4, elapsedMs: 950, answerId: 'click-0000-aaaa' });
    expect(again).toMatchObject({ recorded: true, repeated: true, reviewId: first.reviewId, mode: first.mode, quality: 4, nextDueInDays: first.nextDueInDays });
    expect(first.repeated).toBeUndefined();
    expect(reviewRows(store)).toHaveLength(1);
    // A different grade under the same name is still the same answer: the first one stands.
    const other = await api.answer({ cardId: card.id, quality: 1, elapsedMs: 10, answerId: 'click-0000-aaaa' });
    expect(other.quality).toBe(4);
    expect(reviewRows(store)).toHaveLength(1);
    // A new name is a new answer (a drill of the same card, say).
    await api.answer({ cardId: card.id, quality: 5, elapsedMs: 10, answerId: 'click-0000-bbbb' });
    expect(reviewRows(store)).toHaveLength(2);
  });

  it('refuses an answerId reused for another card, and malformed ids', async () => {
    const { api } = await setup();
    const n = await api.nextCard();
    await api.answer({ cardId: n.card!.id, quality: 4, elapsedMs: 1, answerId: 'same-name-123' });
    const other = (await api.nextCard()).card!;
    await expect(api.answer({ cardId: other.id, quality: 4, elapsedMs: 1, answerId: 'same-name-123' })).rejects.toMatchObject({ status: 409 });
    await expect(api.answer({ cardId: other.id, quality: 4, elapsedMs: 1, answerId: 'x' })).rejects.toMatchObject({ status: 400 });
    await expect(api.answer({ cardId: other.id, quality: 4, elapsedMs: 1, answerId: 'a b;drop table' })).rejects.toMatchObject({ status: 400 });
  });
});
