// Chinese textbooks and Q&A notes (issue 11): an aspect heading or key
// ("隐藏状态", "预测问题", "模型预测及评价") is asked about the method or model it
// belongs to; a heading that names a thing of its own ("权重衰减") or sits under
// a chapter ("多层感知机" chapter, "CV基础知识") keeps its own front. Excerpts
// of the patterns seen in d2l chapters and interview repos.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';
import { aspectOwner, isAspectNoun, isTopicName } from '../../../cards/notes/aspect.ts';
import { headingShape } from '../../../cards/notes/questions.ts';
import type { CardDraft } from '../../../cards/types.ts';

const parse = (md: string, title?: string) => parseNotes(md, { deck: 'd', ...(title ? { title } : {}) }).cards;
const fronts = (cards: readonly CardDraft[]) => cards.map((c) => c.front);

describe('aspect headings carry their topic', () => {
  it('asks an LSTM sub-section "隐藏状态" about the LSTM section above it', () => {
    const md = [
      '# 6.8 长短期记忆（LSTM）',
      '本节介绍另一种常用的门控循环神经网络。',
      '## 6.8.1 长短期记忆',
      '### 6.8.1.1 输入门、遗忘门和输出门',
      '长短期记忆的门由输入、遗忘和输出三个门组成，它们的值域都是[0,1]。',
      '### 6.8.1.4 隐藏状态',
      '有了记忆细胞以后，我们还可以通过输出门来控制从记忆细胞到隐藏状态的信息的流动，tanh函数确保隐藏状态元素值在-1到1之间。',
      '',
    ].join('\n');
    const cards = parse(md, '6.8_lstm');
    const card = cards.find((c) => c.key === '隐藏状态')!;
    expect(card.front).toBe('长短期记忆的隐藏状态：要点是什么？');
    // Ids still derive from the headings as written: the front changed, the key did not.
    expect(card.key).toBe('隐藏状态');
  });

  it('asks "模型预测及评价" and a loss under softmax回归 about softmax回归, and an aspect of an aspect about the topic above both', () => {
    const md = [
      '# 3.4 softmax回归',
      '## 3.4.6 模型预测及评价',
      '在训练好softmax回归模型后，给定任一样本特征，就可以预测每个输出类别的概率，通常把预测概率最大的类别作为输出类别。',
      '# 3.1 线性回归',
      '## 3.1.1 模型训练',
      '### (2) 损失函数',
      '在模型训练中，我们需要衡量价格预测值与真实值之间的误差，通常我们会选取一个非负数作为误差。',
      '',
    ].join('\n');
    const f = fronts(parse(md));
    expect(f).toContain('softmax回归的模型预测及评价分别是什么？');
    expect(f.some((x) => x.startsWith('线性回归的损失函数'))).toBe(true);
    expect(f.some((x) => x.startsWith('模型训练的损失函数'))).toBe(false);
  });

  it('leaves headings that name a thing of their own, or sit under a chapter or a container, as they are', () => {
    const md = [
      '# 4. 多层感知机',
      '## 4.5 权重衰减',
      '权重衰减等价于L2范数正则化，它通过为模型损失函数添加惩罚项使学出的模型参数值较小。',
      '## 4.10 数据预处理',
      '我们对连续数值的特征做标准化：设该特征在整个数据集上的均值为μ，标准差为σ。',
      '# CV基础知识',
      '## 模型结构',
      '卷积网络由卷积层、池化层和全连接层堆叠而成，每一层的输出是下一层的输入。',
      '',
    ].join('\n');
    const f = fronts(parse(md));
    expect(f.some((x) => x.startsWith('权重衰减'))).toBe(true);
    expect(f.some((x) => x.startsWith('数据预处理') || x === '如何数据预处理？')).toBe(true);
    expect(f.some((x) => x.includes('多层感知机的'))).toBe(false);
    expect(f.some((x) => x.startsWith('模型结构'))).toBe(true);
    expect(f.some((x) => x.startsWith('CV基础知识的'))).toBe(false);
  });

  it('decides aspects and topics on the heading text', () => {
    expect(isAspectNoun('隐藏状态')).toBe(true);
    expect(isAspectNoun('预测问题')).toBe(true);
    expect(isAspectNoun('模型预测及评价')).toBe(true);
    expect(isAspectNoun('权重衰减')).toBe(false);
    expect(isAspectNoun('数据预处理')).toBe(false);
    expect(isAspectNoun('初始化模型参数')).toBe(false); // a step
    expect(isAspectNoun('LSTM的隐藏状态')).toBe(false); // has its subject
    expect(isAspectNoun('公式')).toBe(false); // a generic label: asked about its topic elsewhere
    expect(isTopicName('HMM')).toBe(true);
    expect(isTopicName('softmax回归')).toBe(true);
    expect(isTopicName('CV基础知识')).toBe(false);
    expect(isTopicName('深度学习')).toBe(false);
    expect(isTopicName('cv-fundamentals')).toBe(false); // a file name
    expect(aspectOwner(['K-means面试题', '注意要点', '预测问题'])).toBe('K-means');
    expect(aspectOwner(['第三章 深度学习基础', '3.1 基本概念', '3.1.1 训练问题'])).toBeUndefined();
  });
});

