// The first card the browser-mode host put inside index.html (web/firstCard.ts):
// the exact nextCard reply, computed for this page load. The review screen
// shows it without an API round trip (and asks nextCard behind it to confirm
// it, session.svelte.ts). It is dropped — and the page asks the API as usual — once it is
// taken, once this page has sent anything that may change the queue, or when
// it is older than MAX_AGE_MS (the day may have rolled over, another tab may
// have answered). Electron and a page loaded without the token have none.
import type { NextCard, Settings } from '../../service/contract/index.ts';
// One id for the host that writes the element and the page that reads it (only the constants reach the bundle).
import { FIRST_CARD_ELEMENT_ID, PAGE_SETTINGS_ELEMENT_ID } from '../../web/firstCard.ts';

export { FIRST_CARD_ELEMENT_ID, PAGE_SETTINGS_ELEMENT_ID };
const MAX_AGE_MS = 30_000;

/** API calls that never change which card comes next: they leave the embedded card valid. */
const READS: ReadonlySet<string> = new Set(['getSettings', 'summary', 'nextCard', 'reveal', 'sections', 'listCards', 'cardDetail', 'listDecks', 'importProgress', 'exportStatus', 'fsrsJobStatus']);

let pending: Promise<NextCard | null> | null = null;
let dead = false;

function looksLikeNextCard(v: unknown): v is NextCard {
  const n = v as Partial<NextCard> | null;
  return !!n && typeof n === 'object' && 'card' in n && typeof n.remaining === 'object' && n.remaining !== null && typeof n.done === 'object' && n.done !== null;
}

/** Read (and remove) the element once the document is parsed; the host may send it after the app's script has started. */
export function readFirstCard(doc: Document = document, now: () => number = () => performance.now()): Promise<NextCard | null> {
  if (pending) return pending;
  const parsed = doc.readyState === 'loading' ? new Promise<void>((r) => doc.addEventListener('DOMContentLoaded', () => r(), { once: true })) : Promise.resolve();
  pending = parsed.then(() => {
    const el = doc.getElementById(FIRST_CARD_ELEMENT_ID);
    if (!el) return null;
    el.remove(); // card content leaves the DOM's script list; the reply lives on only here
    try {
      const v: unknown = JSON.parse(el.textContent ?? '');
      return looksLikeNextCard(v) && now() < MAX_AGE_MS ? v : null;
    } catch {
      return null;
    }
  });
  return pending;
}

/** A call that may change the queue was sent: the embedded card may be stale from now on. */
export function noteApiCall(method: string): void {
  if (!READS.has(method)) dead = true;
}

/**
 * The embedded reply, at most once per page; null when there is none, it was
 * taken, the page has written since, or it is too old (`now` = ms since the page's start).
 */
export async function takeFirstCard(doc: Document = document, now: () => number = () => performance.now()): Promise<NextCard | null> {
  if (dead) return null;
  const v = await readFirstCard(doc, now);
  if (dead || !v || now() >= MAX_AGE_MS) return null;
  dead = true;
  return v;
}

function looksLikeSettings(v: unknown): v is Settings {
  const s = v as Partial<Settings> | null;
  return !!s && typeof s === 'object' && (s.language === 'zh' || s.language === 'en') && (s.theme === 'light' || s.theme === 'dark' || s.theme === 'system');
}

let settingsTaken = false;

/**
 * The profile's settings the host put beside the card (web/firstCard.ts), once
 * per page, after the document is parsed; null when there are none. They are
 * getSettings' reply for this page load: the page applies them until
 * getSettings itself answers.
 */
export async function takePageSettings(doc: Document = document): Promise<Settings | null> {
  if (settingsTaken) return null;
  settingsTaken = true;
  if (doc.readyState === 'loading') await new Promise<void>((r) => doc.addEventListener('DOMContentLoaded', () => r(), { once: true }));
  const el = doc.getElementById(PAGE_SETTINGS_ELEMENT_ID);
  if (!el) return null;
  el.remove();
  try {
    const v: unknown = JSON.parse(el.textContent ?? '');
    return looksLikeSettings(v) ? v : null;
  } catch {
    return null;
  }
}

/** For tests: forget everything read so far. */
export function resetFirstCard(): void {
  pending = null;
  dead = false;
  settingsTaken = false;
}
