// Chinese tables (issue 11): a row card's front names what the row belongs
// to — the things compared when the columns are models ("| 特性 | MHA | MQA |"),
// the topic when the key column lists its drawbacks ("| 缺点 | 改进 | 描述 |");
// a two-way table of codes (a confusion matrix) stays whole in the answer.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';

const parse = (md: string, title?: string) => parseNotes(md, { deck: 'd', ...(title ? { title } : {}) }).cards;

describe('Chinese table rows carry their subject', () => {
  it('asks a row of drawbacks under its topic', () => {
    const md = [
      '## 3. 优缺点及改进算法',
      '',
      '| 缺点           | 改进      | 描述                         |',
      '| -------------- | --------- | ---------------------------- |',
      '| 对奇异点敏感   | k-median  | 中位数代替平均值作为簇中心   |',
      '| 只能找到球状群 | GMM       | 以高斯分布考虑簇内数据点的分布 |',
      '',
    ].join('\n');
    const fronts = parse(md, 'kmeans').map((c) => c.front);
    expect(fronts).toContain('kmeans的缺点“只能找到球状群”：改进、描述是什么？');
    expect(fronts.some((f) => f.startsWith('只能找到球状群'))).toBe(false);
  });

  it('asks a row of a sideways comparison about the things compared', () => {
    const md = [
      '## 注意力的变体',
      '',
      '| 特性     | 多头注意力（MHA）   | 多查询注意力（MQA）    |',
      '| -------- | ------------------- | ---------------------- |',
      '| 键值共享 | 每个头独立计算Q/K/V | 所有头共享K/V，仅Q独立 |',
      '| 计算效率 | 低                  | 高                     |',
      '',
    ].join('\n');
    const card = parse(md).find((c) => c.key === '键值共享')!;
    expect(card.front).toBe('多头注意力（MHA）、多查询注意力（MQA）：键值共享分别是什么？');
    expect(card.back).toContain('所有头共享K/V');
  });

  it('keeps a confusion matrix whole', () => {
    const md = '## 混淆矩阵\n混淆矩阵把预测和实际的组合排成一张表。\n\n|          | 实际为正 | 实际为负 |\n| -------- | -------- | -------- |\n| 预测为正 | TP       | FP       |\n| 预测为负 | FN       | TN       |\n';
    const cards = parse(md);
    expect(cards.some((c) => c.key === '预测为正')).toBe(false);
    expect(cards.find((c) => c.kind === 'section')!.back).toContain('| 预测为正 | TP');
  });

  it('keeps rows keyed by names as they are', () => {
    const md = '## 激活函数\n\n| 函数 | 优点 | 缺点 |\n| --- | --- | --- |\n| ReLU | 计算简单 | 神经元死亡 |\n| sigmoid | 输出在0到1之间 | 梯度消失 |\n';
    expect(parse(md).map((c) => c.front)).toContain('ReLU的优点、缺点是什么？');
  });
});
