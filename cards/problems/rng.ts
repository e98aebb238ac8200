// A small seeded PRNG (mulberry32) so a card can store a seed and show the
// same variant again; state lives in the returned closure, never globally.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  bool(): boolean;
}

// A class rather than closures: creating an Rng per generate() call must be cheap.
class Mulberry32 implements Rng {
  private a: number;

  constructor(seed: number) {
    const s = Number.isFinite(seed) ? Math.trunc(seed) : 0;
    // Fold the high bits in too so seeds beyond 2^32 still differ.
    const hi = Math.floor(s / 4294967296) >>> 0;
    this.a = ((s >>> 0) ^ Math.imul(hi ^ 0x9e3779b9, 0x85ebca6b)) >>> 0;
  }

  next(): number {
    this.a = (this.a + 0x6d2b79f5) | 0;
    let t = Math.imul(this.a ^ (this.a >>> 15), 1 | this.a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)] as T;
  }

  bool(): boolean {
    return this.next() < 0.5;
  }
}

export function createRng(seed: number): Rng {
  return new Mulberry32(seed);
}
