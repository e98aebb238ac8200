// Schema v2: per-question outcomes of mock interviews. Each answer or time-out
// is its own row written in the same transaction as its review-log entry, so a
// crash or reload mid-interview never loses an answered question.
export const sql = `
CREATE TABLE mock_answers (
  mock_id    INTEGER NOT NULL REFERENCES mocks(id),
  idx        INTEGER NOT NULL,
  card_id    TEXT NOT NULL,
  outcome    TEXT NOT NULL CHECK (outcome IN ('answered', 'timeout')),
  started_at INTEGER NOT NULL,   -- epoch ms (server clock)
  ended_at   INTEGER NOT NULL,
  quality    INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 5),
  typed      TEXT,               -- problems: the typed answer
  notes      TEXT,               -- concept cards: what the learner wrote before revealing
  verdict    TEXT,               -- JSON Verdict for auto-graded problems
  seen       INTEGER NOT NULL DEFAULT 1, -- 0: timed out while nobody had the question on screen
  review_id  INTEGER REFERENCES reviews(id),
  PRIMARY KEY (mock_id, idx)
) WITHOUT ROWID;
CREATE INDEX mock_answers_card ON mock_answers(card_id);

-- Highest question index handed to a client; the index whose answer is revealed,
-- with the notes written before revealing (so a reload after reveal keeps them).
ALTER TABLE mocks ADD COLUMN shown_index INTEGER NOT NULL DEFAULT -1;
ALTER TABLE mocks ADD COLUMN revealed_index INTEGER NOT NULL DEFAULT -1;
ALTER TABLE mocks ADD COLUMN revealed_notes TEXT;
CREATE UNIQUE INDEX mocks_one_active ON mocks(status) WHERE status = 'active';
CREATE INDEX mocks_finished ON mocks(finished_at) WHERE finished_at IS NOT NULL;
`;
