// Stats against a history small enough to compute by hand: the day rollover
// (04:00), a move from UTC+8 to UTC−5, drills, an undo, a problem card,
// a mock answer, suspended/retired cards and mock scores.
import { describe, expect, it } from 'vitest';
import { generate } from '../../../cards/problems/generate.ts';
import { isoToDay } from '../../../srs/day.ts';
import { draft } from '../../helpers/drafts.ts';
import { CONV_OUT, CONV_RF, KL, statsDrafts, statsProfile } from './setup.ts';

async function history() {
  const ctx = statsProfile();
  const { api, store, app, clock } = ctx;
  // 03:30 in UTC+8 on 3/11 is still study day 3/10 (rollover 04:00).
  await api.answer({ cardId: 'a', quality: 5, elapsedMs: 1000 });
  await api.answer({ cardId: 'b', quality: 1, elapsedMs: 2000 });
  await api.answer({ cardId: 'b', quality: 4, elapsedMs: 3000 }); // same day: a drill
  clock.set('2026-03-10T20:30:00Z'); // 04:30 local: study day 3/11
  await api.answer({ cardId: 'a', quality: 4, elapsedMs: 1000 });
  await api.answer({ cardId: 'k', quality: 3, elapsedMs: 1000 });
  const seed = 7;
  const expected = generate(statsDrafts()[3]!.templateId!, seed).answer;
  await api.answer({ cardId: 'p', typed: '-12345', seed, elapsedMs: 1000 });
  expect((await api.undo()).undone).toBe(true);
  await api.answer({ cardId: 'p', typed: String(expected), seed, elapsedMs: 1000 });
  clock.set('2026-03-12T14:00:00Z', -300); // New York, 09:00 on 3/12
  await api.answer({ cardId: 'b', quality: 5, elapsedMs: 4000 });
  const today = app.review.today();
  const k = store.reviews.state('k')!;
  store.reviews.record({ cardId: 'k', reviewedAt: clock.now(), day: today, quality: 2, elapsedMs: 500, mode: 'mock', before: k, lastDayBefore: k.lastDay, after: k });
  await api.setSuspended({ id: 's', suspended: true });
  store.cards.syncDeck({ id: 'd', name: 'Deck', sourcePath: null, sourceHash: 'h2' }, statsDrafts().filter((d) => d.id !== 'r'), clock.now());
  const mock = store.db.prepare("INSERT INTO mocks (started_at, finished_at, status, seed, config, questions, score) VALUES (?, ?, ?, 1, '{}', '[]', ?)");
  mock.run(Date.parse('2026-03-11T01:00:00Z'), Date.parse('2026-03-11T01:30:00Z'), 'finished', 60);
  mock.run(Date.parse('2026-03-12T13:00:00Z'), Date.parse('2026-03-12T13:30:00Z'), 'finished', 80);
  mock.run(Date.parse('2026-03-12T13:40:00Z'), Date.parse('2026-03-12T13:50:00Z'), 'abandoned', 10);
  // The first mock logged an answer on study day 3/11 (UTC+8 then); the second logged none.
  const review = store.db.prepare("SELECT id FROM reviews WHERE card_id = 'a' ORDER BY id DESC LIMIT 1").pluck().get();
  store.db.prepare("INSERT INTO mock_answers (mock_id, idx, card_id, outcome, started_at, ended_at, quality, review_id) VALUES (1, 0, 'a', 'answered', 0, 0, 4, ?)").run(review);
  return ctx;
}

const D0 = isoToDay('2026-03-10');

