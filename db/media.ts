// Images referenced by notes, stored once per content (sha256 name).
import type { Db } from './open.ts';

export interface MediaItem {
  name: string; // <sha256 hex>.<ext>
  mime: string;
  data: Buffer;
}

export class MediaRepo {
  private readonly putStmt;
  private readonly getStmt;
  private readonly hasStmt;

  constructor(db: Db) {
    this.putStmt = db.prepare('INSERT INTO media (name, mime, size, data, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO NOTHING');
    this.getStmt = db.prepare<[string], { name: string; mime: string; data: Buffer }>('SELECT name, mime, data FROM media WHERE name = ?');
    this.hasStmt = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM media WHERE name = ?');
  }

  /** Store unless present; returns whether a row was written. */
  put(name: string, mime: string, data: Uint8Array, now: number): boolean {
    if (this.hasStmt.get(name)) return false;
    return this.putStmt.run(name, mime, data.byteLength, Buffer.from(data.buffer, data.byteOffset, data.byteLength), now).changes === 1;
  }

  get(name: string): MediaItem | null {
    return this.getStmt.get(name) ?? null;
  }
}
