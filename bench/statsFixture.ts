// A synthetic profile for the stats bench when the lead's generator is not at
// hand: N cards in a few dozen sections and M reviews spread over two years,
// shaped like real use (mostly reviews, some drills and mocks, a few undone).
// Bench code only, so it writes rows directly instead of replaying SM-2.
import { Store } from '../db/store.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FixtureOptions {
  cards: number;
  reviews: number;
  today: number;
  days?: number;
  seed?: number;
}

export function fillStatsFixture(store: Store, o: FixtureOptions): void {
  const rand = rng(o.seed ?? 1);
  const days = o.days ?? 730;
  const db = store.db;
  const now = (o.today + 1) * 86_400_000;
  const sections: string[] = [];
  for (let a = 0; a < 8; a++) for (let b = 0; b < 6; b++) sections.push(JSON.stringify([`Topic ${a}`, `Sub ${a}.${b}`]));
  // Triggers off during the load, aggregates rebuilt once: per-row triggers would triple the load time.
  store.stats.bulk(() => {
    db.prepare("INSERT OR IGNORE INTO decks (id, name) VALUES ('bench', 'bench')").run();
    const card = db.prepare(
      `INSERT INTO cards (id, deck_id, kind, section, card_key, front, back, ord, content_hash, is_new, suspended, retired_at, created_at, updated_at, template_id)
       VALUES (?, 'bench', ?, ?, ?, ?, ?, ?, 'h', ?, ?, ?, 0, 0, ?)`,
    );
    const state = db.prepare('INSERT INTO card_state VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < o.cards; i++) {
      const id = `c${i}`;
      const problem = i % 20 === 0;
      const fresh = i % 10 === 9;
      card.run(id, problem ? 'problem' : 'term', sections[i % sections.length]!, `k${i}`, `Front ${i} $x^${i % 7}$`, `Back, "quoted"\n${i}`,
        i, fresh ? 1 : 0, i % 97 === 0 ? 1 : 0, i % 211 === 0 ? 1 : null, problem ? 'conv.out.padded' : null);
      if (!fresh) {
        const ivl = Math.floor(rand() * rand() * 120) + 1;
        state.run(id, 1 + Math.floor(rand() * 8), 1.3 + rand() * 1.5, ivl, o.today + Math.floor(rand() * ivl) - 3, Math.floor(rand() * 3), o.today - 1);
      }
    }
    const review = db.prepare(
      `INSERT INTO reviews (card_id, reviewed_at, day, quality, elapsed_ms, mode, reps_before, ease_before, ivl_before, due_before, lapses_before,
         reps_after, ease_after, ivl_after, due_after, lapses_after, correct, undone_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 2.5, ?, ?, 0, ?, 2.5, ?, ?, 0, ?, ?)`,
    );
    for (let i = 0; i < o.reviews; i++) {
      const day = o.today - Math.floor((1 - Math.sqrt(rand())) * days);
      const at = day * 86_400_000 + 4 * 3_600_000 + Math.floor(rand() * 20 * 3_600_000);
      const c = Math.floor(rand() * o.cards * 0.9);
      const m = rand();
      const mode = m < 0.9 ? 'review' : m < 0.97 ? 'drill' : 'mock';
      const q = Math.min(5, Math.floor(rand() * 6.6));
      const first = rand() < 0.1;
      const ivl = first ? null : Math.floor(rand() * rand() * 60) + (rand() < 0.1 ? 0 : 1);
      review.run(`c${(c - (c % 10)) + Math.min(8, c % 10)}`, Math.min(at, now), day, q, 2000 + Math.floor(rand() * 30_000), mode,
        first ? null : 3, ivl, first ? null : day, q >= 3 ? 4 : 0, Math.max(1, (ivl ?? 0) * 2), day + 3,
        c % 20 === 0 ? (q >= 3 ? 1 : 0) : null, rand() < 0.005 ? at + 1000 : null);
    }
    // Finished mocks with scores, about one every three days.
    const mock = db.prepare(
      "INSERT INTO mocks (started_at, finished_at, status, seed, config, questions, score) VALUES (?, ?, 'finished', ?, '{}', '[]', ?)",
    );
    for (let d = days; d > 0; d -= 3) {
      const at = (o.today - d) * 86_400_000 + 12 * 3_600_000;
      mock.run(at, at + 1_800_000, d, Math.round(40 + rand() * 60));
    }
  });
}
