// Reading an Anki collection (schema 11 through 18) from a temp file,
// read-only. Schema 11 keeps note types and decks as JSON in `col`; schema
// 15+ (every collection.anki21b) keeps them in tables whose names use
// Anki's own `unicase` collation, which SQLite here does not have, so
// nothing below compares or sorts those columns in SQL.
import Database from 'better-sqlite3';
import { AnkiImportError } from './ankiErrors.ts';
import type { Db } from './open.ts';

/** Newest collection schema this reader knows (Anki 2.1.50+ writes 18). */
export const MAX_ANKI_SCHEMA = 18;

export interface AnkiNoteType {
  id: number;
  name: string;
  cloze: boolean;
  fields: string[];
  /** Number of card templates (Basic (and reversed) has 2). */
  templates: number;
}

export interface AnkiDeckInfo {
  id: number;
  /** `Parent::Child` split into its parts. */
  path: string[];
  filtered: boolean;
}

/** [id, guid, mid, mod, tags, flds] */
export type AnkiNoteRow = [number, string, number, number, string, string];
/** [id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, odue, odid, mod] */
export type AnkiCardRow = [number, number, number, number, number, number, number, number, number, number, number, number, number, number];
/** [id, cid, ease, ivl, lastIvl, factor, time, type] */
export type AnkiRevlogRow = [number, number, number, number, number, number, number, number];

export interface AnkiCollection {
  ver: number;
  /** Collection creation time (s): review due days count from its day. */
  crt: number;
  noteTypes: Map<number, AnkiNoteType>;
  decks: Map<number, AnkiDeckInfo>;
  notes: AnkiNoteRow[];
  cards: AnkiCardRow[];
  /** Ordered by card, then time. */
  revlog: AnkiRevlogRow[];
}

function json<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new AnkiImportError(`the collection's ${what} are not valid JSON`);
  }
}

function kindIsFiltered(blob: Uint8Array | null): boolean {
  // DeckKind { oneof { NormalDeck normal = 1; FilteredDeck filtered = 2; } }: the first key byte says which.
  return !!blob && blob.length > 0 && blob[0]! >> 3 === 2;
}

function schema11(db: Db, models: string, decks: string): Pick<AnkiCollection, 'noteTypes' | 'decks'> {
  const noteTypes = new Map<number, AnkiNoteType>();
  type M = { id: number | string; name?: string; type?: number; flds?: { name: string; ord: number }[]; tmpls?: { qfmt?: string }[] };
  for (const m of Object.values(json<Record<string, M>>(models, 'note types'))) {
    const fields = [...(m.flds ?? [])].sort((a, b) => a.ord - b.ord).map((f) => String(f.name));
    const cloze = m.type === 1 || (m.tmpls ?? []).some((t) => /\{\{cloze:/i.test(t.qfmt ?? ''));
    noteTypes.set(Number(m.id), { id: Number(m.id), name: String(m.name ?? ''), cloze, fields, templates: (m.tmpls ?? []).length });
  }
  const out = new Map<number, AnkiDeckInfo>();
  for (const d of Object.values(json<Record<string, { id: number | string; name?: string; dyn?: number }>>(decks, 'decks'))) {
    out.set(Number(d.id), { id: Number(d.id), path: String(d.name ?? '').split('::'), filtered: d.dyn === 1 });
  }
  void db;
  return { noteTypes, decks: out };
}

function schema18(db: Db, isClozeConfig: (config: Uint8Array) => boolean): Pick<AnkiCollection, 'noteTypes' | 'decks'> {
  const noteTypes = new Map<number, AnkiNoteType>();
  for (const r of db.prepare('SELECT id, name, config FROM notetypes').all() as { id: number; name: string; config: Buffer }[]) {
    noteTypes.set(r.id, { id: r.id, name: r.name, cloze: isClozeConfig(r.config), fields: [], templates: 0 });
  }
  const fields = db.prepare('SELECT ntid, ord, name FROM fields').all() as { ntid: number; ord: number; name: string }[];
  fields.sort((a, b) => a.ord - b.ord);
  for (const f of fields) noteTypes.get(f.ntid)?.fields.push(f.name);
  for (const t of db.prepare('SELECT ntid, config FROM templates').all() as { ntid: number; config: Buffer }[]) {
    const nt = noteTypes.get(t.ntid);
    if (!nt) continue;
    nt.templates++;
    if (!nt.cloze && t.config.toString('utf8').includes('{{cloze:')) nt.cloze = true;
  }
  const decks = new Map<number, AnkiDeckInfo>();
  for (const d of db.prepare('SELECT id, name, kind FROM decks').all() as { id: number; name: string; kind: Buffer }[]) {
    decks.set(d.id, { id: d.id, path: d.name.split('\x1f'), filtered: kindIsFiltered(d.kind) });
  }
  return { noteTypes, decks };
}

function tableNames(db: Db): Set<string> {
  return new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
}

/** Everything an import needs, read in a few bulk statements. Throws AnkiImportError for a file that is not a usable collection. */
/** `isClozeConfig` reads a schema-18 note type's protobuf config (service/anki-import/proto.ts). */
export function readAnkiCollection(file: string, isClozeConfig: (config: Uint8Array) => boolean, nativeBinding?: string): AnkiCollection {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch {
    throw new AnkiImportError('the collection inside the package is not a readable SQLite database');
  }
  try {
    const tables = tableNames(db);
    const missing = ['col', 'notes', 'cards', 'revlog'].filter((t) => !tables.has(t));
    if (missing.length) throw new AnkiImportError(`a SQLite database, but not an Anki collection (no ${missing.join(', ')} table)`);
    const col = db.prepare('SELECT ver, crt, models, decks FROM col LIMIT 1').get() as { ver: number; crt: number; models: string; decks: string } | undefined;
    if (!col) throw new AnkiImportError('the Anki collection has no col row');
    if (col.ver > MAX_ANKI_SCHEMA) throw new AnkiImportError(`made by a newer Anki (collection schema ${col.ver}; this app reads up to ${MAX_ANKI_SCHEMA})`);
    if (col.ver < 11) throw new AnkiImportError(`an Anki 1.x collection (schema ${col.ver}); open it in a current Anki and export again`);
    const meta = tables.has('notetypes') ? schema18(db, isClozeConfig) : schema11(db, col.models, col.decks);
    return {
      ver: col.ver,
      crt: col.crt,
      ...meta,
      notes: db.prepare('SELECT id, guid, mid, mod, tags, flds FROM notes ORDER BY id').raw().all() as AnkiNoteRow[],
      cards: db.prepare('SELECT id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, odue, odid, mod FROM cards ORDER BY nid, ord').raw().all() as AnkiCardRow[],
      revlog: db.prepare('SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY cid, id').raw().all() as AnkiRevlogRow[],
    };
  } catch (err) {
    if (err instanceof AnkiImportError) throw err;
    throw new AnkiImportError(`the Anki collection could not be read (${(err as Error).message})`);
  } finally {
    db.close();
  }
}
