// Small fixes from the lead's judgement of the corpus samples (issue 11): a generic
// parent item that the heading already names, and a code header read as a term.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';

const fronts = (md: string, title: string) => parseNotes(md, { deck: 'd', title }).cards.map((c) => c.front);

describe('terms under a generic parent item', () => {
  it('"缺点" under "XGBoost的优缺点" names the topic too, not only the bare label', () => {
    const md = [
      '## 14. XGBoost的优缺点',
      '',
      '- 缺点',
      '  - **预排序过程的空间复杂度过高**：不仅需要存储特征值，还需要存储梯度统计值的索引，消耗两倍的内存。',
      '  - **节点分裂仍需遍历数据集**：预排序和近似算法只能减少计算量。',
      '',
    ].join('\n');
    const fs = fronts(md, 'XGBoost');
    const f = fs.find((x) => x.includes('预排序过程的空间复杂度过高'));
    expect(f).toBeDefined();
    expect(f).toContain('XGBoost');
    expect(f!.startsWith('缺点：')).toBe(false);
  });
});

describe('code pasted as text', () => {
  it('a function header such as "def half_of_greater(x, y):" is no term', () => {
    const md = [
      '# model',
      '',
      'A programming function like the following is also a model:',
      '',
      'def half_of_greater(x, y):',
      '  if (x > y): return x / 2',
      '',
    ].join('\n');
    expect(fronts(md, 'model').filter((f) => f.includes('half_of_greater'))).toEqual([]);
  });
});
