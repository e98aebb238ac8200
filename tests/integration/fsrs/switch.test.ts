// Switching scheduler keeps every due day and the whole history byte-identical,
// takes a backup first, and FSRS answers undo exactly (SM-2 row and FSRS memory).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../../db/doctor.ts';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { cardHistories, targetCount } from '../../../srs/eval/history.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

const DAY = 86_400_000;

async function studied() {
  const file = path.join(tmpDir(), 'sw.db');
  const store = Store.open(file, { create: true });
  const clock = fakeClock();
  const app = new App(store, clock);
  await app.ensureDefaultDeck();
  const api = app.client();
  // Ten days of SM-2 study: new cards, reviews and drills.
  for (let d = 0; d < 10; d++) {
    for (let k = 0; k < 12; k++) {
      const next = await api.nextCard();
      if (!next.card) break;
      await api.answer({ cardId: next.card.id, quality: ([5, 4, 3, 2, 4, 4] as const)[(d + k) % 6], elapsedMs: 1000 });
    }
    clock.advance(DAY);
  }
  return { file, store, clock, app, api };
}

const dump = (store: Store) => JSON.stringify({
  state: store.db.prepare('SELECT * FROM card_state ORDER BY card_id').all(),
  reviews: store.db.prepare('SELECT * FROM reviews ORDER BY id').all(),
});

describe('switching scheduler', () => {
  it('SM-2 → FSRS → SM-2 → FSRS keeps due days and history byte-identical, with a backup each time', async () => {
    const { store, api, file, app } = await studied();
    const before = dump(store);
    // The status's SQL count of trainable answers is the evaluation's own count.
    const st = await api.fsrsStatus();
    expect(st.answers).toBe(targetCount(cardHistories(app.fsrs.answers())));
    expect(st.answers).toBeGreaterThan(0);
    const dueBefore = (await api.summary()).due;
    const r1 = await api.switchScheduler({ scheduler: 'fsrs' });
    expect(r1.scheduler).toBe('fsrs');
    expect(r1.fromLog).toBeGreaterThan(0);
    expect(r1.backup && fs.existsSync(r1.backup)).toBeTruthy();
    expect(path.dirname(r1.backup!)).toBe(path.dirname(file));
    expect(dump(store)).toBe(before);
    expect((await api.summary()).due).toBe(dueBefore); // nothing floods "today"
    const memories = store.db.prepare('SELECT card_id, due_day FROM fsrs_state ORDER BY card_id').all() as { card_id: string; due_day: number }[];
    const dues = store.db.prepare('SELECT card_id, due_day FROM card_state ORDER BY card_id').all();
    expect(memories).toEqual(dues);
    const r2 = await api.updateSettings({ scheduler: 'sm2' });
    expect(r2.scheduler).toBe('sm2');
    expect(dump(store)).toBe(before);
    await api.switchScheduler({ scheduler: 'fsrs' });
    expect(dump(store)).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('before-scheduler-switch')).length).toBeGreaterThanOrEqual(2);
    store.close();
  });

  it('FSRS answers show four ratings, move FSRS memory, undo restores it, and the doctor agrees with the log', async () => {
    const { store, api, clock, app } = await studied();
    await api.updateSettings({ scheduler: 'fsrs', desiredRetention: 0.85 });
    clock.advance(20 * DAY);
    const next = await api.nextCard();
    expect(next.card?.scheduler).toBe('fsrs');
    const id = next.card!.id;
    const memBefore = store.fsrs.get(id);
    const stateBefore = store.reviews.state(id);
    const res = await api.answer({ cardId: id, quality: 5, elapsedMs: 1000 });
    expect(res.mode).toBe('review');
    const memAfter = store.fsrs.get(id)!;
    expect(memAfter).not.toEqual(memBefore);
    expect(store.reviews.state(id)!.dueDay).toBe(memAfter.dueDay);
    expect(res.nextDueInDays).toBe(next.card!.intervals[5]);
    expect(checkDatabase(store.db, store.file).ok).toBe(true);
    // Same day again (a drill): nothing moves.
    await api.answer({ cardId: id, quality: 1, elapsedMs: 1000 });
    expect(store.fsrs.get(id)).toEqual(memAfter);
    await api.undo();
    await api.undo();
    expect(store.fsrs.get(id)).toEqual(memBefore);
    expect(store.reviews.state(id)).toEqual(stateBefore);
    expect(checkDatabase(store.db, store.file).ok).toBe(true);
    expect(app.library.getSettings().desiredRetention).toBe(0.85);
    store.close();
  });

  it('rejects a retention outside 0.70–0.97 naming the field', async () => {
    const { api, store } = await studied();
    await expect(api.updateSettings({ desiredRetention: 0.5 })).rejects.toThrow(/desiredRetention/);
    await expect(api.updateSettings({ desiredRetention: 0.99 })).rejects.toThrow(/desiredRetention/);
    store.close();
  });
});
