// The sample's headings and excerpts show math as the user wrote it: KaTeX
// prints each formula twice (MathML + HTML), and reading both gave
// "calculate w 1 w 1 ." for "calculate $w^1$.".
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../cards/render/render.ts';
import { allText } from '../../../scripts/corpus/html-text.ts';

describe('allText', () => {
  it('shows inline and display math once, as TeX source', () => {
    expect(allText(renderMarkdown('calculate $w^1$.').html)).toBe('calculate $w^1$ .');
    expect(allText(renderMarkdown('$x^i$是什么？').html)).toBe('$x^i$ 是什么？');
    expect(allText(renderMarkdown('Loss:\n\n$$\na<b\n$$\n').html)).toBe('Loss: $$a<b$$');
  });

  it('keeps the text of ordinary HTML', () => {
    expect(allText('<p>a <strong>b</strong> &amp; c</p>')).toBe('a b & c');
  });
});
