import { describe, expect, it } from 'vitest';
import { identityKey, resolveTemplate, TEMPLATE_ALIASES } from '../../../cards/problems/aliases.ts';
import { problemCards } from '../../../cards/problems/cards.ts';
import { TEMPLATES } from '../../../cards/problems/catalogue.ts';
import { generate, UnknownTemplateError } from '../../../cards/problems/generate.ts';
import { cardId } from '../../../cards/id.ts';

const current = TEMPLATES[0]!;

describe('template aliases', () => {
  it('the shipped table only points at templates that exist, without cycles', () => {
    for (const [old, now] of Object.entries(TEMPLATE_ALIASES)) {
      expect(resolveTemplate(now), `${old} → ${now}`).toBeDefined();
      expect(resolveTemplate(old)?.id).toBe(resolveTemplate(now)?.id);
    }
  });

  it('finds a template by a former id, through a chain of renames', () => {
    const aliases = { 'a.first': 'a.second', 'a.second': current.id };
    expect(resolveTemplate('a.first', aliases)?.id).toBe(current.id);
    expect(resolveTemplate('a.second', aliases)?.id).toBe(current.id);
    expect(resolveTemplate('gone', aliases)).toBeUndefined();
    expect(resolveTemplate('constructor', aliases)).toBeUndefined();
    expect(resolveTemplate('x', { x: 'y', y: 'x' })).toBeUndefined(); // a cycle ends, it does not hang
  });

  it('gives a renamed template its first id as card identity, so its card keeps its id and history', () => {
    const aliases = { 'a.first': 'a.second', 'a.second': current.id };
    expect(identityKey(current.id, aliases)).toBe('a.first');
    const renamed = problemCards('deck', aliases).find((c) => c.templateId === current.id)!;
    expect(renamed.id).toBe(cardId('deck', current.section, 'a.first'));
    expect(renamed.key).toBe('a.first');
    // Without renames nothing changes: ids derive from the template id as before.
    const plain = problemCards('deck').find((c) => c.templateId === current.id)!;
    expect(plain.id).toBe(cardId('deck', current.section, current.id));
  });

  it('generate names the missing template with a typed error', () => {
    expect(() => generate('gone', 1)).toThrow(UnknownTemplateError);
    expect(() => generate('gone', 1)).toThrow(/gone/);
  });
});
