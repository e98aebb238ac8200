// Obsidian wikilinks on cards (`[[note]]`, `[[note|alias]]`, `[[note#heading]]`)
// open Browse on that note's cards: an in-app navigation through the URL hash
// (`#/browse?note=…&heading=…`), never an external open, so it works the same
// in Electron (app://) and browser mode. The renderer marks them as
// `a.wikilink[data-note][data-heading]` without an href (cards/render/obsidian.ts).
import type { SectionInfo } from '../../service/contract/index.ts';

export interface WikiTarget {
  note: string; // '' for `[[#heading]]`
  heading: string; // '' for the whole note; nested headings as `A › B`
}

/** The subset of a deck the resolver needs (DeckSummary from listDecks). */
export interface DeckRef {
  id: string;
  name: string;
  importedName: string;
  relPath: string | null;
}

/** What Browse filters by: a deck, a section subtree, or (nothing matched) a text search. */
export interface BrowseFilter {
  deck?: string;
  section?: string[];
  text?: string;
  label: string; // what the learner asked for, shown in the filter chip
  found: boolean;
}

/** Hash of the Browse screen showing a wikilink's target. */
export function browseHash(t: WikiTarget): string {
  const q = new URLSearchParams();
  if (t.note) q.set('note', t.note);
  if (t.heading) q.set('heading', t.heading);
  return `#/browse?${q.toString()}`;
}

/** The wikilink target in a Browse hash, or null when the hash asks for none. */
export function targetFromHash(hash: string): WikiTarget | null {
  const at = hash.indexOf('?');
  if (at < 0 || !/^#\/?browse\?/.test(hash)) return null;
  const q = new URLSearchParams(hash.slice(at + 1));
  const note = q.get('note') ?? '';
  const heading = q.get('heading') ?? '';
  return note || heading ? { note, heading } : null;
}

// Obsidian matches names case-insensitively; headings are compared without
// punctuation, spacing and outline numbers, since crumbs are cleaned text.
const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\.(md|markdown)$/, '').replace(/[^\p{L}\p{N}]+/gu, '');
const headingNorm = (s: string) => norm(s.replace(/^\s*(?:\d+(?:\.\d+)*\.?|[（(]\d+[)）])\s*/, ''));

/** Path segments of a note name or a deck's file, without extension. */
function pathParts(s: string): string[] {
  return s.replace(/\\/g, '/').split('/').filter(Boolean).map(norm);
}

/**
 * The deck a note name refers to: its file name (Obsidian's shortest-path
 * link) or, for `[[folder/note]]`, the end of its path; then a deck named so.
 */
export function findDeck(note: string, decks: readonly DeckRef[]): DeckRef | null {
  const want = pathParts(note);
  if (want.length === 0) return null;
  const endsWith = (file: string | null) => {
    if (!file) return false;
    const have = pathParts(file);
    return want.length <= have.length && want.every((w, i) => have[have.length - want.length + i] === w);
  };
  return (
    decks.find((d) => endsWith(d.relPath ?? d.importedName)) ??
    decks.find((d) => norm(d.name) === want.join('') || norm(d.importedName) === want.join('')) ??
    null
  );
}

/**
 * The Browse filter for a wikilink. The note's deck when one matches; for a
 * heading, the shortest section path (the heading's own subtree) whose last
 * crumb is that heading, preferring paths under the note's title.
 */
export function resolveTarget(t: WikiTarget, decks: readonly DeckRef[], sections: readonly SectionInfo[]): BrowseFilter {
  const label = t.note && t.heading ? `${t.note} › ${t.heading}` : t.note || t.heading;
  const deck = t.note ? findDeck(t.note, decks) : null;
  if (t.note && !deck) return { text: t.note, label, found: false };
  if (!t.heading) return { deck: deck!.id, label, found: true };
  const last = headingNorm(t.heading.split('›').pop() ?? t.heading);
  const noteKey = t.note ? pathParts(t.note).pop() ?? '' : '';
  const candidates = sections
    .map((s) => s.section)
    .filter((p) => p.length > 0 && headingNorm(p[p.length - 1]!) === last)
    .sort((a, b) => Number(noteKey !== '' && norm(b[0]!) === noteKey) - Number(noteKey !== '' && norm(a[0]!) === noteKey) || a.length - b.length);
  const section = candidates[0];
  if (section) return { ...(deck ? { deck: deck.id } : {}), section, label, found: true };
  return deck ? { deck: deck.id, label, found: true } : { text: t.heading, label, found: false };
}

/** Delegated click / Enter on a rendered card: open the wikilink's target in Browse. */
export function wikilinkTarget(e: Event): WikiTarget | null {
  const el = (e.target as Element | null)?.closest?.('a.wikilink');
  if (!el) return null;
  const note = el.getAttribute('data-note') ?? '';
  const heading = el.getAttribute('data-heading') ?? '';
  return note || heading ? { note, heading } : null;
}

/** Go to Browse showing the target (the hash router picks it up; Browse reads the query). */
export function openTarget(t: WikiTarget): void {
  location.hash = browseHash(t);
}
