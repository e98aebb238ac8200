import type { Db } from './open.ts';

/** Key → JSON value. Validation of values belongs to the service, which knows their schema. */
export class SettingsRepo {
  private readonly allStmt;
  private readonly setStmt;

  constructor(db: Db) {
    this.allStmt = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
    this.setStmt = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
  }

  all(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const r of this.allStmt.all()) {
      try {
        out[r.key] = JSON.parse(r.value);
      } catch {
        // A hand-edited bad value falls back to the default instead of breaking the app.
      }
    }
    return out;
  }

  set(key: string, value: unknown): void {
    this.setStmt.run(key, JSON.stringify(value));
  }
}
