// Typora habits: `w~i~` and `x^2^` render as sub/superscripts (lhy regression
// notes), ranges and "about" tildes stay text; `$$` blocks may hold blank lines.
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

describe('display math across a blank line', () => {
  it('a `$$` block with a blank line inside (a spaced-out matrix in a list item) renders whole (lhy PCA part 2)', () => {
    const md = '- 下面的式子演示了划分的过程\n\n    注：$x$和$u_i$均为n维列向量\n    $$\n    \\begin{split}\n    &x=a\\\\ \\\\\n    \n    &y=b\n    \\end{split}\n    $$\n\n后文\n';
    const r = renderMarkdown(md);
    expect(r.errors).toEqual([]);
    expect(r.html).not.toMatch(/\$\$|\\begin\{split\}<\/p>/);
    expect(r.html).toContain('后文');
  });

  it('an unclosed `$$` still leaves the notes below it alone', () => {
    const h = renderMarkdown('$$ x\n\ntext with $a$\n\n# head\n').html;
    expect(h).toContain('<h1>head</h1>');
    expect(h).toContain('<p>$$ x</p>');
  });
});
