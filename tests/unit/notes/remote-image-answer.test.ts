// An answer made only of images on other sites (issue 11): the app does not
// load remote images, so the card would show a bare link — no card. A local
// figure, or a remote one with words, keeps its card.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';
import { isRemoteImageOnly } from '../../../cards/notes/figure.ts';

describe('remote-image-only answers', () => {
  it('recognises Markdown and HTML remote images alone', () => {
    expect(isRemoteImageOnly('![img](https://picx.zhimg.com/v2-290edb528ef0c76433de37f78f1fdfd3_1440w.jpg)')).toBe(true);
    expect(isRemoteImageOnly('<center><img src="https://gitee.com/Sakura-gh/ML-notes/raw/master/img/recipe-dl.png" width="60%;" /></center>')).toBe(true);
    expect(isRemoteImageOnly('![](./img/ch3/3.1.png)')).toBe(false);
    expect(isRemoteImageOnly('![](https://a.b/c.png)\n\n编码器适合理解类任务。')).toBe(false);
  });

  it('drops an open question answered only by a remote figure', () => {
    const md = '## 面试题\n\n1. 仅编码器、仅解码器和编码器-解码器架构各有什么优缺点？\n\n![img](https://picx.zhimg.com/v2-290edb528ef0c76433de37f78f1fdfd3_1440w.jpg)\n\n2. 什么是KV cache？\n\nKV cache缓存已经算过的键和值，避免重复计算。\n';
    const drops: string[] = [];
    const c = parseNotes(md, { deck: 'd', title: 'llm', onDrop: (d) => drops.push(d.rule) }).cards;
    expect(c.some((x) => x.front.includes('各有什么优缺点'))).toBe(false);
    expect(c.some((x) => x.back.includes('KV cache缓存'))).toBe(true);
    expect(drops).toContain('image');
  });
});
