// Lecture notes (issue 11): a front must not point at a slide the card does not show.
// Excerpt in the style of the SVM lecture transcript.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';
import { withoutFigureLead } from '../../../cards/notes/figure.ts';

describe('fronts without figure pointers', () => {
  it('drops "紫线代表了" / "下图中的红色曲线代表了" from a formula front', () => {
    const md = [
      '# Support Vector Machine',
      '#### Hinge Loss',
      '紫线代表了hinge loss的损失函数：$l(f(x^n),\\hat y^n)=\\max(0,1-\\hat y^n f(x))$',
      '',
      '- 当$\\hat y^n=1$，损失函数化简为$\\max(0,1-f(x))$',
      '',
    ].join('\n');
    const card = parseNotes(md, { deck: 'd' }).cards.find((c) => c.kind === 'formula')!;
    expect(card.front).toBe('hinge loss的损失函数的公式是什么？');
    expect(withoutFigureLead('下图中的红色曲线代表了square loss的损失函数的公式是什么？')).toBe('square loss的损失函数的公式是什么？');
    expect(withoutFigureLead('如图5.1所示，卷积核窗口的形状是什么？')).toBe('卷积核窗口的形状是什么？');
  });

  it('keeps fronts that only mention colours or figures in passing', () => {
    expect(withoutFigureLead('红黑树是什么？')).toBe('红黑树是什么？');
    expect(withoutFigureLead('图神经网络是什么？')).toBe('图神经网络是什么？');
    expect(withoutFigureLead('如图所示？')).toBe('如图所示？');
  });
});
