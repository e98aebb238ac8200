// Patterns from other people's notes (issue 11): the notes' own language,
// questions as written, list-item questions, tables, Obsidian notes.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';
import type { CardDraft } from '../../../cards/types.ts';

const parse = (md: string, title?: string) => parseNotes(md, { deck: 'd', ...(title ? { title } : {}) }).cards;
const fronts = (cards: readonly CardDraft[]) => cards.map((c) => c.front);
const CJK = /[\u4e00-\u9fff]/;

describe('the notes decide the language of their cards', () => {
  it('asks English questions with English placeholders on English notes', () => {
    const cards = parse('# Random variable\nA function from outcomes to numbers.\n\n## Dropout\n**Dropout rate**: the share of units zeroed.\n\nWhy does it regularise; how is it scaled at test time?');
    expect(cards.every((c) => c.lang === 'en')).toBe(true);
    expect(cards.some((c) => CJK.test(c.front + c.back))).toBe(false);
    expect(fronts(cards)).toContain('What is Random variable?');
    expect(fronts(cards)).toContain('What is Dropout rate?');
    const open = cards.find((c) => c.kind === 'prompt')!;
    expect(open.back).toBe('(Open question: the notes give no answer.)');
  });

  it('keeps Chinese forms on Chinese notes, whatever English terms they hold', () => {
    const cards = parse('# 卷积\nCNN使用范围是具有局部空间相关性的数据，比如图像、自然语言、语音。\n**ReLU**：负半轴为 0');
    expect(cards.map((c) => [c.lang, c.front])).toEqual([
      ['zh', '卷积是什么？为什么用？'],
      ['zh', 'ReLU是什么？'],
    ]);
  });

  it('asks a short note with no Chinese character in English: an index of [[links]], a formula under an English file name', () => {
    const index = parse('# AI Index\n\n- [[Transformers]]\n- [[Attention]]\n- [[RAG]]\n', 'AI Index');
    expect(index.map((c) => [c.lang, c.front])).toEqual([['en', 'Reading list: AI Index']]);
    const formula = parse('$$E = mc^2$$\n', 'Mass energy');
    expect(formula.every((c) => c.lang === 'en' && !CJK.test(c.front + c.back))).toBe(true);
    expect(formula.length).toBeGreaterThan(0);
    // A Chinese file name decides for Chinese.
    expect(parse('$$E = mc^2$$\n', '质能方程').every((c) => c.lang === 'zh')).toBe(true);
  });

  it('gives English formula questions', () => {
    const cards = parse('# Losses\n**Hinge**\n$$l=\\max(0, 1-yf(x))$$\n\n**MSE**: $L=\\frac1n\\sum(y-\\hat y)^2$');
    expect(fronts(cards)).toEqual(['Formula for Hinge?', 'Formula for MSE?']);
  });
});

