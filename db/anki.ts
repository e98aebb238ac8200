// Anki's legacy collection format (schema 11, `collection.anki2`), the one
// every Anki version since 2.0 can import from an .apkg. Written from the
// published schema (Anki's own source and the AnkiDroid wiki); only SQL lives
// here, the mapping from our cards is in service/export/anki/.
import Database from 'better-sqlite3';
import type { Db } from './open.ts';

const SCHEMA_11 = `
CREATE TABLE col (
  id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
  dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null,
  decks text not null, dconf text not null, tags text not null
);
CREATE TABLE notes (
  id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
  tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null
);
CREATE TABLE cards (
  id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
  usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null,
  factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null
);
CREATE TABLE revlog (
  id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
  lastIvl integer not null, factor integer not null, time integer not null, type integer not null
);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`;

export interface AnkiCol {
  crt: number; // seconds
  mod: number; // ms
  conf: unknown;
  models: unknown;
  decks: unknown;
  dconf: unknown;
}

export interface AnkiNote {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  tags: string;
  flds: string;
  sfld: string;
  csum: number;
}

export interface AnkiCard {
  id: number;
  nid: number;
  did: number;
  mod: number;
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
}

export interface AnkiRevlog {
  id: number;
  cid: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

/** A fresh collection.anki2 at `file`; call finish() to commit and close. */
export class AnkiCollectionWriter {
  private readonly db: Db;
  private readonly noteStmt;
  private readonly cardStmt;
  private readonly revStmt;

  constructor(file: string, col: AnkiCol, nativeBinding?: string) {
    this.db = new Database(file, { nativeBinding });
    // A throwaway build file: no journal needed, and one transaction for speed.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec(SCHEMA_11);
    this.db.exec('BEGIN');
    this.db
      .prepare('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)')
      .run(col.crt, col.mod, col.mod, JSON.stringify(col.conf), JSON.stringify(col.models), JSON.stringify(col.decks), JSON.stringify(col.dconf), '{}');
    this.noteStmt = this.db.prepare('INSERT INTO notes VALUES (@id, @guid, @mid, @mod, -1, @tags, @flds, @sfld, @csum, 0, \'\')');
    this.cardStmt = this.db.prepare(
      'INSERT INTO cards VALUES (@id, @nid, @did, 0, @mod, -1, @type, @queue, @due, @ivl, @factor, @reps, @lapses, 0, 0, 0, 0, \'\')',
    );
    this.revStmt = this.db.prepare('INSERT INTO revlog VALUES (@id, @cid, -1, @ease, @ivl, @lastIvl, @factor, @time, @type)');
  }

  note(n: AnkiNote): void {
    this.noteStmt.run(n);
  }

  card(c: AnkiCard): void {
    this.cardStmt.run(c);
  }

  revlog(r: AnkiRevlog): void {
    this.revStmt.run(r);
  }

  /** `reps` = the card's answers in the revlog; `lapses` = its Again answers while in review. */
  countFromRevlog(): void {
    this.db.exec(`UPDATE cards SET
      reps = (SELECT count(*) FROM revlog r WHERE r.cid = cards.id),
      lapses = (SELECT count(*) FROM revlog r WHERE r.cid = cards.id AND r.type = 1 AND r.ease = 1)`);
  }

  finish(): void {
    this.db.exec('COMMIT');
    this.db.close();
  }

  abort(): void {
    if (this.db.open) this.db.close();
  }
}
