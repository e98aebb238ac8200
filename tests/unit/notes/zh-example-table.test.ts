// A table that works an example (issue 11, zh): rows keyed by the words of one
// sentence whose cells only list other words of it ("| so | NLP, is, interesting |")
// is no set of terms — "and的上下文是什么？" asks about an example. It stays whole
// in the section's answer; a table of names keeps its row cards.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';

const cards = (md: string) => parseNotes(md, { deck: 'd', title: 'note' }).cards;

describe('example tables', () => {
  it('reads a table of an example sentence whole', () => {
    const md = '## 1.2 CBOW模型\n\n假设我们的语料是**"NLP is so interesting and challenging"**。循环使用每个词作为中心词。\n\n| 中心词 | 上下文 |\n| :-: | :-: |\n| NLP | is, so |\n| is | NLP, so, interesting |\n| so | NLP, is, interesting, and |\n| interesting | is, so, and, challenging |\n| and | so, interesting, challenging |\n| challenging | interesting, and |\n';
    const c = cards(md);
    expect(c.some((x) => /^(?:and|so|is|NLP)的上下文/.test(x.front))).toBe(false);
    expect(c.some((x) => x.back.includes('NLP, so, interesting'))).toBe(true);
  });

  it('keeps row cards of a table of names', () => {
    const md = '## 激活函数\n\n| 函数 | 优点 |\n| - | - |\n| ReLU | 计算简单，缓解梯度消失 |\n| sigmoid | 输出在0到1之间 |\n';
    expect(cards(md).some((x) => x.front.startsWith('ReLU的优点'))).toBe(true);
  });
});
