// Our export → study in Anki → Anki's export → import here. The phone's new
// answers join the history, the schedule takes the newer state, the cards
// keep their identity (the guid carries the card id), and importing the same
// package twice adds nothing.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportTo } from '../../../service/export/run.ts';
import { StatsService } from '../../../service/stats.ts';
import { draft } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { b64, profile, snapshot } from './setup.ts';

async function exported() {
  const ctx = profile();
  ctx.store.cards.syncDeck({ id: 'd', name: 'Deck', sourcePath: null, sourceHash: 'h' }, [draft('a', { order: 1 }), draft('b', { order: 2 }), draft('c', { order: 3 })], ctx.clock.now());
  await ctx.api.answer({ cardId: 'a', quality: 4, elapsedMs: 3000 });
  await ctx.api.answer({ cardId: 'b', quality: 2, elapsedMs: 3000 });
  await ctx.api.answer({ cardId: 'b', quality: 4, elapsedMs: 3000 }); // a drill
  ctx.clock.advance(1000);
  const out = path.join(tmpDir(), 'out.apkg');
  await exportTo('apkg', out, new StatsService(ctx.app).exportContext('en'));
  return { ...ctx, apkg: fs.readFileSync(out) };
}

/** What studying card `a` on the phone two days later does to the package. */
function studyInAnki(apkg: Uint8Array, at: number): Uint8Array {
  const files = unzipSync(apkg);
  const file = path.join(tmpDir(), 'collection.anki2');
  fs.writeFileSync(file, files['collection.anki2']!);
  const db = new Database(file);
  const cid = db.prepare("SELECT c.id FROM cards c JOIN notes n ON n.id = c.nid WHERE n.guid = 'dr:a'").pluck().get() as number;
  const crt = db.prepare('SELECT crt FROM col').pluck().get() as number;
  const due = Math.floor((at / 1000 - crt) / 86400) + 6;
  db.prepare('INSERT INTO revlog VALUES (?, ?, -1, 3, 6, 1, 2600, 5000, 1)').run(at, cid);
  db.prepare('UPDATE cards SET ivl = 6, factor = 2600, due = ?, reps = reps + 1 WHERE id = ?').run(due, cid);
  db.close();
  files['collection.anki2'] = fs.readFileSync(file);
  return zipSync(files);
}

describe('round trip through Anki', () => {
  it('our own package imported back changes nothing but the Anki bookkeeping', async () => {
    const { api, store, apkg } = await exported();
    const reviews = snapshotOf(store, 'reviews');
    const states = snapshotOf(store, 'card_state');
    const r = await api.importAnki({ name: 'out.apkg', dataBase64: b64(apkg) });
    expect(r.cards).toMatchObject({ added: 0, updated: 0, unchanged: 3, scheduleFromAnki: 0 });
    expect(r.reviews).toEqual({ added: 0, alreadyHere: 3, skipped: 0 });
    expect(snapshotOf(store, 'reviews')).toBe(reviews);
    expect(snapshotOf(store, 'card_state')).toBe(states);
  });

  it('answers from the phone join the history once; the newer schedule wins; the card keeps its id', async () => {
    const { api, store, apkg, clock } = await exported();
    const when = clock.now() + 2 * 86_400_000;
    const back = studyInAnki(apkg, when);
    const r = await api.importAnki({ name: 'from-anki.apkg', dataBase64: b64(back) });
    expect(r.cards).toMatchObject({ added: 0, scheduleFromAnki: 1 });
    expect(r.reviews).toEqual({ added: 1, alreadyHere: 3, skipped: 0 });
    const last = store.db.prepare("SELECT reviewed_at, quality, mode FROM reviews WHERE card_id = 'a' ORDER BY reviewed_at DESC LIMIT 1").get();
    expect(last).toEqual({ reviewed_at: when, quality: 4, mode: 'review' }); // Good (3) → quality 4 (srs/rating.ts)
    const state = store.db.prepare("SELECT interval_days, ease_factor FROM card_state WHERE card_id = 'a'").get();
    expect(state).toEqual({ interval_days: 6, ease_factor: 2.6 });
    expect(store.db.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(3);
    // b's schedule stays ours: Anki has nothing newer for it
    expect(store.db.prepare("SELECT sched_from_anki FROM anki_cards WHERE card_id = 'b'").pluck().get()).toBeUndefined();

    const before = snapshot(store);
    const again = await api.importAnki({ name: 'from-anki.apkg', dataBase64: b64(back) });
    expect(again.reviews).toEqual({ added: 0, alreadyHere: 4, skipped: 0 });
    expect(again.cards.scheduleFromAnki).toBe(0);
    expect(snapshot(store)).toBe(before);
  });
});

function snapshotOf(store: ReturnType<typeof profile>['store'], table: string): string {
  return JSON.stringify(store.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());
}