describe('questions as written', () => {
  it('keeps a question heading and strips outline numbering from questions, not from the crumbs', () => {
    const md = '# 第三章 深度学习基础\n## 3.2.1 前向传播与反向传播？\n前向传播计算输出。\n## 一、激活函数\n激活函数引入非线性，使网络可以拟合复杂函数。\n## Q1. What is overfitting?\nWhen the model memorises noise.';
    const cards = parse(md);
    expect(fronts(cards)).toEqual(['前向传播与反向传播？', '激活函数是什么？为什么用？', 'What is overfitting?']);
    expect(cards[0]!.section).toEqual(['第三章 深度学习基础', '3.2.1 前向传播与反向传播？']);
    expect(cards[0]!.key).toBe('前向传播与反向传播？');
  });

  it('reads a Chinese heading with an interrogative as a question even without ？', () => {
    expect(fronts(parse('## 4. XGBoost如何处理缺失值\n树模型对缺失值不敏感。\n## 简述BERT\n双向 Transformer 编码器。'))).toEqual(['XGBoost如何处理缺失值？', '简述BERT。']);
  });

  it('makes one prompt per list-item question, with difficulty tags, lead-in context and hints', () => {
    const md = [
      '# Matrices',
      '',
      'Given the matrix $M = \\begin{bmatrix}1 & 2\\\\ 3 & 4\\end{bmatrix}$:',
      '',
      '1. [E] How would this matrix change a vector when applied to it?',
      '    * Hint: think about eigenvalues.',
      '2. [M] What is its determinant?',
      '3. [H] Explain why a symmetric matrix has real eigenvalues.',
    ].join('\n');
    const cards = parse(md);
    expect(cards.map((c) => c.kind)).toEqual(['prompt', 'prompt', 'prompt']);
    expect(cards[0]!.front).toBe('Given the matrix $M = \\begin{bmatrix}1 & 2\\\\ 3 & 4\\end{bmatrix}$:\n\nHow would this matrix change a vector when applied to it?');
    expect(cards[0]!.back).toContain('Hint: think about eigenvalues.');
    expect(cards[0]!.key).toBe('How would this matrix change a vector when applied to it?');
    expect(cards.map((c) => c.tags)).toEqual([['easy'], ['medium'], ['hard']]);
    expect(cards.some((c) => c.front.startsWith('Hint') || c.key.startsWith('Hint'))).toBe(false);
  });

  it('takes sub-items as the answer and names the parent item of nested questions', () => {
    const md = '# Vectors\n1. Outer product\n    1. [M] Give an example of how it is useful in ML.\n2. Norms\n    - Why is the L1 norm sparse?\n        - Its ball has corners on the axes.\n        - So optima land on them.';
    const cards = parse(md);
    expect(cards.map((c) => [c.kind, c.front])).toEqual([
      ['prompt', 'Outer product: Give an example of how it is useful in ML.'],
      ['prompt', 'Norms: Why is the L1 norm sparse?'],
    ]);
    expect(cards[1]!.back).toBe('- Its ball has corners on the axes.\n- So optima land on them.');
  });

  it('answers a question paragraph with the paragraphs after it (Q&A style)', () => {
    const cards = parse('## 激活函数\n（1）为什么需要非线性激活函数？\n\n答：没有非线性，多层等价于一层。\n\n（2）ReLU 有什么缺点？\n\n神经元可能死亡。');
    expect(cards.map((c) => [c.kind, c.front, c.back])).toEqual([
      ['prompt', '为什么需要非线性激活函数？', '没有非线性，多层等价于一层。'],
      ['prompt', 'ReLU 有什么缺点？', '神经元可能死亡。'],
    ]);
  });

  it('answers numbered Chinese interview questions from the text indented below them', () => {
    const md = '## 决策树\n1. 老板给了你一堆数据，为什么先用决策树？\n\n   因为可解释性强。\n\n2. 决策树如何剪枝？\n\n   - 预剪枝\n   - 后剪枝';
    const cards = parse(md);
    expect(cards.map((c) => [c.front, c.back])).toEqual([
      ['老板给了你一堆数据，为什么先用决策树？', '因为可解释性强。'],
      ['决策树如何剪枝？', '- 预剪枝\n- 后剪枝'],
    ]);
  });
});

describe('terms that are terms', () => {
  it('never makes discourse words, footnotes or captions into terms', () => {
    const md = '# Random variable\nA function from outcomes to numbers.\n\n**Hint**: think of a die.  \n**Therefore**: it maps outcomes.  \nwhere: $x$ is the outcome  \n[^41]: footnote text  \n**Figure 2**: the CDF.  \nStep 1: roll the die.  \n**Expectation**: the probability-weighted average.\n\n# 概率\n注意：方差非负。  \n图 3.2：正态分布  \n例如：掷骰子。  \n**期望**：加权平均。';
    const terms = parse(md).filter((c) => c.kind === 'term').map((c) => c.key);
    expect(terms).toEqual(['Expectation', '期望']);
  });

  it('does not take an English clause before a colon for a term', () => {
    expect(parse('# Precision\nPrecision answers: of everything flagged, how much is right?').map((c) => c.kind)).toEqual(['section']);
  });
});

describe('tables', () => {
  it('gives one card per row when the first column names things', () => {
    const md = '# Metrics\n| Metric | Formula | When to use |\n|---|---|---|\n| Precision | TP/(TP+FP) | false positives are costly |\n| Recall | TP/(TP+FN) | false negatives are costly |';
    const cards = parse(md);
    expect(cards.map((c) => [c.kind, c.key, c.front, c.back])).toEqual([
      ['term', 'Precision', 'Metrics: Precision — formula, when to use?', '- **Formula**: TP/(TP+FP)\n- **When to use**: false positives are costly'],
      ['term', 'Recall', 'Metrics: Recall — formula, when to use?', '- **Formula**: TP/(TP+FN)\n- **When to use**: false negatives are costly'],
    ]);
    expect(cards[1]!.line).toBe(5);
  });

  it('asks in Chinese on Chinese notes and keeps index or number tables in the section answer', () => {
    const zh = parse('# 激活函数\n| 函数 | 优点 |\n|---|---|\n| ReLU | 计算快 |\n| tanh | 零中心 |');
    expect(fronts(zh)).toEqual(['ReLU的优点是什么？', 'tanh的优点是什么？']);
    const numbers = parse('# Results\n| Epoch | Loss |\n|---|---|\n| 1 | 0.9 |\n| 2 | 0.5 |');
    expect(numbers.map((c) => c.kind)).toEqual(['section']);
    expect(numbers[0]!.back).toContain('| 1 | 0.9 |');
  });
});

