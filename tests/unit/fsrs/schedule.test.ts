// FSRS scheduling is ts-fsrs's, not a re-implementation: random answer
// sequences through our day-based wrapper (with the memory stored and read
// back as the DB does) give exactly ts-fsrs's own cards.
import fc from 'fast-check';
import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { applyFsrsAnswer } from '../../../srs/fsrs/answer.ts';
import { DEFAULT_FSRS, DEFAULT_WEIGHTS, type FsrsConfig } from '../../../srs/fsrs/config.ts';
import { dayToDate, fsrsPreview, fsrsStep, type FsrsMemory } from '../../../srs/fsrs/schedule.ts';
import type { Rating } from '../../../srs/rating.ts';
import { newState } from '../../../srs/sm2.ts';

const DAY = 86_400_000;
const stored = (m: FsrsMemory): FsrsMemory => JSON.parse(JSON.stringify(m)) as FsrsMemory;

const config = fc.record({
  desiredRetention: fc.double({ min: 0.7, max: 0.97, noNaN: true }),
  maximumInterval: fc.integer({ min: 30, max: 36500 }),
  weights: fc.constantFrom<readonly number[] | null>(null, DEFAULT_WEIGHTS.map((w, i) => (i === 20 ? 0.3 : w))),
});
const steps = fc.array(fc.record({ rating: fc.constantFrom<Rating>(1, 2, 3, 4), gap: fc.integer({ min: 0, max: 400 }) }), { minLength: 1, maxLength: 25 });

describe('fsrsStep equals ts-fsrs', () => {
  it('on random sequences of ratings and gaps', () => {
    fc.assert(
      fc.property(config, steps, fc.integer({ min: 18_000, max: 22_000 }), (cfg: FsrsConfig, seq, start) => {
        const f = fsrs(generatorParameters({
          request_retention: cfg.desiredRetention, maximum_interval: cfg.maximumInterval,
          w: [...(cfg.weights ?? DEFAULT_WEIGHTS)], enable_fuzz: false, enable_short_term: false,
        }));
        let card: Card = createEmptyCard(new Date(start * DAY));
        let mem: FsrsMemory | null = null;
        let day = start;
        for (const s of seq) {
          day += mem ? Math.max(1, s.gap) : 0;
          card = f.next(card, new Date(day * DAY), s.rating as Grade).card;
          mem = stored(fsrsStep(cfg, mem, s.rating, day));
          expect(mem.stability).toBe(card.stability);
          expect(mem.difficulty).toBe(card.difficulty);
          expect(mem.dueDay * DAY).toBe(card.due.getTime());
          expect(mem.lastDay * DAY).toBe(card.last_review!.getTime());
          expect([mem.reps, mem.lapses, mem.state]).toEqual([card.reps, card.lapses, card.state]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('previews the four ratings exactly as ts-fsrs repeat() schedules them', () => {
    const f = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));
    const m = fsrsStep(DEFAULT_FSRS, null, 3, 20_000);
    const log = f.repeat({ ...createEmptyCard(), due: dayToDate(m.dueDay), stability: m.stability, difficulty: m.difficulty, reps: m.reps, lapses: m.lapses, state: m.state, last_review: dayToDate(m.lastDay), scheduled_days: m.dueDay - m.lastDay }, dayToDate(20_010));
    const p = fsrsPreview(DEFAULT_FSRS, m, 20_010);
    for (const r of [1, 2, 3, 4] as const) expect(p[r]).toBe(log[r].card.due.getTime() / DAY - 20_010);
    expect(p[1]).toBeLessThan(p[3]);
    expect(p[3]).toBeLessThan(p[4]);
  });
});

describe('applyFsrsAnswer', () => {
  it('moves FSRS memory on the day’s first answer only; drills and same-day mock answers leave it', () => {
    const first = applyFsrsAnswer({ cfg: DEFAULT_FSRS, state: null, lastDay: null, memory: null, quality: 4, today: 100, answeredToday: false });
    expect(first.mode).toBe('review');
    expect(first.memoryAfter).not.toBeNull();
    expect(first.after.dueDay).toBe(first.memoryAfter!.dueDay);
    expect(first.after.intervalDays).toBe(first.memoryAfter!.dueDay - 100);
    for (const mock of [false, true]) {
      const again = applyFsrsAnswer({ cfg: DEFAULT_FSRS, state: first.after, lastDay: 100, memory: first.memoryAfter, quality: 1, today: 100, answeredToday: true, mock });
      expect(again.mode).toBe(mock ? 'mock' : 'drill');
      expect(again.after).toBe(first.after);
      expect(again.memoryAfter).toBe(first.memoryAfter);
    }
  });

  it('converts an SM-2 card without FSRS memory from its ease and interval on the spot', () => {
    const s = { ...newState(50), repetitions: 3, easeFactor: 2.5, intervalDays: 15, dueDay: 65 };
    const e = applyFsrsAnswer({ cfg: DEFAULT_FSRS, state: s, lastDay: 50, memory: null, quality: 4, today: 65, answeredToday: false });
    expect(e.memoryBefore).toBeNull();
    expect(e.memoryAfter!.stability).toBeGreaterThan(15);
    expect(e.after.repetitions).toBe(4); // SM-2 bookkeeping continues underneath
  });
});
