// Obsidian syntax that is not note text, met before the pipeline reads a note.
//
// - A plugin query (```dataview, ```dataviewjs, ```query, ```tasks) lists other
//   notes when Obsidian renders it; as a card it is a code listing of a query
//   language. Blanked like front matter (line numbers stay).
// - A callout whose title is a question (`> [!question]- What is …?`) is a
//   flashcard someone already wrote: the title asks, the callout's body answers.

/** Fenced blocks of Obsidian query plugins; bounded so an unclosed fence stays linear. */
const QUERY_BLOCK = /^([ \t]*)(`{3,}|~{3,})[ \t]*(?:dataview|dataviewjs|query|tasks)\b[^\n]*\n(?:(?!\1\2)[^\n]*\n){0,500}?\1\2[ \t]*$/gim;

export function blankQueryBlocks(text: string): string {
  return text.replace(QUERY_BLOCK, (m) => m.replace(/[^\n]/g, ''));
}

/** `> [!type]± ` opening a callout (after the quote marker). */
export const CALLOUT_LINE = /^[ \t]*>[ \t]?\[![\w-]+\][+-]?/;

/** "[!question]- What is …?" → "What is …?" (the quote marker is already gone from item text). */
export const stripCalloutMarker = (s: string): string => s.replace(/^\s*\[![\w-]+\][+-]?\s*/, '');
