// Lecture notes transcribed from video lectures (Chinese text, English terms
// and English sub-headings): the abstract under the title, lecture-flow
// headings, claims, comparisons, highlighted sentences and spoken fragments.
// Excerpts are paraphrased from the shapes of the lhy notes corpus.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';
import { inlineAnswer, isEmphasisHighlight, isLectureSignpost, withoutConnective, isReferenceBody, isSpokenFragmentKey, isSymbolKey, lectureHeadingQuestion, withoutAbstract } from '../../../cards/notes/lecture.ts';
import { readDocument } from '../../../cards/notes/blocks.ts';

const cards = (md: string, title = 'note') => parseNotes(md, { deck: 'd', title }).cards;
const fronts = (md: string, title?: string) => cards(md, title).map((c) => c.front);

describe('the abstract under a lecture title', () => {
  it('drops a quoted outline and its announcement, with the questions it lists', () => {
    const md = [
      '# Tips for Training',
      '',
      '> 本文会顺带解决上一讲的两个问题：',
      '> 1、max pooling无法微分，那在gradient descent的时候该如何处理？',
      '> 2、L1 正则到底是什么东西',
      '>',
      '> 本文的主要思路：',
      '> 1、在training set上准确率不高：',
      '> \t  new activation function：ReLU、Maxout',
      '> 2、在testing set上准确率不高：Early Stopping',
      '',
      '#### ReLU',
      '',
      'ReLU在input大于0时输出等于input，小于0时输出0，可以缓解梯度消失。',
      '',
    ].join('\n');
    const c = cards(md);
    expect(c.map((x) => x.front)).toEqual(['ReLU是什么？为什么用？']);
    expect(c[0]!.back).toContain('梯度消失');
  });

  it('drops a quoted subtitle, a one-line outline of topics and a motto, but keeps what explains something', () => {
    const outline = '# Semi-supervised Learning\n\n> 半监督学习(semi-supervised learning)\n> 1、introduction\n> 2、Smoothness Assumption：近朱者赤，近墨者黑\n\n#### Introduction\n\n只有部分data有label，unlabeled data远多于labeled data。\n';
    expect(fronts(outline).some((f) => /Smoothness Assumption|Semi-supervised Learning是什么/.test(f))).toBe(false);
    expect(cards(outline).some((c) => c.back.includes('unlabeled data'))).toBe(true);
    const motto = '# Introduction\n\n> define a set of function -> goodness of function -> pick the best function\n\n### Learning Map\n\n蓝色方块指的是scenario，即学习的情境。\n';
    expect(fronts(motto).some((f) => f.startsWith('Introduction'))).toBe(false);
    const subtitle = '# Regression：Case Study\n\n> **回归**-案例研究\n\n#### 预测宝可梦的CP值\n\n根据进化前的信息预测进化后的cp值。\n';
    expect(fronts(subtitle).some((f) => f.includes('回归？'))).toBe(false);
    // Real content in the abstract stays: the shallow/deep comparison is what the title asks.
    const real = '# Why Deep?\n\n> 本文主要围绕Deep展开，比较了shallow和deep的区别：\n> shallow：不考虑不同input之间的关联，每个class一个独立的model\n> deep：所有class共享参数，modularization思想\n\n#### Modularization\n\n把大问题拆成小的classifier，共享底层的feature。\n';
    const w = cards(real).find((c) => c.front === 'Why Deep?');
    expect(w?.back).toContain('modularization思想');
    expect(w?.back).not.toContain('本文');
  });

  it('drops a pointer to read something else first, and an abstract that only announces', () => {
    const md = '# Support Vector Machine\n\n注：建议先看这篇[博客](https://example.com/svm)了解SVM基础知识后再看本文的分析\n\n#### Hinge Loss\n\nhinge loss在$y f(x)>1$之后为0。\n';
    expect(fronts(md).some((f) => f.startsWith('Support Vector Machine'))).toBe(false);
    const quoted = '# Transfer Learning\n\n> 迁移学习，主要介绍共享layer的方法以及属性降维对比的方法\n\n#### Layer Transfer\n\n把source model的部分layer直接复制到target model。\n';
    expect(fronts(quoted).some((f) => f.startsWith('Transfer Learning'))).toBe(false);
  });

  it('leaves a non-quoted intro sentence and a table of contents alone', () => {
    const doc = readDocument('# PCA\n\n上一篇文章提到，PCA认为降维是一个linear function。\n\n## PCA for 1-D\n\n投影到一维。\n');
    const intro = doc.sections.find((s) => s.level === 1)!;
    expect(withoutAbstract(intro.lines, doc.srcLines)).toHaveLength(intro.lines.length);
  });
});

