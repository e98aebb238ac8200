// The bundled deck's cards from its Markdown: the notes parser, the Problems
// part and one problem card per formula template, interleaved. Its own module
// so the parser (markdown-it, KaTeX, YAML, mathjs' parser) is loaded only when
// a deck is actually parsed, and so the build can run the very same code to
// ship the result prebuilt (service/prebuiltDeck.ts).
import { parseNotes } from '../cards/notes/parse.ts';
import { checkNoteFormulas } from '../cards/problems/checkNotes.ts';
import { problemCards } from '../cards/problems/cards.ts';
import { problemPartCards } from '../cards/problems/part.ts';
import type { ParseResult } from '../cards/types.ts';
import { DEFAULT_DECK_ID } from './deck.ts';
import { interleaveProblems } from './library.ts';

export function defaultDeckDrafts(markdown: string, deck: string = DEFAULT_DECK_ID): ParseResult {
  const parsed = parseNotes(markdown, { deck, check: checkNoteFormulas });
  return { cards: interleaveProblems([...parsed.cards, ...problemPartCards(deck)], problemCards(deck)), warnings: parsed.warnings };
}

// For scripts/build-cli.js, which imports this module's bundle to write the prebuilt deck.
export { prebuiltDeckJson } from './prebuiltDeck.ts';
