// Crumbs and heading questions from shared notes' headings: TOC anchors,
// emoji shortcodes, badges, layout HTML and wikilinks are not the topic —
// while ids keep deriving from the headings as written.
import { describe, expect, it } from 'vitest';
import { cleanHeadingMd } from '../../../cards/notes/crumbs.ts';
import { parseNotes } from '../../../cards/notes/parse.ts';

const parse = (md: string, title?: string) => parseNotes(md, { deck: 'd', ...(title ? { title } : {}) }).cards;

describe('crumbs show headings without decoration', () => {
  it('drops emoji pictures from headings, so "## 📐 Formula" or "## ✅ Pros & ❌ Cons" under a topic ask about the topic; ids keep the heading as written', () => {
    const md = [
      '# Batch Normalization', '', '## 🧠 TL;DR', '', 'Normalises each feature over the mini-batch.', '',
      '## 📐 Formula', '', '$$y = \\gamma \\hat{x} + \\beta$$', '',
      '## ✅ Pros & ❌ Cons', '', '**Pros**', '- Allows higher learning rates', '', '**Cons**', '- Depends on batch size', '',
      '## ⚠️ Encoder ↔ Decoder', '', 'The arrow stays, the warning sign goes.', '',
    ].join('\n');
    const cs = parse(md, 'Batch Normalization');
    expect(cs.map((c) => c.front)).toEqual([
      'Batch Normalization: TL;DR?',
      'Formula for Batch Normalization?',
      'Batch Normalization: what are the pros?',
      'Batch Normalization: what are the cons?',
      expect.stringContaining('Encoder ↔ Decoder'),
    ]);
    expect(cs.map((c) => c.section[c.section.length - 1])).toEqual(['TL;DR', 'Formula', 'Pros & Cons', 'Pros & Cons', 'Encoder ↔ Decoder']);
    const plain = parse(md.replace(/🧠 |📐 |✅ |❌ |⚠️ /g, ''), 'Batch Normalization');
    expect(cs.map((c) => c.id)).not.toEqual(plain.map((c) => c.id)); // identity still follows the heading as written
  });

  it('drops <a name> anchors and :emoji: shortcodes (ml-interviews README style)', () => {
    const md = '# <a name="ml-coding"></a> 2. ML/Data Coding :robot:\n\n## Sampling :star: :star:\n\nWeighted sampling picks items in proportion to their weights.\n';
    const [card] = parse(md, 'ml-coding');
    expect(card!.section).toEqual(['ml-coding', '2. ML/Data Coding', 'Sampling']);
    expect(card!.front).not.toMatch(/:star:|<a/);
  });

  it('drops badges and HTML tags, keeps their text, turns wikilinks into their text', () => {
    const md = '# Notes ![build](https://img.shields.io/b.svg)\n\n## [[Bias-Variance Tradeoff]] and <font color=red>重点</font>\n\nText under the heading.\n\n## [[Gradient Descent#Momentum|momentum]]<br>tricks\n\nMore text.\n';
    const cards = parse(md);
    expect(cards.map((c) => c.section)).toEqual([
      ['Notes', 'Bias-Variance Tradeoff and 重点'],
      ['Notes', 'momentum tricks'],
    ]);
  });

  it('keeps math, code, ratios, times and word tokens as written', () => {
    const md = '# 定义$L_2$范数惩罚项 :x:\n\n正文。\n\n# Ratio 1:2 at 12:30:45, `a:b:` and <EOS>\n\nText.\n';
    expect(parse(md).map((c) => c.section)).toEqual([['定义$L_2$范数惩罚项'], ['Ratio 1:2 at 12:30:45, a:b: and <EOS>']]);
  });

  it('does not repeat the title when the first heading is the title behind an anchor', () => {
    const [card] = parse('# <a name="top"></a> Attention :robot:\n\nAttention weighs values by query-key similarity.\n', 'Attention');
    expect(card!.section).toEqual(['Attention']);
  });

  it('never changes ids: they derive from the headings as written', () => {
    const plain = parse('# Sampling\n\nWeighted sampling picks items by weight.\n')[0]!;
    const decorated = parse('# Sampling :star:\n\nWeighted sampling picks items by weight.\n')[0]!;
    expect(decorated.section).toEqual(plain.section);
    expect(decorated.id).not.toBe(plain.id); // the written heading differs, so must the id (as before this change)
  });

  it('cleans heading Markdown for questions, leaving code and math alone', () => {
    expect(cleanHeadingMd('[![CI](https://x/b.svg)](https://x) Dropout :fire:')).toBe('Dropout');
    expect(cleanHeadingMd('<a name="x"></a> 3. ML Depth')).toBe('3. ML Depth');
    expect(cleanHeadingMd('x<sup>2</sup> and `<br>` and $a<b>c$')).toBe('x<sup>2</sup> and `<br>` and $a<b>c$');
  });
});
