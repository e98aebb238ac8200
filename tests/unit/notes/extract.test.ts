// Card extraction on small notes written in other common styles.
import { describe, expect, it } from 'vitest';
import { parse } from './helpers.ts';

const cards = (md: string) => parse(md).cards.map((c) => [c.kind, c.key, c.front, c.back]);

describe('term cards', () => {
  it('reads **term**: text, **term：**text and list items', () => {
    const md = '# 激活函数\n- **ReLU**: 负半轴为 0\n- **Leaky ReLU：**负半轴斜率很小\n- GELU：用高斯 CDF 加权';
    expect(cards(md)).toEqual([
      ['term', 'ReLU', 'ReLU是什么？', '负半轴为 0'],
      ['term', 'Leaky ReLU', 'Leaky ReLU是什么？', '负半轴斜率很小'],
      ['term', 'GELU', 'GELU是什么？', '用高斯 CDF 加权'],
    ]);
  });

  it('does not read sentences, ratios or URLs as terms', () => {
    const md = '# 说明\n这是一个很长的句子，其中有冒号：但它不是术语。\n比例 3:4 很常见\n见 https://example.org/x';
    expect(parse(md).cards.map((c) => c.kind)).toEqual(['section']);
  });

  it('gives a label with formula lines one formula card', () => {
    const md = '# 损失\n**Hinge**\n$$l=\\max(0, 1-yf(x))$$\n$$\\frac{\\partial l}{\\partial f}=-y$$';
    expect(cards(md)).toEqual([['formula', 'Hinge', 'Hinge的公式及导数？', '$$l=\\max(0, 1-yf(x))$$\n\n$$\\frac{\\partial l}{\\partial f}=-y$$']]);
  });

  it('keeps a label with prose lines as one term card', () => {
    const md = '# 优化\n**Adam**：  \n结合动量与自适应学习率；  \n对超参不敏感。';
    expect(cards(md)).toEqual([['term', 'Adam', 'Adam是什么？', '结合动量与自适应学习率；  \n对超参不敏感。']]);
  });
});

describe('section, prompt and reading cards', () => {
  it('keeps a question heading as the question', () => {
    expect(cards('## 为什么 BN 能加速训练？\n因为它让每层输入的分布更稳定。')[0]!.slice(0, 3)).toEqual(['section', '为什么 BN 能加速训练？', '为什么 BN 能加速训练？']);
  });

  it('lists open questions as prompts with the section links', () => {
    const r = parse('## Transformer\n[论文](https://arxiv.org/abs/1706.03762)\n为什么除以 $\\sqrt{d_k}$；多头的作用；位置编码怎么做？').cards;
    expect(r.map((c) => [c.kind, c.front, c.links.length])).toEqual([
      ['prompt', '为什么除以 $\\sqrt{d_k}$？', 1],
      ['prompt', '多头的作用？', 1],
      ['prompt', '位置编码怎么做？', 1],
    ]);
  });

  it('makes a single reading card for a links-only section, never junk cards', () => {
    const r = parse('## 资料\n- [A](https://a.org)\n- [B](https://b.org)\n- 参考书[C](https://c.org)').cards;
    expect(r.map((c) => [c.kind, c.back, c.links.map((l) => l.title)])).toEqual([['reading', '- A\n- B\n- C', ['A', 'B', 'C']]]);
  });

  it('ignores a table of contents anywhere, and [TOC] markers', () => {
    const md = '[TOC]\n\n# A\n- [B](#b)\n  - [C](#c)\n\n正文。';
    expect(cards(md)).toEqual([['section', 'A', 'A是什么？为什么用？', '正文。']]);
  });

  it('keeps tables and code in the section answer, as written', () => {
    const md = '# 对比\n| 方法 | 公式 |\n|---|---|\n| L1 | $|w|$ |\n\n```py\nx = 1\n```';
    expect(parse(md).cards[0]!.back).toBe('| 方法 | 公式 |\n|---|---|\n| L1 | $|w|$ |\n\n```py\nx = 1\n```');
  });
});
