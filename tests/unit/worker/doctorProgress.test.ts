// Check database's two workers report into one bar (service/doctorProgress.ts):
// it never goes back, whatever order their messages arrive in, and ends full.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergedProgress, PROGRESS_TOTAL, type Half } from '../../../service/doctorProgress.ts';

type Msg = { half: Half; phase: string; done: number; total: number };

function run(msgs: Msg[], finishOrder: Half[] = ['pages', 'logic']) {
  const seen: { phase: string; done: number; total: number }[] = [];
  const bar = mergedProgress((phase, done, total) => seen.push({ phase, done, total }));
  for (const m of msgs) bar[m.half](m.phase, m.done, m.total);
  for (const h of finishOrder) bar.finish(h);
  return seen;
}

const msg = fc.record({
  half: fc.constantFrom<Half>('pages', 'logic'),
  phase: fc.constantFrom('integrity', 'indexes', 'history', 'references', 'start', 'full'),
  done: fc.nat(200),
  total: fc.nat(200),
});

describe('merged Check database progress', () => {
  it('never goes back and ends at 100 %, for any interleaving of the two halves (even backwards phases)', () => {
    fc.assert(fc.property(fc.array(msg, { maxLength: 60 }), fc.boolean(), (msgs, pagesFirst) => {
      const seen = run(msgs, pagesFirst ? ['pages', 'logic'] : ['logic', 'pages']);
      for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
      expect(seen.every((s) => s.total === PROGRESS_TOTAL && s.done <= PROGRESS_TOTAL)).toBe(true);
      expect(seen.at(-1)!.done).toBe(PROGRESS_TOTAL);
    }));
  });

  it('each half is half the bar; the label follows the log replay while it runs, then the page checks', () => {
    const seen = run([
      { half: 'pages', phase: 'integrity', done: 0, total: 1 },
      { half: 'logic', phase: 'history', done: 50, total: 100 },
      { half: 'pages', phase: 'indexes', done: 10, total: 10 },
    ], []);
    expect(seen.map((s) => s.phase)).toEqual(['history', 'history', 'history']);
    expect(seen.at(-1)!.done).toBe(Math.floor(PROGRESS_TOTAL * (1 + 0.45) / 2));
    const bar = mergedProgress((phase, done) => seen.push({ phase, done, total: PROGRESS_TOTAL }));
    bar.logic('references', 0, 1);
    bar.finish('logic');
    bar.pages('indexes', 5, 10);
    expect(seen.at(-1)).toEqual({ phase: 'indexes', done: Math.floor(PROGRESS_TOTAL * (1 + 0.3 + 0.35) / 2), total: PROGRESS_TOTAL });
  });
});
