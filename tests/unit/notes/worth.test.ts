// What is not worth a recall card (worth.ts), each rule from a small excerpt
// in the style of real notes, in both languages — and the content next to it
// that must still become cards.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';
import { answerShape, isFillerAnswer, isLinkOnly, isNavigationLine, sectionWorth } from '../../../cards/notes/worth.ts';

const drops = (md: string, title?: string) => {
  const dropped: string[] = [];
  const { cards } = parseNotes(md, { deck: 'd', ...(title ? { title } : {}), onDrop: (d) => dropped.push(`${d.rule}@${d.line}`) });
  return { cards, dropped, kinds: cards.map((c) => [c.kind, c.front]) };
};
const CODE = '```python\ndef linreg(X, w, b):\n    return torch.mm(X, w) + b\n\nnet = nn.Sequential(nn.Linear(num_inputs, 1))\nfor epoch in range(num_epochs):\n    l = loss(net(X), y)\n```';

describe('reading lists and pointers are not questions', () => {
  it('turns a section of blog links into one reading card (English), not "What is …?"', () => {
    const md = '# ML Systems\n## ML Systems at Big Companies\n- [LinkedIn feed ranking](https://engineering.linkedin.com/feed)\n- [Uber Michelangelo](https://eng.uber.com/michelangelo/) - platform\n- [Netflix recommendations](https://netflixtechblog.com/recs)\n';
    const r = drops(md);
    expect(r.kinds).toEqual([['reading', 'Reading list: ML Systems at Big Companies']]);
    expect(r.dropped).toEqual(['links@2']);
  });

  it('names the topic, not "Papers", on a reference heading; citations without links count (Chinese)', () => {
    const md = '# 丢弃法\n丢弃法在训练时以概率 $p$ 把隐藏单元置零，测试时不丢弃，从而缓解过拟合。\n\n## 参考文献\n[1] Srivastava, N., Hinton, G., et al. (2014). Dropout: a simple way to prevent neural networks from overfitting. JMLR.\n\n[2] 邱锡鹏. 神经网络与深度学习. 2020.\n';
    // Alone in its note the bibliography is the note's one card, named for the note's topic…
    const alone = drops(md.replace(/丢弃法在训练时[^\n]*\n/, ''));
    expect(alone.kinds).toEqual([['reading', '阅读清单：丢弃法']]);
    // …beside an explanation it is no card of its own (the drop is reported; the lines without links stay in the file).
    const r = drops(md);
    expect(r.kinds.map((k) => k[0])).toEqual(['section']);
    expect(r.dropped).toContain('reading-links@4');
  });

  it('asks "Reading list: <note> (Papers)" under "Resources", not "Reading list: Resources"', () => {
    const md = '# Decision Trees\nA tree splits the data on one feature at a time.\n\n## Resources\n### Papers\n- [CART (Breiman et al., 1984)](https://example.com/cart)\n- [C4.5 (Quinlan, 1993)](https://example.com/c45)\n### Videos\n- [StatQuest: Decision Trees](https://youtube.com/watch?v=1)\n- [Random forests explained](https://youtube.com/watch?v=2)\n';
    const alone = md.replace('A tree splits the data on one feature at a time.\n', '');
    expect(drops(alone, 'Decision Trees').kinds.filter(([k]) => k === 'reading').map(([, f]) => f)).toEqual(['Reading list: Decision Trees (Papers)', 'Reading list: Decision Trees (Videos)']);
    // Beside the explanation, the four links belong to the "Decision Trees" card.
    const r = drops(md, 'Decision Trees');
    expect(r.kinds).toEqual([['section', 'What are Decision Trees?']]);
    expect(r.cards[0]!.links.map((l) => l.url)).toEqual(['https://example.com/cart', 'https://example.com/c45', 'https://youtube.com/watch?v=1', 'https://youtube.com/watch?v=2']);
  });

  it('bare URLs in a folded reading list become links of the topic card, ending where the URL ends (brackets inside a URL kept)', () => {
    const md = '# Attention\nAttention weighs the values by query-key similarity.\n\n## References\n- Vaswani et al. https://arxiv.org/abs/1706.03762.\n- (slides: https://example.com/attn-slides), and node.js docs\n- https://en.wikipedia.org/wiki/Attention_(machine_learning)\n- [The Illustrated Transformer](https://jalammar.github.io/illustrated-transformer/)\n';
    const r = drops(md, 'Attention');
    expect(r.kinds.map((k) => k[0])).toEqual(['section']);
    expect(r.cards[0]!.links.map((l) => l.url)).toEqual(['https://jalammar.github.io/illustrated-transformer/', 'https://arxiv.org/abs/1706.03762', 'https://example.com/attn-slides', 'https://en.wikipedia.org/wiki/Attention_(machine_learning)']);
  });

  it("a byline before the first heading is no card (\"kmeans是什么？\" answered by the author's e-mail)", () => {
    const md = '\n\nAuthor:Yvette  明明就;Email:yvette@example.com\n\n# K-means面试题\n\n## 1. 聚类算法介绍\n\n聚类是一种无监督学习，按数据的内在相似性将数据集划分为多个类别。\n';
    const r = drops(md, 'kmeans');
    expect(r.cards).toHaveLength(1); // the section under the heading
    expect(r.kinds.some(([, f]) => /^kmeans/.test(f as string))).toBe(false);
    expect(r.cards.some((c) => /Yvette|Email/.test(c.back))).toBe(false);
    expect(r.dropped).toContain('meta@1');
    // A line that says more than who wrote it stays: "作者：…" followed by a sentence is content.
    expect(drops('# 笔记\n作者：张三。本文介绍梯度下降：沿负梯度方向更新参数，步长由学习率决定。\n').cards).toHaveLength(1);
  });

  // A long section is split into focused parts at its bold labels (that is where the twin came from).
  const LONG = ['**Core point**: a point with at least MinPts neighbours within distance $\\epsilon$, counting itself; such points sit inside a cluster and every one of them seeds or extends one.', '**Border point**: fewer than MinPts neighbours, but within $\\epsilon$ of a core point; it joins the cluster of that core point and extends nothing further.', '**Noise point**: neither core nor border; it belongs to no cluster, which is how DBSCAN reports outliers instead of forcing them into the nearest group.', '**Choosing the parameters**: MinPts is often set to twice the number of dimensions; $\\epsilon$ is read off the knee of the sorted k-distance plot, where distances start to grow quickly.', '**Complexity**: with a spatial index each neighbourhood query is about $O(\\log n)$, so the whole run is about $O(n \\log n)$; without one it is $O(n^2)$ in time.'].join('\n\n') + '\n\n';
  it('one labelled line gives one card, not a term card and a section part with the same front', () => {
    const md = '# Unsupervised Learning\n\n## DBSCAN (Density-Based Spatial Clustering)\n\nGroups points in dense regions; points in sparse regions are noise.\n\n' + LONG + '**Algorithm**:\n1. Find all core points\n2. Connect core points within $\\epsilon$ of each other\n3. Label remaining points as noise\n\n**Advantages**: No need to specify $K$, finds arbitrary shapes, robust to outliers.\n\n**Limitations**: Struggles with varying density clusters, sensitive to $\\epsilon$ and MinPts.\n';
    const r = drops(md);
    const fronts = r.cards.map((c) => c.front);
    expect(new Set(fronts).size).toBe(fronts.length);
    const adv = r.cards.filter((c) => /advantages/i.test(c.front));
    expect(adv).toHaveLength(1);
    expect(adv[0]!.back).toBe('No need to specify $K$, finds arbitrary shapes, robust to outliers.');
  });

  it('ignores what an HTML comment hides: "see the next sections" is still a pointer', () => {
    expect(drops('## Ranking\n* see the next sections.\n<!--\n- Visual search system\n  - Two tower embedding architecture (video and text encoders)\n-->\n').cards).toEqual([]);
  });

  it('drops a pointer to another page and a "See [[note]]" (Obsidian)', () => {
    const md = '## Common Questions\nSee more questions in this [behavioral interview question bank](https://example.com/questions).\n\n## RAG-Specific Evaluation\nSee [[RAG Evaluation Metrics]].\n\n## Recall\nRecall is the share of relevant items that were retrieved.\n';
    const r = drops(md, 'Evaluation');
    expect(r.kinds).toEqual([
      ['reading', 'Reading list: Common Questions'],
      ['section', 'What is Recall?'],
    ]);
    expect(r.dropped).toEqual(['links@1', 'index@4']);
  });

  it('drops a term whose definition is only a link, keeping the link on the section', () => {
    const md = '## LightGBM 如何处理类别特征？\nLightGBM 按类别的梯度统计量排序后寻找最优划分，不需要 one-hot 编码。\n\n参考链接： https://blog.csdn.net/example/article/details/1\n';
    const r = drops(md);
    expect(r.kinds.map((k) => k[0])).toEqual(['section']);
    expect(r.cards[0]!.back).not.toContain('https://');
    expect(r.dropped).toEqual(['link-term@4']);
  });

  it('keeps prose that links words to other notes (a glossary note is not an index)', () => {
    const md = '[[normalization|Normalizing]] the input or output of the\n[[activation function|activation functions]] in a\n[[hidden layer|hidden layer]]. Batch normalization can\nprovide the following benefits:\n';
    expect(drops(md, 'batch normalization').kinds).toEqual([['section', 'What is batch normalization?']]);
    expect(drops('Abbreviation for [[augmented reality|augmented reality]].\n', 'AR').kinds).toEqual([['section', 'What is AR?']]);
  });
});

