// One SM-2 scheduled card per template; each review shows a fresh variant.
import { cardId } from '../id.ts';
import type { CardDraft } from '../types.ts';
import { identityKey, TEMPLATE_ALIASES, type TemplateAliases } from './aliases.ts';
import { TEMPLATES } from './catalogue.ts';

// After every notes card, in catalogue order: problems come after the theory they practise.
const ORDER_BASE = 1_000_000;

/** A renamed template keeps its first id as the card key (aliases.ts), so its card keeps its history. */
export function problemCards(deck: string, aliases: TemplateAliases = TEMPLATE_ALIASES): CardDraft[] {
  return TEMPLATES.map((t, i) => ({
    id: cardId(deck, t.section, identityKey(t.id, aliases)),
    deck,
    kind: 'problem',
    section: [...t.section],
    key: identityKey(t.id, aliases),
    front: `${t.title.zh} / ${t.title.en}`,
    back: t.formula,
    links: [],
    order: ORDER_BASE + i,
    line: 0,
    templateId: t.id,
  }));
}
