// A chapter's opening that only motivates its sub-sections (issue 11, zh): a
// question the chapter goes on to answer ("这是为什么呢？"), a word to the reader,
// talk about the interview ("逻辑题目现在也是面试中常考的题目") or an
// announcement ("本节将演示…") answers nothing under "X是什么？". An opening
// that defines something keeps its card. Excerpts of d2l and interview notes.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';

const cards = (md: string, title = 'note') => parseNotes(md, { deck: 'd', title }).cards;

describe('an intro that only motivates its sub-sections', () => {
  it('drops a textbook opening ending in a rhetorical question', () => {
    const md = [
      '# 3.11 模型选择、欠拟合和过拟合',
      '',
      '在前几节基于Fashion-MNIST数据集的实验中，我们评价了机器学习模型在训练数据集和测试数据集上的表现。如果你改变过实验中的模型结构或者超参数，你也许发现了：当模型在训练数据集上更准确时，它在测试数据集上却不一定更准确。这是为什么呢？',
      '',
      '## 3.11.1 训练误差和泛化误差',
      '',
      '通俗来讲，训练误差指模型在训练数据集上表现出的误差，泛化误差指模型在任意一个测试数据样本上表现出的误差的期望。',
      '',
    ].join('\n');
    const c = cards(md, '3.11_underfit-overfit');
    expect(c.some((x) => x.back.includes('这是为什么呢'))).toBe(false);
    expect(c.some((x) => x.back.includes('泛化误差指模型'))).toBe(true);
  });

  it('drops an announcement with a sentence of context, and talk about the interview', () => {
    const sim = '# 10.6 求近义词和类比词\n\n在10.3节（word2vec的实现）中，我们在小规模数据集上训练了一个word2vec词嵌入模型。实际中，在大规模语料上预训练的词向量常常可以应用到下游自然语言处理任务中。本节将演示如何用这些预训练的词向量来求近义词和类比词。我们还将在后面两节中继续应用预训练的词向量。\n\n## 10.6.1 使用预训练的词向量\n\n预训练的GloVe词向量可以从torchtext下载，词向量的维度有50、100和300。\n';
    expect(cards(sim).some((x) => x.back.includes('本节将演示'))).toBe(false);
    const logic = '# 逻辑题目\n逻辑题目现在也是面试中常考的题目,也不清楚面试出这种题目的意义,可能就是考察\n面试人员是否逻辑清晰. 这种题目没有什么好的方法,除非你见过原题,否则,只能根据\n所给出的条件慢慢分析,尽量不要用常规思路,希望大家要跳跃思维. 如果实在不行就\n给出一种解法,可能不是最优的,至少表示我们有逻辑.\n\n## 1. 称石头\n\n先任取6个石子称重，天平两边各3个，最少两次称重可以找出重的石头。\n';
    const c = cards(logic);
    expect(c.some((x) => x.back.includes('面试中常考'))).toBe(false);
    expect(c.some((x) => x.back.includes('最少两次称重'))).toBe(true);
  });

  it('keeps an opening that defines something, and motivation inside a sub-section', () => {
    const def = '# Word Embedding\n\n词嵌入(word embedding)是降维算法(Dimension Reduction)的典型应用。那如何用vector来表示一个word呢？\n\n## 1-of-N Encoding\n\n最传统的做法是1-of-N Encoding，向量维度就是词汇量。\n';
    expect(cards(def).some((x) => x.back.includes('典型应用'))).toBe(true);
    const sub = '# 线性回归\n\n线性回归输出是一个连续值，因此适用于回归问题。\n\n## 模型训练\n\n接下来我们需要通过数据来寻找特定的模型参数值，使模型在数据上的误差尽可能小。这个过程叫作模型训练（model training）。\n\n### 训练数据\n\n我们通常收集一系列的真实数据。\n';
    expect(cards(sub).some((x) => x.back.includes('这个过程叫作模型训练'))).toBe(true);
  });
});
