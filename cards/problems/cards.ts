// One SM-2 scheduled card per template; each review shows a fresh variant.
import { cardId } from '../id.ts';
import type { CardDraft } from '../types.ts';
import { TEMPLATES } from './catalogue.ts';

// After every notes card, in catalogue order: problems come after the theory they practise.
const ORDER_BASE = 1_000_000;

export function problemCards(deck: string): CardDraft[] {
  return TEMPLATES.map((t, i) => ({
    id: cardId(deck, t.section, t.id),
    deck,
    kind: 'problem',
    section: [...t.section],
    key: t.id,
    front: `${t.title.zh} / ${t.title.en}`,
    back: t.formula,
    links: [],
    order: ORDER_BASE + i,
    line: 0,
    templateId: t.id,
  }));
}
