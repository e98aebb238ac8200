// The bundled deck (the user's own notes) → the cards a candidate would have written.
import { describe, expect, it } from 'vitest';
import { byKey, lineOf, one, parse, SEED, seedCards } from './helpers.ts';

/** Heading paths of sections that have their own text, read straight from the file. */
function contentSections(md: string): string[][] {
  const lines = md.split('\n');
  const out: string[][] = [];
  const stack: { level: number; title: string }[] = [];
  lines.forEach((line, i) => {
    const m = /^(#{1,6})\s+(.*?)\s*$/.exec(line);
    if (!m) return;
    const level = m[1]!.length;
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    stack.push({ level, title: m[2]! });
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    if (j < lines.length && !/^#{1,6}\s/.test(lines[j]!)) out.push(stack.map((s) => s.title));
  });
  return out;
}

describe('cards from the bundled notes', () => {
  const cards = seedCards();

  it('gives every section with text at least one card, under its heading path', () => {
    const sections = contentSections(SEED);
    expect(sections).toHaveLength(30);
    for (const path of sections) {
      const here = cards.filter((c) => JSON.stringify(c.section) === JSON.stringify(path));
      expect(here.length, path.join(' › ')).toBeGreaterThan(0);
    }
  });

  it('makes no card from the table of contents', () => {
    const firstHeading = lineOf(SEED, '# ');
    expect(cards.every((c) => c.line >= firstHeading)).toBe(true);
    expect(cards.some((c) => (c.front + c.back).includes('](#'))).toBe(false);
  });

  it('produces this many cards of each kind', () => {
    const counts: Record<string, number> = {};
    for (const c of cards) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
    expect(counts).toEqual({ reading: 9, section: 15, term: 23, formula: 35, prompt: 6 });
  });

  it('asks the section question in the words a candidate would use', () => {
    expect(one(cards, '空洞卷积', 'section').front).toBe('空洞卷积是什么？为什么用？');
    expect(one(cards, '感受野计算', 'section').front).toBe('感受野怎么计算？');
    expect(one(cards, 'CNN的特点以及优势', 'section').front).toBe('CNN的特点以及优势有哪些？');
    expect(one(cards, '数据增强', 'section').front).toBe('数据增强包括哪些？');
    const dilated = one(cards, '空洞卷积', 'section');
    expect(dilated.back).toContain('空洞卷是在不在增加参数量的条件下');
    expect(dilated.links.map((l) => l.url)).toEqual(['https://blog.csdn.net/guvcolie/article/details/77884530?locationNum=10&fps=1', 'https://www.zhihu.com/question/54149221']);
  });

  it('turns "term：text" lines into term cards', () => {
    const tp = one(cards, 'TP', 'term');
    expect(tp).toMatchObject({ front: 'TP是什么？', back: '预测为正，实际为正', section: ['CNN的训练', '分类指标'], line: lineOf(SEED, 'TP：') });
    expect(one(cards, '池化作用').front).toBe('池化的作用是什么？');
    expect(one(cards, '拟牛顿法').back).toContain('求解非线性优化问题最有效的方法之一'); // "**拟牛顿法**:" with an ASCII colon
    expect(byKey(cards, '半正定矩阵')).toHaveLength(1); // three definitions on one "；" line
    expect(byKey(cards, '不定矩阵')).toHaveLength(1);
  });

  it('turns named formulas into formula cards', () => {
    const valid = one(cards, 'VALID', 'formula');
    expect(valid.front).toBe('卷积输出大小怎么计算（VALID）？');
    expect(valid.back).toBe('$\\lfloor$$\\frac{n_{in}-k}{s}$$\\rfloor$+1 *or* $\\lceil$$\\frac{n_{in}-k+1}{s}$$\\rceil$');
    expect(one(cards, '为空洞卷积时', 'formula').back).toMatch(/^有\$k=d \\times \(k-1\)\+1\$，则：/);
    expect(one(cards, '从后往前计算', 'formula').back.split('\n')).toHaveLength(2);
    expect(one(cards, '卷积层 · FLOPs', 'formula').front).toBe('卷积层的FLOPs怎么计算？');
    expect(one(cards, '全连接层 · 参数量', 'formula').back).toBe('$(I+1) \\times O$');
    const sigmoid = one(cards, 'sigmoid', 'formula');
    expect(sigmoid.front).toBe('sigmoid的公式及导数？');
    expect(sigmoid.back).toBe('$$y=\\frac{1}{1+e^{-x}}$$\n\n$$\\frac{\\partial{y}}{\\partial{x}}=y(1-y)$$');
    expect(one(cards, 'softmax+Cross Entropy', 'formula').front).toBe('softmax+Cross Entropy的梯度是什么？');
    expect(one(cards, '标签平滑', 'formula').back).toContain('\\begin{aligned}');
    expect(one(cards, '权重衰减', 'formula').back).toMatch(/^引入一个衰减系数：\$\\theta_t=/);
    expect(one(cards, 'Xavier初始化的基本思想', 'formula').back).toContain('$var=\\frac{1}{n}$');
    expect(one(cards, 'ACC（accuracy，准确率）', 'formula').front).toBe('ACC（accuracy，准确率）怎么计算？');
    for (const key of ['KL散度', 'JS散度', 'MSE', 'Cross Entropy', 'He初始化（MSRA）', '$F_\\beta$ score']) expect(one(cards, key).kind, key).toBe('formula');
  });

  it('lists the open BN questions as prompts answered by the section links', () => {
    const prompts = cards.filter((c) => c.kind === 'prompt');
    expect(prompts.map((c) => c.front)).toEqual(['BN原理？', '手写BN。', 'BN可以防止过拟合么？', 'BN有哪些参数？', 'BN的反向传播推导？', 'BN在训练和测试的区别？']);
    for (const p of prompts) {
      expect(p.section).toEqual(['CNN的训练', '归一化']);
      expect(p.links).toHaveLength(3);
    }
  });

  it('makes one reading card for a section of links only', () => {
    const reading = cards.filter((c) => c.kind === 'reading');
    expect(reading.map((c) => c.section.at(-1))).toEqual(['卷积', '分组卷积', '反向传播', 'Dropout', '过拟合欠拟合', '样本不均衡', 'RNN', '注意力机制', 'GAN']);
    const bp = one(cards, '反向传播', 'reading');
    expect(bp.links).toHaveLength(4);
    expect(bp.back.split('\n')).toHaveLength(4);
  });

  it('keeps links out of card text', () => {
    for (const c of cards) expect(c.front + c.back, c.key).not.toMatch(/https?:\/\//);
  });

  it('numbers cards in notes order with source lines', () => {
    cards.forEach((c, i) => expect(c.order).toBe(i));
    const lines = SEED.split('\n').length;
    expect(cards.every((c) => c.line >= 1 && c.line <= lines)).toBe(true);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    expect(cards.every((c) => /^[0-9a-f]{16}$/.test(c.id) && c.deck === 'dl')).toBe(true);
  });

  it('warns about the empty section, and nothing else', () => {
    expect(parse(SEED).warnings).toEqual([{ line: lineOf(SEED, '### Dropout'), code: 'empty-section', message: 'section "Dropout" is empty' }]);
  });
});
