// Schema v5: decks from folders, deck-level controls, card tags/language,
// renamed-card aliases and imported images.
//
// - A deck remembers the folder it was imported from (`root`) and its file
//   relative to that folder (`rel_path`), so a re-import of the folder knows
//   which decks lost their file, and two README.md files never share an id.
// - `title` is a user's rename; a re-import never overwrites it.
// - Deck suspension marks its cards `suspended = 2` (a card suspended on its
//   own stays 1), so resuming the deck restores exactly what it changed.
// - `card_aliases`: a card whose heading was renamed keeps its stored id (and
//   so its reviews and schedule); the new derived id points at it.
// - `media`: images referenced by notes, content-addressed by sha256.
export const sql = `
ALTER TABLE decks ADD COLUMN root TEXT;
ALTER TABLE decks ADD COLUMN rel_path TEXT;
ALTER TABLE decks ADD COLUMN title TEXT;
ALTER TABLE decks ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0;
ALTER TABLE decks ADD COLUMN removed_at INTEGER;
ALTER TABLE decks ADD COLUMN warnings TEXT;  -- JSON: the last import's warnings, shown again when an unchanged file is skipped
CREATE INDEX decks_root ON decks(root);

ALTER TABLE cards ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE cards ADD COLUMN lang TEXT;

CREATE TABLE card_aliases (
  alias_id TEXT PRIMARY KEY,
  card_id  TEXT NOT NULL REFERENCES cards(id)
) WITHOUT ROWID;

CREATE TABLE media (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,  -- <sha256 hex>.<ext>
  mime       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  data       BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
`;
