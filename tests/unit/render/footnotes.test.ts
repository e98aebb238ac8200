// Footnote marks and definitions never show as raw `[^4]`.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../cards/render/render.ts';
import { textOf } from './helpers.ts';

const html = (src: string) => renderMarkdown(src).html;

describe('footnotes', () => {
  it('a reference is a superscript mark (daily-interview deepfm.md)', () => {
    const h = html('FM模型[^4]是2010年Rendle提出的一个强大的**非线性分类模型**');
    expect(h).toContain('FM模型<sup class="footnote-ref">4</sup>是2010年');
    expect(textOf(h)).not.toContain('[^');
  });

  it('a definition is a paragraph led by its mark', () => {
    const h = html('[^4]: Rendle, Factorization Machines, 2010.\n[^note]: Another one.');
    expect(h).toContain('<sup class="footnote-def">4</sup> Rendle, Factorization Machines, 2010.');
    expect(h).toContain('<sup class="footnote-def">note</sup> Another one.');
    expect(textOf(h)).not.toMatch(/\[\^|\]:/);
  });

  it('leaves code, math, links and non-labels alone', () => {
    const h = html('`[^1]` and [^ x] and [^] and [link](https://a.b) and $a[^1]$');
    expect(h).toContain('<code>[^1]</code>');
    expect(textOf(h)).toContain('[^ x] and [^]');
    expect(h).toContain('href="https://a.b"');
    expect(h).not.toContain('footnote');
  });
});
