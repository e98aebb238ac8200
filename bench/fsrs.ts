// FSRS measures: evaluating 100,000 reviews (fit + three models) with the
// event loop's longest stall while it runs — the host must keep answering the
// review screen (a keypress → next card needs a free loop within 16 ms) —
// and answering one card in FSRS mode against its raw-SQLite floor.
import { fileURLToPath } from 'node:url';
import type { Store } from '../db/store.ts';
import type { App } from '../service/app.ts';
import { loadBinding } from '../service/fsrs/binding.ts';
import { runInWorker } from '../service/worker/client.ts';
import { packLogInSlices } from '../service/worker/protocol.ts';
import { DEFAULT_FSRS } from '../srs/fsrs/config.ts';
import { memoryFromSm2 } from '../srs/fsrs/convert.ts';
import { syntheticLog } from '../srs/eval/synthetic.ts';
import { ratioRow, timePair, type BenchRow } from './measure.ts';

/** Longest gap between 2 ms timer ticks while `work` runs: how long the loop was blocked. */
async function withLoopProbe<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; maxStallMs: number }> {
  let last = performance.now();
  let maxStall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxStall = Math.max(maxStall, now - last - 2);
    last = now;
  }, 2);
  const t0 = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - t0, maxStallMs: maxStall };
  } finally {
    clearInterval(timer);
  }
}

export async function benchEvaluate(reviews = 100_000): Promise<BenchRow[]> {
  const log = syntheticLog({ seed: 2026, cards: reviews / 10, reviews });
  const binding = loadBinding();
  // In a task worker (service/worker/), the log packed a slice at a time and handed over as transferable arrays.
  const run = await withLoopProbe(async () => runInWorker({ kind: 'evaluate', file: null, log: await packLogInSlices(log) }));
  const r = run.result;
  const names = r.models.map((m) => `${m.name} ${m.logLoss.toFixed(3)}`).join(', ');
  return [
    {
      name: `evaluate ${reviews.toLocaleString('en')} reviews (fit + 3 models)`,
      value: run.ms, unit: 'ms', target: '< 10000 ms', pass: run.ms < 10_000,
      note: `${r.trainItems} training items, ${r.testReviews} scored; log loss ${names}${binding.available ? '' : ' (no optimizer binary)'}`,
    },
    {
      name: 'event loop stall while evaluating',
      value: run.maxStallMs, unit: 'ms', target: '< 16 ms', pass: run.maxStallMs < 16,
      note: 'longest block of the host thread while a task worker evaluates (packing the log and starting the worker included)',
    },
  ];
}

export function benchFsrsAnswer(store: Store, app: App, today: number): BenchRow[] {
  const db = store.db;
  const due = store.reviews.dueIds(today + 400, 4000).filter((id) => store.cards.byId(id)?.kind !== 'problem').slice(-1600);
  if (due.length < 800) throw new Error(`bench fixture has only ${due.length} answerable cards`);
  // FSRS mode with converted memories for the cards we answer (the switch itself converts all; not timed here).
  app.library.updateSettings({ scheduler: 'fsrs' });
  store.write(() => {
    for (const id of due) {
      const s = store.reviews.state(id)!;
      store.fsrs.put(id, memoryFromSm2(DEFAULT_FSRS, s, s.lastDay));
    }
  });
  const getCard = db.prepare('SELECT * FROM cards WHERE id = ?');
  const getState = db.prepare('SELECT * FROM card_state WHERE card_id = ?');
  const getMemory = db.prepare('SELECT * FROM fsrs_state WHERE card_id = ?');
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
  const upsertMemory = db.prepare(
    `INSERT INTO fsrs_state (card_id, stability, difficulty, state, reps, lapses, last_day, due_day) VALUES (?, ?, ?, 2, ?, ?, ?, ?)
     ON CONFLICT(card_id) DO UPDATE SET stability=excluded.stability, difficulty=excluded.difficulty, reps=excluded.reps, last_day=excluded.last_day, due_day=excluded.due_day`,
  );
  const mark = db.prepare("UPDATE reviews SET sched = 'fsrs', fsrs_before = ? WHERE id = ?");
  const markOld = db.prepare('UPDATE cards SET is_new = 0 WHERE id = ? AND is_new = 1');
  const rawAnswer = db.transaction((id: string) => {
    getCard.get(id);
    settings.all();
    const s = getState.get(id) as { repetitions: number; ease_factor: number; interval_days: number; due_day: number; lapses: number; last_day: number };
    const m = getMemory.get(id) as { stability: number; difficulty: number; reps: number; lapses: number };
    const info = insert.run(id, Date.now(), today, 4, 1000, s.repetitions, s.ease_factor, s.interval_days, s.due_day, s.lapses, s.last_day,
      s.repetitions + 1, s.ease_factor, s.interval_days * 2, today + s.interval_days * 2, s.lapses);
    mark.run(JSON.stringify(m), info.lastInsertRowid);
    upsert.run(id, s.repetitions + 1, s.ease_factor, s.interval_days * 2, today + s.interval_days * 2, s.lapses, today);
    upsertMemory.run(id, m.stability * 2, m.difficulty, m.reps + 1, m.lapses, today, today + s.interval_days * 2);
    markOld.run(id);
  });
  const half = due.length >> 1;
  const runs = Math.min(400, half);
  try {
    const answer = timePair(
      (i) => void app.review.answer({ cardId: due[i]!, quality: 4, elapsedMs: 1000 }),
      (i) => rawAnswer(due[half + i]!),
      runs,
    );
    return [ratioRow('answer one card in FSRS mode (ts-fsrs + state + memory + log, 1 txn)', answer, 1.5, { note: 'synchronous=FULL: each answer is fsynced' })];
  } finally {
    app.library.updateSettings({ scheduler: 'sm2' });
  }
}

// `npx tsx bench/fsrs.ts [reviews]`: the evaluation rows alone, without the 1M-review fixture.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await benchEvaluate(Number(process.argv[2] ?? 100_000));
  for (const r of rows) console.log(`${r.pass ? 'ok  ' : 'FAIL'} ${r.name}: ${r.value.toFixed(1)} ${r.unit} (${r.target}) — ${r.note}`);
}
