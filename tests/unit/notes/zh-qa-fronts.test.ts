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

describe('a list of kinds under an announcing sentence', () => {
  it('asks each kind with the sentence that announces it', () => {
    const md = [
      '# 基于深度学习的模型',
      '### RNN',
      'RNN 的历史比 CNN 要悠久的多，常见的类型包括：',
      '',
      '- 一对多：给定单个字符，在时间步向前时同时输出结果序列',
      '- 多对一：给定文本序列，在时间步向前执行完后输出单个结果',
      '',
      '### 变形',
      'RNN有不同的变形：',
      '',
      '- Elman Network：把隐藏层的值存起来，下一个时间点再读出来',
      '',
    ].join('\n');
    const fronts = parse(md).filter((c) => c.kind === 'term').map((c) => c.front);
    expect(fronts).toContain('RNN常见的类型包括：多对一是什么？');
    expect(fronts).toContain('RNN有不同的变形：Elman Network是什么？');
  });

  it('leaves a list under a sentence that announces no kinds', () => {
    const md = '# 迁移学习\n## 概念\n迁移学习是很多方法的集合，这里介绍一些概念：\n\n- Target Data：和task直接相关的data\n';
    expect(parse(md).find((c) => c.kind === 'term')!.front).not.toContain('介绍');
  });
});

describe('a heading that opens with a verb but names a problem', () => {
  it('never asks "如何优化在深度学习中的挑战？"', () => {
    const md = '# 7.1 优化与深度学习\n## 7.1.2 优化在深度学习中的挑战\n深度学习中绝大多数目标函数都很复杂。局部最小值和鞍点是两个常见的挑战。\n';
    const card = parse(md).find((c) => c.kind === 'section')!;
    expect(card.front).not.toMatch(/^如何/);
    expect(card.front).toContain('优化在深度学习中的挑战');
  });

  it('still asks a task heading how ("读取数据" → "如何读取数据？")', () => {
    const md = '# 3.2 线性回归的从零开始实现\n## 3.2.2 读取数据\n在训练模型的时候，我们需要遍历数据集并不断读取小批量数据样本，每次返回批量大小个随机样本的特征和标签。\n';
    expect(parse(md).find((c) => c.kind === 'section')!.front).toMatch(/^如何读取数据/);
  });
});
