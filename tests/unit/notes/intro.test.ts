// A lecture note's abstract ("> 本文将主要介绍…", "…，这篇文章就讲述了三个问题：…")
// only announces what the note covers: asked as "<title>是什么？为什么用？" it is
// no card. Real content before the first sub-heading stays (lhy notes).
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';

const cards = (md: string) => parseNotes(md, { deck: 'd', title: 'note' }).cards;

describe('a note intro that only announces the note', () => {
  it('drops a quoted abstract under the title heading', () => {
    for (const intro of [
      '> 人们常常会说，deep learning就是一个黑盒子，所以会有很多人不喜欢这种方法，这篇文章就讲述了三个问题：What does CNN do？Why CNN？How to design CNN?',
      '> 本文将主要介绍PCA算法的数学推导过程',
      '> 本文主要从组件和SVD分解的角度介绍PCA，并描述了PCA的神经网络实现方式',
      'In this lecture we look at how CNNs see images.',
    ]) {
      const c = cards(`# Convolutional Neural Network part2\n\n${intro}\n\n#### What does CNN learn？\n\n第一层的filter在检测简单的pattern，比如线条和颜色。\n`);
      expect(c.some((x) => x.front.startsWith('Convolutional Neural Network part2')), intro).toBe(false);
      expect(c.some((x) => x.back.includes('第一层的filter')), intro).toBe(true);
    }
  });

  it('keeps an intro that explains something, and sentences that only mention an article', () => {
    const c = cards('# PCA\n\n> 本文将主要介绍PCA算法的数学推导过程\n\n上一篇文章提到，PCA认为降维就是一个linear function，即$z=Wx$。\n\n## Bag of words\n\n某一维等于1则表示该词汇在这篇文章中出现。\n');
    expect(c.some((x) => x.back.includes('linear function'))).toBe(true);
    expect(c.some((x) => x.back.includes('这篇文章中出现'))).toBe(true);
  });
});
