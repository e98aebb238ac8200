// `**…**` next to CJK text and punctuation (the CommonMark CJK-friendly
// amendments): bold where Chinese notes mean bold, and nothing changes for
// text without CJK, math or code.
import { describe, expect, it } from 'vitest';
import { isCjk, scanDelimsCjk } from '../../../cards/render/cjkEmphasis.ts';
import { createParser } from '../../../cards/render/markdown.ts';
import { renderMarkdown } from '../../../cards/render/render.ts';
import { textOf } from './helpers.ts';

const html = (src: string) => renderMarkdown(src).html.trim();

describe('CJK-friendly emphasis', () => {
  it('closes ** after punctuation when a CJK letter follows (lhy notes, daily-interview notes)', () => {
    expect(html('其中是一个**概率分布(distribution)**对上图中')).toBe('<p>其中是一个<strong>概率分布(distribution)</strong>对上图中</p>');
    expect(html('**取反**得到**损失函数表达式(负对数损失函数)**的公式')).toBe(
      '<p><strong>取反</strong>得到<strong>损失函数表达式(负对数损失函数)</strong>的公式</p>',
    );
    expect(html('**术语：**解释')).toBe('<p><strong>术语：</strong>解释</p>');
    expect(html('**n_estimators:**随机森林建立子树的数量')).toBe('<p><strong>n_estimators:</strong>随机森林建立子树的数量</p>');
  });

  it('opens ** before punctuation when a CJK letter precedes', () => {
    expect(html('对**“概率”**的理解')).toBe('<p>对<strong>“概率”</strong>的理解</p>');
    expect(html('这是*斜体（注）*的')).toBe('<p>这是<em>斜体（注）</em>的</p>');
  });

  it('keeps the word rule for _ and __ (snake_case, 中_文_字)', () => {
    expect(html('中_文_字 and snake_case_name')).toBe('<p>中_文_字 and snake_case_name</p>');
    expect(html('这是_斜体（注）_的')).toBe('<p>这是_斜体（注）_的</p>');
    expect(html('前面 __粗体__ 后面')).toBe('<p>前面 <strong>粗体</strong> 后面</p>');
  });

  it('parses text without CJK exactly as CommonMark', () => {
    const plain = createParser('strict');
    plain.inline.State = Object.getPrototypeOf(plain.inline.State) as typeof plain.inline.State; // the stock StateInline
    for (const s of ['a*b*c', '2*3*4 = 24', '**bold:**text', 'x **(y)**z', 'snake_case_name', '*a **b** c*', '** not bold **', 'f(x)**2']) {
      expect(html(s)).toBe(plain.render(s).trim());
    }
  });

  it('never touches math or code', () => {
    const h = html('$a*b*c$ 与 `**x**` 中');
    expect(h).toContain('<code>**x**</code>');
    expect(h).not.toContain('<em>');
    expect(textOf(h)).not.toMatch(/\*\*x\*\*.*\*\*/);
  });

  it('classifies CJK characters and full-width punctuation', () => {
    for (const ch of ['中', '。', '，', '：', '（', '」', 'あ', '한', '𠀀']) expect(isCjk(ch.codePointAt(0)!)).toBe(true);
    for (const ch of ['a', '(', ':', '“', '—', '😀', ' ']) expect(isCjk(ch.codePointAt(0)!)).toBe(false);
    expect(scanDelimsCjk('好**（注）**', 1, 9, true)).toMatchObject({ can_open: true, length: 2 });
  });
});