describe('Obsidian notes', () => {
  const note = [
    '---',
    'tags: [ml, metrics]',
    'aliases:',
    '  - PR',
    '---',
    'Precision is the share of flagged items that are right. #evaluation',
    '',
    'See also [[F1 score]] and [[Confusion matrix|confusion matrices]].',
    '',
    '## Definition',
    'Precision = TP / (TP + FP), recall = TP / (TP + FN).',
    '',
    '## Cards',
    'What is recall::The share of actual positives that are found.',
    'Precision trades off against ==recall==.',
  ].join('\n');

  it('makes the title the root crumb and the topic of text before the first heading and of generic headings', () => {
    const cards = parse(note, 'Precision and recall');
    const [intro, definition] = cards;
    expect(intro).toMatchObject({ kind: 'section', front: 'What are Precision and recall?', section: ['Precision and recall'], line: 6 });
    expect(intro!.back).toContain('[[F1 score]]');
    expect(definition).toMatchObject({ front: 'Precision and recall: definition?', section: ['Precision and recall', 'Definition'] });
    expect(cards.every((c) => c.section[0] === 'Precision and recall')).toBe(true);
  });

  it('reads front matter and #tags as tags, never as text', () => {
    const cards = parse(note, 'Precision and recall');
    for (const c of cards) {
      expect(c.tags).toEqual(['ml', 'metrics', 'PR', 'evaluation']);
      expect(c.front + c.back).not.toMatch(/#evaluation|tags:|aliases/);
    }
  });

  it('keeps OSR syntax working, and ids do not depend on the title', () => {
    const cards = parse(note, 'Precision and recall');
    expect(cards.filter((c) => c.kind === 'qa').map((c) => [c.front, c.back])).toEqual([['What is recall', 'The share of actual positives that are found.']]);
    expect(cards.filter((c) => c.kind === 'cloze')).toHaveLength(1);
    const untitled = parse(note).filter((c) => c.kind !== 'section');
    expect(untitled.map((c) => c.id)).toEqual(cards.filter((c) => c.kind !== 'section').map((c) => c.id));
  });

  it('gives a note without headings its cards (it used to give none)', () => {
    const cards = parse("Bayes' rule relates $P(A|B)$ and $P(B|A)$:\n$$P(A|B) = \\frac{P(B|A)P(A)}{P(B)}$$", 'Bayes rule');
    expect(cards.map((c) => [c.kind, c.front, c.section])).toEqual([['section', 'What is Bayes rule?', ['Bayes rule']]]);
  });

  it('does not repeat the title when the first heading is the title', () => {
    expect(parse('# Bayes rule\nPosterior is prior times likelihood.', 'Bayes rule')[0]!.section).toEqual(['Bayes rule']);
  });

  it('treats #word as text in notes not written for Obsidian', () => {
    const cards = parse('# Features\nrating, #reviews, language', 'x');
    expect(cards[0]!.tags).toBeUndefined();
    expect(cards[0]!.back).toContain('#reviews');
  });

  it('asks a generic heading about its parent, in Chinese too', () => {
    expect(fronts(parse('# Adam算法\nAdam 结合动量与 RMSProp。\n## 小结\n* 使用了偏差修正。'))).toEqual(['Adam算法是什么？为什么用？', 'Adam算法的小结是什么？']);
  });

  it('makes a reference section the links of its topic\'s card, not a question or a card of its own', () => {
    const cards = parse('# SVM\n间隔最大化。\n## 参考文献\n- 李航《统计学习方法》\n- https://example.org/smo');
    expect(cards.map((c) => [c.kind, c.front])).toEqual([['section', 'SVM是什么？为什么用？']]);
    expect(cards[0]!.links.map((l) => l.url)).toEqual(['https://example.org/smo']);
  });
});

describe('no walls of text', () => {
  const filler = (n: number) => 'The method is described in detail here, with caveats and numbers. '.repeat(n);
  // The "**Q3: …**" paragraph is a question with its answer below (fronts.test.ts), not a part of the long section.
  const md = `## Query Expansion\nAugment the query with synonyms.\n\n**Why It May Work**:\n\n- ${filler(9)}\n\n**Strengths**:\n\n- ${filler(9)}\n\n**Q3: Why not always expand?**\n\n${filler(5)}`;

  it('splits a long section with labelled parts into one card per part, keyed by the label', () => {
    const cards = parse(md);
    expect(cards.map((c) => [c.key, c.front])).toEqual([
      ['Query Expansion', 'What is Query Expansion?'],
      ['Query Expansion › Why It May Work', 'Query Expansion: Why It May Work?'],
      ['Query Expansion › Strengths', 'Query Expansion: what are the strengths?'],
      ['Why not always expand?', 'Why not always expand?'],
    ]);
    expect(cards[0]!.back).toBe('Augment the query with synonyms.');
    expect(cards[2]!.back.startsWith('- The method')).toBe(true);
    expect(cards.every((c) => c.back.length < 1200)).toBe(true);
  });

  it('keeps a part\'s id when another part\'s text changes', () => {
    const before = parse(md);
    const after = parse(md.replace('**Strengths**:\n\n- ', '**Strengths**:\n\n- Cheap. '));
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
  });

  it('leaves a long section without labelled parts whole', () => {
    const cards = parse(`## Notes\n${filler(30)}`);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.back.length).toBeGreaterThan(1200);
  });
});

