// The first card inside the page (browser mode, issue 12 item 11).
//
// A fresh page used to wait for its scripts, then for an API round trip to
// the service — which was itself still loading — before it could show a card.
// Now index.html goes out in two parts: everything up to `</body>` at once
// (the browser fetches, compiles and runs the app's async module script
// meanwhile), and, once the service has computed it for THIS request, the
// exact nextCard reply as inert JSON in
// `<script type="application/json" id="deeprecall-first-card">` before the
// closing tags. The page reads it once (renderer/lib/firstCard.ts) instead of
// asking nextCard; everything after it (reveal, answer, look-ahead) goes
// through the API as before.
//
// Rules that keep this safe:
// - Only a request that carries the launch token in `?token=` gets a card
//   (the API needs the token; the page's HTML must not hand card content to a
//   local process that lacks it). Without it the page is served whole, as before.
// - The reply is computed per request (index.html is `no-store`), so a reload
//   after an answer carries the card that follows it, never an old one.
// - JSON in a non-executed script element: nothing runs, so the strict CSP
//   (`script-src 'self'`) holds; every `<` is escaped so the text can never
//   close the element or open a comment.
// - If the service is not ready within `waitMs`, the page is finished without
//   a card and asks the API, as it always could.
import type http from 'node:http';

export const FIRST_CARD_ELEMENT_ID = 'deeprecall-first-card';

/** The inert element carrying `value` as JSON; `<`, `>`, `&` and the JS line separators escaped. */
export function firstCardElement(value: unknown): string {
  const json = JSON.stringify(value ?? null).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" id="${FIRST_CARD_ELEMENT_ID}">${json}</script>`;
}

/** index.html cut before `</body>` (or at its end when there is none): [what goes out at once, the closing part]. */
export function splitBeforeBodyEnd(html: string): [string, string] {
  const at = html.search(/<\/body\s*>/i);
  return at < 0 ? [html, ''] : [html.slice(0, at), html.slice(at)];
}

const NONE: unique symbol = Symbol('no first card');

export interface StreamOptions {
  /** The nextCard reply for this request; rejects if the service cannot give one. */
  firstCard: () => Promise<unknown>;
  /** Longest wait for it before the page is finished without a card. */
  waitMs: number;
  /** Called once the first part has been handed to the socket. */
  onHeadSent?: () => void;
}

/**
 * Send `html` (headers already written) in two parts with the first card
 * between them. Never rejects: a failed or late card just leaves the page to
 * ask the API.
 */
export async function streamWithFirstCard(res: http.ServerResponse, html: string, opts: StreamOptions): Promise<void> {
  const [head, tail] = splitBeforeBodyEnd(html);
  res.write(head, () => opts.onHeadSent?.());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof NONE>((resolve) => (timer = setTimeout(() => resolve(NONE), opts.waitMs)));
  let card: unknown = NONE;
  try {
    card = await Promise.race([opts.firstCard(), late]);
  } catch {
    card = NONE; // the page's own nextCard call will report what went wrong
  } finally {
    clearTimeout(timer);
  }
  if (res.destroyed) return;
  res.end(card === NONE ? tail : firstCardElement(card) + tail);
}

