// A synthetic learner from a known memory model (seeded), for tests and the
// bench: each card has its own difficulty; recall after Δt days is
// exp(ln 0.9 · Δt / S); a success multiplies S by a factor that shrinks with
// difficulty and with S, a failure cuts S. The learner is scheduled by SM-2
// (the app's default), so SM-2's "90 % at the interval" assumption is wrong in
// a way a memory model can learn — FSRS must predict this learner better.
import { mockRng } from '../mock/rng.ts';
import { newState, sm2, type Quality } from '../sm2.ts';
import type { LoggedAnswer } from './history.ts';

export interface SyntheticOptions {
  seed: number;
  cards: number;
  /** Stop once this many answers were given. */
  reviews: number;
  /** New cards introduced per day. */
  newPerDay?: number;
  /** First study day. */
  startDay?: number;
}

const MS_PER_DAY = 86_400_000;

export function syntheticLog(o: SyntheticOptions): LoggedAnswer[] {
  const rng = mockRng(o.seed);
  const newPerDay = o.newPerDay ?? 20;
  const start = o.startDay ?? 19_000;
  const cards = Array.from({ length: o.cards }, (_, n) => ({
    id: `s${n}`,
    d: rng.next(), // 0 easy … 1 hard
    s: 0,
    last: 0,
    sm2: newState(start),
  }));
  const log: LoggedAnswer[] = [];
  let introduced = 0;
  for (let day = start; log.length < o.reviews; day++) {
    const due = cards.slice(0, introduced).filter((c) => c.sm2.dueDay <= day);
    const fresh = cards.slice(introduced, introduced + newPerDay);
    introduced += fresh.length;
    if (due.length === 0 && fresh.length === 0 && introduced >= cards.length) {
      // Nothing due: jump to the next due day.
      day = Math.min(...cards.map((c) => c.sm2.dueDay)) - 1;
      continue;
    }
    let seq = 0;
    for (const c of [...due, ...fresh]) {
      if (log.length >= o.reviews) break;
      let q: Quality;
      if (c.s === 0) {
        // First sight: a grade from the card's difficulty; memory starts there.
        q = (c.d < 0.3 ? 5 : c.d < 0.7 ? 4 : 3) as Quality;
        c.s = 0.5 + 4 * (1 - c.d);
      } else {
        const r = Math.exp((Math.log(0.9) * (day - c.last)) / c.s);
        if (rng.next() < r) {
          q = (r > 0.95 ? 5 : r > 0.75 ? 4 : 3) as Quality;
          c.s *= 1 + Math.exp(1.2) * (1.1 - c.d) * c.s ** -0.25 * (Math.exp(1.5 * (1 - r)) - 0.9);
        } else {
          q = (rng.next() < 0.5 ? 1 : 2) as Quality;
          c.s = Math.max(0.3, c.s * 0.25 * (1 - 0.5 * c.d));
        }
      }
      c.last = day;
      c.sm2 = sm2(c.sm2, q, day);
      log.push({ cardId: c.id, at: day * MS_PER_DAY + 36e5 * 9 + seq++ * 10_000, day, quality: q });
    }
  }
  return log;
}
