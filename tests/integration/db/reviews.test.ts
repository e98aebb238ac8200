import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/store.ts';
import { applyAnswer } from '../../../srs/answer.ts';
import type { Quality } from '../../../srs/sm2.ts';
import { drafts } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

function open() {
  const store = Store.open(path.join(tmpDir(), 'r.db'), { create: true });
  store.cards.syncDeck({ id: 'd', name: 'd', sourcePath: null, sourceHash: 'h' }, drafts(5), 1);
  return store;
}

function answer(store: Store, cardId: string, quality: Quality, day: number) {
  const state = store.reviews.state(cardId);
  const e = applyAnswer({ state, quality, today: day, answeredToday: state?.lastDay === day });
  return store.reviews.record({
    cardId, reviewedAt: day * 86_400_000, day, quality, elapsedMs: 1000, mode: e.mode,
    before: e.before, lastDayBefore: state?.lastDay ?? null, after: e.after,
  });
}

describe('ReviewRepo', () => {
  it('records an answer with state before/after and moves the card out of "new"', () => {
    const store = open();
    expect(store.reviews.freshIds(10)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    answer(store, 'c0', 4, 100);
    expect(store.reviews.state('c0')).toMatchObject({ repetitions: 1, intervalDays: 1, dueDay: 101, lastDay: 100 });
    expect(store.reviews.freshIds(10)).toEqual(['c1', 'c2', 'c3', 'c4']);
    const [row] = store.reviews.history('c0');
    expect(row).toMatchObject({ quality: 4, mode: 'review', reps_before: null, reps_after: 1, due_after: 101 });
    store.close();
  });

  it('drill answers are logged but leave the state untouched', () => {
    const store = open();
    answer(store, 'c0', 1, 100);
    const after1 = store.reviews.state('c0');
    answer(store, 'c0', 5, 100);
    expect(store.reviews.state('c0')).toEqual(after1);
    expect(store.reviews.history('c0').map((r) => r.mode)).toEqual(['review', 'drill']);
    store.close();
  });

  it('undo restores the previous state exactly, including the new flag, and keeps the row marked', () => {
    const store = open();
    answer(store, 'c0', 5, 100);
    answer(store, 'c0', 3, 101);
    const mid = store.reviews.state('c0');
    answer(store, 'c0', 1, 107);
    store.reviews.undoLast(107, 5);
    expect(store.reviews.state('c0')).toEqual(mid);
    expect(store.reviews.history('c0').map((r) => r.undone_at !== null)).toEqual([false, false, true]);
    // undo of a first-ever answer makes the card new again
    answer(store, 'c1', 4, 107);
    store.reviews.undoLast(107, 6);
    expect(store.reviews.state('c1')).toBeNull();
    expect(store.reviews.freshIds(10)).toContain('c1');
    expect(store.reviews.undoLast(107, 7)).toBeNull(); // nothing more to undo today (c0's is undone)
    store.close();
  });

  it('refuses to undo an answer that a later mock answer to the same card built on', () => {
    const store = open();
    answer(store, 'c0', 4, 100);
    const state = store.reviews.state('c0');
    store.reviews.record({
      cardId: 'c0', reviewedAt: 1, day: 100, quality: 1, elapsedMs: 1, mode: 'mock',
      before: state, lastDayBefore: 100, after: state!,
    });
    expect(store.reviews.undoLast(100, 9)).toBeNull();
    expect(store.reviews.state('c0')).toEqual(state);
    expect(store.reviews.history('c0').every((r) => r.undone_at === null)).toBe(true);
    store.close();
  });

  it('lists due cards most overdue first and excludes suspended and retired cards', () => {
    const store = open();
    answer(store, 'c0', 4, 90); // due 91
    answer(store, 'c1', 4, 95); // due 96
    answer(store, 'c2', 4, 80); // due 81
    answer(store, 'c3', 4, 99); // due 100
    expect(store.reviews.dueIds(100, 10)).toEqual(['c2', 'c0', 'c1', 'c3']);
    store.cards.setSuspended('c0', true, 1);
    store.cards.syncDeck({ id: 'd', name: 'd', sourcePath: null, sourceHash: 'h2' }, drafts(5).filter((d) => d.id !== 'c1'), 2);
    expect(store.reviews.dueIds(100, 10)).toEqual(['c2', 'c3']);
    expect(store.reviews.dueCount(100)).toBe(2);
    store.close();
  });
});

describe('CardRepo.syncDeck', () => {
  it('inserts, updates in place, retires and restores without losing history; a repeat import writes nothing', () => {
    const store = open();
    answer(store, 'c1', 5, 10);
    const v2 = drafts(5).map((d) => (d.id === 'c1' ? { ...d, back: 'edited answer' } : d)).filter((d) => d.id !== 'c4');
    v2.push({ ...drafts(6)[5]! });
    const counts = store.cards.syncDeck({ id: 'd', name: 'd', sourcePath: null, sourceHash: 'h2' }, v2, 2);
    expect(counts).toMatchObject({ new: 1, updated: 1, unchanged: 3, retired: 1, restored: 0 });
    expect(store.cards.byId('c1')?.back).toBe('edited answer');
    expect(store.reviews.history('c1')).toHaveLength(1);
    expect(store.cards.byId('c4')?.retiredAt).toBe(2);

    const changesBefore = store.db.prepare('SELECT total_changes() AS n').pluck().get() as number;
    const again = store.cards.syncDeck({ id: 'd', name: 'd', sourcePath: null, sourceHash: 'h2' }, v2, 3);
    expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 5, retired: 0, moved: 0 });
    expect(store.db.prepare('SELECT total_changes() AS n').pluck().get()).toBe(changesBefore);

    const back = store.cards.syncDeck({ id: 'd', name: 'd', sourcePath: null, sourceHash: 'h3' }, drafts(5), 4);
    expect(back.restored).toBe(1);
    expect(store.cards.byId('c4')?.retiredAt).toBeNull();
    store.close();
  });
});
