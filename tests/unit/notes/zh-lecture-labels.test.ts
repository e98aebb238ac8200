// Lecture notes in Chinese with English flow labels (issue 11, zh-lhy): a
// lower-case label opening with a verb or a preposition ("compare in step2",
// "for Topic Analysis", "handle Vanishing gradient problem") is asked with its
// topic; a parameter listing ("$\theta=w_1,w_2,...$") is no formula; "**交叉熵**的描述：$…$"
// is the cross entropy's formula.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';

const fronts = (md: string, title = 'note') => parseNotes(md, { deck: 'd', title }).cards.map((c) => c.front);

describe('English flow labels in Chinese lecture notes', () => {
  it('asks a verb or preposition label with its topic', () => {
    const md = '#### Logistic Regression V.s. Linear Regression\n\n我们可以把逻辑回归和之前的线性回归做一个比较\n\n##### compare in step2\n\n在Logistic Regression中，我们定义的loss function是所有样本点的cross entropy总和\n\n##### for Topic Analysis\n\n如果把matrix factorization的方法用在topic analysis上，就叫做LSA\n';
    const f = fronts(md, '7_Logistic Regression');
    expect(f).toContain('Logistic Regression V.s. Linear Regression（compare in step2）：要点是什么？');
    expect(f).toContain('Logistic Regression V.s. Linear Regression（for Topic Analysis）：要点是什么？');
    expect(f.some((x) => x.startsWith('compare in step2'))).toBe(false);
  });

  it('asks a prompt under such a label without the label', () => {
    const md = '#### ReLU\n\nReLU的output要么等于0，要么等于input。\n\n##### handle Vanishing gradient problem\n\n当output=input的时候，这个activation function就是linear的。\n\n那ReLU是一个分段函数，它是不能微分的，那该怎么办呢？\n\n在实际操作上，当z>0时，gradient就是1；当z<0时，gradient就是0。\n';
    const f = fronts(md, '13_Tips');
    expect(f.some((x) => x.startsWith('handle Vanishing gradient problem：'))).toBe(false);
    expect(f).toContain('ReLU（handle Vanishing gradient problem）：要点是什么？');
  });
});

describe('formula fronts in lecture notes', () => {
  it('does not make a formula card of a parameter listing', () => {
    const md = '# Backpropagation\n\n#### Gradient Descent\n\ngradient descent用在neural network的时候，network parameters $\\theta=w_1,w_2,...,b_1,b_2,...$里面可能会有将近million个参数\n';
    const c = parseNotes(md, { deck: 'd', title: '9_Backpropagation' }).cards;
    expect(c.some((x) => x.kind === 'formula')).toBe(false);
    expect(c.some((x) => x.back.includes('million个参数'))).toBe(true);
  });

  it('asks the formula of a described term about the term', () => {
    const md = '##### compare in step2\n\n**交叉熵**的描述：把它们看做两点分布，那它们的cross entropy $l(f(x^n),\\hat{y}^n)=-[\\hat{y}^n \\ln f(x^n)+(1-\\hat{y}^n) \\ln (1-f(x^n))]$之和就是要minimize的对象\n';
    const f = fronts(md);
    expect(f).toContain('**交叉熵**的公式是什么？');
    expect(f.some((x) => x.includes('的描述的公式'))).toBe(false);
  });
});

describe('highlights after a pointing word', () => {
  it('is emphasis, not a cloze: "这样做==…==" leaves nothing to recall from', () => {
    const md = '#### 剪窗花\n\n当你加了hidden layer的时候，就相当于做了一个feature transformation。\n\n这样做==**既可以解决某些情况下难以分类的问题，又能够以比较有效率的方式充分利用data**==(比如下面这个折纸，高维空间上的1个点等于二维空间上的5个点)\n';
    const c = parseNotes(md, { deck: 'd', title: 'Why Deep' }).cards;
    expect(c.some((x) => x.kind === 'cloze')).toBe(false);
    expect(c.some((x) => x.back.includes('比较有效率的方式'))).toBe(true);
  });
});
