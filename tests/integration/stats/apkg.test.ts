// The .apkg is a zip holding a schema-11 collection.anki2 and a `media` map;
// opened here with SQLite and checked table by table against Anki's schema.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportTo } from '../../../service/export/run.ts';
import { StatsService } from '../../../service/stats.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { statsProfile } from './setup.ts';

const SCHEMA_11: Record<string, string[]> = {
  col: ['id', 'crt', 'mod', 'scm', 'ver', 'dty', 'usn', 'ls', 'conf', 'models', 'decks', 'dconf', 'tags'],
  notes: ['id', 'guid', 'mid', 'mod', 'usn', 'tags', 'flds', 'sfld', 'csum', 'flags', 'data'],
  cards: ['id', 'nid', 'did', 'ord', 'mod', 'usn', 'type', 'queue', 'due', 'ivl', 'factor', 'reps', 'lapses', 'left', 'odue', 'odid', 'flags', 'data'],
  revlog: ['id', 'cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type'],
  graves: ['usn', 'oid', 'type'],
};

async function apkg() {
  const ctx = statsProfile();
  await ctx.api.answer({ cardId: 'a', quality: 5, elapsedMs: 90_000 });
  await ctx.api.answer({ cardId: 'b', quality: 2, elapsedMs: 1000 });
  await ctx.api.setSuspended({ id: 's', suspended: true });
  ctx.store.cards.syncDeck({ id: 'd', name: 'Deck', sourcePath: null, sourceHash: 'h2' }, [], ctx.clock.now()); // retire everything…
  ctx.store.cards.unretire('a', ctx.clock.now()); // …but a few
  for (const id of ['b', 's', 'p', 'n']) ctx.store.cards.unretire(id, ctx.clock.now());
  const out = path.join(tmpDir(), 'deck.apkg');
  await exportTo('apkg', out, new StatsService(ctx.app).exportContext('en'));
  const files = unzipSync(fs.readFileSync(out));
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'collection.anki2'), files['collection.anki2']!);
  const db = new Database(path.join(dir, 'collection.anki2'), { readonly: true });
  return { files, db, ctx };
}

describe('Anki .apkg export', () => {
  it('is a zip of collection.anki2 and an empty media map', async () => {
    const { files, db } = await apkg();
    expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
    expect(strFromU8(files.media!)).toBe('{}');
    expect(Buffer.from(files['collection.anki2']!.subarray(0, 16)).toString('latin1')).toBe('SQLite format 3\u0000');
    db.close();
  });

  it('has the schema-11 tables with every required column, and one col row at ver 11', async () => {
    const { db } = await apkg();
    for (const [table, cols] of Object.entries(SCHEMA_11)) {
      const have = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(have, table).toEqual(cols);
    }
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'ix_%'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['ix_notes_usn', 'ix_cards_usn', 'ix_revlog_usn', 'ix_cards_nid', 'ix_cards_sched', 'ix_revlog_cid', 'ix_notes_csum']));
    const col = db.prepare('SELECT * FROM col').all() as Record<string, unknown>[];
    expect(col).toHaveLength(1);
    expect(col[0]!.ver).toBe(11);
    // crt is the start of today's study day: 04:00 in UTC+8 on 3/10 (it was 03:30 on 3/11, before the rollover).
    expect(col[0]!.crt).toBe(Date.parse('2026-03-09T20:00:00Z') / 1000);
    const models = JSON.parse(col[0]!.models as string);
    const model = Object.values(models)[0] as { flds: { name: string }[]; tmpls: { qfmt: string; afmt: string }[]; id: number; type: number };
    expect(model.flds.map((f) => f.name)).toEqual(['Front', 'Back']);
    expect(model.type).toBe(0);
    expect(model.tmpls[0]!.qfmt).toBe('{{Front}}');
    const decks = JSON.parse(col[0]!.decks as string) as Record<string, { name: string; id: number }>;
    expect(Object.values(decks).map((d) => d.name)).toEqual(['Default', 'DeepRecall', 'DeepRecall::Deck']);
    for (const [key, d] of Object.entries(decks)) expect(String(d.id)).toBe(key);
    expect(JSON.parse(col[0]!.dconf as string)['1'].new.perDay).toBe(20);
    expect(JSON.parse(col[0]!.conf as string).curModel).toBe(String(model.id));
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    db.close();
  });

  it('one Basic note per active card: fields, tags, math delimiters, scheduling, revlog', async () => {
    const { db } = await apkg();
    const notes = db.prepare('SELECT * FROM notes ORDER BY id').all() as { guid: string; flds: string; tags: string; sfld: string; mid: number }[];
    expect(notes).toHaveLength(5); // a b s p n; the retired k and r are left out
    expect(new Set(notes.map((n) => n.guid)).size).toBe(5);
    const [a, , , p] = notes.map((n) => n.flds.split('\x1f'));
    expect(a![0]).toContain('卷积 › 感受野');
    expect(a![0]).toContain('a, &quot;quoted&quot;');
    expect(a![1]).toBe('<p>\\(x^2\\), done</p>');
    expect(p![0]).toContain('<hr>'); // the representative variant's prompt follows the title
    expect(p![1]).toContain('\\(\\lfloor\\)\\(\\frac{n-k}{s}\\)\\(\\rfloor\\)');
    expect(p![1]).not.toMatch(/(^|[^\\])\$/);
    expect(notes[0]!.tags).toBe(' DeepRecall::卷积::感受野 ');
    const cards = db.prepare('SELECT c.*, n.sfld FROM cards c JOIN notes n ON n.id = c.nid ORDER BY c.id').all() as Record<string, number | string>[];
    expect(cards).toHaveLength(5);
    const [ca, cb, cs, , cn] = cards;
    expect(ca).toMatchObject({ type: 2, queue: 2, ivl: 1, factor: 2600, reps: 1, due: 1 }); // due tomorrow; Anki's day 0 is today
    expect(cb).toMatchObject({ type: 2, queue: 2, lapses: 1 });
    expect(cs).toMatchObject({ type: 0, queue: -1 });
    expect(cn).toMatchObject({ type: 0, queue: 0, ivl: 0 });
    const revlog = db.prepare('SELECT * FROM revlog ORDER BY id').all() as Record<string, number>[];
    expect(revlog.map((r) => [r.ease, r.type, r.time])).toEqual([[4, 0, 60_000], [1, 0, 1000]]);
    db.close();
  });
});
