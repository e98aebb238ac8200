import type { Database } from 'better-sqlite3';
import { sql as v1 } from './001_initial.ts';
import { sql as v2 } from './002_mock.ts';
import { up as v3 } from './003_stats.ts';
import { sql as v4 } from './004_queue_index.ts';
import { sql as v5 } from './005_folders.ts';
import { sql as v6 } from './006_anki.ts';
import { sql as v7 } from './007_fsrs.ts';
import { sql as v8 } from './008_answer_ids.ts';
import { sql as v9 } from './009_browse_index.ts';
import { sql as v10 } from './010_card_log_index.ts';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

// Append only. Each migration runs in one transaction with user_version.
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: (db) => db.exec(v1) },
  { version: 2, name: 'mock', up: (db) => db.exec(v2) },
  { version: 3, name: 'stats', up: v3 },
  { version: 4, name: 'queue index', up: (db) => db.exec(v4) },
  { version: 5, name: 'folders, decks, media', up: (db) => db.exec(v5) },
  { version: 6, name: 'anki', up: (db) => db.exec(v6) },
  { version: 7, name: 'fsrs', up: (db) => db.exec(v7) },
  { version: 8, name: 'answer ids', up: (db) => db.exec(v8) },
  { version: 9, name: 'browse index', up: (db) => db.exec(v9) },
  { version: 10, name: 'card log index', up: (db) => db.exec(v10) },
];

// The highest version, not the last entry: branches merge migrations out of order.
export const LATEST_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));
