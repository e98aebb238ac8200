// Chinese Q&A collections (issue 11): fronts built from numbered question
// headings. Excerpts of the pattern ("### 3.5 Adaboost算法如何加入正则项?").
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';

const parse = (md: string) => parseNotes(md, { deck: 'd' }).cards;

describe('a question heading answered by a formula', () => {
  it('asks the question as written and requests the formula', () => {
    const md = '# Adaboost\n## 3. 算法面试题\n### 3.5 Adaboost算法如何加入正则项?\n\n$$\nf_m(x)=f_{m-1}(x)+\\eta \\alpha_{m}G_{m}(x)\n$$\n';
    const card = parse(md).find((c) => c.kind === 'formula')!;
    expect(card.front).toBe('Adaboost算法如何加入正则项？（写出公式）');
  });

  it('keeps "X的公式是什么？" for a heading that names something', () => {
    const md = '# 平滑\n## 标签平滑\n\n$$\np_i=1-\\epsilon\n$$\n';
    expect(parse(md).find((c) => c.kind === 'formula')!.front).toBe('标签平滑的公式是什么？');
  });
});

describe('algorithm steps name no formula of their own', () => {
  it('asks "初始化：$$…$$" / "递推：$$…$$" under the section, not "递推的公式是什么？"', () => {
    const md = [
      '# CRF',
      '## 1. 简单介绍条件随机场',
      '条件随机场预测的维特比算法求解过程：',
      '',
      '初始化：',
      '$$',
      '\\delta_{1}(j)=w \\cdot F_{1}(y_{0}=start, y_{1}=j, x)',
      '$$',
      '递推：',
      '$$',
      '\\delta_{i}(l)=\\max_{j}\\{\\delta_{i-1}(j)+w \\cdot F_{i}(y_{i-1}=j, y_{i}=l, x)\\}',
      '$$',
      '',
    ].join('\n');
    const fronts = parse(md).filter((c) => c.kind === 'formula').map((c) => c.front);
    expect(fronts).toHaveLength(2);
    for (const f of fronts) expect(f).toMatch(/^简单介绍条件随机场。（(?:初始化|递推)，写出公式）$/);
  });
});
