// Waiting for another process's write lock without freezing the server.
// better-sqlite3's busy timeout sleeps inside SQLite, on the only JS thread:
// while a CLI import holds the lock, every request (reads too) would queue
// behind one blocked answer. Hosts that serve many requests instead open the
// profile with a short busy timeout and let `retryWhileBusy` wait between
// attempts with timers, so the event loop keeps serving reads meanwhile.
//
// Retrying a whole handler is safe because a SQLITE_BUSY error means its
// transaction never started (writes take the lock first: BEGIN IMMEDIATE,
// or a single statement). A handler that writes in several transactions is
// retried whole only when a repeat applies nothing twice; where a repeat
// would (a second backup file, a second answer), that later step waits for
// the lock itself with `retryStep`, and if it still meets the lock its error
// is marked final so the handler is not run again. docs/RETRIES.md lists
// every writing method and which case it is.

/** Set on the request path of browser mode and Electron: SQLite's own wait per attempt. */
export const SHORT_BUSY_TIMEOUT_MS = 25;
/** How long a request waits in all for the lock before answering "locked". */
export const BUSY_RETRY_BUDGET_MS = 10_000;

const FINAL = Symbol('deeprecall.busyFinal');

/** A busy error a caller must not answer by running the whole handler again (it came after steps a repeat would redo). */
export function isFinalBusy(err: unknown): boolean {
  return isBusy(err) && (err as Record<symbol, unknown>)[FINAL] === true;
}

export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
}

export interface RetryTimers {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

const realTimers: RetryTimers = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Run `fn`; while it fails with SQLITE_BUSY, wait (10 ms doubling to 200 ms)
 * and run it again, until `budgetMs` has passed: then the last error goes up.
 */
export async function retryWhileBusy<T>(fn: () => T | Promise<T>, budgetMs = BUSY_RETRY_BUDGET_MS, timers: RetryTimers = realTimers): Promise<T> {
  const start = timers.now();
  let wait = 10;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      const left = budgetMs - (timers.now() - start);
      if (!isBusy(err) || isFinalBusy(err) || left <= 0) throw err;
      await timers.sleep(Math.min(wait, left));
      wait = Math.min(wait * 2, 200);
    }
  }
}

/**
 * A later step of a handler whose earlier steps a whole retry would repeat
 * (a backup file taken, an answer stored): wait for the lock here, and if
 * the budget runs out, mark the busy error final so `retryWhileBusy` around
 * the handler lets it go up instead of running everything again.
 */
export async function retryStep<T>(fn: () => T | Promise<T>, budgetMs = BUSY_RETRY_BUDGET_MS, timers: RetryTimers = realTimers): Promise<T> {
  try {
    return await retryWhileBusy(fn, budgetMs, timers);
  } catch (err) {
    if (isBusy(err)) (err as Record<symbol, unknown>)[FINAL] = true;
    throw err;
  }
}

/** The wait before attempt `n` (0-based) of background work that meets the lock: 50 ms doubling to `capMs`. */
export function busyBackoffMs(n: number, capMs = 2000): number {
  return Math.min(capMs, 50 * 2 ** Math.min(n, 16));
}

/** Yielded by step generators (service/progress/steps.ts) that met the lock: the async runner sleeps this long, then steps on. */
export interface Pause {
  pauseMs: number;
}

export function isPause(v: unknown): v is Pause {
  return typeof v === 'object' && v !== null && typeof (v as Pause).pauseMs === 'number';
}

/**
 * The generator form of `retryStep`, for work written as steps: run `fn` (a
 * write transaction); while it meets the lock, yield a pause (10 ms doubling
 * to 200 ms) and run it again, so only this step is repeated, never the
 * steps before it. After `budgetMs` the busy error goes up, marked final.
 */
export function* stepWhileBusy<T>(fn: () => T, budgetMs: number, now: () => number = () => performance.now()): Generator<Pause, T> {
  const start = now();
  let wait = 10;
  for (;;) {
    try {
      return fn();
    } catch (err) {
      if (!isBusy(err)) throw err;
      const left = budgetMs - (now() - start);
      if (left <= 0) {
        (err as Record<symbol, unknown>)[FINAL] = true;
        throw err;
      }
      yield { pauseMs: Math.min(wait, left) };
      wait = Math.min(wait * 2, 200);
    }
  }
}
