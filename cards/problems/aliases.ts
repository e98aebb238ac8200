// Template ids are part of stored data (cards.template_id, mock questions), so
// renaming a template must not orphan them. Each rename adds a line here:
// old id → new id. Two things follow from the table:
// - resolveTemplate finds a template by its current or any former id, so a
//   stored card or mock question with an old id still generates;
// - identityKey gives a renamed template its FIRST id as the card key, so the
//   default deck's problem card keeps its id — and its history — on re-import.
import { getTemplate } from './catalogue.ts';
import { currentTemplateId, MAX_HOPS, TEMPLATE_ALIASES, type TemplateAliases } from './ids.ts';
import type { Template } from './types.ts';

// The table and the id lookup live in ids.ts, which loads no template.
export { TEMPLATE_ALIASES, type TemplateAliases };

/** The current template for `id` (itself or through aliases), or undefined when it no longer exists. */
export function resolveTemplate(id: string, aliases: TemplateAliases = TEMPLATE_ALIASES): Template | undefined {
  const at = currentTemplateId(id, aliases);
  return at === undefined ? undefined : getTemplate(at);
}

/** The id a template's card was first created under: follows aliases backwards to the oldest name. */
export function identityKey(id: string, aliases: TemplateAliases = TEMPLATE_ALIASES): string {
  let at = id;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const former = Object.keys(aliases).find((old) => aliases[old] === at);
    if (former === undefined) return at;
    at = former;
  }
  return at;
}
