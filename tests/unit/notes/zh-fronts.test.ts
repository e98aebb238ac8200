// Chinese Q&A notes and textbooks (issue 11): fronts that stand alone. Each
// case is a small excerpt of a pattern seen in Chinese interview repos and
// textbooks (numbered question headings, "X：…" answer items, code sections).
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';
import type { CardDraft } from '../../../cards/types.ts';

const parse = (md: string) => parseNotes(md, { deck: 'd' }).cards;
const fronts = (cards: readonly CardDraft[]) => cards.map((c) => c.front);

describe('generic keys carry the subject of their heading', () => {
  it('asks a "解决办法" formula under a question heading with that question', () => {
    const md = '# 朴素贝叶斯\n## 8.朴素贝叶斯中概率计算的下溢问题如何解决？\n概率连乘会下溢。\n\n解决办法：对乘积取对数，$\\log \\prod_i p_i = \\sum_i \\log p_i$\n';
    const f = fronts(parse(md));
    expect(f).toContain('朴素贝叶斯中概率计算的下溢问题如何解决？（解决办法，写出公式）');
    expect(f.some((x) => x.startsWith('解决办法'))).toBe(false);
  });

  it('asks a "公式" line continuing a list item about that item', () => {
    const md = '# 协同过滤\n## 注意要点\n* 常用的相似度函数\n  * 杰卡德相似度（Jaccard similarity）\n  公式：\n  $$s=\\frac{a}{b}$$\n  适用于二元情况。\n';
    expect(fronts(parse(md))).toContain('杰卡德相似度（Jaccard similarity）的公式是什么？');
  });

  it('never asks "X的X": a generic heading that its topic already ends with', () => {
    const f = fronts(parse('# RMSProp算法\nRMSProp对梯度平方做指数加权平均。\n## 算法\n先计算$s_t$，再更新参数。\n'));
    expect(f).toContain('RMSProp算法的步骤是什么？');
    expect(f.some((x) => x.includes('算法的算法'))).toBe(false);
  });
});

describe('clauses are not terms', () => {
  it('asks an announced list "…有哪些？" and keeps lead-in clauses in the answer', () => {
    const md = '# 初始化\n## 网络初始化\n初始化方法有：Xavier初始化、Kaiming初始化、随机初始化\n\n多尺度训练可以分为两个方面：图像金字塔和特征金字塔。\n\n首先要先导入keras包：import keras\n';
    const cards = parse(md);
    const f = fronts(cards);
    expect(f).toContain('初始化方法有哪些？');
    expect(f.some((x) => /初始化方法有是|可以分为两个方面是|导入keras包是/.test(x))).toBe(false);
    expect(cards.find((c) => c.kind === 'section')!.back).toContain('多尺度训练可以分为两个方面');
  });

  it('keeps the "增加训练数据：…" items of a question heading in its answer', () => {
    const md = '# CV基础\n## 4. 有哪些防止过拟合的策略？\n- 增加训练数据：数据越多越不容易过拟合。\n- 使用合适的模型：减少层数和参数。\n- Dropout：随机丢弃神经元。\n';
    const cards = parse(md);
    expect(fronts(cards)).toEqual(['有哪些防止过拟合的策略？']);
    expect(cards[0]!.back).toContain('增加训练数据：数据越多');
    expect(cards[0]!.back).toContain('Dropout：随机丢弃神经元');
  });
});

describe('section fronts follow what the heading is', () => {
  const front = (heading: string, body = '这一节的内容说明了很多细节。') => parse(`# 笔记\n## ${heading}\n${body}\n`)[0]!.front;

  it('keeps "是什么？为什么用？" for methods, models and mechanisms', () => {
    expect(front('批量归一化')).toBe('批量归一化是什么？为什么用？');
    expect(front('AlexNet')).toBe('AlexNet是什么？为什么用？');
    expect(front('使用重复元素的网络（VGG）')).toBe('使用重复元素的网络（VGG）是什么？为什么用？');
  });

  it('asks activities how they are done, and the rest for key points', () => {
    expect(front('评价翻译结果')).toBe('如何评价翻译结果？');
    expect(front('对全连接层做批量归一化')).toBe('如何对全连接层做批量归一化？');
    expect(front('猜数字')).toBe('猜数字：要点是什么？');
    expect(front('matrix expression')).toBe('matrix expression：要点是什么？');
    expect(front('Limitation of Logistic Regression')).toBe('Limitation of Logistic Regression：要点是什么？');
    expect(front('Supervised Generative Model')).toBe('Supervised Generative Model是什么？为什么用？');
    expect(front('Convolutional Neural Network part2')).toBe('Convolutional Neural Network part2：要点是什么？');
    expect(front('训练过程中loss无法收敛，可能的原因')).toBe('训练过程中loss无法收敛，可能的原因是什么？');
    expect(front('衰减和爆炸')).toBe('衰减和爆炸分别是什么？');
    expect(front('训练误差和泛化误差')).toBe('训练误差和泛化误差分别是什么？有什么作用？');
    expect(front('更新隐藏状态')).toBe('如何更新隐藏状态？');
  });

  it('asks an imperative after a set-up as a task, without where it was asked', () => {
    expect(front('（3）faster R-CNN是经典的two-stage 检测器，请简单说明其中two-stage的含义。')).toBe('faster R-CNN是经典的two-stage 检测器，请简单说明其中two-stage的含义。');
    expect(front('（1）讲一下目标检测优化的方向<百度实习-一面（2019）>')).toBe('讲一下目标检测优化的方向。');
  });
});

