// Schema v9: Browse pages by (ord, id) (db/cardList.ts). This index serves the
// keyset seek and the sort, and carries the columns of the usual filters, so
// rows a filter rejects (retired, suspended, another kind or deck) are skipped
// inside the index and a count of them never reads the card rows. The second
// lets a count that starts from card_state (due cards) check each card's
// retired/suspended flags without reading its row (29 → 11 ms on 100k cards).
export const sql = `
CREATE INDEX cards_browse ON cards(ord, id, retired_at, suspended, kind, deck_id);
CREATE INDEX cards_flags ON cards(id, retired_at, suspended);
`;