describe('code listings are not recall cards', () => {
  it('drops a section that is code with a line of narration (Chinese textbook)', () => {
    const md = `# 线性回归的从零开始实现\n## 定义模型\n下面是线性回归的矢量计算表达式的实现。\n\n${CODE}\n\n## 线性回归\n线性回归输出是一个连续值，因此适用于回归问题，例如预测房屋价格、气温和销售额。它的损失函数通常是平方损失。\n`;
    const r = drops(md);
    expect(r.kinds.map((k) => k[1])).not.toContain('如何定义模型？');
    expect(r.dropped).toEqual(['code@2']);
    expect(r.cards.some((c) => c.front.includes('线性回归'))).toBe(true);
  });

  it('drops "Output:" listings but keeps code that illustrates a real explanation (English)', () => {
    const explained =
      'Batching sends many texts in one request, so the fixed cost of a call (network round trip, queueing, tokenizer start-up) is paid once per batch instead of once per text. ' +
      'Providers cap the batch size, so split long lists into chunks of at most a hundred or so, and retry a failed chunk rather than the whole list; embeddings come back in input order.';
    const md = `## Quick Implementation\nHere is the code.\n\n${CODE}\n\nOutput:\n\n\`\`\`\nepoch 1, loss 0.028\nepoch 2, loss 0.001\n\`\`\`\n\n## Batch Embedding Calls\n${explained}\n\n${CODE}\n`;
    const r = drops(md, 'Embeddings');
    expect(r.kinds.map((k) => k[1])).toEqual(['What are Batch Embedding Calls?']);
    expect(r.cards[0]!.back).toContain('```python');
    expect(r.dropped).toEqual(['code@1']);
  });

  it('counts a worked example in a plain fence as prose and a Mermaid chart as a figure', () => {
    const example = '```\nStep 1: Parse the question into the entities it names\nStep 2: Ask the model to decompose it into sub-questions\nStep 3: Retrieve documents for each hop in order\n```';
    expect(answerShape(`The model breaks the question down:\n\n${example}`).codeChars).toBe(0);
    expect(answerShape('```mermaid\ngraph TD\n  A --> B\n```')).toMatchObject({ codeChars: 0, images: 1 });
    expect(answerShape('```\ntensor([[1., 2.], [3., 4.]])\n```').codeChars).toBeGreaterThan(0);
  });
});

