// renderMarkdown(src, { math: 'dom' }): the CSP-safe output the UI fills with katex.render.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../cards/render/render.ts';

describe("renderMarkdown with math: 'dom'", () => {
  it('emits empty placeholders with the TeX, no inline styles', () => {
    const { html, errors } = renderMarkdown('输出 $\\frac{n-k}{s}+1$ 和\n\n$$a^2+b^2$$');
    expect(html).toContain('style='); // the default (KaTeX HTML) output needs inline styles…
    const dom = renderMarkdown('输出 $\\frac{n-k}{s}+1$ 和\n\n$$a^2+b^2$$', { math: 'dom' });
    expect(dom.html).not.toContain('style='); // …the DOM mode does not
    expect(dom.html).toContain('<span class="math" data-tex="\\frac{n-k}{s}+1" data-display="0"></span>');
    expect(dom.html).toContain('<div class="math-block"><span class="math" data-tex="a^2+b^2" data-display="1"></span></div>');
    expect(errors).toEqual([]);
  });

  it('adjacent inline spans stay three inline formulas', () => {
    const { html } = renderMarkdown('$\\lfloor$$\\frac{n}{s}$$\\rfloor$', { math: 'dom' });
    expect(html.match(/data-display="0"/g)).toHaveLength(3);
    expect(html).not.toContain('data-display="1"');
  });

  it('escapes the TeX inside the attribute', () => {
    const { html } = renderMarkdown('$a<b \\text{"x" & y}$', { math: 'dom' });
    expect(html).toContain('data-tex="a&lt;b \\text{&quot;x&quot; &amp; y}"');
    expect(html).not.toMatch(/data-tex="[^"]*"x"/);
  });

  it('raw HTML and javascript: links stay inert text', () => {
    const { html } = renderMarkdown('<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>', { math: 'dom' });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript');
  });
});
