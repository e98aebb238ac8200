// A profile whose history is a synthetic learner's log (srs/eval/synthetic.ts),
// for the evaluation bench: the app evaluates what is in the database, so the
// bench must put the log there and let the app read it the way it does.
// Bench code only: rows are written directly, inside one bulk load.
import type { Store } from '../db/store.ts';
import type { LoggedAnswer } from '../srs/eval/history.ts';

export function fillEvaluateFixture(store: Store, log: readonly LoggedAnswer[]): void {
  const db = store.db;
  store.stats.bulk(() => {
    db.prepare("INSERT OR IGNORE INTO decks (id, name) VALUES ('eval', 'eval')").run();
    const card = db.prepare(
      `INSERT OR IGNORE INTO cards (id, deck_id, kind, section, card_key, front, back, ord, content_hash, is_new, suspended, retired_at, created_at, updated_at, template_id)
       VALUES (?, 'eval', 'term', '[]', ?, 'front', 'back', ?, 'h', 0, 0, NULL, 0, 0, NULL)`,
    );
    // Only card, time, day and quality feed the evaluation (it replays SM-2 itself); the rest is filler that satisfies the schema.
    const review = db.prepare(
      `INSERT INTO reviews (card_id, reviewed_at, day, quality, elapsed_ms, mode, reps_after, ease_after, ivl_after, due_after, lapses_after)
       VALUES (?, ?, ?, ?, 3000, 'review', 1, 2.5, 1, ?, 0)`,
    );
    let ord = 0;
    for (const a of log) {
      card.run(a.cardId, a.cardId, ord++);
      review.run(a.cardId, a.at, a.day, a.quality, a.day + 1);
    }
  });
}
