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