describe('more patterns from the corpora', () => {
  it('pairs a "Q:" line with the "A:" below it', () => {
    expect(parse('## Word2Vec\nQ: One-hot模型的缺点\n\nA: 维度高且稀疏。').map((c) => [c.kind, c.front, c.back])).toEqual([['prompt', 'One-hot模型的缺点？', '维度高且稀疏。']]);
  });

  it('does not make a whole highlighted sentence a cloze, nor checklist items terms', () => {
    const cards = parse('# RNN\n==LSTM 用门控缓解梯度消失。==\n\n- [ ] Baseline: a simple model first\n\nThe ==forget gate== decides what to drop.');
    expect(cards.map((c) => c.kind)).toEqual(['section', 'cloze']);
  });

  it('makes no card from a code-only section, and drops anchors and emoji shortcodes from headings', () => {
    expect(parse('## 3.3.2 简洁实现\n```python\nprint(1)\n```')).toEqual([]);
    expect(parse('# <a name="coding"></a> General Coding Interview :computer:\nPractise on paper.').map((c) => c.front)).toEqual(['What is General Coding Interview?']);
  });
});

describe('mixed-language notes', () => {
  it('keeps an English question heading in Chinese notes as a question, and a 假设 clause is no term', () => {
    const cards = parse('# CNN\n## Why CNN for Playing Go\n因为围棋棋盘有图像的性质。\n\n假设$\\theta$是参数的集合：它有两个分量。');
    expect(cards.map((c) => [c.kind, c.front])).toEqual([['section', 'Why CNN for Playing Go?']]);
  });
});

describe('long textbook sections', () => {
  it('leave their code out of a long answer, and keep it in a short one', () => {
    const code = '```python\n' + 'x = compute(x)\n'.repeat(80) + '```';
    const prose = '我们先用平方损失作为损失函数，它衡量预测值与真实值之差的平方，再用小批量随机梯度下降训练模型，每次迭代读取一个小批量样本并更新参数。学习率决定每一步沿负梯度方向走多远：太大会发散，太小则收敛很慢，所以通常先试几个数量级。批量大小也要权衡：大批量让梯度估计更准、并行更充分，但每个周期的更新次数更少，泛化有时也更差。';
    const long = parse(`## 训练模型\n${prose}\n\n${code}\n\n训练后损失下降。`)[0]!;
    expect(long.back).toBe(`${prose}\n\n训练后损失下降。`);
    // One line of narration around a code listing is not worth a card at all (worth.ts).
    expect(parse(`## 训练模型\n我们先实现损失函数，再训练模型。\n\n${code}\n\n训练后损失下降。`)).toEqual([]);
    // (A task heading with only that is no card either, zh-fronts.test.ts; a concept keeps its short code.)
    expect(parse('## 平方损失\n平方损失衡量预测值与真实值之差的平方。\n\n```python\nx = 1\n```')[0]!.back).toContain('```python');
  });
});
