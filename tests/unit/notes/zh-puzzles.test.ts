// Interview Q&A collections (issue 11): brain teasers and probability puzzles
// written as "题目：… / 解析：…" under a heading that only names the puzzle, and
// a docs folder's index page that maps the chapters. Excerpts of the pattern.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';
import { puzzleParts } from '../../../cards/notes/puzzle.ts';
import { isSiteIndex } from '../../../cards/notes/siteindex.ts';

const parse = (md: string) => parseNotes(md, { deck: 'd' });

describe('a puzzle asks its whole statement', () => {
  it('asks the statement and answers with the solution, not "坏鸡蛋：要点是什么？"', () => {
    const md = [
      '# 逻辑题目',
      '## 4. 坏鸡蛋',
      '> **题目**: 有十二个鸡蛋，有一个是坏的(重量与其余鸡蛋不同)请问用天平最少称几次,才能称出哪个鸡蛋是坏的?',
      '',
      '**解析**：',
      '',
      '将鸡蛋分成三份，每份四只。第一次，取1234放在天平的左端，5678放在天平的右端。',
      '所以，需要称重三次。',
      '',
    ].join('\n');
    const cards = parse(md).cards;
    expect(cards).toHaveLength(1);
    expect(cards[0]!.front).toBe('有十二个鸡蛋，有一个是坏的(重量与其余鸡蛋不同)请问用天平最少称几次,才能称出哪个鸡蛋是坏的?');
    expect(cards[0]!.back).toContain('所以，需要称重三次。');
    expect(cards[0]!.back).not.toMatch(/解析|题目/);
  });

  it('keeps the steps of a solution in its answer instead of making them terms', () => {
    const md = [
      '# 概率题目',
      '## 7. 吃苹果',
      '> **题目**: 有一苹果两个人抛硬币来决定谁吃这个苹果先抛到正面者吃。问先抛者吃到苹果的概率是多少？',
      '',
      '**解析**:  ',
      '先抛者A吃苹果, 后者是B:  ',
      'A(第一次)吃: 1/2  ',
      'A(第二次)吃: 1/2(!A)*1/2(!B)*1/2(A)=1/8  ',
      '这是一个等比数列,公比是1/4, 首项是1/2.',
      '',
      '## 1. 猜数字',
      '> **题目**: ',
      '> 两人玩游戏,在脑门上贴数字,两人的数字相差1.',
      '```',
      'A：我不知道',
      'B：我也不知道',
      '```',
      '**解析**: 只看见对方的,看不见自己的.  ',
      '1. 假设A头上的数字是x; B头上的数字是y.',
      '2. 条件1, A看到B头上的y,说不知道自己的是多少.',
      '3. 条件2: B看到x后,说我也不知道.',
      '',
    ].join('\n');
    const cards = parse(md).cards;
    expect(cards.map((c) => c.kind)).toEqual(['section', 'section']);
    expect(cards[0]!.back).toContain('A(第二次)吃: 1/2(!A)*1/2(!B)*1/2(A)=1/8');
    expect(cards[1]!.front).toContain('两人玩游戏');
    expect(cards[1]!.front).toContain('A：我不知道');
    expect(cards[1]!.back).toContain('条件2: B看到x后');
  });

  it('"条件2", "方法1" are outline labels, never terms', () => {
    const cards = parse('# 解法\n## 再谈等概率器\n下面是两种做法。\n\n- 方法1: 扔6次骰子\n- 条件2: 两次结果不同\n').cards;
    expect(cards.some((c) => c.kind === 'term')).toBe(false);
  });

  it('needs both labels: a statement alone, or a heading question, is left as it was', () => {
    expect(puzzleParts('> **题目**: 给你一根铅笔,折两次,组成三角形的概率是多大.')).toBeNull();
    expect(puzzleParts('1. 假设A头上的数字是x\n**解析**: …')).toBeNull();
    // In English notes "**Problem**: … **Solution**: …" is a pitfall and its fix, not a puzzle.
    expect(puzzleParts('**Problem**: Using different models for indexing vs. querying.\n\n**Solution**: Track which model created each embedding.')).toBeNull();
    expect(puzzleParts('**题目**: 袋中有3个球，取两个都是红球的概率？\n\n**答案**：1/3。')).toEqual({ front: '袋中有3个球，取两个都是红球的概率？', back: '1/3。' });
  });
});

describe('an index page of the collection gives no cards', () => {
  const index = [
    '# 04-AI算法',
    'AI算法是当前最热门的技术领域。本部分专为AI算法工程师岗位面试准备。',
    '## 📚 内容导航',
    '### 🤖 [机器学习](机器学习/)',
    '- [过拟合与欠拟合](机器学习/基础理论/过拟合与欠拟合.md) - 模型泛化能力的关键问题',
    '- [梯度下降](机器学习/基础理论/梯度下降.md) - 优化算法的基础',
    '- [HMM](机器学习/基础理论/HMM.md) - 隐马尔可夫模型',
    '- [SVM](机器学习/监督学习/SVM.md) - 支持向量机',
    '- [kNN](机器学习/监督学习/kNN.md) - k近邻算法',
    '- [kmeans](机器学习/无监督学习/kmeans.md) - K均值聚类算法',
    '- [XGBoost](机器学习/集成学习/XGBoost.md) - 梯度提升优化版本',
    '- [CV基础](计算机视觉/CV基础.md) - 计算机视觉基础知识',
    '## 🎯 AI算法岗位面试重点',
    '### 理论基础 (40%)',
    '1. **机器学习基础**：监督/无监督学习、损失函数、正则化',
    '2. **数学基础**：线性代数、概率统计、微积分、最优化',
    '### 项目经验 (20%)',
    '1. **效果评估**：模型效果的量化评估',
    '',
  ].join('\n');

  it('drops every card of a page that maps the chapters, without a "no cards" warning', () => {
    const drops: string[] = [];
    const r = parseNotes(index, { deck: 'd', onDrop: (d) => drops.push(d.rule) });
    expect(r.cards).toEqual([]);
    expect(drops).toContain('index');
    expect(r.warnings.some((w) => w.code === 'no-cards')).toBe(false);
  });

  it('keeps a note that links to a few other notes from its text', () => {
    const note = '# SVM\n## 核函数\n核函数把样本映射到高维空间，见[kNN](kNN.md)与[LR](LR.md)的对比。\n\n**高斯核**：$K(x,z)=\\exp(-\\|x-z\\|^2/2\\sigma^2)$\n';
    expect(isSiteIndex(note)).toBe(false);
    expect(parse(note).cards.length).toBeGreaterThan(0);
    expect(isSiteIndex(index)).toBe(true);
  });
});
