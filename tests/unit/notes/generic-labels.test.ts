// Labels that name nothing on their own ("Update Rule", "Key Parameters", "Types", "发展") are asked
// about the topic above them, so the front makes sense without its breadcrumbs.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';

const fronts = (md: string) => parseNotes(md, { deck: 'd' }).cards.map((c) => `[${c.kind}] ${c.front}`);

describe('generic labels carry their topic', () => {
  it('a formula under a generic label is the topic\'s formula', () => {
    const md = "# SARSA (On-Policy)\nSARSA learns the value of the policy it follows.\n\n**Update Rule**:\n$$Q(s,a) \\leftarrow Q(s,a) + \\alpha [r + \\gamma Q(s',a') - Q(s,a)]$$\n";
    expect(fronts(md)).toContain('[formula] SARSA (On-Policy): formula for the update rule?');
  });

  it('"Key Parameters", "Types" and "发展" headings ask about their topic', () => {
    expect(fronts('# IVF (Inverted File Index)\nPartitions vectors into clusters.\n\n## Key Parameters\n**Heuristics**:\n\n- `nlist ≈ sqrt(N)` for balanced partitioning\n- `nprobe ≈ nlist/10` as a starting point\n')).toContain('[section] IVF (Inverted File Index): key parameters?');
    expect(fronts('# Supervised Learning\nLearning from labelled data.\n\n## Types\n- **Regression**: Predicting Continuous Values\n- **Classification**: Predicting categories\n')).toEqual([
      '[section] What is Supervised Learning?',
      '[term] Supervised Learning: what is Regression?',
      '[term] Supervised Learning: what is Classification?',
    ]);
    expect(fronts('# 注意力机制\n注意力机制可以看作加权平均。\n\n## 发展\n本质上，注意力机制能够为表征中较有价值的部分分配较多的计算资源。\n')).toContain('[section] 注意力机制的发展是什么？');
  });
});
