// Typora/pandoc `w~i~` and `x^2^` render as sub/superscripts (lhy regression
// notes: "**w~i~**：weight of x~i~"); ranges and "about" tildes stay text.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../cards/render/render.ts';

const html = (md: string) => renderMarkdown(md).html;

describe('sub- and superscripts', () => {
  it('renders w~i~ and x^2^', () => {
    expect(html('**w~i~**：weight of x~i~')).toBe('<p><strong>w<sub>i</sub></strong>：weight of x<sub>i</sub></p>\n');
    expect(html('w~i~是什么？')).toContain('w<sub>i</sub>是什么？');
    expect(html('x^2^ and h~t-1~')).toContain('x<sup>2</sup> and h<sub>t-1</sub>');
  });

  it('leaves ranges, approximations, strikethrough and code alone', () => {
    expect(html('0~9的数字，0~9这10个')).toContain('0~9的数字，0~9这10个');
    expect(html('~5 ms to ~10 ms, 1~3~5')).toContain('~5 ms to ~10 ms, 1~3~5');
    expect(html('~~old~~ new')).toContain('<s>old</s> new');
    expect(html('`a~b~`')).toContain('<code>a~b~</code>');
  });
});
