// The .apkg is a zip holding a schema-11 collection.anki2 and a `media` map;
// opened here with SQLite and checked table by table against Anki's schema.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
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

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PNG_NAME = `${createHash('sha256').update(PNG).digest('hex')}.png`;

async function apkg() {
  const ctx = statsProfile();
  // A card image in the media table (contract: name = <sha256>.<ext>), referenced from card b's front.
  ctx.store.media.put(PNG_NAME, 'image/png', PNG, 0);
  ctx.store.db.prepare("UPDATE cards SET front = ?, section = ? WHERE id = 'b'").run(`**B** ![fig](media:${PNG_NAME}) ![gone](media:${'0'.repeat(64)}.png)`, JSON.stringify(['$l_1$和$l_2$正则化']));
  await ctx.api.answer({ cardId: 'a', quality: 5, elapsedMs: 90_000 });
  await ctx.api.answer({ cardId: 'b', quality: 2, elapsedMs: 1000 });
  await ctx.api.answer({ cardId: 'b', quality: 4, elapsedMs: 2000 }); // same day: a drill, the schedule stays
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
  it('is a zip of collection.anki2, the card images under numbered names and the media map', async () => {
    const { files, db } = await apkg();
    expect(Object.keys(files).sort()).toEqual(['0', 'collection.anki2', 'media']);
    expect(JSON.parse(strFromU8(files.media!))).toEqual({ 0: PNG_NAME }); // the missing image is not packaged
    expect(Buffer.from(files['0']!).equals(PNG)).toBe(true);
    const b = (db.prepare('SELECT flds FROM notes').pluck().all() as string[]).find((f) => f.includes('<strong>B</strong>'))!;
    expect(b.split('\x1f')[0]).toContain(`<img src="${PNG_NAME}" alt="fig">`);
    expect(b.split('\x1f')[0]).not.toContain('0000000000');
    expect(b.split('\x1f')[2]).toBe('\\(l_1\\)和\\(l_2\\)正则化'); // the breadcrumb's TeX is MathJax too
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
    expect(model.flds.map((f) => f.name)).toEqual(['Front', 'Back', 'Section']);
    expect(model.type).toBe(0);
    expect(model.tmpls[0]!.qfmt).toContain('{{Section}}');
    expect(model.tmpls[0]!.qfmt).toMatch(/\{\{Front\}\}$/);
    const decks = JSON.parse(col[0]!.decks as string) as Record<string, { name: string; id: number }>;
    expect(Object.values(decks).map((d) => d.name)).toEqual(['Default', 'DeepRecall', 'DeepRecall::Deck']);
    for (const [key, d] of Object.entries(decks)) expect(String(d.id)).toBe(key);
    expect(JSON.parse(col[0]!.dconf as string)['1'].new.perDay).toBe(20);
    const conf = JSON.parse(col[0]!.conf as string);
    expect(conf.curModel).toBe(String(model.id));
    expect(conf.schedVer).toBe(2); // absent, Anki upgrades the package as V1 and rewrites learning answers
    expect(conf.rollover).toBe(4);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    db.close();
  });

  it('one Basic note per active card: fields, tags, math delimiters, scheduling, revlog', async () => {
    const { db } = await apkg();
    const notes = db.prepare('SELECT * FROM notes ORDER BY id').all() as { guid: string; flds: string; tags: string; sfld: string; csum: number; mid: number }[];
    expect(notes).toHaveLength(5); // a b s p n; the retired k and r are left out
    expect(new Set(notes.map((n) => n.guid)).size).toBe(5);
    expect(notes.map((n) => n.guid)).toEqual(['a', 'b', 's', 'p', 'n'].map((id) => `dr:${id}`)); // the guid carries the card id
    const [a, , , p] = notes.map((n) => n.flds.split('\x1f'));
    expect(a).toHaveLength(3);
    expect(a![2]).toBe('卷积 › 感受野'); // breadcrumb in its own field, not in field 0
    expect(a![0]).not.toContain('感受野');
    expect(a![0]).toContain('a, &quot;quoted&quot;');
    // sort field and checksum: field 0 with HTML stripped, first 8 hex digits of SHA-1 (Anki's notes/mod.rs)
    const sfld0 = a![0]!.replace(/<[^>]*>/g, '').replace(/&quot;/g, '"');
    expect(notes[0]!.sfld).toBe(sfld0);
    expect(notes[0]!.csum).toBe(Number.parseInt(createHash('sha1').update(sfld0).digest('hex').slice(0, 8), 16));
    expect(a![1]).toBe('<p>\\(x^2\\), done</p>');
    expect(p![0]).toContain('<hr>'); // the representative variant's prompt follows the title
    expect(p![1]).toContain('\\(\\lfloor\\)\\(\\frac{n-k}{s}\\)\\(\\rfloor\\)');
    expect(p![1]).not.toMatch(/(^|[^\\])\$/);
    expect(notes[0]!.tags).toBe(' DeepRecall::卷积::感受野 ');
    const cards = db.prepare('SELECT c.*, n.sfld FROM cards c JOIN notes n ON n.id = c.nid ORDER BY c.id').all() as Record<string, number | string>[];
    expect(cards).toHaveLength(5);
    const [ca, cb, cs, , cn] = cards;
    expect(ca).toMatchObject({ type: 2, queue: 2, ivl: 1, factor: 2600, reps: 1, due: 1 }); // due tomorrow; Anki's day 0 is today
    // reps = its answers in the revlog (the drill too); a failed first answer is learning, not a lapse
    expect(cb).toMatchObject({ type: 2, queue: 2, reps: 2, lapses: 0 });
    expect(cs).toMatchObject({ type: 0, queue: -1 });
    expect(cn).toMatchObject({ type: 0, queue: 0, ivl: 0 });
    const revlog = db.prepare('SELECT * FROM revlog ORDER BY id').all() as Record<string, number>[];
    // the same-day repeat of b is a type-3 row with factor 0: Anki's stats and FSRS skip it (is_cramming)
    expect(revlog.map((r) => [r.ease, r.type, r.time, r.factor === 0])).toEqual([[4, 0, 60_000, false], [1, 0, 1000, false], [3, 3, 2000, true]]);
    expect(revlog[2]!.ivl).toBe(revlog[1]!.ivl); // the drill left the interval alone
    const days = db.prepare('SELECT cid, count(*) AS n FROM revlog WHERE type < 3 GROUP BY cid, id / 86400000 HAVING n > 1').all();
    expect(days).toEqual([]); // never two scheduling answers of one card on one day
    db.close();
  });
});
