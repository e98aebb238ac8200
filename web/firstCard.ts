// The first card inside the page (browser mode, issue 12 item 11).
//
// A fresh page used to wait for its scripts, then for an API round trip to
// the service — which was itself still loading — before it could show a card.
// Now index.html goes out in two parts: everything up to `</body>` at once
// (the browser fetches, compiles and runs the app's async module script
// meanwhile), and, once the service has computed it for THIS request, the
// exact nextCard reply as inert JSON in
// `<script type="application/json" id="deeprecall-first-card">` before the
// closing tags. The page shows it once (renderer/lib/firstCard.ts) without
// waiting for nextCard, which it asks behind the card to confirm it;
// everything after it (reveal, answer, look-ahead) goes through the API as before.
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
// - The page's modulepreload hints (KaTeX) move after the card and stay only
//   if that card has formulas (takePreloads).
// - The profile's settings go the same way, in their own inert element before
//   the card's (PAGE_SETTINGS_ELEMENT_ID), under the same token rule.
import type http from 'node:http';

export const FIRST_CARD_ELEMENT_ID = 'deeprecall-first-card';
/**
 * The profile's settings, beside the card: the page's language and theme are
 * right from its first frame. The page used to learn them from getSettings,
 * which waits for the service, so an English profile's page showed Chinese
 * until then (the language saved in the page's localStorage does not help:
 * each launch has a new port, so a new origin).
 */
export const PAGE_SETTINGS_ELEMENT_ID = 'deeprecall-settings';

/** The inert element `id` carrying `value` as JSON; `<`, `>`, `&` and the JS line separators escaped. */
function inertJson(id: string, value: unknown): string {
  const json = JSON.stringify(value ?? null).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" id="${id}">${json}</script>`;
}

export const firstCardElement = (value: unknown): string => inertJson(FIRST_CARD_ELEMENT_ID, value);
export const settingsElement = (value: unknown): string => inertJson(PAGE_SETTINGS_ELEMENT_ID, value);

/** index.html cut before `</body>` (or at its end when there is none): [what goes out at once, the closing part]. */
export function splitBeforeBodyEnd(html: string): [string, string] {
  const at = html.search(/<\/body\s*>/i);
  return at < 0 ? [html, ''] : [html.slice(0, at), html.slice(at)];
}

const NONE: unique symbol = Symbol('no first card');

/**
 * index.html without its `<link rel="modulepreload">` hints, and the hints.
 * The page carrying a first card gets them after the card, and only if that
 * card shows math (KaTeX is the only preloaded chunk): a first card without
 * formulas then costs the browser no KaTeX fetch and compile at start-up, and
 * one with formulas starts fetching it as soon as the card is known. KaTeX
 * still loads in the page's background warm-up (renderer/lib/warm.ts).
 */
export function takePreloads(html: string): { html: string; preloads: string[] } {
  const preloads: string[] = [];
  const rest = html.replace(/[ \t]*<link\b[^>]*\brel="modulepreload"[^>]*>\n?/gi, (tag) => {
    preloads.push(tag.trim());
    return '';
  });
  return { html: rest, preloads };
}

/** Whether the first card of a nextCard reply puts formulas on screen (math placeholders, or a problem prompt, which is Markdown). */
export function firstCardHasMath(reply: unknown): boolean {
  const card = (reply as { card?: { frontHtml?: unknown; problem?: unknown } | null } | null)?.card;
  if (!card) return false;
  return card.problem !== undefined || (typeof card.frontHtml === 'string' && card.frontHtml.includes('data-tex='));
}

export interface StreamOptions {
  /** The nextCard reply for this request; rejects if the service cannot give one. */
  firstCard: () => Promise<unknown>;
  /** The profile's settings for this request (getSettings' reply); absent or failed: the page asks getSettings alone. */
  settings?: () => Promise<unknown>;
  /** Longest wait for them before the page is finished without them. */
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
  const { html: page, preloads } = takePreloads(html);
  const [head, tail] = splitBeforeBodyEnd(page);
  res.write(head, () => opts.onHeadSent?.());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof NONE>((resolve) => (timer = setTimeout(() => resolve(NONE), opts.waitMs)));
  // A failure is NONE: the page's own nextCard / getSettings call will report what went wrong.
  // Each is asked at once (a throw counts as a failure).
  const inTime = (get: (() => Promise<unknown>) | undefined): Promise<unknown> => {
    if (!get) return Promise.resolve(NONE);
    try {
      return Promise.race([get(), late]).catch(() => NONE);
    } catch {
      return Promise.resolve(NONE);
    }
  };
  const [card, settings] = await Promise.all([inTime(opts.firstCard), inTime(opts.settings)]);
  clearTimeout(timer);
  if (res.destroyed) return;
  const settingsPart = settings === NONE ? '' : settingsElement(settings);
  if (card === NONE) res.end(settingsPart + preloads.join('') + tail);
  else res.end(settingsPart + firstCardElement(card) + (firstCardHasMath(card) ? preloads.join('') : '') + tail);
}

