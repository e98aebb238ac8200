// The trigger-maintained aggregates, the one-pass rebuild and the SQL
// definition must agree after any mix of operations on the base tables.
import { describe, expect, it } from 'vitest';
import { rebuildSql } from '../../../db/migrations/003_stats.ts';
import { draft } from '../../helpers/drafts.ts';
import { statsDrafts, statsProfile } from './setup.ts';

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('aggregate consistency', () => {
  it.each([1, 2, 3])('random history %i: triggers = rebuild = SQL definition', async (seed) => {
    const { api, store, clock } = statsProfile();
    const rand = rng(seed);
    const ids = ['a', 'b', 's', 'k', 'n', 'r'];
    let t = Date.parse('2026-03-10T01:00:00Z');
    for (let step = 0; step < 120; step++) {
      const r = rand();
      const id = ids[Math.floor(rand() * ids.length)]!;
      if (r < 0.55) {
        await api.answer({ cardId: id, quality: Math.floor(rand() * 6) as 0, elapsedMs: Math.floor(rand() * 5000) }).catch(() => undefined);
      } else if (r < 0.62) {
        await api.undo();
      } else if (r < 0.7) {
        await api.setSuspended({ id, suspended: rand() < 0.5 });
      } else if (r < 0.76) {
        // re-import: some cards vanish (retired), some move to another heading, one new card appears
        const keep = statsDrafts().filter(() => rand() < 0.8).map((d) => (rand() < 0.3 ? { ...d, section: ['移动', `${step % 3}`] } : d));
        store.cards.syncDeck({ id: 'd', name: 'Deck', sourcePath: null, sourceHash: `h${step}` }, [...keep, draft(`z${step}`, { section: ['新'] })], t);
        ids.push(`z${step}`);
      } else if (r < 0.8) {
        store.db.prepare('UPDATE reviews SET quality = ?, correct = ? WHERE id = (SELECT max(id) FROM reviews)').run(Math.floor(rand() * 6), rand() < 0.5 ? 1 : null);
      } else if (r < 0.83) {
        store.db.prepare('DELETE FROM reviews WHERE id = (SELECT min(id) FROM reviews WHERE undone_at IS NOT NULL)').run();
      } else if (r < 0.86) {
        store.db.prepare('DELETE FROM card_state WHERE card_id = ?').run(id);
      } else {
        t += Math.floor(rand() * 3 * 86_400_000);
        clock.set(new Date(t).toISOString(), rand() < 0.5 ? 480 : -300);
      }
    }
    const live = store.stats.snapshot();
    expect(live.stat_day!.length).toBeGreaterThan(0);
    store.stats.rebuild();
    expect(store.stats.snapshot()).toEqual(live);
    store.db.transaction(() => store.db.exec(rebuildSql))();
    expect(store.stats.snapshot()).toEqual(live);
  });

  it('bulk loads run without triggers and rebuild once; triggers come back', () => {
    const { store } = statsProfile();
    const before = store.db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'stat_%'").pluck().get();
    store.stats.bulk(() => {
      expect(store.db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'stat_%'").pluck().get()).toBe(0);
      store.db.prepare("INSERT INTO reviews (card_id, reviewed_at, day, quality, elapsed_ms, mode, reps_after, ease_after, ivl_after, due_after, lapses_after) VALUES ('a', 0, 5, 4, 1, 'review', 1, 2.5, 1, 6, 0)").run();
    });
    expect(store.db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'stat_%'").pluck().get()).toBe(before);
    expect(store.stats.daily(0, 10, null)).toHaveLength(1);
    expect(() => store.stats.bulk(() => { throw new Error('fail'); })).toThrow('fail');
    expect(store.db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'stat_%'").pluck().get()).toBe(before);
  });
});
