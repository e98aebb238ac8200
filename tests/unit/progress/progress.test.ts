// The pieces of import progress that need no profile: the phase-weighted
// percentage, the step runners, and the terminal progress line.
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../cli/progress.ts';
import { runSteps, runStepsAsync } from '../../../service/progress/steps.ts';
import { ANKI_PHASES, ProgressTracker, type ProgressView } from '../../../service/progress/tracker.ts';

describe('ProgressTracker', () => {
  it('weights phases into one percentage that never goes down and is 100 only when done', () => {
    const seen: ProgressView[] = [];
    const t = new ProgressTracker(ANKI_PHASES, (p) => seen.push(p));
    t.report('unpack', 0, 1);
    t.report('read', 0, 1);
    t.report('notes', 50, 100);
    t.report('notes', 40, 100); // a late, smaller count does not move the bar back
    t.report('notes', 100, 100);
    t.report('finish', 1, 1);
    const pct = seen.map((s) => s.percent);
    expect(pct[0]).toBe(0);
    expect(pct[1]).toBe(9);
    expect(pct[2]).toBe(60); // 9 + 17 + 4 + 60 / 2
    expect(pct[3]).toBe(60);
    expect(pct[4]).toBe(90);
    expect(pct[5]).toBe(99.9);
    t.done();
    expect(seen.at(-1)).toEqual({ phase: 'done', done: 1, total: 1, percent: 100 });
  });

  it('an empty phase (no notes) counts as not started, not as NaN', () => {
    const seen: ProgressView[] = [];
    new ProgressTracker(ANKI_PHASES, (p) => seen.push(p)).report('notes', 0, 0);
    expect(seen[0]!.percent).toBe(30);
  });
});

describe('steps', () => {
  function* count(n: number, log: number[]): Generator<void, string> {
    for (let i = 0; i < n; i++) {
      log.push(i);
      yield;
    }
    return `done ${n}`;
  }

  it('straight through and in slices give the same result', async () => {
    const a: number[] = [];
    const b: number[] = [];
    expect(runSteps(count(1000, a))).toBe('done 1000');
    expect(await runStepsAsync(count(1000, b), 0)).toBe('done 1000');
    expect(b).toEqual(a);
  });

  it('in slices, other callbacks run between steps', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    function* slow(): Generator<void, void> {
      for (let i = 0; i < 20; i++) {
        const end = performance.now() + 3;
        while (performance.now() < end);
        yield;
      }
    }
    await runStepsAsync(slow(), 5);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    // Straight through, nothing else can run.
    ticks = 0;
    const t2 = setInterval(() => ticks++, 0);
    runSteps(slow());
    clearInterval(t2);
    expect(ticks).toBe(0);
  });

  it('an error inside the steps ends them and reaches the caller', async () => {
    function* bad(): Generator<void, void> {
      yield;
      throw new Error('broken at step 2');
    }
    expect(() => runSteps(bad())).toThrow('broken at step 2');
    await expect(runStepsAsync(bad(), 0)).rejects.toThrow('broken at step 2');
  });
});

describe('progressLine', () => {
  const stream = (isTTY: boolean) => {
    const out: string[] = [];
    return { out, s: { isTTY, write: (x: string) => out.push(x) } };
  };

  it('writes nothing when stderr is not a terminal, or with --json', () => {
    expect(progressLine(stream(false).s, 'x')).toBeNull();
    expect(progressLine(stream(true).s, 'x', { json: true })).toBeNull();
  });

  it('on a terminal: one line rewritten in place, throttled, cleared at the end', () => {
    const { out, s } = stream(true);
    let now = 0;
    const line = progressLine(s, 'deck.apkg', { now: () => now })!;
    line.update(0.5, 'notes 500/1000');
    line.update(0.6); // within 80 ms: skipped
    now = 100;
    line.update(null);
    line.end();
    expect(out).toEqual([
      `\r\x1b[Kdeck.apkg [############............] 50% notes 500/1000`,
      `\r\x1b[Kdeck.apkg [????????????????????????]`,
      '\r\x1b[K',
    ]);
  });
});
