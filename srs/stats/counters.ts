// Small arithmetic over Counters, shared by the stats shapers.
import type { Counters, Rate } from './types.ts';

export function zero(): Counters {
  return { n: 0, ms: 0, learned: 0, q: [0, 0, 0, 0, 0, 0], youngN: 0, youngPass: 0, matureN: 0, maturePass: 0, graded: 0, correct: 0 };
}

/** a += b, returning a. */
export function add(a: Counters, b: Counters): Counters {
  a.n += b.n;
  a.ms += b.ms;
  a.learned += b.learned;
  for (let i = 0; i < 6; i++) a.q[i] = a.q[i]! + b.q[i]!;
  a.youngN += b.youngN;
  a.youngPass += b.youngPass;
  a.matureN += b.matureN;
  a.maturePass += b.maturePass;
  a.graded += b.graded;
  a.correct += b.correct;
  return a;
}

export function rate(n: number, pass: number): Rate {
  return { n, pass, rate: n > 0 ? pass / n : null };
}

/** Answers with quality ≥ 3, the SM-2 pass mark. */
export function passed(c: Counters): number {
  return c.q[3] + c.q[4] + c.q[5];
}
