// When the service starts loading in browser mode.
//
// `serve` prints its URL before the service (zod contract, review, the default
// deck on a fresh profile) has loaded. index.html carries the first card
// (web/firstCard.ts), so once a page is asked for, the service is the longer
// path to that card: it starts loading when index.html is requested (in pieces,
// service/loadInPieces.ts, so the page's scripts asked for meanwhile wait for
// one piece at most) — or at the first API call, or after `fallbackMs` if no
// page comes (a browser still starting, a URL pasted later) — never later.
// (Holding it until the page's scripts had gone out, as before, made the
// service the last thing to start on the critical path.)

export interface PageGate {
  /** A static file went out (its path as requested, e.g. `/index.html`). */
  served(pathname: string): void;
  /** Open now (an API call is waiting). */
  open(): void;
  /** Resolves once open. */
  readonly opened: Promise<void>;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Opens once index.html is served, at `open()`, or `fallbackMs` after creation, whichever comes first. */
export function pageGate(fallbackMs: number, timers: Timers = realTimers): PageGate {
  let resolve!: () => void;
  const opened = new Promise<void>((r) => (resolve = r));
  let isOpen = false;
  const open = () => {
    if (isOpen) return;
    isOpen = true;
    timers.clearTimeout(timer);
    resolve();
  };
  const timer = timers.setTimeout(open, fallbackMs);
  return {
    opened,
    open,
    served(pathname) {
      if (pathname === '/' || pathname === '/index.html') open();
    },
  };
}
