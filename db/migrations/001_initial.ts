// Schema v1. Reviews are append-only: undo marks a row (undone_at) instead of
// deleting it, so the log stays a faithful history that state can be replayed from.
export const sql = `
CREATE TABLE decks (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  source_path TEXT,
  source_hash TEXT,
  imported_at INTEGER
);

CREATE TABLE cards (
  id           TEXT PRIMARY KEY,
  deck_id      TEXT NOT NULL REFERENCES decks(id),
  kind         TEXT NOT NULL,
  section      TEXT NOT NULL,            -- JSON array of headings
  card_key     TEXT NOT NULL,
  front        TEXT NOT NULL,
  back         TEXT NOT NULL,
  links        TEXT NOT NULL DEFAULT '[]', -- JSON [{title,url}]
  template_id  TEXT,
  warnings     TEXT NOT NULL DEFAULT '[]', -- JSON [SourceWarning]
  ord          INTEGER NOT NULL,
  line         INTEGER NOT NULL DEFAULT 0,
  content_hash TEXT NOT NULL,
  is_new       INTEGER NOT NULL DEFAULT 1,
  suspended    INTEGER NOT NULL DEFAULT 0,
  retired_at   INTEGER,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX cards_deck ON cards(deck_id);
CREATE INDEX cards_new ON cards(ord) WHERE is_new = 1 AND suspended = 0 AND retired_at IS NULL;

CREATE TABLE card_state (
  card_id       TEXT PRIMARY KEY REFERENCES cards(id),
  repetitions   INTEGER NOT NULL,
  ease_factor   REAL NOT NULL,
  interval_days INTEGER NOT NULL,
  due_day       INTEGER NOT NULL,
  lapses        INTEGER NOT NULL,
  last_day      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX card_state_due ON card_state(due_day);

CREATE TABLE mocks (
  id          INTEGER PRIMARY KEY,
  started_at  INTEGER NOT NULL,
  finished_at INTEGER,
  status      TEXT NOT NULL CHECK (status IN ('active', 'finished', 'abandoned', 'expired')),
  seed        INTEGER NOT NULL,
  config      TEXT NOT NULL,  -- JSON
  questions   TEXT NOT NULL,  -- JSON
  score       REAL,
  report      TEXT            -- JSON
);

CREATE TABLE reviews (
  id            INTEGER PRIMARY KEY,
  card_id       TEXT NOT NULL REFERENCES cards(id),
  reviewed_at   INTEGER NOT NULL,  -- epoch ms
  day           INTEGER NOT NULL,  -- study day (rollover applied)
  quality       INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 5),
  elapsed_ms    INTEGER NOT NULL,
  mode          TEXT NOT NULL CHECK (mode IN ('review', 'drill', 'mock')),
  reps_before   INTEGER, ease_before REAL, ivl_before INTEGER, due_before INTEGER, lapses_before INTEGER,
  reps_after    INTEGER NOT NULL, ease_after REAL NOT NULL, ivl_after INTEGER NOT NULL,
  due_after     INTEGER NOT NULL, lapses_after INTEGER NOT NULL,
  last_day_before INTEGER,
  answer        TEXT,              -- typed answer, problems and mock notes
  seed          INTEGER,           -- problem variant shown
  correct       INTEGER,           -- auto-graded problems: 1/0
  mock_id       INTEGER REFERENCES mocks(id),
  undone_at     INTEGER
);
CREATE INDEX reviews_card ON reviews(card_id, id);
CREATE INDEX reviews_day ON reviews(day);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL  -- JSON
);
`;