describe('navigation, housekeeping and placeholders', () => {
  it('removes "Back to [[Index]]" from answers and drops sections left empty', () => {
    const md = '## Intuition\nA tree asks yes/no questions about features until the leaves are pure enough.\n\n**Back to**: [[ML & AI Index]]\n\n## Videos\n**Back to**: [[01 - Core Fundamentals Index]] | [[ML & AI Index]]\n';
    const r = drops(md, 'Decision Trees');
    expect(r.cards.map((c) => c.back)).toEqual(['A tree asks yes/no questions about features until the leaves are pure enough.']);
    expect(r.dropped).toEqual(['navigation@6']);
    expect(isNavigationLine('上一篇：[决策树](./tree.md)')).toBe(true);
    expect(isNavigationLine('Next: we look at how the split is chosen.')).toBe(false);
  });

  it('drops licence, contributing, acknowledgements and the table of contents (both languages)', () => {
    const md =
      '# 机器学习面试笔记\n## 目录\n1. 第一章 线性模型\n2. 第二章 决策树\n\n## 决策树\n决策树通过递归地选择最优划分特征来构建，常用信息增益或基尼指数衡量划分好坏。\n\n## 致谢\n感谢所有参与整理的同学。\n\n## Contributing\nPull requests are welcome. Please open an issue first.\n\n## License\nMIT\n';
    const r = drops(md);
    expect(r.cards.map((c) => [c.kind, c.section.at(-1)])).toEqual([['section', '决策树']]);
    expect(r.cards[0]!.back).toContain('信息增益');
    expect(r.dropped).toEqual(['meta@2', 'meta@9', 'meta@12', 'meta@15']);
  });

  it('drops placeholders: "TBD", "To be added", "待补充", "略"', () => {
    for (const back of ['- [TBD]', 'To be added.', 'See below.', '待补充', '略。', 'Refer to linked note.']) expect(isFillerAnswer(back), back).toBe(true);
    for (const back of ['None of the features is used twice.', '略大于 1 的学习率会发散。']) expect(isFillerAnswer(back), back).toBe(false);
    const r = drops('## Computational complexity of ML algorithms\n- [TBD]\n\n## 梯度消失\n待补充\n\n## Bias\nBias is the error from wrong assumptions in the model.\n');
    expect(r.kinds.map((k) => k[1])).toEqual(['What is Bias?']);
    expect(r.dropped).toEqual(['filler@1', 'filler@4']);
  });

  it('drops a lead-in sentence left alone once its list became cards', () => {
    const md = '## ML System Design Sample Questions\nBelow are the most common ML system design questions for ML engineering interviews:\n\n### Recommendation Systems\nRecommendation systems rank a large catalogue of items for each user, usually in two stages.\n';
    const r = drops(md, 'ml-system-design');
    expect(r.cards.map((c) => c.section.at(-1))).toEqual(['Recommendation Systems']);
    expect(r.dropped).toEqual(['filler@1']);
    expect(sectionWorth('Steps', 'The pipeline has three steps: chunk, embed and index.', { question: false })).toEqual({ keep: true });
    // A defining lead-in stays, even when its list items became cards of their own.
    expect(sectionWorth('What is ROC?', '**ROC** visualizes binary classifier performance across all thresholds by plotting:', { question: true })).toEqual({ keep: true });
  });

  it('drops a lone sentence about the notes themselves, and a "参考文献：" citation as a term', () => {
    const r = drops('## Adaptive learning rate\n这个部分主要讲述的是关于Recipe of Deep Learning中Adaptive learning rate的一些理论\n\n## Contractive Auto-encoder\n压缩自编码器要求输入的微小变化不改变编码。\n\n参考文献：Rifai, Salah, et al. "Contractive auto-encoders." ICML 2011.\n');
    expect(r.cards.map((c) => c.section.at(-1))).toEqual(['Contractive Auto-encoder']);
    expect(r.cards.map((c) => [c.kind, c.back])).toEqual([['section', '压缩自编码器要求输入的微小变化不改变编码。']]);
    expect(r.dropped).toEqual(['filler@1', 'link-term@7']);
    expect(sectionWorth('Bagging', '本节的核心结论：bagging 降低方差，boosting 降低偏差。', { question: false })).toEqual({ keep: true });
  });

  it('drops a figure without a word under "What is X?", keeps it under a question heading', () => {
    const img = '![](img/adaboost.png)';
    expect(sectionWorth('Adaboost', img, { question: false })).toEqual({ keep: false, rule: 'image', reading: false });
    expect(sectionWorth('Softmax+Cross Entropy如何反向求导？', img, { question: true })).toEqual({ keep: true });
    expect(sectionWorth('导图', '![图片](https://example.com/map.png)', { question: false })).toMatchObject({ keep: false, rule: 'image' });
  });
});

