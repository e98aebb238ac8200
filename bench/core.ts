// Issue 2's measures on 100k cards / 1M reviews: answering one card and
// building today's queue, each against its floor (the same SQL run raw).
import type { Store } from '../db/store.ts';
import type { App } from '../service/app.ts';
import { collectGarbage, cpuPair, ratioRow, timePair, type BenchRow } from './measure.ts';

export function benchCore(store: Store, app: App, today: number): BenchRow[] {
  const db = store.db;
  const due = store.reviews.dueIds(today + 400, 4000).filter((id) => store.cards.byId(id)?.kind !== 'problem');
  if (due.length < 2000) throw new Error(`bench fixture has only ${due.length} answerable cards`);

  // Floor for one answer: exactly the statements the app runs, with no app code around them.
  const getCard = db.prepare('SELECT * FROM cards WHERE id = ?');
  const getState = db.prepare('SELECT * FROM card_state WHERE card_id = ?');
  const settings = db.prepare('SELECT key, value FROM settings');
  const insert = db.prepare(
    `INSERT INTO reviews (card_id, reviewed_at, day, quality, elapsed_ms, mode, reps_before, ease_before, ivl_before, due_before, lapses_before,
       last_day_before, reps_after, ease_after, ivl_after, due_after, lapses_after, answer, seed, correct, mock_id)
     VALUES (?, ?, ?, ?, ?, 'review', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL)`,
  );
  const upsert = db.prepare(
    `INSERT INTO card_state (card_id, repetitions, ease_factor, interval_days, due_day, lapses, last_day) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(card_id) DO UPDATE SET repetitions=excluded.repetitions, ease_factor=excluded.ease_factor,
       interval_days=excluded.interval_days, due_day=excluded.due_day, lapses=excluded.lapses, last_day=excluded.last_day`,
  );
  const markOld = db.prepare('UPDATE cards SET is_new = 0 WHERE id = ? AND is_new = 1');
  const rawAnswer = db.transaction((id: string) => {
    getCard.get(id);
    settings.all();
    const s = getState.get(id) as { repetitions: number; ease_factor: number; interval_days: number; due_day: number; lapses: number; last_day: number };
    insert.run(id, Date.now(), today, 4, 1000, s.repetitions, s.ease_factor, s.interval_days, s.due_day, s.lapses, s.last_day,
      s.repetitions + 1, s.ease_factor, s.interval_days * 2, today + s.interval_days * 2, s.lapses);
    upsert.run(id, s.repetitions + 1, s.ease_factor, s.interval_days * 2, today + s.interval_days * 2, s.lapses, today);
    markOld.run(id);
  });
  const half = due.length >> 1;
  const runs = Math.min(400, half);
  const answer = timePair(
    (i) => void app.review.answer({ cardId: due[i]!, quality: 4, elapsedMs: 1000 }),
    (i) => rawAnswer(due[half + i]!),
    runs,
  );

  // Floor for the queue: the settings read and the three queue statements, raw.
  const dueStmt = db.prepare(
    `SELECT s.card_id AS id FROM card_state s JOIN cards c ON c.id = s.card_id
     WHERE s.due_day <= ? AND c.suspended = 0 AND c.retired_at IS NULL ORDER BY s.due_day LIMIT ?`,
  );
  const freshStmt = db.prepare("SELECT id FROM cards WHERE is_new = 1 AND suspended = 0 AND retired_at IS NULL AND kind != 'reading' ORDER BY ord LIMIT ?");
  const todayStmt = db.prepare(
    `SELECT id, card_id, quality, reps_before IS NULL, mode FROM reviews WHERE day = ? AND undone_at IS NULL ORDER BY id`,
  ).raw();
  // CPU time, interleaved, median of 400: a build is ~3 ms of pure CPU (the index pages are cached), which
  // wall time on a shared machine could not measure (1.2–2.9× between runs, from waiting for a core).
  const queueBuild = () => void app.review.todayQueue();
  const queueFloor = () => {
    settings.all();
    dueStmt.all(today, 200);
    freshStmt.all(20);
    todayStmt.all(today);
  };
  // Warm-up long enough for the queue's JS to reach optimised code: on a loaded machine V8's
  // background compiler waits for a core too, and 20 builds left part of the timed runs in a lower tier.
  for (let i = 0; i < 200; i++) {
    queueBuild();
    queueFloor();
  }
  // Start both from a collected heap: the fixture's garbage (a million rows built just before) otherwise
  // gets marked during these runs, in steps V8 charges to whichever side allocates, so the ratio
  // depended on how far that collection had got (1.2× in one run, 2.0× in the next).
  collectGarbage();
  const queue = cpuPair(queueBuild, queueFloor, 400);
  const queueWall = timePair(queueBuild, queueFloor, 50);
  return [
    ratioRow('answer one card (SM-2 + state + log, 1 txn)', answer, 1.5, { note: 'synchronous=FULL: each answer is fsynced' }),
    ratioRow("build today's queue", queue, 2, { maxMs: 10, note: `CPU time, median of 400 interleaved runs; wall median of 50: ${queueWall.app.toFixed(2)} ms vs floor ${queueWall.floor.toFixed(2)} ms` }),
  ];
}
