// Shared vocabulary of the pure core. Everything here is plain data so it can
// cross IPC/HTTP unchanged and be stored as-is.

export type CardKind =
  | 'section' // heading + explanatory text
  | 'term' // **term**：definition
  | 'formula' // a named formula
  | 'prompt' // open question from the notes, answered by the section's links
  | 'reading' // a section that holds only links: a reading list
  | 'qa' // explicit Q::A or multi-line ? card
  | 'cloze' // explicit ==cloze== deletion
  | 'problem'; // a parametrized numeric problem (see cards/problems)

export interface CardLink {
  title: string;
  url: string;
}

/** Something a parser or checker wants the user to see, with where it came from. */
export interface SourceWarning {
  line: number; // 1-based line in the notes file
  message: string;
  code: string; // machine-readable: 'unbalanced-dollar', 'katex-error', 'empty-section', 'formula-mismatch', …
}

/**
 * A card as produced from notes or templates, before it is stored.
 * `id` is stable: it derives from deck + heading path + card key, never from
 * line numbers or answer text, so editing an answer keeps the card's history.
 */
export interface CardDraft {
  id: string;
  deck: string;
  kind: CardKind;
  section: string[]; // heading path, outermost first (plain text, math kept as written)
  key: string; // the term / heading / question the id derives from
  front: string; // Markdown source, math kept as written
  back: string; // Markdown source
  links: CardLink[];
  order: number; // position in the notes, for "new cards in notes order"
  line: number; // 1-based source line, for reports only (never part of the id)
  templateId?: string; // kind 'problem' only
  warnings?: SourceWarning[]; // e.g. a note formula that disagrees with the verified result
  tags?: string[]; // from front matter, #tags and difficulty marks like [E]/[M]/[H]
  lang?: 'zh' | 'en'; // the language of the note/section the card came from
}

export interface ParseResult {
  cards: CardDraft[];
  warnings: SourceWarning[];
}
