// Card sides → safe HTML with KaTeX: the real notes render cleanly, hostile notes stay inert.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';
import { renderCard, renderMarkdown } from '../../../cards/render/render.ts';
import { fixture, one, SEED, seedCards } from '../notes/helpers.ts';

/** Visible text: MathML annotations (the TeX source) and tags removed. */
const textOf = (html: string) =>
  html
    .replace(/<annotation[^>]*>[\s\S]*?<\/annotation>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

function expectInert(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(?:img|svg|a|b|iframe|object)\b[^>]*\son\w+\s*=/i); // no event handler in a real tag
  expect(html).not.toMatch(/<[a-z][^>]*\s(?:href|src)\s*=\s*"(?!https?:|mailto:)/i); // (escaped text may mention them)
  expect(html).not.toMatch(/<img\b[^>]*\ssrc=/i);
  expect(html).not.toMatch(/<a\b[^>]*href="[^"]*javascript:/i);
}

describe('the bundled notes render', () => {
  const cards = seedCards();

  it('every card side renders with no KaTeX error and no stray $', () => {
    let formulas = 0;
    for (const c of cards) {
      for (const side of [c.front, c.back]) {
        const r = renderMarkdown(side);
        expect(r.errors, `${c.key}: ${side}`).toEqual([]);
        expect(textOf(r.html), `${c.key}: ${side}`).not.toContain('$');
        formulas += (r.html.match(/class="katex"/g) ?? []).length;
      }
      const { frontHtml, backHtml } = renderCard(c);
      expect(frontHtml.length).toBeGreaterThan(0);
      expectInert(backHtml);
    }
    expect(formulas).toBeGreaterThan(80);
  });

  it('renders the three adjacent inline spans as three inline formulas', () => {
    const { html, errors } = renderMarkdown(one(cards, 'VALID').back);
    expect(errors).toEqual([]);
    expect(html).not.toContain('katex-display');
    expect(html.match(/class="katex"/g)).toHaveLength(6); // ⌊ frac ⌋ *or* ⌈ frac ⌉
    expect(html).toContain('<em>or</em>');
  });

  it('renders the label-smoothing aligned block as display math', () => {
    const { html, errors } = renderMarkdown(one(cards, '标签平滑', 'formula').back);
    expect(errors).toEqual([]);
    expect(html).toContain('katex-display');
    expect(html).not.toContain('math-error');
  });

  it('renders the whole notes file without a KaTeX error', () => {
    expect(renderMarkdown(SEED).errors).toEqual([]);
  });

  it('puts references on the back as external links, and a reading card is its list', () => {
    const dilated = renderCard(one(cards, '空洞卷积', 'section'));
    expect(dilated.backHtml).toContain('<ul class="card-links">');
    expect(dilated.backHtml).toContain('href="https://www.zhihu.com/question/54149221" target="_blank" rel="noopener noreferrer"');
    const reading = renderCard(one(cards, '反向传播', 'reading'));
    expect(reading.backHtml.match(/<a /g)).toHaveLength(4);
    expect(reading.frontHtml).toContain('阅读清单：反向传播');
  });
});

describe('hostile notes are inert', () => {
  const xss = fixture('xss.md');

  it('renders the XSS corpus as text', () => {
    const { html } = renderMarkdown(xss);
    expectInert(html);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('[点我](javascript:alert(1))'); // an unsafe link stays literal text
  });

  it('every card made from the XSS corpus renders inert', () => {
    const { cards } = parseNotes(xss, { deck: 'x' });
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) {
      const { frontHtml, backHtml } = renderCard(c);
      expectInert(frontHtml);
      expectInert(backHtml);
      expect(c.links.every((l) => /^https?:|^mailto:/.test(l.url))).toBe(true);
    }
  });

  it('gives external links rel and target, and drops unsafe ones from the link list', () => {
    const { html } = renderMarkdown('[a](https://example.org) [m](mailto:a@b.c) [r](./local.md) [h](#x)');
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">a</a>');
    expect(html).toContain('href="mailto:a@b.c"');
    expect(html).toContain('<span class="note-link">r</span>'); // a link to another file shows its text, not an anchor
    expect(html).toContain('<span class="note-link">h</span>');
    const card = renderCard({ kind: 'term', front: 'q', back: 'a', links: [{ title: '<b>x</b>', url: 'javascript:alert(1)' }, { title: '<i>ok</i>', url: 'https://ok.org' }] });
    expect(card.backHtml).not.toContain('javascript:');
    expect(card.backHtml).toContain('&#60;i&#62;ok&#60;/i&#62;');
  });

  it('runs KaTeX untrusted and bounded', () => {
    const r = renderMarkdown('$\\href{javascript:alert(1)}{x}$ $\\rule{1000em}{1000em}$ $\\htmlData{onload=alert(1)}{x}$');
    expectInert(r.html);
    expect(r.html).not.toMatch(/style="[^"]*1000em/); // capped by maxSize (the TeX source stays in the MathML annotation)
    const bomb = renderMarkdown('$\\def\\a{\\a\\a}\\a$ after');
    expect(bomb.errors).toHaveLength(1);
    expect(bomb.html).toContain('after');
  });
});

describe('a broken formula', () => {
  it('shows as a visible, escaped error without breaking the rest of the card', () => {
    const r = renderMarkdown('前 $\\frac{1}{<b>$ 后 $x^2$');
    expect(r.errors).toHaveLength(1);
    expect(r.html).toMatch(/<span class="math-error" title="[^"]+">\\frac\{1\}\{&#60;b&#62;<\/span>/);
    expect(r.html).toContain('后');
    expect(r.html.match(/class="katex"/g)).toHaveLength(1);
  });

  it('never throws on junk', () => {
    for (const junk of ['', '\0\0', '$$', '$$$$$$', '\\', '[', '$\\begin{aligned}$', '<'.repeat(1000), '$'.repeat(10_001)]) {
      expect(() => renderMarkdown(junk)).not.toThrow();
    }
  });
});
