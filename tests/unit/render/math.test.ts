// Math as people write it in real notes (Typora, Obsidian, LaTeX habits),
// and the dollar signs that are not math at all.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../cards/render/render.ts';
import { normalizeTex, renderTex } from '../../../cards/render/tex.ts';
import { displayFormulas, inlineFormulas, textOf } from './helpers.ts';

const html = (src: string) => {
  const r = renderMarkdown(src);
  expect(r.errors, src).toEqual([]);
  return r.html;
};

describe('inline math with spaces inside (Typora)', () => {
  it('renders $ x $ and a formula with a trailing space', () => {
    for (const src of ['权重 $ w $ 和偏置 $ b $', '使用权值分布 $D(t) $的训练集', '$\\alpha \\geqslant 0 $ 为参数', '输出 $ \\hat{y} = f(x) $。']) {
      const h = html(src);
      expect(textOf(h), src).not.toContain('$');
      expect(inlineFormulas(h), src).toBeGreaterThan(0);
    }
    expect(inlineFormulas(html('权重 $ w $ 和偏置 $ b $'))).toBe(2);
  });
});

describe('dollars that are money, escaped or code', () => {
  const money = [
    'a salary of $100k per year',
    'it costs $5 per hour',
    'raised $3.5 million and later $4 million',
    'from $5 to $10',
    'Indexing 1MB could cost roughly $10-15 (depending on pricing).',
    'between $ 5 and $ 6 a day',
    '价格 $ 5 元和 $ 6 元',
  ];
  for (const src of money) {
    it(`leaves "${src}" as text`, () => {
      const h = html(src);
      expect(h).not.toContain('katex');
      expect(textOf(h).trim()).toBe(src);
    });
  }

  it('a currency sign before a formula does not swallow it', () => {
    const h = html('pay $5 and then $x^2$ more');
    expect(inlineFormulas(h)).toBe(1);
    expect(textOf(h)).toContain('pay $5 and then');
  });

  it('keeps \\$ and code spans literal', () => {
    const h = html('价格 \\$5，`$x$` 不是公式 \\$ 也不是 \\$');
    expect(h).not.toContain('katex');
    expect(h).toContain('<code>$x$</code>');
    expect(textOf(h)).toBe('价格 $5，$x$ 不是公式 $ 也不是 $\n');
  });

  it('a closing $ before a digit closes nothing', () => {
    expect(html('$x$2 元')).not.toContain('katex');
  });
});

describe('$$…$$', () => {
  it('inside a sentence is set inline', () => {
    const h = html('损失 $$L = -\\log p$$ 越小越好');
    expect(displayFormulas(h)).toBe(0);
    expect(inlineFormulas(h)).toBe(1);
  });

  it('alone on its line or paragraph is display math', () => {
    expect(displayFormulas(html('$$a^2+b^2=c^2$$'))).toBe(1);
    expect(displayFormulas(html('勾股定理：\n$$a^2+b^2=c^2$$\n即斜边'))).toBe(1);
    expect(displayFormulas(html('- 第一项\n\n  $$x$$'))).toBe(1);
  });

  it('three adjacent inline spans stay three inline formulas', () => {
    const h = html('$\\lfloor$$\\frac{n}{s}$$\\rfloor$+1');
    expect(displayFormulas(h)).toBe(0);
    expect(inlineFormulas(h)).toBe(3);
  });
});

describe('LaTeX delimiters \\( \\) and \\[ \\]', () => {
  it('\\(…\\) is inline math', () => {
    const h = html('the sigmoid \\(\\sigma(x) = \\frac{1}{1+e^{-x}}\\) squashes');
    expect(inlineFormulas(h)).toBe(1);
    expect(textOf(h)).toMatch(/^the sigmoid .* squashes\n$/);
  });

  it('\\[…\\] on its own lines is display math, inside a sentence inline', () => {
    expect(displayFormulas(html('\\[\nE = mc^2\n\\]'))).toBe(1);
    expect(displayFormulas(html('Energy:\n\\[E = mc^2\\]'))).toBe(1);
    const mid = html('so \\[E = mc^2\\] holds');
    expect(displayFormulas(mid)).toBe(0);
    expect(inlineFormulas(mid)).toBe(1);
  });

  it('escaped brackets around numbers or prose stay text', () => {
    expect(textOf(html('see \\[1\\] and \\[2, 3\\]'))).toBe('see [1] and [2, 3]\n');
    expect(textOf(html('(as \\(see above\\) says)'))).toBe('(as (see above) says)\n');
    expect(textOf(html('\\[12\\]'))).toBe('[12]\n');
  });
});

describe('environments KaTeX lacks', () => {
  it('maps eqnarray and eqnarray* to a display-style rcl array', () => {
    expect(normalizeTex('\\begin{eqnarray*} a &=& b \\end{eqnarray*}', true)).toBe('\\begin{darray}{rcl} a &=& b \\end{darray}');
    for (const env of ['eqnarray', 'eqnarray*']) {
      const h = html(`$$\\begin{${env}} y &=& ax + b \\\\ z &=& c \\label{eq:1}\\end{${env}}$$`);
      expect(displayFormulas(h)).toBe(1);
      expect(h).not.toContain('math-error');
    }
  });

  it('renders display-only environments inside inline math', () => {
    for (const env of ['align', 'align*', 'split']) {
      expect(renderTex(`\\begin{${env}} a &= b \\end{${env}}`, false).error, env).toBeUndefined();
    }
    for (const env of ['gather', 'equation', 'equation*']) {
      expect(renderTex(`\\begin{${env}} a = b \\end{${env}}`, false).error, env).toBeUndefined();
    }
    expect(renderTex('\\begin{alignat}{2} a &= b & c &= d \\end{alignat}', false).error).toBeUndefined();
    expect(renderTex('\\begin{multline} a + b \\\\ = c \\end{multline}', true).error).toBeUndefined();
  });

  it('keeps display environments as they are in display math', () => {
    expect(normalizeTex('\\begin{align} a &= b \\end{align}', true)).toBe('\\begin{align} a &= b \\end{align}');
  });

  it('drops \\label, \\require and (inline) \\tag', () => {
    expect(renderTex('\\require{cancel} x \\label{eq:x} \\tag{1}', false).error).toBeUndefined();
    expect(renderTex('\\textsc{Adam} + \\mathbbm{1}', false).error).toBeUndefined();
  });
});

describe('a formula KaTeX cannot render', () => {
  it('shows its source with a warning class, and the card keeps rendering', () => {
    const r = renderMarkdown('好 $\\frac{1}{2$ 坏 $\\undefinedmacro$ 后 $x$');
    expect(r.errors).toHaveLength(2);
    expect(r.html.match(/class="math-error"/g)).toHaveLength(2);
    expect(textOf(r.html)).toContain('\\undefinedmacro');
    expect(inlineFormulas(r.html)).toBe(1);
  });
});

describe("math: 'dom' placeholders follow the same rules", () => {
  it('marks display only for $$ and \\[ alone on their line', () => {
    const { html: h } = renderMarkdown('a $$x$$ b \\(y\\) $ z $\n\n$$w$$', { math: 'dom' });
    expect(h.match(/data-display="0"/g)).toHaveLength(3);
    expect(h.match(/data-display="1"/g)).toHaveLength(1);
    expect(h).toContain('data-tex=" z "');
  });
});