describe('textbook sections', () => {
  it('gives no card for a task section that is code and one sentence about it', () => {
    const md = '# 3.3 线性回归的简洁实现\n线性回归用一个全连接层实现，损失是平方损失。\n## 3.3.5 定义损失函数\n我们使用PyTorch提供的均方误差损失作为模型的损失函数。\n\n```python\nloss = nn.MSELoss()\n```\n';
    expect(fronts(parse(md)).some((f) => f.includes('定义损失函数'))).toBe(false);
  });

  it('names the topic of a task on a generic object', () => {
    const md = '# 3.2 线性回归的从零开始实现\n## 3.2.7 训练模型\n在训练中，我们将多次迭代模型参数。在每次迭代中，我们根据当前读取的小批量数据样本，通过调用反向函数计算小批量随机梯度，并调用优化算法更新模型参数。由于我们之前设批量大小为10，每个小批量的损失的形状为(10, 1)。\n';
    expect(fronts(parse(md))).toContain('如何训练模型（线性回归的从零开始实现）？');
  });

  it('keys no heading formula by an example or a condition in the prose', () => {
    const example = '# 7.3 小批量随机梯度下降\n小批量随机梯度下降每次随机均匀采样一个小批量。学习率可以在迭代中自我衰减，例如$\\eta_t=\\eta t^\\alpha$，或者按指数衰减。\n';
    const cards = parse(example);
    expect(cards.map((c) => c.kind)).toEqual(['section']);
    expect(cards[0]!.back).toContain('\\eta_t=\\eta t^\\alpha');
    const definition = '# 权重衰减\n权重衰减等价于$L_2$范数正则化。带有$L_2$范数惩罚项的新损失函数为$J(w)=\\ell(w)+\\frac{\\lambda}{2}\\|w\\|^2$，其中超参数$\\lambda>0$。\n';
    expect(fronts(parse(definition))).toContain('权重衰减的公式是什么？');
  });
});

describe('a defined term that ends in 有', () => {
  it('"**无中生有**就是…" asks what it is; "初始化方法有：…" still asks for the list', () => {
    const md = '## 无监督学习\n\n- **化繁为简**就是把复杂的input变成比较简单的output\n- **无中生有**就是随机给function一个数字，它就会生成不同的图像\n\n## 初始化\n\n初始化方法有：Xavier初始化、He初始化、正态分布初始化\n';
    const fs = fronts(parse(md));
    expect(fs).toContain('什么是无中生有？');
    expect(fs).not.toContain('无中生有哪些？');
    expect(fs).toContain('初始化方法有哪些？');
  });
});

describe('a heading that is a task sentence', () => {
  it('is asked as written, not as a list of its parts ("…复述一遍…。" never gets "分别是什么？")', () => {
    const md = '## 2. YOLOV1、YOLOV2、YOLOV3复述一遍 YOLOv1到v3的发展历程以及解决的问题。\n\nYOLO系列是one-stage目标检测算法，利用anchor box将分类与定位结合起来。\n';
    const fs = fronts(parse(md));
    expect(fs).toEqual(['YOLOV1、YOLOV2、YOLOV3复述一遍 YOLOv1到v3的发展历程以及解决的问题？']);
  });
});

describe('a short question heading that points back', () => {
  it('"为什么会这样？" under a claim asks about that claim; a question that names its subject stands alone', () => {
    const md = '## $f^*$取决于model的复杂程度以及data的数量\n\n简单的model得到的$f^*$比较集中。\n\n### 为什么会这样？\n\n因为model就是一个function set，它决定了能找到的function的范围。\n\n### 为什么简单的model方差小？\n\n简单的model受data的影响比较小。\n';
    const fs = fronts(parse(md));
    expect(fs).toContain('$f^*$取决于model的复杂程度以及data的数量：为什么会这样？');
    expect(fs).toContain('为什么简单的model方差小？');
  });
});
