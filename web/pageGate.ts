// Who goes first at start-up: the page's own files, then the service.
//
// `serve` prints its URL before the service (zod contract, review, the default
// deck on a fresh profile) has loaded. Loading it blocks Node's event loop in
// long pieces (module compile and evaluation, the deck's write transaction),
// and a page whose scripts wait behind that cannot start its own work. The
// browser needs only a few milliseconds of the server to get index.html and
// the files it names; it then spends far longer compiling them, on its own
// core. So the service starts loading when the page has everything it asked
// for first — or at the first API call, or after `fallbackMs` if no page
// comes (a browser still starting, a URL pasted later) — never later.
//
// Since index.html carries the first card (web/firstCard.ts), the service is
// the longer path to it, and `serve` passes no assets: the gate opens when
// the page itself is asked for (the service loads in pieces meanwhile,
// service/loadInPieces.ts). `pageAssets` stays for a host that wants the
// page's files out first.

/** The same-origin files index.html loads before its app runs: module scripts, modulepreloads, stylesheets. */
export function pageAssets(indexHtml: string): string[] {
  const out = new Set<string>();
  for (const tag of indexHtml.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    const rel = /\brel="([^"]*)"/i.exec(tag)?.[1]?.toLowerCase();
    if (!isScript && rel !== 'modulepreload' && rel !== 'stylesheet') continue;
    const url = /\b(?:src|href)="([^"]+)"/i.exec(tag)?.[1];
    if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) continue; // data:, http: … are not ours
    out.add(`/${url.replace(/^\.?\//, '')}`);
  }
  return [...out];
}

export interface PageGate {
  /** A static file went out (its path as requested, e.g. `/assets/index-abc.js`). */
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

/**
 * Opens once index.html and then every one of `assets` has been served, at
 * `open()`, or `fallbackMs` after creation, whichever comes first.
 */
export function pageGate(assets: readonly string[], fallbackMs: number, timers: Timers = realTimers): PageGate {
  let resolve!: () => void;
  const opened = new Promise<void>((r) => (resolve = r));
  let isOpen = false;
  let pageSeen = false;
  const waiting = new Set(assets);
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
      if (isOpen) return;
      if (pathname === '/' || pathname === '/index.html') pageSeen = true;
      else waiting.delete(pathname);
      if (pageSeen && waiting.size === 0) open();
    },
  };
}
