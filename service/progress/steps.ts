// Long work written once as a generator that yields at safe points, run two
// ways: straight through (CLI, bench, tests: identical to a plain loop), or
// in time slices that give the event loop back between them so a host can
// answer progress polls while the work runs on its thread. A step may yield
// a pause (service/busy.ts: it met another process's write lock): the async
// runner sleeps on a timer, so the event loop serves others meanwhile.
import { isPause } from '../busy.ts';

/** Run every step now. */
export function runSteps<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Run the steps, yielding to the event loop whenever a slice of `sliceMs`
 * has been used: polls wait at most about one slice, and the work pays one
 * loop turn per slice instead of one per step.
 */
export async function runStepsAsync<T>(steps: Generator<unknown, T>, sliceMs = 30): Promise<T> {
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (isPause(r.value)) {
      const ms = r.value.pauseMs;
      await new Promise<void>((resolve) => setTimeout(resolve, ms));
      start = performance.now();
      continue;
    }
    if (performance.now() - start >= sliceMs) {
      await turn();
      start = performance.now();
    }
  }
}
