// Long answers that were not split show their first part and fold the rest.
import { describe, expect, it } from 'vitest';
import { FOLD_OVER } from '../../../cards/render/fold.ts';
import { renderCard, renderMarkdown } from '../../../cards/render/render.ts';
import { textOf } from './helpers.ts';

const card = (back: string, lang?: 'zh' | 'en') => renderCard({ kind: 'section', front: 'q', back, links: [], lang }).backHtml;
const para = (n: number, words = 12) => `Paragraph ${n}: ` + 'the gradient flows backwards '.repeat(words) + '\n\n';

describe('the "more" fold', () => {
  it('leaves short backs alone', () => {
    const back = para(1) + para(2);
    expect(card(back)).not.toContain('<details');
    expect(card(back)).toBe(renderMarkdown(back).html);
  });

  it('folds a long back between paragraphs, keeping every word', () => {
    const back = Array.from({ length: 8 }, (_, i) => para(i)).join('');
    expect(back.length).toBeGreaterThan(FOLD_OVER);
    const h = card(back);
    const [shown, hidden] = h.split('<details class="more">');
    expect(hidden).toBeDefined();
    expect(textOf(shown!).length).toBeGreaterThan(500);
    expect(textOf(shown!).length).toBeLessThan(1000);
    expect(h).toMatch(/<details class="more"><summary>Show the rest<\/summary><div class="more-body">/);
    for (let i = 0; i < 8; i++) expect(h).toContain(`Paragraph ${i}:`);
    expect(h).not.toContain('style=');
  });

  it('cuts a long numbered list between items and continues the numbering', () => {
    const back = Array.from({ length: 20 }, (_, i) => `${i + 1}. item ${i}: ` + 'softmax turns scores into probabilities '.repeat(2)).join('\n');
    const h = card(back);
    const start = /<ol start="(\d+)">/.exec(h.split('<details')[1]!);
    expect(start).not.toBeNull();
    const shownItems = (h.split('<details')[0]!.match(/<li>/g) ?? []).length;
    expect(Number(start![1])).toBe(shownItems + 1);
    expect((h.match(/<li>/g) ?? []).length).toBe(20);
  });

  it('labels the fold in the card\'s language, or its text\'s', () => {
    const zh = Array.from({ length: 10 }, (_, i) => `第${i}段：` + '梯度沿着计算图反向传播，每一层把上游梯度乘以本层的局部导数。'.repeat(5) + '\n\n').join('');
    expect(card(zh)).toContain('<summary>展开其余部分</summary>');
    expect(card(zh, 'en')).toContain('<summary>Show the rest</summary>');
  });

  it('does not fold when the rest would be tiny, or inside one huge paragraph', () => {
    expect(card('x '.repeat(1000))).not.toContain('<details');
    expect(card(para(1, 45) + 'tail')).not.toContain('<details');
  });

  it('renderMarkdown folds on request (the UI asks for it), with math as DOM placeholders', () => {
    const long = Array.from({ length: 8 }, (_, i) => para(i)).join('') + '$x^2$';
    expect(renderMarkdown(long, { math: 'dom' }).html).not.toContain('<details');
    const h = renderMarkdown(long, { math: 'dom', fold: true }).html;
    expect(h).toContain('<details class="more">');
    expect(h.split('<details')[1]).toContain('<span class="math" data-tex="x^2" data-display="0"></span>');
  });

  it('never folds the front', () => {
    const long = Array.from({ length: 8 }, (_, i) => para(i)).join('');
    expect(renderCard({ kind: 'section', front: long, back: 'a', links: [] }).frontHtml).not.toContain('<details');
  });
});
