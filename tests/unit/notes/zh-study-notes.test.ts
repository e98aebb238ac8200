// Chinese interview banks (issue 11): a trailing "（重点）"/"（高频）" marks how often a
// question is asked, not what it asks, so the front drops it instead of gaining a second
// "？"; an aspect glued to a Latin subject ("SVM直观解释") is asked as that subject's
// aspect, not with the method form "是什么？为什么用？". Excerpts of zh-daily-interview.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';
import { isAspectNoun } from '../../../cards/notes/aspect.ts';

const fronts = (md: string) => parseNotes(md, { deck: 'd' }).cards.map((c) => c.front);

describe('study-note annotations and glued aspects in Chinese headings', () => {
  it('drops a trailing （重点） from a question heading', () => {
    const md = [
      '# 过拟合欠拟合面试题',
      '## 6. 为什么L1比L2更容易获得稀疏解？（重点）',
      'L1正则的等值线是菱形，与损失函数等高线相交时更容易落在坐标轴上，使部分权重恰好为0，因此得到稀疏解。',
      '## 4. 怎么解决过拟合（高频）',
      '增加数据、加正则化、使用Dropout、提前停止训练，以及降低模型复杂度，都能减轻过拟合。',
      '',
    ].join('\n');
    const f = fronts(md);
    expect(f).toContain('为什么L1比L2更容易获得稀疏解？');
    expect(f).toContain('怎么解决过拟合？');
    expect(f.some((x) => /重点|高频/.test(x))).toBe(false);
  });

  it('asks "SVM直观解释" as the SVM\'s intuition, not as a method', () => {
    const md = [
      '# SVM面试题',
      '## 1. SVM直观解释',
      'SVM是一种二分类模型，它的基本思想是在特征空间中找到间隔最大的分离超平面，使数据点离超平面尽量远。',
      '',
    ].join('\n');
    const f = fronts(md);
    expect(f).toContain('SVM的直观解释是什么？');
    expect(f.some((x) => x.includes('为什么用'))).toBe(false);
  });

  it('asks "梯度下降法直观理解" as the method\'s intuition', () => {
    const md = ['# 梯度下降', '## 梯度下降法直观理解', '把损失函数想象成一座山，每一步都沿着当前位置最陡的下坡方向走一小步，直到走到谷底附近。', ''].join('\n');
    expect(fronts(md)).toContain('梯度下降法的直观理解是什么？');
  });

  it('asks a component "趋势项模型" under "Prophet" about Prophet, while a named model keeps its own front', () => {
    const md = [
      '# Prophet',
      '## 1. 模型整体结构',
      'Prophet把时间序列分解为趋势项、季节项、节假日项和剩余项之和，各部分分别建模后相加得到预测值。',
      '## 2. 趋势项模型',
      '趋势项有两个重要的函数，一个是基于逻辑回归函数的饱和增长模型，另一个是基于分段线性函数的线性增长模型。',
      '',
    ].join('\n');
    const f = fronts(md);
    expect(f).toContain('Prophet的趋势项模型是什么？');
    expect(isAspectNoun('趋势项模型')).toBe(true);
    expect(isAspectNoun('正则项')).toBe(true);
    expect(isAspectNoun('跳字模型')).toBe(false);
    expect(isAspectNoun('语言模型')).toBe(false);
  });

  it('asks a lower-case English label in Chinese lecture notes about the topic above it', () => {
    const md = [
      '# Support Vector Machine',
      '## Linear SVM',
      '### model description',
      '在linear SVM里，我们的function set就是线性函数的集合，输入特征乘上权重再加偏置，大于0就判为正类，否则判为负类。',
      '## Matrix Factorization',
      '### more about matrix factorization',
      '在矩阵分解里，我们也可以在每个用户和物品的内积之外再加上偏置项，这样模型能更好地拟合各自的打分倾向，效果会更好。',
      '',
    ].join('\n');
    const f = fronts(md);
    expect(f).toContain('Linear SVM（model description）：要点是什么？');
    expect(f).toContain('more about matrix factorization：要点是什么？');
  });
});
