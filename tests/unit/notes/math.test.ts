// Math-aware Markdown: the token stream the importer reads, and the warnings it gives.
import { describe, expect, it } from 'vitest';
import { createParser } from '../../../cards/render/markdown.ts';
import type { Token } from 'markdown-it';
import { lineOf, parse, SEED } from './helpers.ts';

const md = createParser('any');
const inlineOf = (src: string): Token[] => md.parse(src, {}).flatMap((t) => t.children ?? []);
const math = (src: string) => inlineOf(src).filter((t) => t.type === 'math_inline').map((t) => [t.content, t.markup]);
const blocks = (src: string) => md.parse(src, {}).filter((t) => t.type === 'math_block').map((t) => [t.content, t.map]);

describe('math in the token stream', () => {
  it('reads $\\lfloor$$\\frac{…}{s}$$\\rfloor$+1 as three inline spans, not display math', () => {
    expect(math('1.VALID：$\\lfloor$$\\frac{n_{in}-k}{s}$$\\rfloor$+1')).toEqual([
      ['\\lfloor', '$'],
      ['\\frac{n_{in}-k}{s}', '$'],
      ['\\rfloor', '$'],
    ]);
    expect(blocks(SEED.split('\n').find((l) => l.startsWith('1.VALID'))!)).toEqual([]);
  });

  it('keeps math inside headings', () => {
    const tokens = md.parse('### $l_1$和$l_2$正则化', {});
    expect(tokens[0]!.type).toBe('heading_open');
    expect(tokens[1]!.children!.map((t) => t.type)).toEqual(['math_inline', 'text', 'math_inline', 'text']);
  });

  it('reads a multi-line aligned block as one display formula', () => {
    const src = SEED.slice(SEED.indexOf('$$p_i='), SEED.indexOf('## 过拟合欠拟合'));
    const [b] = blocks(src);
    expect(b![0]).toContain('\\begin{aligned}');
    expect(b![0]).toContain('\\newline');
    expect(b![0]).toContain('&i\\not=y');
    expect(b![1]).toEqual([0, 4]);
  });

  it('lets display math follow a label line directly', () => {
    const tokens = md.parse('**sigmoid**  \n$$y=\\frac{1}{1+e^{-x}}$$\n$$y\'=y(1-y)$$', {});
    expect(tokens.map((t) => t.type)).toEqual(['paragraph_open', 'inline', 'paragraph_close', 'math_block', 'math_block']);
  });

  it('sets $$…$$ followed by text on its line inline, as Typora and Obsidian do', () => {
    expect(math('$$a+b$$ 是和')).toEqual([['a+b', '$$']]);
    expect(inlineOf('$$a+b$$ 是和').find((t) => t.type === 'math_inline')!.meta).toMatchObject({ display: false });
  });

  it('leaves escaped and spaced dollars as text, and math out of code spans', () => {
    expect(math('价格 \\$5，`$x$` 不是公式')).toEqual([]);
    expect(math('$a$、$b_1$')).toEqual([['a', '$'], ['b_1', '$']]);
    expect(math('$x$2 元')).toEqual([]); // a closing $ followed by a digit is not a closer
  });

  it('does not read emphasis inside math', () => {
    const t = inlineOf('$a_1 * b_2 * c$ and _x_');
    expect(t.filter((x) => x.type === 'em_open')).toHaveLength(1);
    expect(t[0]!.content).toBe('a_1 * b_2 * c');
  });
});

describe('math warnings', () => {
  it('reports an unbalanced $ with its line', () => {
    const src = '# 标题\n正文 $a+b 没有闭合\n第二行 $c$ 正常';
    const w = parse(src).warnings.filter((x) => x.code === 'unbalanced-dollar');
    expect(w).toHaveLength(1);
    expect(w[0]!.line).toBe(2);
  });

  it('reports an unclosed display block', () => {
    const w = parse('# 标题\n\n$$x = \\frac{1}{2}\n\n正文').warnings;
    expect(w.filter((x) => x.code === 'unbalanced-dollar').map((x) => x.line)).toEqual([3]);
  });

  it('reports a KaTeX error with its line and keeps the card', () => {
    const src = '# 激活\n**ReLU**：$\\frac{1}{x$\n**tanh**：$\\tanh x$';
    const r = parse(src);
    const w = r.warnings.filter((x) => x.code === 'katex-error');
    expect(w).toHaveLength(1);
    expect(w[0]!.line).toBe(2);
    expect(r.cards.map((c) => c.key)).toContain('ReLU');
  });

  it('reports a broken display block at its first line', () => {
    const src = '# 公式\n\n$$\n\\begin{aligned} a &= b\n$$\n';
    expect(parse(src).warnings.find((x) => x.code === 'katex-error')?.line).toBe(lineOf(src, '$$'));
  });
});
