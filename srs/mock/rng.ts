// Seeded PRNG for the mock engine (mulberry32). srs/ may not import the formula
// core's generator, and a mock must replay identically from its seed alone, so
// the engine carries its own tiny one; state lives in the closure, never globally.

export interface MockRng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform unsigned 32-bit integer, for per-question problem seeds. */
  u32(): number;
}

export function mockRng(seed: number): MockRng {
  let a = (Math.trunc(Number.isFinite(seed) ? seed : 0) ^ 0x2545f491) >>> 0;
  const u32 = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  return { u32, next: () => u32() / 4294967296 };
}