describe('English sub-headings in Chinese lecture notes', () => {
  it('asks lecture-flow words about their topic, never as a concept', () => {
    const md = '# Why Deep?\n\n#### Speech\n\n语音辨识里，第一层先判断phoneme，后面的layer再共享这些detector。\n\n#### Analogy\n\n用logic circuit来类比：两层逻辑门可以表示任何布尔函数，但多层更省。\n';
    const f = fronts(md);
    expect(f).toContain('Why Deep?（Speech）：要点是什么？');
    expect(f).toContain('Why Deep?（Analogy）：要点是什么？');
    expect(f.some((x) => /是什么？为什么用？/.test(x))).toBe(false);
  });

  it('asks numbered labels and generic English labels about the topic above', () => {
    const md = '# Transfer Learning\n\n## Case 1\n\nsource data和target data都有label。\n\n## Model Fine-tuning\n\n### Introduction\n\n用source data训练好的model作为初始值，再用少量target data微调。\n\n### Review\n\n前面讲过用target data直接训练会overfitting。\n\n### example\n\n语音辨识里，用很多人的声音训练，再用某个人的少量声音微调。\n';
    const f = fronts(md);
    expect(f).toContain('Transfer Learning：Case 1的要点是什么？');
    expect(f).toContain('什么是Model Fine-tuning？');
    expect(f).toContain('回顾：Model Fine-tuning的要点是什么？');
    expect(f).toContain('举例说明Model Fine-tuning。');
  });

  it('asks a comparison, a claim and "Tips for X" in their own shapes', () => {
    expect(lectureHeadingQuestion('CNN V.s. DNN', 'CNN V.s. DNN')).toBe('CNN和DNN有什么区别？');
    expect(lectureHeadingQuestion('L1 vs L2', 'L1 vs L2')).toBe('L1和L2有什么区别？');
    expect(lectureHeadingQuestion('Dropout is a kind of ensemble', 'Dropout is a kind of ensemble')).toBe('为什么说Dropout is a kind of ensemble？');
    expect(lectureHeadingQuestion('Tips for Deep Learning', 'Tips for Deep Learning')).toBe('Deep Learning有哪些技巧？');
    expect(lectureHeadingQuestion('batch size太小会导致不稳定', 'batch size太小会导致不稳定')).toBe('为什么说batch size太小会导致不稳定？');
    expect(lectureHeadingQuestion('Review - Adagrad', 'Review - Adagrad')).toBe('回顾：Adagrad的要点是什么？');
    // Names, questions and ordinary Chinese headings are left to the general rules.
    for (const h of ['Dropout', 'K-means', 'LSTM', 'How to train Maxout', 'Why CNN for Image？', '批量归一化', '卷积层的参数量']) expect(lectureHeadingQuestion(h, h, 'Topic'), h).toBeNull();
  });

  it('keeps concept headings and question headings as before', () => {
    const md = '# Tips\n\n#### Dropout\n\ntraining时每个neuron有p%的概率被丢掉。\n\n#### Why Dropout？\n\n训练时加重负担，测试时表现更好。\n';
    expect(fronts(md)).toEqual(['Dropout是什么？为什么用？', 'Why Dropout？']);
  });
});

describe('highlights that are emphasis, not clozes', () => {
  it('keeps a short highlighted term as a cloze', () => {
    const md = '# GD\n\n## Learning rate\n\n更新时乘上一个常数$η$，被称为==learning rate==，即学习率，它决定每一步踏出去有多大。\n';
    const c = cards(md).filter((x) => x.kind === 'cloze');
    expect(c).toHaveLength(1);
    expect(c[0]!.front).toContain('被称为[…]');
  });

  it('a highlighted whole clause stays text in the section answer', () => {
    const md = '# Why Deep\n\n## deep -> modularization\n\n==**由于deep learning在做modularization，所以它需要的training data反而比较少**==，这可能跟你的认知相反。\n';
    const c = cards(md);
    expect(c.some((x) => x.kind === 'cloze')).toBe(false);
    expect(c.some((x) => x.kind === 'section' && x.back.includes('需要的training data反而比较少'))).toBe(true);
    expect(isEmphasisHighlight('所以做gradient descent一个很重要的事情是，==要把不同的learning rate下loss随update次数的变化曲线给可视化出来，它能提醒你该如何调整learning rate的大小==。', ['==要把不同的learning rate下loss随update次数的变化曲线给可视化出来，它能提醒你该如何调整learning rate的大小=='])).toBe(true);
  });

  it('two highlights that leave the same front stay in the answer', () => {
    const md = '# Error\n\n## Review\n\nerror有两个来源：\n\n* error due to ==**bias**==\n* error due to ==**variance**==\n';
    const c = cards(md);
    expect(c.some((x) => x.kind === 'cloze')).toBe(false);
    expect(c.some((x) => x.back.includes('bias') && x.back.includes('variance'))).toBe(true);
  });
});

