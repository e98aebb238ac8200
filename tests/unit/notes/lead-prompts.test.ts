// Questions that are not questions to review: procedure steps and prose asking itself.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';

const cards = (md: string, title = 'Note') => parseNotes(md, { deck: 'd', title }).cards;

describe('imperative list items', () => {
  it('a step of a procedure ("Calculate …" among statements) is not a prompt (obsidian ROC note)', () => {
    const md = '## How ROC is Generated\n\n1. Model outputs probabilities for each sample\n2. Generate thresholds\n3. **For each threshold**:\n   - Classify: predict 1 if prob ≥ threshold, else 0\n   - Calculate confusion matrix → get TP, FP, TN, FN\n   - Calculate TPR = TP/(TP+FN) and FPR = FP/(FP+TN)\n   - This gives ONE point (FPR, TPR) on the curve\n4. Plot all points → ROC curve\n';
    const c = cards(md, 'ROC Curves and AUC');
    expect(c.filter((x) => x.kind === 'prompt')).toEqual([]);
    expect(c.some((x) => x.back.includes('Calculate confusion matrix'))).toBe(true); // still in the section's answer
  });

  it('a list of interview tasks stays one prompt each, and a real question among statements stays', () => {
    const tasks = cards('## Questions\n\n1. Explain the bias-variance trade-off.\n2. Derive the gradient of softmax cross-entropy.\n3. What is dropout?\n');
    expect(tasks.filter((x) => x.kind === 'prompt').length).toBe(3);
    const mixed = cards('## Notes\n\n- Dropout zeroes activations at random\n- Why does dropout regularise?\n- It is off at test time\n');
    expect(mixed.filter((x) => x.kind === 'prompt').map((x) => x.front)).toEqual(['Why does dropout regularise?']);
  });
});

describe('question paragraphs', () => {
  it('a rhetorical question in prose with nothing after it is not an open prompt (lhy notes)', () => {
    const c = cards('# Word Embedding\n\n## Introduction\n\n词嵌入是降维的典型应用。\n\n那如何用vector来表示一个word呢？\n\n### 1-of-N Encoding\n\n最传统的做法是1-of-N encoding。\n', 'Word Embedding');
    expect(c.filter((x) => x.kind === 'prompt')).toEqual([]);
  });

  it('a question paragraph without an answer that is a real question keeps its open prompt', () => {
    const c = cards('# GBDT\n\n## 面试真题\n\n写一个gbdt的损失函数？\n', 'GBDT');
    expect(c.filter((x) => x.kind === 'prompt').map((x) => x.front)).toEqual(['写一个gbdt的损失函数？']);
  });
});

describe('parent items as context', () => {
  it('a parent item written with trailing punctuation ("Requirements;") names its terms without it', () => {
    const c = cards('# News Feed\n\n## Problem Formulation\n\n* Requirements;\n  * Latency: 200 msec after the user opens the app\n  * Scalability: 2 B daily active users\n', 'News Feed');
    const fronts = c.map((x) => x.front);
    expect(fronts.some((f) => /latency/i.test(f))).toBe(true);
    for (const f of fronts) expect(f).not.toMatch(/;[:：]/);
  });
});

describe('answers that only repeat the question', () => {
  it('a bold term whose "definition" is its own name is not a card; a real definition is', () => {
    const c = cards('# Ranking systems\n\n- **Ads serving system** (retrieval, ranking)\n- **Feed ranking**: orders posts by predicted engagement\n', 'ML system design');
    expect(c.some((x) => x.back.includes('Ads serving system'))).toBe(false);
    expect(c.some((x) => x.front.includes('Feed ranking') && x.back.includes('predicted engagement'))).toBe(true);
  });
});

describe('a follow-up instruction after a listed question', () => {
  it('is part of the question ("…？说明一下其技术细节。", "…? Explain why."), not its answer', () => {
    const md = '## 面试题\n\n37. 什么是 XGBoost 模型？说明一下其技术细节。\n38. 什么是 kernel trick? 它有什么好处？并写出 RBF kernel 的公式。\n\n## Questions\n\n1. What is dropout? Explain why it regularises.\n';
    const ps = cards(md).filter((c) => c.kind === 'prompt');
    expect(ps.map((c) => c.front)).toEqual([
      '什么是 XGBoost 模型？说明一下其技术细节。',
      '什么是 kernel trick? 它有什么好处？并写出 RBF kernel 的公式。',
      'What is dropout? Explain why it regularises.',
    ]);
    expect(ps.every((c) => /开放问题|Open question/.test(c.back))).toBe(true);
  });

});

describe('a section that announces its sub-headings', () => {
  it('lists them in its answer when its text ends by announcing them ("…如下：", "…two approaches:")', () => {
    const md = [
      '## How GraphRAG works', '', 'GraphRAG builds a knowledge graph of the corpus and answers from it. It works in two phases (**both run an LLM**):', '',
      '### Indexing (offline)', '', 'Extract entities and relations, then summarise communities.', '',
      '### Querying (online)', '', 'Search the community summaries or the local graph.', '',
      '## Pruning', '', 'Pruning removes branches that add little predictive power.', '',
      '### Pre-pruning', '', 'Stop growing early.', '',
      '### Post-pruning', '', 'Grow fully, then cut back.', '',
    ].join('\n');
    const cs = cards(md, 'CNN');
    const how = cs.find((c) => c.kind === 'section' && c.back.startsWith('GraphRAG builds'))!;
    expect(how.back).toMatch(/two phases \(\*\*both run an LLM\*\*\):\n\n- Indexing \(offline\)\n- Querying \(online\)$/);
    // Text that does not announce them stands as written.
    const pruning = cs.find((c) => c.kind === 'section' && c.back.startsWith('Pruning removes'))!;
    expect(pruning.back).toBe('Pruning removes branches that add little predictive power.');
  });
});
