// Schema v6: what an Anki import needs besides cards, card_state, reviews and
// migration 5's content-addressed `media` table (card images, referenced from
// Markdown as `media:<sha256>.<ext>`).
// `anki_cards` remembers which Anki note/card a card came from (guid + ord),
// its Anki tags, and whether its schedule was taken from Anki rather than
// from a replay of the log (the doctor cannot rebuild such a schedule).
export const sql = `
CREATE TABLE anki_cards (
  card_id         TEXT PRIMARY KEY REFERENCES cards(id),
  guid            TEXT NOT NULL,
  ord             INTEGER NOT NULL,
  tags            TEXT NOT NULL DEFAULT '',   -- Anki's space-separated tags
  note_mod        INTEGER NOT NULL,           -- Anki note mtime (s), to take newer content only
  sched_from_anki INTEGER NOT NULL DEFAULT 0  -- 1: card_state holds Anki's ivl/factor/due, not replay(log)
) WITHOUT ROWID;
CREATE UNIQUE INDEX anki_cards_note ON anki_cards(guid, ord);
`;
