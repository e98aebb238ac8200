// One note, one question (issue 11, zh): two cards asking the same thing get the
// heading that tells them apart; an unanswered repeat in a question bank of a
// question the notes answered is no card.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';

const parse = (md: string, title = 'note') => parseNotes(md, { deck: 'd', title });

describe('the same front twice in one note', () => {
  it('names the heading each card sits under', () => {
    const md = [
      '#### Lagrange multiplier',
      '',
      '用拉格朗日乘数法求解PCA。',
      '',
      '##### calculate $w^1$',
      '',
      '目标：maximize $(w^1)^TSw^1 $，条件：$(w^1)^Tw^1=1$',
      '',
      '##### calculate $w^2$',
      '',
      '在推导$w^2$时，相较于$w^1$，多了一个限制条件：$w^2$必须与$w^1$正交。',
      '',
      '目标：maximize $(w^2)^TSw^2$，条件：$(w^2)^Tw^2=1,(w^2)^Tw^1=0$',
      '',
    ].join('\n');
    const fronts = parse(md, 'PCA part1').cards.map((c) => c.front);
    expect(fronts.filter((f) => f.endsWith('目标的公式是什么？'))).toEqual(['calculate $w^1$：目标的公式是什么？', 'calculate $w^2$：目标的公式是什么？']);
    expect(new Set(fronts).size).toBe(fronts.length);
  });

  it('drops an open repeat of an answered question, and keeps the ids of the rest', () => {
    const md = '# gbdt_lr\n\n## 面试十问\n\n1. 为什么建树采用GBDT而非RF?\n\nRF也是多棵树，但从效果上有实践证明不如GBDT。\n\n## 面试真题\n\n1. 为什么建树采用GBDT而非RF?\n2. GBDT和LR如何结合?\n';
    const drops: string[] = [];
    const r = parseNotes(md, { deck: 'd', title: 'gbdt_lr', onDrop: (d) => drops.push(d.rule) });
    const same = r.cards.filter((c) => c.front.includes('为什么建树采用GBDT而非RF'));
    expect(same).toHaveLength(1);
    expect(same[0]!.back).toContain('RF也是多棵树');
    expect(r.cards.some((c) => c.front.includes('GBDT和LR如何结合'))).toBe(true);
    expect(drops).toContain('duplicate');
    expect(r.cards.map((c) => c.order)).toEqual(r.cards.map((_, i) => i));
  });
});
