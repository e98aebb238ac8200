// The pieces a multi-step handler uses so that only its failing step waits
// for the lock (docs/RETRIES.md): retryStep marks a busy error it gives up
// on as final, which retryWhileBusy around the whole handler then lets go;
// stepWhileBusy does the same inside step generators, pausing between tries.
import { describe, expect, it } from 'vitest';
import { isBusy, isFinalBusy, isPause, retryStep, retryWhileBusy, stepWhileBusy } from '../../../service/busy.ts';
import { runSteps, runStepsAsync } from '../../../service/progress/steps.ts';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
const fakeTimers = () => {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
};

describe('retryStep', () => {
  it('waits for the lock and succeeds like retryWhileBusy', async () => {
    let calls = 0;
    expect(await retryStep(() => (++calls < 3 ? (() => { throw busy(); })() : 'ok'), 1000, fakeTimers())).toBe('ok');
    expect(calls).toBe(3);
  });

  it('past its budget, its busy error is final: the handler around it is not run again', async () => {
    let handlerRuns = 0;
    let sideEffects = 0;
    const handler = async () => {
      handlerRuns++;
      sideEffects++; // e.g. a backup file written before the step
      return retryStep(() => { throw busy(); }, 100, fakeTimers());
    };
    const err = await retryWhileBusy(handler, 10_000, fakeTimers()).catch((e: unknown) => e);
    expect(isBusy(err)).toBe(true);
    expect(isFinalBusy(err)).toBe(true);
    expect(handlerRuns).toBe(1);
    expect(sideEffects).toBe(1);
  });
});

describe('stepWhileBusy', () => {
  function* work(log: string[], failures: number, budget: number) {
    log.push('parse');
    yield;
    let n = 0;
    const out = yield* stepWhileBusy(() => {
      log.push('write');
      if (n++ < failures) throw busy();
      return 'stored';
    }, budget);
    log.push('after');
    return out;
  }

  it('repeats only the write, pausing between tries; the steps before it run once', async () => {
    const log: string[] = [];
    const pauses: number[] = [];
    const g = work(log, 3, 10_000);
    for (let r = g.next(); ; r = g.next()) {
      if (r.done) {
        expect(r.value).toBe('stored');
        break;
      }
      if (isPause(r.value)) pauses.push(r.value.pauseMs);
    }
    expect(log).toEqual(['parse', 'write', 'write', 'write', 'write', 'after']);
    expect(pauses).toEqual([10, 20, 40]);
  });

  it('the async runner sleeps through the pauses; past the budget the error is final', async () => {
    const log: string[] = [];
    expect(await runStepsAsync(work(log, 2, 10_000))).toBe('stored');
    expect(log.filter((l) => l === 'write')).toHaveLength(3);
    const err = await runStepsAsync(work([], 1_000, 30)).catch((e: unknown) => e);
    expect(isFinalBusy(err)).toBe(true);
    // Run straight through (no timers), a zero budget gives the error up at once.
    expect(() => runSteps(work([], 1, 0))).toThrow('database is locked');
  });
});
