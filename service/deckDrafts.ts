// The bundled deck's cards from its Markdown: the notes parser, the Problems
// part and one problem card per formula template, interleaved. Its own module
// so the parser (markdown-it, KaTeX, YAML, mathjs' parser) is loaded only when
// a deck is actually parsed, and so the build can run the very same code to
// ship the result prebuilt (service/prebuiltDeck.ts), sides rendered.
import { parseNotes } from '../cards/notes/parse.ts';
import { checkNoteFormulas } from '../cards/problems/checkNotes.ts';
import { problemCards } from '../cards/problems/cards.ts';
import { problemPartCards } from '../cards/problems/part.ts';
import type { CardDraft, ParseResult } from '../cards/types.ts';
import { DEFAULT_DECK_ID } from './deck.ts';
import { interleaveProblems } from './library.ts';
import { prebuiltDeckJson } from './prebuiltDeck.ts';
import { renderSide } from './sideRender.ts';

export function defaultDeckDrafts(markdown: string, deck: string = DEFAULT_DECK_ID): ParseResult {
  const parsed = parseNotes(markdown, { deck, check: checkNoteFormulas });
  return { cards: interleaveProblems([...parsed.cards, ...problemPartCards(deck)], problemCards(deck)), warnings: parsed.warnings };
}

/** Every front and back of `cards` as the review screen gets it (service/sides.ts reads them back). */
export function renderedSides(cards: readonly CardDraft[]): Record<string, string> {
  const sides: Record<string, string> = {};
  for (const c of cards) for (const src of [c.front, c.back]) sides[src] ??= renderSide(src);
  return sides;
}

/** The file the builds ship (scripts/build-cli.js, build-electron.js import this module's bundle): the cards, and their sides rendered by the same bundle. */
export function defaultDeckJson(sourceSha256: string, parsed: ParseResult): string {
  return prebuiltDeckJson(sourceSha256, parsed, renderedSides(parsed.cards));
}
