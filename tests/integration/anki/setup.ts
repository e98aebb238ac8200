// Shared pieces of the Anki import tests: a profile, the fixtures, and a way
// to build small packages by hand (a schema-11 collection written by our own
// AnkiCollectionWriter, zipped with fflate).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { zipSync, strToU8 } from 'fflate';
import { AnkiCollectionWriter } from '../../../db/anki.ts';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

export const FIXTURES = path.join(import.meta.dirname, '../../fixtures/anki');
export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

export function profile() {
  const clock = fakeClock('2026-11-27T02:00:00Z', 480);
  const file = path.join(tmpDir(), 'p.db');
  const store = Store.open(file, { create: true });
  const app = new App(store, clock);
  return { store, app, api: app.client(), clock, file };
}

export const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** Every table's rows, hashed: "nothing changed" means this is equal. */
export function snapshot(store: Store): string {
  const tables = store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, store.db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().all()]), (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v));
}

const BASIC = 1_600_000_000_001;
const CLOZE = 1_600_000_000_002;

export function basicModels() {
  const nt = (id: number, name: string, type: number, flds: string[], tmpls: number) => ({
    id, name, type, flds: flds.map((f, ord) => ({ name: f, ord })),
    tmpls: Array.from({ length: tmpls }, (_, ord) => ({ name: `Card ${ord + 1}`, ord, qfmt: type === 1 ? '{{cloze:Text}}' : '{{Front}}', afmt: '' })),
  });
  return { [BASIC]: nt(BASIC, 'Basic (and reversed card)', 0, ['Front', 'Back'], 2), [CLOZE]: nt(CLOZE, 'Cloze', 1, ['Text', 'Back Extra'], 1) };
}

export interface HandNote {
  id: number;
  guid: string;
  cloze?: boolean;
  fields: string[];
  tags?: string;
  cards: { id: number; ord: number; did?: number; type?: number; queue?: number; due?: number; ivl?: number; factor?: number; lapses?: number }[];
}

/** A legacy .apkg (collection.anki2, JSON media map) built from hand-written notes, cards and revlog rows. */
export function handPackage(o: {
  crt: number;
  notes: HandNote[];
  revlog?: { id: number; cid: number; ease: number; ivl: number; lastIvl: number; factor: number; time: number; type: number }[];
  media?: Record<string, Uint8Array>;
  ver?: number;
}): Uint8Array {
  const dir = tmpDir();
  const file = path.join(dir, 'collection.anki2');
  const decks = { 1: { id: 1, name: 'Default', dyn: 0 }, 2: { id: 2, name: 'ML::CNN', dyn: 0 } };
  const w = new AnkiCollectionWriter(file, { crt: o.crt, mod: o.crt * 1000, conf: {}, models: basicModels(), decks, dconf: {} });
  for (const n of o.notes) {
    w.note({ id: n.id, guid: n.guid, mid: n.cloze ? CLOZE : BASIC, mod: o.crt, tags: n.tags ?? '', flds: n.fields.join('\x1f'), sfld: n.fields[0] ?? '', csum: 0 });
    for (const c of n.cards) {
      w.card({ id: c.id, nid: n.id, did: c.did ?? 2, mod: o.crt, type: c.type ?? 0, queue: c.queue ?? c.type ?? 0, due: c.due ?? 0, ivl: c.ivl ?? 0, factor: c.factor ?? 0, reps: 0, lapses: c.lapses ?? 0 });
    }
  }
  for (const r of o.revlog ?? []) w.revlog(r);
  w.finish();
  const db = new Database(file);
  db.exec('UPDATE cards SET ord = (SELECT 0)'); // AnkiCollectionWriter writes ord 0; set the real ords below
  for (const n of o.notes) for (const c of n.cards) db.prepare('UPDATE cards SET ord = ? WHERE id = ?').run(c.ord, c.id);
  if (o.ver) db.prepare('UPDATE col SET ver = ?').run(o.ver);
  db.close();
  const files: Record<string, Uint8Array> = { 'collection.anki2': fs.readFileSync(file) };
  const map: Record<string, string> = {};
  Object.entries(o.media ?? {}).forEach(([name, bytes], i) => {
    files[String(i)] = bytes;
    map[String(i)] = name;
  });
  files.media = strToU8(JSON.stringify(map));
  return zipSync(files);
}