describe('spoken fragments before a colon', () => {
  it('are no terms; the lines stay in the answer', () => {
    const md = '# History\n\n## Ups and downs\n\n* 1958：Perceptron，感知机的提出\n* 1986：Backpropagation，反向传播\n    * 存在problem：超过3层的network就train不出好的结果\n\n## Matrix\n\n做一个假设：每个人背后都有一个latent vector\n\n冷知识：最早的LSTM没有forget gate\n';
    const c = cards(md);
    expect(c.some((x) => x.kind === 'term')).toBe(false);
    expect(c.some((x) => x.back.includes('1958'))).toBe(true);
    expect(c.some((x) => x.back.includes('latent vector'))).toBe(true);
  });

  it('a formula after a fragment is no card named by the fragment; it stays with its section', () => {
    const md = '# PCA\n\n## Reconstruction Component\n\n每个digit由一些basic component组成，component是一个vector。\n\n写成表达式就是：$x≈c_1u^1+c_2u^2+\\bar x$\n';
    const c = cards(md);
    expect(c.some((x) => x.front.includes('写成表达式就'))).toBe(false);
    expect(c.some((x) => x.front.startsWith('Reconstruction Component') && x.back.includes('c_1u^1'))).toBe(true);
  });

  it('tells fragments from names', () => {
    for (const k of ['1958', '1980s', '做一个假设', '冷知识', '存在problem', '一个很critical的问题', '那现在的问题是这样子', '写成表达式就', '相对来说', 'ps']) expect(isSpokenFragmentKey(k), k).toBe(true);
    for (const k of ['先说说$LR$和$GBDT$的区别', '先验概率', '有监督学习', 'Self Training', '损失函数', '交叉熵', 'Xavier初始化']) expect(isSpokenFragmentKey(k), k).toBe(false);
  });
});

describe('legends, references and inline answers', () => {
  it('a legend of three or more symbols is part of the answer, not one card per symbol', () => {
    const md = '# Regression\n\n## 设定具体参数\n\n* $X$：表示一只宝可梦\n* $X_{cp}$：进化前的cp值\n* $X_s$：宝可梦的物种\n* $y$：进化后的cp值\n';
    const c = cards(md);
    expect(c.some((x) => x.kind === 'term')).toBe(false);
    expect(c.some((x) => x.back.includes('进化前的cp值') && x.back.includes('物种'))).toBe(true);
    // Two symbols are not a legend; a name is never a symbol.
    expect(isSymbolKey('$X_{cp}$')).toBe(true);
    expect(isSymbolKey('x~i~')).toBe(true);
    expect(isSymbolKey('ReLU')).toBe(false);
  });

  it('a term whose body is a citation is no card; the line stays in the answer', () => {
    const md = '# Semi-supervised\n\n## Semi-supervised SVM\n\n穷举所有unlabeled data的label，找margin最大的boundary。\n\nSVM paper：Thorsten Joachims, "Transductive Inference for Text Classification", ICML, 1999\n';
    const c = cards(md);
    expect(c.some((x) => x.front.includes('SVM paper'))).toBe(false);
    expect(c.some((x) => x.back.includes('Joachims'))).toBe(true);
    expect(isReferenceBody('[Bishop, Chapter 12.2]', 'Probabilistic PCA')).toBe(true);
    expect(isReferenceBody('Le, Quoc, and Tomas Mikolov. "Distributed Representations of Sentences and Documents." ICML, 2014', 'Paragraph Vector')).toBe(true);
    expect(isReferenceBody('把hidden layer的输出存进memory', 'Elman Network')).toBe(false);
  });

  it('"Q：…？A：…" on one line is a question with its answer', () => {
    expect(inlineAnswer('Q：为什么要把RNN换成LSTM？A：LSTM可以解决梯度消失的问题？')).toEqual({ front: '为什么要把RNN换成LSTM？', back: 'LSTM可以解决梯度消失的问题' });
    expect(inlineAnswer('为什么要用LSTM？')).toBeNull();
    const md = '# RNN\n\n## Help Techniques\n\nQ：为什么要把RNN换成LSTM？A：LSTM可以解决梯度消失的问题\n';
    const p = cards(md).find((x) => x.front === '为什么要把RNN换成LSTM？');
    expect(p?.back).toBe('LSTM可以解决梯度消失的问题');
  });

  it('"这里就会有一个问题，" is a lead-in', () => {
    const md = '# Tips\n\n## ReLU\n\n这里就会有一个问题，使用ReLU不就会让network变成linear的吗？\n\n其实整体来说还是non-linear的。\n';
    const p = cards(md).find((x) => x.kind === 'prompt');
    expect(p?.front).toBe('使用ReLU不就会让network变成linear的吗？'); // names its topic already
  });
});

