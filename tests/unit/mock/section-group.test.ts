// The "Transformers & LLMs" choice of the mock start screen (issue 15).
import { describe, expect, it } from 'vitest';
import { problemCards } from '../../../cards/problems/cards.ts';
import { problemPartCards } from '../../../cards/problems/part.ts';
import { SECTIONS } from '../../../cards/problems/sections.ts';
import { availableGroupPaths, groupOn, SECTION_GROUPS, toggleGroup } from '../../../renderer/screens/mock/logic.ts';
import { checkSections, inSection, withDefaults } from '../../../srs/mock/config.ts';
import { drawQuestions, type Candidate } from '../../../srs/mock/draw.ts';

const GROUP = SECTION_GROUPS.transformersLlms;
const FRESH = { easeFactor: null, lapses: 0, recentFails: 0, mockMisses: 0 };

describe('Transformers & LLMs section group', () => {
  it('is the attention notes plus the Transformers, LLM cost and Decoding sections', () => {
    expect(GROUP.map((p) => [...p])).toEqual([SECTIONS.attention, SECTIONS.transformers, SECTIONS.llmCost, SECTIONS.decoding].map((p) => [...p]));
  });

  it('offers only the paths a collection has, and toggles them as one', () => {
    expect(availableGroupPaths('transformersLlms', [['卷积', '感受野计算'], ['注意力机制']])).toEqual([['注意力机制']]);
    expect(availableGroupPaths('transformersLlms', [['卷积']])).toEqual([]);
    const paths = availableGroupPaths('transformersLlms', GROUP.map((p) => [...p, 'x']));
    expect(paths).toHaveLength(4);
    const on = toggleGroup([['卷积']], paths);
    expect(on).toEqual([['卷积'], ...paths]);
    expect(groupOn(on, paths)).toBe(true);
    expect(groupOn([['卷积']], paths)).toBe(false);
    expect(groupOn([], [])).toBe(false);
    expect(toggleGroup(on, paths)).toEqual([['卷积']]);
    // A partly chosen group is completed, not duplicated.
    expect(toggleGroup([['注意力机制']], paths)).toEqual(paths);
  });

  it('lets the mock engine draw v2 problems and explanatory cards from those sections only', () => {
    const drafts = [...problemPartCards('d'), ...problemCards('d')];
    const cards: Candidate[] = drafts.map((c) => ({ cardId: c.id, kind: c.kind === 'problem' ? 'problem' : 'concept', section: c.section, stats: FRESH }));
    const config = withDefaults({ questions: 10, sections: GROUP.map((p) => [...p]), mix: 0.5 });
    expect(() => checkSections(config, cards.map((c) => c.section))).not.toThrow();
    const drawn = drawQuestions(cards, config, 7);
    expect(drawn).toHaveLength(10);
    const byId = new Map(drafts.map((c) => [c.id, c]));
    for (const q of drawn) expect(GROUP.some((p) => inSection(byId.get(q.cardId)!.section, p))).toBe(true);
    expect(drawn.some((q) => byId.get(q.cardId)!.templateId?.startsWith('llm.'))).toBe(true);
  });
});