describe('notes that are only indexes', () => {
  it('gives a map-of-content note one reading card instead of a question per list (Obsidian)', () => {
    const md = '# Core Fundamentals\n## Learning Paradigms\n- [x] [[Supervised Learning]]\n- [ ] [[Unsupervised Learning]]\n\n## Evaluation Metrics\n- [x] [[Regression Metrics]]\n- [x] [[ROC Curves and AUC]]\n';
    const r = drops(md, '01 - Core Fundamentals Index');
    expect(r.kinds).toEqual([['reading', 'Reading list: 01 - Core Fundamentals Index']]);
    expect(r.cards[0]!.back).toBe('**Learning Paradigms**\n\n- [x] [[Supervised Learning]]\n- [ ] [[Unsupervised Learning]]\n\n**Evaluation Metrics**\n\n- [x] [[Regression Metrics]]\n- [x] [[ROC Curves and AUC]]');
  });

  it('drops a "Related Concepts" list in a note that has content', () => {
    const md = '## Margin\nThe SVM maximises the distance between the boundary and the closest points.\n\n## Related Concepts\n- [[Supervised Learning]]\n- [[Kernel Methods]] - for non-linear data\n';
    const r = drops(md, 'Support Vector Machines');
    expect(r.kinds.map((k) => k[0])).toEqual(['section']);
    expect(r.dropped).toEqual(['index@4']);
  });
});

