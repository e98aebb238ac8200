// Loading what the first screen does not need (the other screens' chunks,
// KaTeX, the Markdown renderer) in the background — one chunk at a time, each
// in its own idle moment, starting a while after the first screen is up.
// Fetched and evaluated all at once right after the first card (as before),
// ~1 MB of script kept the page's main thread busy for hundreds of ms just when
// the card had appeared and the learner starts to read and press keys.

export interface WarmTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** requestIdleCallback where there is one (with a deadline so a busy page still warms). */
  idle(fn: () => void): unknown;
  cancelIdle(handle: unknown): void;
}

const IDLE_TIMEOUT_MS = 1000;

export const browserTimers: WarmTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  idle: (fn) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS }) : setTimeout(fn, 50)),
  cancelIdle: (h) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(h as number) : clearTimeout(h as ReturnType<typeof setTimeout>)),
};

/**
 * After `start` resolves and `delayMs` more, run `tasks` in order, the next
 * one only once the previous has settled and the page is idle again. A failed
 * task does not stop the rest. Returns a stop function (the page is leaving).
 */
export function warmInTurn(tasks: readonly (() => Promise<unknown>)[], start: Promise<unknown>, delayMs: number, timers: WarmTimers = browserTimers): () => void {
  let stopped = false;
  let handle: unknown = null;
  let kind: 'timeout' | 'idle' | null = null;
  let at = 0;
  const step = () => {
    kind = null;
    const task = tasks[at++];
    if (stopped || !task) return;
    void task()
      .catch(() => undefined)
      .then(() => {
        if (stopped || at >= tasks.length) return;
        kind = 'idle';
        handle = timers.idle(step);
      });
  };
  void start.then(() => {
    if (stopped) return;
    kind = 'timeout';
    handle = timers.setTimeout(() => {
      kind = 'idle';
      handle = timers.idle(step);
    }, delayMs);
  });
  return () => {
    stopped = true;
    if (kind === 'timeout') timers.clearTimeout(handle);
    else if (kind === 'idle') timers.cancelIdle(handle);
  };
}
