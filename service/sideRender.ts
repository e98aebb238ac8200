// The one way a card side becomes HTML for the review screen
// (CardView.frontHtml, Reveal.backHtml): sanitized, math left as placeholders
// the page typesets, long backs folded. The build renders the bundled deck's
// sides with it (service/deckDrafts.ts) and service/sides.ts loads it when a
// side is not among those, so both give one result for one text.
import { renderSanitized } from '../cards/render/sanitized.ts';

export const renderSide = (src: string): string => renderSanitized(src, { math: 'dom', fold: true }).html;
