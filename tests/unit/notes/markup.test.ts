// No card shows a literal `**` left by cutting a bold span, and a space
// before the closing `**` does not keep a label from being bold.
import { describe, expect, it } from 'vitest';
import { tidyEmphasis } from '../../../cards/notes/markup.ts';
import { parseNotes } from '../../../cards/notes/parse.ts';
import { renderMarkdown } from '../../../cards/render/render.ts';

const cards = (md: string) => parseNotes(md, { deck: 'd' }).cards;

describe('bold markers on cards', () => {
  it('a bold statement with ；is not cut into half-bold prompts (lhy CNN notes)', () => {
    const c = cards('# CNN\n\n那**前面这两个property，是用convolution的layer来处理的；最后这个property，是用max pooling来处理的**\n');
    // A statement, not questions (worth.ts); wherever its text lands, bold markers stay paired.
    expect(c.filter((x) => x.kind === 'prompt')).toEqual([]);
    for (const x of c) for (const t of [x.front, x.back]) expect((t.match(/\*\*/g) ?? []).length % 2).toBe(0);
    expect(c.some((x) => x.back.includes('max pooling'))).toBe(true);
  });

  it('a bold label ending in a colon makes no term card answered by "**" (daily-interview gradient descent)', () => {
    const c = cards('# 梯度下降\n\n1、 **批量梯度下降的求解思路如下：**  \na) 得到每个梯度：\n\n正文说明两种方法的区别。\n');
    expect(c.some((x) => x.back.trim() === '**' || x.front.startsWith('**批量'))).toBe(false);
    expect(c.some((x) => x.back.includes('批量梯度下降的求解思路如下'))).toBe(true); // the content stays in the section
  });

  it('closes `**label： **` despite the space (daily-interview YOLOv2)', () => {
    expect(tidyEmphasis('**相比于v1的改进： **\n1. Anchor')).toBe('**相比于v1的改进：**\n1. Anchor');
    expect(tidyEmphasis('- ** 注意**：x')).toBe('- **注意**：x');
    expect(tidyEmphasis('| **OpenAI text-embedding-3-**** | 100+ |')).toBe('| **OpenAI text-embedding-3-** | 100+ |');
    expect(renderMarkdown(tidyEmphasis('**相比于v1的改进： **')).html).toContain('<strong>相比于v1的改进：</strong>');
  });

  it('leaves balanced bold, powers, code and math alone', () => {
    for (const s of ['**a** and **b**', 'compute 2**10 now', '`**` code and $a**b$', 'x ** y']) expect(tidyEmphasis(s)).toBe(s);
    expect(tidyEmphasis('x **bold** and 中**')).toBe('x **bold** and 中');
  });

  it('a line of #tags leaves no separators behind (glossary vault: "#TensorFlow, #GoogleCloud")', () => {
    const [card] = parseNotes('#TensorFlow, #GoogleCloud\n\nA TPU resource on Google Cloud with a specific [[TPU type]].\n', { deck: 'd', title: 'TPU node' }).cards;
    expect(card!.back).toBe('A TPU resource on Google Cloud with a specific [[TPU type]].');
    expect(card!.tags).toEqual(['TensorFlow', 'GoogleCloud']);
  });
});
