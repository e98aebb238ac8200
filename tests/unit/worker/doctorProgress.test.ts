// Check database's two workers report into one bar (service/doctorProgress.ts):
// it never goes back, whatever order their messages arrive in, is full only
// when the check has its answer, and names the log replay while one runs it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROGRESS_TOTAL, sharedProgress } from '../../../service/doctorProgress.ts';

type Msg = { worker: number; phase: string; done: number; total: number };

function run(msgs: Msg[], finish = true) {
  const seen: { phase: string; done: number; total: number }[] = [];
  const bar = sharedProgress((phase, done, total) => seen.push({ phase, done, total }));
  for (const m of msgs) bar.worker(m.worker)(m.phase, m.done, m.total);
  if (finish) bar.finish();
  return seen;
}

const msg = fc.record({
  worker: fc.constantFrom(0, 1),
  phase: fc.constantFrom('integrity', 'indexes', 'history', 'references'),
  done: fc.integer({ min: -5, max: 300 }),
  total: fc.nat(200),
});

describe('shared Check database progress', () => {
  it('never goes back, stays below 100 % until the answer, then ends at 100 %, for any interleaving', () => {
    fc.assert(fc.property(fc.array(msg, { maxLength: 60 }), (msgs) => {
      const before = run(msgs, false);
      expect(before.every((s) => s.done < PROGRESS_TOTAL)).toBe(true);
      const seen = run(msgs);
      for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
      expect(seen.every((s) => s.total === PROGRESS_TOTAL && s.done >= 0 && s.done <= PROGRESS_TOTAL)).toBe(true);
      expect(seen.at(-1)!.done).toBe(PROGRESS_TOTAL);
    }));
  });

  it('the bar is the furthest report; the label is the log replay while a worker runs it, then the latest phase', () => {
    const seen: { phase: string; done: number }[] = [];
    const bar = sharedProgress((phase, done) => seen.push({ phase, done }));
    bar.worker(0)('history', 200, 1000);
    bar.worker(1)('indexes', 400, 1000);
    bar.worker(0)('history', 300, 1000); // behind worker 1's report: the bar stays
    expect(seen).toEqual([{ phase: 'history', done: 200 }, { phase: 'history', done: 400 }]);
    bar.idle(0);
    bar.worker(1)('integrity', 500, 1000);
    expect(seen.at(-1)).toEqual({ phase: 'integrity', done: 500 });
    bar.worker(1)('integrity', 1000, 1000);
    expect(seen.at(-1)!.done).toBe(PROGRESS_TOTAL - 1);
    bar.finish();
    bar.worker(1)('indexes', 10, 1000); // after the answer: ignored
    expect(seen.at(-1)).toEqual({ phase: 'integrity', done: PROGRESS_TOTAL });
  });
});
