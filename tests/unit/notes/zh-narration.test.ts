// Chinese textbooks (issue 11): a chapter opening that only narrates what the
// book did and will do, or the talk around its code, gives no card; real
// content next to a signpost, or a short answer without one, keeps its card.
// Excerpts of the pattern in d2l-style chapters.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';
import { isNarrationOnly } from '../../../cards/notes/narration.ts';
import { readDocument } from '../../../cards/notes/blocks.ts';

const parse = (md: string) => parseNotes(md, { deck: 'd' }).cards;
const linesOf = (md: string) => readDocument(md).sections.find((s) => s.level > 0)!.lines;

describe('textbook narration is no card', () => {
  it('drops a chapter opening that only looks back and announces', () => {
    const md = [
      '# 3.8 多层感知机',
      '我们已经介绍了包括线性回归和softmax回归在内的单层神经网络。然而深度学习主要关注多层模型。在本节中，我们将以多层感知机（multilayer perceptron，MLP）为例，介绍多层神经网络的概念。',
      '## 3.8.1 隐藏层',
      '多层感知机在单层神经网络的基础上引入了一到多个隐藏层（hidden layer）。隐藏层位于输入层和输出层之间。',
      '',
    ].join('\n');
    const cards = parse(md);
    expect(cards.some((c) => c.key === '多层感知机')).toBe(false);
    expect(cards.some((c) => c.key === '隐藏层')).toBe(true);
  });

  it('drops "下面我们解释…" and the talk around code', () => {
    expect(isNarrationOnly(linesOf('## 3.1.2 线性回归的表示方法\n我们已经阐述了线性回归的模型表达式、训练和预测。下面我们解释线性回归与神经网络的联系，以及线性回归的矢量计算表达式。\n'))).toBe(true);
    expect(isNarrationOnly(linesOf('## 10.12.2 含注意力机制的编码器—解码器\n我们将使用含注意力机制的编码器—解码器来将一段简短的法语翻译成英语。下面我们来介绍模型的实现。\n'))).toBe(true);
  });

  it('keeps an opening that states facts besides its signpost', () => {
    const md = '# 5.9 含并行连结的网络（GoogLeNet）\n在2014年的ImageNet图像识别挑战赛中，一个名叫GoogLeNet的网络结构大放异彩。GoogLeNet吸收了NiN中网络串联网络的思想，并在此基础上做了很大改进。本节将介绍这个模型系列的第一个版本。\n';
    expect(parse(md).some((c) => c.kind === 'section')).toBe(true);
  });

  it('keeps short answers without a signpost and answers with formulas or lists', () => {
    expect(isNarrationOnly(linesOf('## 数据增强\n旋转、翻转、缩放、裁剪、平移、添加噪声。\n'))).toBe(false);
    expect(isNarrationOnly(linesOf('## anchor设置的意义\n其实就是多尺度的滑动窗口\n'))).toBe(false);
    expect(isNarrationOnly(linesOf('## 标签平滑\n下面给出公式：\n$$p_i=1-\\epsilon$$\n'))).toBe(false);
    // "这一节的内容…" opens a sentence about the content, not a signpost of the book.
    expect(isNarrationOnly(linesOf('## 注意力\n这一节的内容说明了很多细节。\n'))).toBe(false);
  });
});
