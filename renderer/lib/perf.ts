// In-page timing of "keypress → next card on screen", read by the e2e tests
// and bench/ui.ts through window.__deeprecallPerf. Times are
// performance.now() milliseconds; a key's start is its event timeStamp, so
// input dispatch is included.
export interface PerfLog {
  /** keypress → new card's DOM committed (after Svelte's flush). */
  keyToRender: number[];
  /** keypress → the frame after that (the card painted). */
  keyToPaint: number[];
  /** The page's own share: card data in hand → DOM committed (Markdown, KaTeX, Svelte). */
  render: number[];
  /** performance.now() when the first card of the page's life was on screen. */
  firstCardAt: number | null;
}

declare global {
  interface Window {
    __deeprecallPerf?: PerfLog;
  }
}

const log: PerfLog = { keyToRender: [], keyToPaint: [], render: [], firstCardAt: null };
if (typeof window !== 'undefined') window.__deeprecallPerf = log;

let pending: number | null = null;

let firstCardShownNow: () => void = () => undefined;
/** Resolves when the page's first card is on screen (App.svelte warms the other screens only then). */
export const firstCardShown = new Promise<void>((resolve) => (firstCardShownNow = resolve));

/** A key that should bring a new card was pressed at `timeStamp`. */
export function markKey(timeStamp: number): void {
  pending = timeStamp;
}

/** A card's DOM is in place; `since` = when its data arrived. */
export function markCardShown(since?: number): void {
  const now = performance.now();
  if (since !== undefined) {
    log.render.push(now - since);
    if (log.render.length > 1000) log.render.shift();
  }
  if (log.firstCardAt === null) {
    log.firstCardAt = now;
    firstCardShownNow();
  }
  const start = pending;
  if (start === null) return;
  pending = null;
  log.keyToRender.push(now - start);
  if (log.keyToRender.length > 1000) log.keyToRender.shift();
  requestAnimationFrame(() => {
    log.keyToPaint.push(performance.now() - start);
    if (log.keyToPaint.length > 1000) log.keyToPaint.shift();
  });
}

export function perfLog(): PerfLog {
  return log;
}
