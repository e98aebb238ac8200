// Topic-less Chinese sub-headings (issue 11, zh): a short noun sub-heading that
// is a part of its parent topic ("填充和步幅" under "池化层", whose text says
// "池化层也可以…") and a generic label that repeats part of an aspect heading
// ("优点：" under "优缺点及改进算法" in K-means notes) are asked about that topic.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';

const cards = (md: string, title = 'note') => parseNotes(md, { deck: 'd', title }).cards;

describe('sub-headings asked about their parent topic', () => {
  it('asks a part-of sub-heading with the parent its text names', () => {
    const md = '# 5.4 池化层\n\n池化层的提出是为了缓解卷积层对位置的过度敏感性。\n\n## 5.4.2 填充和步幅\n\n同卷积层一样，池化层也可以在输入的高和宽两侧的填充并调整窗口的移动步幅来改变输出形状。\n';
    const c = cards(md, '5.4_pooling');
    expect(c.map((x) => x.front)).toContain('池化层的填充和步幅分别是什么？');
  });

  it('leaves a sub-heading whose text does not name the parent, and code steps', () => {
    const md = '# 5.2 填充和步幅\n\n卷积层的输出形状由输入形状和卷积核窗口形状决定。\n\n## 5.2.1 填充\n\n填充（padding）是指在输入高和宽的两侧填充元素（通常是0元素）。\n';
    expect(cards(md).map((x) => x.front)).not.toContain('填充和步幅的填充是什么？');
    const steps = '# 3.2 线性回归\n\n线性回归输出是一个连续值。\n\n## 3.2.1 生成数据集\n\n我们为线性回归构造一个简单的人工训练数据集，样本数为1000。\n';
    expect(cards(steps).some((x) => x.front.startsWith('线性回归的生成数据集'))).toBe(false);
  });

  it('asks a generic label under an aspect heading about the aspect\'s owner', () => {
    const md = '# K-means面试题\n\n## 1. kmeans原理详解\n\nK-means是一种常见的聚类算法，也叫k均值。\n\n## 3. 优缺点及改进算法\n\n优点：效率高、适用于大规模数据集\n';
    const c = cards(md, 'kmeans');
    expect(c.map((x) => x.front)).toContain('K-means的优点有哪些？');
    expect(c.some((x) => x.front.startsWith('优缺点及改进算法的优点'))).toBe(false);
  });

  it('asks the parts of a long section under an imperative heading ending in "。" inside it, not after it', () => {
    const long = '喂给它的数据集是带label的数据，已经是完全正确的数据，没有明显的前期训练过程。'.repeat(20);
    const md = `# kNN\n\n## 6. 为了解决KNN算法计算量过大的问题，可以使用分组的方式进行计算，简述一下该方式的原理。\n\n先将样本按距离分组。\n\n- KNN\n  + ${long}\n- K-Means\n  + ${long}\n`;
    const fronts = cards(md, 'kNN').map((x) => x.front);
    expect(fronts).toContain('为了解决KNN算法计算量过大的问题，可以使用分组的方式进行计算，简述一下该方式的原理。（K-Means）');
    expect(fronts.some((f) => f.includes('。：'))).toBe(false);
  });
});

describe('labelled parts under a generic heading', () => {
  const long = '由于函数间隔会随w和b成比例缩放而变化，所以需要对法向量加某些约束，使间隔确定。'.repeat(40);
  const md = `# SVM面试题\n\nSVM是一种二分类模型。\n\n## 2. 核心公式\n\n**函数间隔**\n\n给定一个超平面$（w, b）$，定义该超平面关于样本点$(x_i,y_i)$的函数间隔为：$\\widehat{\\gamma}_{i}=y_{i}(w^{T} x_{i}+b)$\n定义该超平面关于训练集$T$的函数间隔为：$\\widehat{\\gamma}=\\min_{i} \\widehat{\\gamma}_{i}$\n\n**几何间隔**\n\n${long}\n`;
  const fronts = parseNotes(md, { deck: 'd', title: 'SVM' }).cards.map((c) => c.front);

  it('asks them about the topic, not the generic heading', () => {
    expect(fronts).toContain('SVM的函数间隔是什么？');
    expect(fronts.some((f) => f.startsWith('核心公式：'))).toBe(false);
  });

  it('never makes a term of a definition pointing back ("定义该超平面…为：")', () => {
    expect(fronts.some((f) => f.includes('定义该超平面'))).toBe(false);
  });
});

describe('step and explanation headings', () => {
  const md = '# K-means面试题\n\n## 2. kmeans原理详解\n\nK-means是一种常见的聚类算法，也叫k均值。\n\n## 4. k值的选取\n\nK-means算法要求事先知道数据集能分为几群，常用手肘法选拐点处的k值。\n\n## 5. 决策树对离散值的处理\n\n思想和C4.5相同，都是将连续的特征离散化。\n';
  const fronts = parseNotes(md, { deck: 'd', title: 'kmeans' }).cards.map((c) => c.front);

  it('asks "X的选取" how, under its topic', () => {
    expect(fronts).toContain('kmeans中如何选取k值？');
    expect(fronts).toContain('决策树如何处理离散值？');
  });

  it('asks "kmeans原理详解" for the principle', () => {
    expect(fronts).toContain('kmeans的原理是什么？');
  });
});
