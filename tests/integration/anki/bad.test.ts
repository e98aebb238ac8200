// Packages that must not import: one clear error each, and the profile
// byte-for-byte as it was. A failure half-way through writing rolls back.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { AnkiImportRepo } from '../../../db/ankiImport.ts';
import { importAnki } from '../../../service/anki.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { b64, fixture, handPackage, profile, snapshot } from './setup.ts';

const crt = Date.parse('2026-01-01T20:00:00Z') / 1000;
const good = () => handPackage({ crt, notes: [{ id: 1, guid: 'g', fields: ['q', 'a'], cards: [{ id: 11, ord: 0, type: 2, queue: 2, due: 3, ivl: 3, factor: 2500 }] }], revlog: [{ id: crt * 1000 + 3_600_000, cid: 11, ease: 3, ivl: 3, lastIvl: 0, factor: 2500, time: 1000, type: 0 }] });

async function refused(bytes: Uint8Array, message: RegExp, name = 'x.apkg') {
  const { api, store } = profile();
  await api.importAnki({ name: 'seed.apkg', dataBase64: b64(fixture('anki-update1.apkg')) }); // something to keep
  const before = snapshot(store);
  await expect(api.importAnki({ name, dataBase64: b64(bytes) })).rejects.toThrow(message);
  expect(snapshot(store)).toBe(before);
}

function sqliteBytes(setup: (db: Database.Database) => void): Uint8Array {
  const file = path.join(tmpDir(), 'c.sqlite');
  const db = new Database(file);
  setup(db);
  db.close();
  return fs.readFileSync(file);
}

describe('bad Anki packages', () => {
  it('not a zip', () => refused(strToU8('hello, not a package'), /not an Anki package.*zip/));
  it('a bare SQLite file', () => refused(sqliteBytes((db) => db.exec('CREATE TABLE t (x)')), /bare SQLite file/));
  it('a zip without collection.*', () => refused(zipSync({ media: strToU8('{}') }), /no collection\.anki2 inside/));
  it('a foreign SQLite file as the collection', () => refused(zipSync({ 'collection.anki2': sqliteBytes((db) => db.exec('CREATE TABLE notes (x)')), media: strToU8('{}') }), /not an Anki collection \(no col, cards, revlog table\)/));
  it('a newer collection schema', () => refused(handPackage({ crt, notes: [], ver: 19 }), /newer Anki \(collection schema 19/));
  it('a newer package version', () => refused(zipSync({ meta: new Uint8Array([0x08, 0x07]), 'collection.anki21b': new Uint8Array(8) }), /newer Anki \(package version 7\)/));
  it('damaged zstd', () => refused(zipSync({ meta: new Uint8Array([0x08, 0x03]), 'collection.anki21b': strToU8('not zstd at all') }), /not valid zstd/));
  it('a media map that is not JSON', () => refused(zipSync({ 'collection.anki2': unzipSync(good())['collection.anki2']!, media: strToU8('{') }), /media map is not JSON/));
  it('a file name the contract refuses', () => refused(good(), /\.apkg or \.colpkg/, 'x.zip'));

  it('a zip bomb: refused once the inflated total passes the cap, before anything is written', async () => {
    const { app, store } = profile();
    const before = snapshot(store);
    const bomb = zipSync({ 'collection.anki2': new Uint8Array(8 * 1024 * 1024), media: strToU8('{}') }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(() => importAnki(app, 'bomb.apkg', bomb, { limits: { maxTotalBytes: 4 * 1024 * 1024, maxMediaBytes: 1024 } })).toThrow(/inflates past 4 MB/);
    expect(snapshot(store)).toBe(before);
  });

  it('huge media: that file is skipped with its reason, the rest imports', () => {
    const { app } = profile();
    const pkg = handPackage({ crt, notes: [{ id: 1, guid: 'g', fields: ['<img src="big.png">', 'a'], cards: [{ id: 11, ord: 0 }] }], media: { 'big.png': new Uint8Array(300_000), 'ok.png': new Uint8Array(10) } });
    const r = importAnki(app, 'm.apkg', pkg, { limits: { maxTotalBytes: 1 << 30, maxMediaBytes: 100_000 } });
    expect(r.skipped).toContainEqual({ what: 'media', id: 'big.png', reason: 'larger than 98 KB' });
    expect(r.media.added).toBe(1);
    expect(app.store.db.prepare('SELECT front FROM cards').pluck().get()).toBe('![](missing:big.png)');
  });

  it('a failure half-way through writing leaves the profile as it was', async () => {
    const { api, store } = profile();
    const before = snapshot(store);
    const spy = vi.spyOn(AnkiImportRepo.prototype, 'state').mockImplementation(() => {
      throw new Error('disk full');
    });
    try {
      await expect(api.importAnki({ name: 'g.apkg', dataBase64: b64(good()) })).rejects.toThrow(/disk full/);
    } finally {
      spy.mockRestore();
    }
    expect(snapshot(store)).toBe(before);
    // and the same package imports fine afterwards
    const r = await api.importAnki({ name: 'g.apkg', dataBase64: b64(good()) });
    expect(r.reviews.added).toBe(1);
  });
});