describe('aspect keys carry their topic', () => {
  it('asks "（2）预测问题：…" in HMM notes about the HMM', () => {
    const md = [
      '## 注意要点',
      '- 隐马尔可夫模型包括概率计算问题、预测问题、学习问题三个基本问题',
      '',
      '> （1）概率计算问题：已知模型的所有参数，计算观测序列Y出现的概率，可使用前向和后向算法求解。',
      '> （2）预测问题：已知模型所有参数和观测序列Y，计算最可能的隐状态序列X，可使用维特比算法来求解。',
      '',
    ].join('\n');
    const f = fronts(parse(md, 'HMM'));
    expect(f).toContain('HMM的预测问题是什么？');
    expect(f).toContain('HMM的概率计算问题是什么？');
  });

  it('asks "相应的分类决策函数：$…$" under an SVM heading about the SVM', () => {
    const md = '# SVM面试题\n## 1. SVM直观解释\n - 分离超平面：$w^{*} x+b^{*}=0$\n - 相应的分类决策函数：$f(x)=\\operatorname{sign}\\left(w^{* T} x+b^{*}\\right)$\n';
    expect(fronts(parse(md))).toContain('SVM的分类决策函数的公式是什么？');
  });

  it('keeps a key under a "特点/优势" heading asked with that heading', () => {
    const md = '## CNN的特点以及优势\n- 多层次结构：浅层学习局部特征，深层组合成全局特征。\n- 局部连接：每个神经元只与上一层的局部区域相连。\n';
    expect(fronts(parse(md))).toContain('CNN的特点以及优势：多层次结构指什么？');
  });
});

describe('list-shaped headings need the list word as their head', () => {
  it('asks "…有哪些？" only when the heading ends in a list word', () => {
    expect(headingShape('图像分类数据集（Fashion-MNIST）')).toBe('concept');
    expect(headingShape('小批量样本分类的矢量计算表达式')).toBe('concept');
    expect(headingShape('文本情感分类：使用卷积神经网络（textCNN）')).toBe('concept');
    expect(headingShape('CNN的特点以及优势')).toBe('list');
    expect(headingShape('常用的归一化方法')).toBe('list');
    expect(headingShape('Adaboost 步骤概览')).toBe('list');
    expect(headingShape('优缺点及改进算法')).toBe('list');
  });
});