describe('stats from a hand-computed history', () => {
  it('puts answers on study days by the rollover hour and local zone at answer time', async () => {
    const { api } = await history();
    const s = await api.stats({ range: '1m' });
    expect(s.todayIso).toBe('2026-03-12');
    expect(s.daily).toHaveLength(30);
    const day = (iso: string) => s.daily.find((d) => d.iso === iso)!;
    expect(day('2026-03-10')).toMatchObject({ n: 3, ms: 6000, learned: 2, byMode: { review: 2, drill: 1, mock: 0 }, byQuality: [0, 1, 0, 0, 1, 1] });
    expect(day('2026-03-11')).toMatchObject({ n: 3, ms: 3000, learned: 2, byMode: { review: 3, drill: 0, mock: 0 }, byQuality: [0, 0, 0, 1, 1, 1] });
    expect(day('2026-03-12')).toMatchObject({ n: 2, byMode: { review: 1, drill: 0, mock: 1 }, byQuality: [0, 0, 1, 0, 0, 1] });
    expect(s.totals).toMatchObject({ reviews: 8, learned: 4, activeDays: 3, byMode: { review: 6, drill: 1, mock: 1 } });
    expect(s.answers.byQuality).toEqual([0, 1, 1, 1, 2, 3]);
    expect(s.streak).toEqual({ current: 3, longest: 3 });
    expect(s.heatmap.days.filter((d) => d.n > 0).map((d) => [d.iso, d.n])).toEqual([['2026-03-10', 3], ['2026-03-11', 3], ['2026-03-12', 2]]);
  });

  it('retention counts first answers on cards with an interval, never drills or undone answers', async () => {
    const { api } = await history();
    const s = await api.stats({ range: 'all' });
    // a on 3/11 (ivl 1, pass), b on 3/12 (ivl 1, pass), k's mock answer (ivl 1, fail); b's drill does not count.
    expect(s.retention.all.young).toEqual({ n: 3, pass: 2, rate: 2 / 3 });
    expect(s.retention.today.young).toEqual({ n: 2, pass: 1, rate: 0.5 });
    expect(s.retention.all.mature).toEqual({ n: 0, pass: 0, rate: null });
  });

  it('hours use the zone in force now (UTC−5 here) for every answer', async () => {
    const { api } = await history();
    const s = await api.stats({ range: 'all' });
    const busy = s.hourly.filter((h) => h.n > 0).map((h) => [h.hour, h.n, h.pass]);
    expect(busy).toEqual([[9, 2, 1], [14, 3, 2], [15, 3, 3]]);
  });

  it('card counts, forecast, intervals and ease', async () => {
    const { api } = await history();
    const s = await api.stats({});
    expect(s.range).toBe('3m');
    expect(s.counts).toEqual({ new: 1, learning: 0, young: 4, mature: 0, suspended: 1, retired: 1, total: 7 });
    expect(s.forecast.overdue).toBe(0);
    // today 3/12: k and p were due 3/12, b 3/13, a (interval 6 from 3/11) 3/17
    expect(s.forecast.days.filter((d) => d.n > 0).map((d) => [d.iso, d.n])).toEqual([['2026-03-12', 2], ['2026-03-13', 1], ['2026-03-17', 1]]);
    expect(s.intervals.find((b) => b.label === '1')!.n).toBe(3);
    expect(s.intervals.find((b) => b.label === '3–6')!.n).toBe(1);
    expect(s.ease.reduce((n, b) => n + b.n, 0)).toBe(4);
  });

  it('mastery per section, weakest first, and mock scores in range', async () => {
    const { api } = await history();
    const s = await api.stats({ range: 'all' });
    expect(s.sections.map((m) => m.section)).toEqual([KL, CONV_RF, CONV_OUT]);
    const [kl, rf, out] = s.sections;
    expect(kl).toMatchObject({ cards: 2, learned: 1, reviews: 2, retention: { n: 1, pass: 0 }, mock: { n: 1, pass: 0, rate: 0 } });
    expect(kl!.mastery).toBeCloseTo((0.5 + 0 + 0) / 3);
    expect(rf).toMatchObject({ cards: 3, learned: 2, reviews: 5, retention: { n: 2, pass: 2, rate: 1 } });
    expect(rf!.avgEase).toBeCloseTo((2.6 + 2.06) / 2);
    expect(rf!.mastery).toBeCloseTo((2 / 3 + 1) / 2);
    expect(out).toMatchObject({ cards: 1, learned: 1, problems: { n: 1, pass: 1, rate: 1 }, mastery: 1 });
    expect(s.mocks.map((m) => [m.iso, m.score])).toEqual([['2026-03-11', 60], ['2026-03-12', 80]]);
  });

  it('a section filter narrows every review and card view to that subtree', async () => {
    const { api } = await history();
    const s = await api.stats({ range: 'all', section: ['卷积'] });
    expect(s.section).toEqual(['卷积']);
    expect(s.totals.reviews).toBe(6); // a×2, b×3, p×1
    expect(s.counts).toEqual({ new: 0, learning: 0, young: 3, mature: 0, suspended: 1, retired: 0, total: 4 });
    expect(s.sections.map((m) => m.section)).toEqual([CONV_RF, CONV_OUT]);
    expect(s.hourly.reduce((n, h) => n + h.n, 0)).toBe(6);
    expect(s.streak.current).toBe(3); // the streak is a habit, not a topic: never filtered
    const none = await api.stats({ section: ['没有这一章'] });
    expect(none.totals.reviews).toBe(0);
    expect(none.counts.total).toBe(0);
  });

  it('a range leaves out older days; a mature card needs an interval ≥ 21 before the answer', async () => {
    const { api, clock } = await history();
    // a: interval 6 after 3/11, then 16 (EF 2.6), then 43 (EF 2.7): the third answer below is on a mature card.
    for (const iso of ['2026-03-17', '2026-04-02', '2026-05-15']) {
      clock.set(`${iso}T02:00:00Z`, 480);
      await api.answer({ cardId: 'a', quality: 5, elapsedMs: 100 });
    }
    const s = await api.stats({ range: '1m' });
    expect(s.retention.all.mature).toEqual({ n: 1, pass: 1, rate: 1 });
    expect(s.retention.all.young).toEqual({ n: 6, pass: 5, rate: 5 / 6 });
    expect(s.from).toBe(s.today - 29);
    expect(s.totals.reviews).toBe(1);
    expect(s.today - D0).toBe(66);
    expect((await api.stats({ range: 'all' })).totals.reviews).toBe(11);
  });

  it('stays exact through edits: aggregates equal a rebuild from the log', async () => {
    const { store, app, clock } = await history();
    // A card moved to another heading takes its history along.
    const moved = statsDrafts().map((d) => (d.id === 'a' ? { ...d, section: ['新章节'] } : d));
    store.cards.syncDeck({ id: 'd', name: 'Deck', sourcePath: null, sourceHash: 'h3' }, [...moved, draft('z', { section: KL })], clock.now());
    store.db.prepare("UPDATE reviews SET quality = 0 WHERE card_id = 'b' AND mode = 'drill'").run();
    store.db.prepare("UPDATE reviews SET undone_at = 1 WHERE card_id = 'k' AND mode = 'mock'").run();
    app.store.cards.setSuspended('s', false, clock.now());
    const live = store.stats.snapshot();
    store.stats.rebuild();
    expect(store.stats.snapshot()).toEqual(live);
    const s = await app.client().stats({ range: 'all', section: ['新章节'] });
    expect(s.totals.reviews).toBe(2);
    expect(s.counts.young).toBe(1);
  });
});
