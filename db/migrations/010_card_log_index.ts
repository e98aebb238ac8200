// Check database replays every card's log (db/logScan.ts). With the log's
// columns in a (card_id, id) index, SQLite hands over each card's answers in
// order from one sequential scan, without sorting a million rows or looking
// each one up in the table. It replaces reviews_card (card_id, id), a prefix
// of it, so the number of indexes an answer updates stays the same.
export const sql = `
CREATE INDEX IF NOT EXISTS reviews_card_log ON reviews(card_id, id, day, quality, sched, undone_at);
DROP INDEX IF EXISTS reviews_card;
`;