describe('statements joined by "；" are not questions; checklists are not terms', () => {
  it('keeps "A是…；B是…" as prose and "A；B；C？" as questions', () => {
    const r = drops('## 卷积层和全连接层的区别是什么？\n- 卷积层是局部连接，所以提取的是局部信息；全连接层是全局连接，所以提取的是全局信息；\n');
    expect(r.kinds).toEqual([['section', '卷积层和全连接层的区别是什么？']]);
    const q = drops('## BN\nBN原理；手写BN；BN有哪些参数？\n');
    expect(q.kinds.map((k) => k[0])).toEqual(['prompt', 'prompt', 'prompt']);
  });

  it('asks no term card for "- [ ] **Baseline**: …"', () => {
    const r = drops('## Checklist\nBefore building it, ensure you have:\n\n- [ ] **Documents**: Indexed and ready\n- [ ] **Baseline**: BM25-only results\n', 'Hybrid Search');
    expect(r.cards.map((c) => c.kind)).toEqual(['section']);
  });

  it('treats "Paper: https://…" as a reference', () => {
    expect(isLinkOnly('[LangChain Chunk Visualizer](https://chunkviz.example.com/)')).toBe(true);
    expect(isLinkOnly('https://github.com/example/repo')).toBe(true);
    expect(isLinkOnly('Sparse lexical expansion model, see [the paper](https://arxiv.org/abs/1) for the training objective')).toBe(false);
  });
});

describe('tag lines leave nothing behind', () => {
  it('drops the commas of a "#tag, #tag" line from the answer (Obsidian glossary)', () => {
    const { cards } = parseNotes('#TensorFlow, #GoogleCloud\n\nA logical division of the [[training set|training set]] or the model.\n', { deck: 'd', title: 'shard' });
    expect(cards.map((c) => [c.back, c.tags])).toEqual([['A logical division of the [[training set|training set]] or the model.', ['TensorFlow', 'GoogleCloud']]]);
  });
});