describe('more lecture heading shapes and signposts', () => {
  it('steps, "对X的帮助", "用A估测B" and names with a translation', () => {
    expect(lectureHeadingQuestion('Step3：Pick the Best Function', 'Step3：Pick the Best Function')).toBe('如何pick the best function？');
    expect(lectureHeadingQuestion('Step 2：Goodness of Function', 'Step 2：Goodness of Function')).toBe('Goodness of Function是什么？');
    expect(lectureHeadingQuestion('对gradient descent的帮助', '对gradient descent的帮助', 'Feature Scaling')).toBe('Feature Scaling对gradient descent有什么帮助？');
    expect(lectureHeadingQuestion('用样本方差$s^2$估测总体方差$\\sigma^2$', '用样本方差$s^2$估测总体方差$\\sigma^2$')).toBe('如何用样本方差$s^2$估测总体方差$\\sigma^2$？');
    expect(lectureHeadingQuestion('Compare with PCA', 'Compare with PCA', 'Deep Auto-encoder')).toBe('Deep Auto-encoder和PCA有什么异同？');
    expect(lectureHeadingQuestion('Naive Bayes Classifier(朴素贝叶斯分类法)', 'Naive Bayes Classifier(朴素贝叶斯分类法)')).toBe('Naive Bayes Classifier(朴素贝叶斯分类法)是什么？');
  });

  it('a lone sentence that only says what comes next is no card', () => {
    const md = '# Tips\n\n## Dropout\n\n这里先讲dropout是怎么做的，然后再来解释为什么这样做\n\n### Training\n\n每次update参数之前，每个neuron有p%的几率被丢掉。\n';
    const c = cards(md);
    expect(c.some((x) => x.section.at(-1) === 'Dropout')).toBe(false);
    expect(c.some((x) => x.back.includes('p%的几率'))).toBe(true);
    expect(isLectureSignpost('这里还是举手写数字识别的例子，将DNN和CNN作为对比')).toBe(true);
    expect(isLectureSignpost('Dropout在训练时随机丢掉一部分neuron，然后用剩下的network训练。')).toBe(false);
  });

  it('an equation inside a long Chinese narration is no heading formula card; it stays in the answer', () => {
    const md = '# Backprop\n\n## Gradient Descent\n\ngradient descent的用法跟前面讲的一模一样。\n\n唯一的区别是network parameters $\\theta=w_1,w_2,...,b_1,b_2,...$里面可能有将近million个参数。\n\n所以最大的困难是如何有效地把这个vector算出来。\n';
    const c = cards(md);
    expect(c.some((x) => x.kind === 'formula')).toBe(false);
    expect(c.some((x) => x.back.includes('million'))).toBe(true);
  });
});

describe('spoken connectives and pointers', () => {
  it('a question opened by "那…呢？" loses the connective and is asked about its section', () => {
    const md = '# PCA\n\n## PCA for 1-D\n\n把x投影到一维空间。\n\n那我们到底要找什么样的$w^1$呢？\n\n我们希望投影后的variance越大越好。\n';
    const p = cards(md).find((x) => x.kind === 'prompt');
    expect(p?.front).toBe('PCA for 1-D：我们到底要找什么样的$w^1$？');
    expect(p?.back).toContain('variance越大越好');
    expect(withoutConnective('那么这是为什么呢？')).toBe('这是为什么？');
    expect(withoutConnective('那我们继续。')).toBeNull();
  });

  it('"X：针对property 3" points elsewhere, it defines nothing', () => {
    expect(isReferenceBody('针对property 3', 'max pooling架构')).toBe(true);
    expect(isReferenceBody('针对每个class训练一个独立的model，不共享参数', 'shallow')).toBe(false);
  });
});

