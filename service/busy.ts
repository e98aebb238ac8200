// Waiting for another process's write lock without freezing the server.
// better-sqlite3's busy timeout sleeps inside SQLite, on the only JS thread:
// while a CLI import holds the lock, every request (reads too) would queue
// behind one blocked answer. Hosts that serve many requests instead open the
// profile with a short busy timeout and let `retryWhileBusy` wait between
// attempts with timers, so the event loop keeps serving reads meanwhile.
//
// Retrying a whole handler is safe because a SQLITE_BUSY error means its
// transaction never started (writes take the lock first: BEGIN IMMEDIATE,
// or a single statement), and handlers that write in several transactions
// are idempotent on repeat (imports skip unchanged notes, answers carry an
// answerId).

/** Set on the request path of browser mode and Electron: SQLite's own wait per attempt. */
export const SHORT_BUSY_TIMEOUT_MS = 25;
/** How long a request waits in all for the lock before answering "locked". */
export const BUSY_RETRY_BUDGET_MS = 10_000;

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
      if (!isBusy(err) || left <= 0) throw err;
      await timers.sleep(Math.min(wait, left));
      wait = Math.min(wait * 2, 200);
    }
  }
}