describe('textbook formulas keep the sentence that states them', () => {
  it('asks a pair of phenomena what they are, not what they are for', () => {
    const md = '## 3.11.3 欠拟合和过拟合\n一类是模型无法得到较低的训练误差，我们将这一现象称作欠拟合；另一类是模型的训练误差远小于它在测试数据集上的误差，我们称该现象为过拟合。\n';
    expect(parseNotes(md, { deck: 'd' }).cards.map((c) => c.front)).toContain('欠拟合和过拟合分别是什么？');
  });

  it('lets a legend that stops mid-sentence take the displayed formula it leads into', () => {
    const md = [
      '## 6.2.1 不含隐藏状态的神经网络',
      '隐藏层的输出计算为',
      '',
      '$$\\boldsymbol{H} = \\phi(\\boldsymbol{X} \\boldsymbol{W}_{xh} + \\boldsymbol{b}_h),$$',
      '',
      '其中隐藏层权重参数$\\boldsymbol{W}_{xh}$，$h$为隐藏单元个数。把隐藏变量$\\boldsymbol{H}$作为输出层的输入，输出层的输出为',
      '',
      '$$\\boldsymbol{O} = \\boldsymbol{H} \\boldsymbol{W}_{hq} + \\boldsymbol{b}_q.$$',
      '',
    ].join('\n');
    const card = parseNotes(md, { deck: 'd' }).cards.find((c) => c.kind === 'formula')!;
    expect(card.back).toContain('\\boldsymbol{O} = ');
  });

  it('never keys a formula card on a sentence that leads into a formula it does not hold', () => {
    const md = '## 10.1.3 连续词袋模型\n连续词袋模型假设基于背景词来生成中心词。\n\n我们记$\\bar{\\boldsymbol{v}}_o = \\left(\\boldsymbol{v}_{o_1} + \\boldsymbol{v}_{o_{2m}} \\right)/(2m)$，那么上式可以简写成\n\n$$P(w_c \\mid \\mathcal{W}_o) = \\frac{\\exp(\\boldsymbol{u}_c^\\top \\bar{\\boldsymbol{v}}_o)}{\\sum_{i \\in \\mathcal{V}} \\exp(\\boldsymbol{u}_i^\\top \\bar{\\boldsymbol{v}}_o)}.$$\n';
    const cards = parseNotes(md, { deck: 'd' }).cards;
    expect(cards.some((c) => c.kind === 'formula' && /可以简写成\s*$/.test(c.back))).toBe(false);
  });
});

describe('Chinese question banks', () => {
  it('asks "N. gbdt为什么…？" under "算法十问" as written: the bank names nothing and the question names its subject', () => {
    const md = '# 算法十问\n1. gbdt为什么用负梯度代表残差？\n> 上文中，我们已经把GBDT的公式进行了推导，负梯度就是残差的近似。\n\n2. lr的权重个数和gbdt的什么有关?\n> lr的权重个数等于gbdt所有树的叶子节点数。\n';
    const f = parseNotes(md, { deck: 'd', title: 'TreeEmbedding' }).cards.map((c) => c.front);
    expect(f).toContain('gbdt为什么用负梯度代表残差？');
    expect(f.some((x) => x.startsWith('算法十问'))).toBe(false);
  });
});

describe('problem headings and one-line task sections', () => {
  it('asks "…的问题" for a list and a named problem ("分类问题", "三角形问题") for what it is', () => {
    expect(headingShape('梯度下降的问题')).toBe('list');
    expect(headingShape('常见问题')).toBe('list');
    expect(headingShape('分类问题')).toBe('concept');
    expect(headingShape('三角形问题')).toBe('concept');
  });

  it('gives no card to a task heading whose text is one sentence leading to code', () => {
    const md = '## 10.3.5 训练模型\n\n在训练词嵌入模型之前，我们需要定义模型的损失函数。\n\n### 10.3.5.1 二元交叉熵损失函数\n\n根据负采样中损失函数的定义，我们可以使用二元交叉熵损失函数，它衡量预测概率与标签之间的差距。\n';
    const cards = parseNotes(md, { deck: 'd' }).cards;
    expect(cards.some((c) => c.key === '训练模型')).toBe(false);
    expect(cards.some((c) => c.key === '二元交叉熵损失函数')).toBe(true);
  });
});

describe('terms under a generic Chinese label', () => {
  it('asks "Capacity：…" under Prophet\'s "参数" about Prophet and the label', () => {
    const md = '## 7. 参数\n\n在 Prophet 中，用户一般可以设置以下四种参数：\n\n1. Capacity：在增量函数是逻辑回归函数的时候，需要设置的容量值。\n2. Change Points：可以通过 n_changepoints 和 changepoint_range 来进行等距的变点设置。\n';
    const f = parseNotes(md, { deck: 'd', title: 'Prophet' }).cards.map((c) => c.front);
    expect(f).toContain('Prophet的参数：Capacity是什么？');
    expect(f).not.toContain('Capacity是什么？');
  });
});

describe('numbered Q&A chapters', () => {
  it('asks "函数的定义为：$…$" under a list item about that item', () => {
    const md = '### 3.3.2 常见的激活函数及图像\n\n1. sigmoid 激活函数\n\n   函数的定义为：$ f(x) = \\frac{1}{1 + e^{-x}} $，其值域为 $ (0,1) $。\n';
    const f = parseNotes(md, { deck: 'd' }).cards.map((c) => c.front);
    expect(f).toContain('sigmoid 激活函数的公式是什么？');
    expect(f.some((x) => x.startsWith('函数的定义'))).toBe(false);
  });
});
