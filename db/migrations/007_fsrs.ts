// Schema v7: FSRS beside SM-2. card_state stays the queue's schedule (due day,
// last day) whichever scheduler is active; fsrs_state holds FSRS's memory
// (stability, difficulty) for cards answered or converted in FSRS mode.
// reviews gains the scheduler that moved the card and the FSRS state before
// the answer (JSON), so undo restores FSRS memory exactly as it restores SM-2.
export const sql = `
CREATE TABLE fsrs_state (
  card_id    TEXT PRIMARY KEY REFERENCES cards(id),
  stability  REAL NOT NULL,
  difficulty REAL NOT NULL,
  state      INTEGER NOT NULL,   -- ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning
  reps       INTEGER NOT NULL,
  lapses     INTEGER NOT NULL,
  last_day   INTEGER NOT NULL,   -- study day of the last review that moved it
  due_day    INTEGER NOT NULL
) WITHOUT ROWID;

ALTER TABLE reviews ADD COLUMN sched TEXT CHECK (sched IS NULL OR sched IN ('sm2', 'fsrs'));
ALTER TABLE reviews ADD COLUMN fsrs_before TEXT;  -- JSON FsrsMemory or NULL
`;
