// cards/problems/ids.ts lists the template ids so the review queue can tell a
// missing template without loading the templates. The list must be the
// catalogue's, exactly: a template added without its id would be treated as
// missing (its cards left out of review).
import { describe, expect, it } from 'vitest';
import { templateIds } from '../../../cards/problems/catalogue.ts';
import { currentTemplateId, TEMPLATE_IDS } from '../../../cards/problems/ids.ts';
import { resolveTemplate } from '../../../cards/problems/aliases.ts';

describe('the template id list', () => {
  it('is the catalogue’s ids, in its order, each once', () => {
    expect([...TEMPLATE_IDS]).toEqual(templateIds());
  });

  it('finds current ids, follows renames, and stops on unknown ids and cycles', () => {
    const aliases = { 'old.conv': 'mid.conv', 'mid.conv': 'conv.out.valid', 'a.loop': 'b.loop', 'b.loop': 'a.loop' };
    expect(currentTemplateId('conv.out.same', aliases)).toBe('conv.out.same');
    expect(currentTemplateId('old.conv', aliases)).toBe('conv.out.valid');
    expect(currentTemplateId('gone', aliases)).toBeUndefined();
    expect(currentTemplateId('a.loop', aliases)).toBeUndefined();
    // resolveTemplate goes through the same lookup and then loads the template.
    expect(resolveTemplate('old.conv', aliases)?.id).toBe('conv.out.valid');
    expect(resolveTemplate('gone', aliases)).toBeUndefined();
  });
});
