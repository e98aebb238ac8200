// Fronts that make sense on their own (issue 11): generic headings and labels
// take their topic, English forms fit the heading's shape, and a formula card
// always shows a formula. Each case is a small excerpt of a pattern seen in
// real notes.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';
import type { CardDraft } from '../../../cards/types.ts';

const parse = (md: string, title?: string) => parseNotes(md, { deck: 'd', ...(title ? { title } : {}) }).cards;
const fronts = (cards: readonly CardDraft[]) => cards.map((c) => c.front);
const card = (cards: readonly CardDraft[], front: string) => {
  const c = cards.find((x) => x.front === front);
  if (!c) throw new Error(`no card "${front}" in ${JSON.stringify(fronts(cards))}`);
  return c;
};

describe('generic labels and headings are asked about their topic', () => {
  it('asks a metric block’s labels about the metric', () => {
    const md = '# Regression Metrics\n## 1. Mean Absolute Error (MAE)\n\n**Formula:** `MAE = (1/n) × Σ|yᵢ - ŷᵢ|`\n\n**Description:** Average of absolute differences.\n\n**When to Use:** All errors weigh the same.\n\n**Range:** [0, ∞) where 0 is perfect prediction\n';
    const cards = parse(md);
    expect(fronts(cards)).toEqual([
      'Formula for Mean Absolute Error (MAE)?',
      'Mean Absolute Error (MAE): description?',
      'Mean Absolute Error (MAE): when to use?',
      'Mean Absolute Error (MAE): range?',
    ]);
    expect(card(cards, 'Formula for Mean Absolute Error (MAE)?').kind).toBe('formula');
  });

  it('asks pros and cons under a bold lead-in about what the lead-in names', () => {
    const md = '## Model-Based vs. Model-Free\n\n**Model-Free**: Learn a policy directly from experience.\n- Pro: Works when dynamics are unknown\n- Con: Sample inefficient\n';
    const cards = parse(md);
    expect(fronts(cards)).toContain('Model-Free: pro?');
    expect(fronts(cards)).toContain('Model-Free: con?');
  });

  it('asks a generic section heading about its parent in both languages', () => {
    expect(fronts(parse('# Dropout\nRandomly zero units.\n## How does it work?\nEach unit is kept with probability p.'))).toContain('Dropout: how does it work?');
    expect(fronts(parse('# Dropout\n随机丢弃神经元。\n## 用处是什么？\n防止过拟合。'))).toContain('Dropout的用处是什么？');
    expect(fronts(parse('# LeNet\nLeNet是早期的卷积神经网络。\n## 小结\n卷积层和全连接层交替。'))).toContain('LeNet的小结是什么？');
    expect(fronts(parse('## Image search system\nFind similar images.\n### 5. Feature Engineering\n- user profile\n- image metadata'))).toContain('Image search system: feature engineering?');
  });

  it('asks a term under the section it belongs to unless the term names it', () => {
    const cards = parse('# Chunking\nSplitting documents.\n## Fixed-Size Chunking\n- **Overlap**: 10–20 % of the chunk is repeated.\n- **Fixed-size chunk**: every chunk has the same token count.\n');
    expect(fronts(cards)).toContain('Fixed-Size Chunking: what is Overlap?');
    expect(fronts(cards)).toContain('What is Fixed-size chunk?');
  });

  it('uses the parent of a generic heading as the topic of its terms', () => {
    const cards = parse('# Support Vector Machines\nA max-margin classifier.\n## Key Ideas\n**Maximum Margin**: the widest gap between the classes.\n');
    expect(fronts(cards)).toContain('Support Vector Machines: what is Maximum Margin?');
  });
});

describe('English section questions fit the heading’s shape', () => {
  const front = (heading: string) => parse(`## ${heading}\nSome explanation of this part of the notes.`)[0]!.front;
  it('uses "are" for plural heads and a key-points form for activities and long topics', () => {
    expect(front('Loss functions')).toBe('What are Loss functions?');
    expect(front('GANs')).toBe('What are GANs?');
    expect(front('ML Systems at Big Companies')).toBe('ML Systems at Big Companies: what are the key points?');
    expect(front('Handling Categorical Features')).toBe('Handling Categorical Features: what are the key points?');
    expect(front('Learning rate')).toBe('What is Learning rate?');
    expect(front('Bias')).toBe('What is Bias?');
    expect(front('Metrics')).toBe('What are the metrics?');
    expect(front('The Full PPO Objective')).toBe('What is the Full PPO Objective?');
    expect(front('The Problem PPO Solves')).toBe('What is the Problem PPO Solves?');
  });
});

describe('a formula card shows a formula', () => {
  it('does not call a worked number or a sentence a formula', () => {
    const cards = parse('## 稠密块\n**通道数**：$3+2\\times 10=23$\n\n**Adapter ($A, B$)**: The adapters are kept in Bfloat16.\n\n**噪声词数**：我们随机采样若干个噪声词，实验中设$K=5$，$w_1 = 1.2, w_2=-3.4$。\n');
    expect(cards.filter((c) => c.kind === 'formula')).toEqual([]);
    expect(fronts(cards)).not.toContain('稠密块的公式是什么？');
  });

  it('keeps real formulas, also without an equals sign', () => {
    const cards = parse('## 全连接层\n**全连接层**：\nFLOPs：$(2 \\times I) \\times O$\n参数量：$(I+1) \\times O$\n');
    expect(cards.map((c) => c.kind)).toEqual(['formula', 'formula']);
  });

  it('attaches a "where" legend to the displayed formula before it, never a card of its own', () => {
    const md = '## Generalized Advantage Estimation (GAE)\n\nPPO uses GAE to compute advantages:\n\n$$\\hat{A}_t = \\sum_{l=0}^{\\infty} (\\gamma \\lambda)^l \\delta_{t+l}$$\n\nwhere $\\delta_t = r_t + \\gamma V(s_{t+1}) - V(s_t)$ is the TD error.\n';
    const f = card(parse(md), 'Formula for Generalized Advantage Estimation (GAE)?');
    expect(f.kind).toBe('formula');
    expect(f.back).toMatch(/^\$\$\\hat\{A\}_t = .*\$\$\n\nwhere \$\\delta_t/s);
  });

  it('keeps the symbols of a "Where:" list in the formula card, not as term cards', () => {
    const md = '## The Full PPO Objective\n\nIn practice, PPO combines multiple objectives:\n\n$$L^{PPO} = L^{CLIP} - c_1 L^{VF} + c_2 S$$\n\nWhere:\n- $L^{CLIP}$: The clipped surrogate objective\n- $L^{VF} = (V_\\theta(s_t) - V_t)^2$: Value function loss\n- $c_1, c_2$: Coefficients\n';
    const cards = parse(md);
    expect(cards.map((c) => c.kind).sort()).toEqual(['formula', 'section']);
    const f = card(cards, 'Formula for The Full PPO Objective?');
    expect(f.back).toContain('- $L^{CLIP}$: The clipped surrogate objective');
    expect(f.back.startsWith('$$L^{PPO}')).toBe(true);
  });

  it('asks a generic heading’s formula about its topic (其中 legend)', () => {
    const md = '# AdaGrad算法\nAdaGrad按元素调整学习率。\n## 算法\n\n$$\\boldsymbol{s}_t \\leftarrow \\boldsymbol{s}_{t-1} + \\boldsymbol{g}_t \\odot \\boldsymbol{g}_t,$$\n\n其中$\\odot$是按元素相乘。\n';
    expect(fronts(parse(md))).toContain('AdaGrad算法的公式是什么？');
  });
});

describe('Q:/A: pairs are one card', () => {
  it('reads Q:/A: paragraphs, 问：/答：, a bold "Q7：…？" paragraph and a "Q:" heading as one question each', () => {
    const md = '## FAQ\nQ: Why use RRF?\nA: It needs no tuning.\n\n### Q: Do I need to tune anything?\n**A**: With RRF, no tuning required.\n\n## 词向量\n问：负采样为什么用词频？\n答：让高频词先学习。\n\n**Q7：One-hot模型与Word2Vec模型比较？**\n\n>  A：One-hot模型的缺点\n>\n> - 稀疏\n';
    expect(parse(md).map((c) => [c.kind, c.front, c.back])).toEqual([
      ['prompt', 'Why use RRF?', 'It needs no tuning.'],
      ['section', 'Do I need to tune anything?', 'With RRF, no tuning required.'],
      ['prompt', '负采样为什么用词频？', '让高频词先学习。'],
      ['prompt', 'One-hot模型与Word2Vec模型比较？', 'One-hot模型的缺点\n\n- 稀疏'],
    ]);
  });
});

describe('list questions carry the subject they leave out', () => {
  const md = '# Image Search System\n\n### 1. Problem Formulation\n* Clarifying questions\n    - What is the primary objective of the visual search system?\n    - What are the specific use cases where it will be applied?\n    - How will users interact with the system? Click only\n    - Business objective?\n';
  it('makes a clarifying-questions item one card about the system; its questions are the answer, no cards of their own', () => {
    expect(parse(md).map((c) => [c.kind, c.front, c.back])).toEqual([
      [
        'section',
        'Image Search System: what clarifying questions would you ask?',
        '- What is the primary objective of the visual search system?\n- What are the specific use cases where it will be applied?\n- How will users interact with the system? Click only\n- Business objective?',
      ],
    ]);
  });

  it('names the system for questions that point at it or are elliptical, not for those that name it', () => {
    const md2 = '# Image Search System\n\n### Open questions\n- What is the primary objective of the visual search system?\n- How will users interact with the system? Click only\n- Business objective?\n';
    expect(parse(md2).map((c) => [c.front, c.back])).toEqual([
      ['What is the primary objective of the visual search system?', '(Open question: the notes give no answer.)'],
      ['Image Search System — How will users interact with the system?', 'Click only'],
      ['Image Search System — Business objective?', '(Open question: the notes give no answer.)'],
    ]);
  });

  it('takes the note title when the headings name nothing', () => {
    const cards = parse('## Other topics\n- Do we display ads as well?\n- Latency requirements?\n', 'News feed system');
    expect(cards.map((c) => c.front)).toEqual(['News feed system — Do we display ads as well?', 'News feed system — Latency requirements?']);
  });

  it('names the topic of a Chinese question that points back with 该/这', () => {
    const cards = parse('# 批归一化\n批归一化对每层输入做标准化。\n## 面试题\n- 该方法在测试时如何计算均值？\n- 批归一化为什么能加速训练？\n');
    expect(cards.map((c) => c.front)).toContain('批归一化：该方法在测试时如何计算均值？');
    expect(cards.map((c) => c.front)).toContain('批归一化为什么能加速训练？');
  });
});

describe('Chinese generic headings', () => {
  it('asks implementation headings as tasks on the topic and drops interview-source notes from it', () => {
    const md = '# 丢弃法\n丢弃法随机丢弃隐藏单元。\n## 从零开始实现\n先定义dropout函数。\n## 简洁实现\n使用nn.Dropout层。\n## 简单介绍一下kmeans算法<小米-一面（2020）>\nkmeans是聚类算法。\n### 优点\n简单。\n';
    const f = fronts(parse(md));
    expect(f).toContain('如何从零开始实现丢弃法？');
    expect(f).toContain('如何简洁地实现丢弃法？');
    expect(f).toContain('kmeans算法的优点有哪些？');
  });
});

describe('labelled question paragraphs', () => {
  it('asks "**Q2：[link]…？**" without the label and the link target, answered by the paragraphs below', () => {
    const cards = parse('# LLM\n**Q2：[自注意力机制](https://x.com/a)如何捕捉长距离依赖？**\n\n自注意力让每个位置直接交互。\n\n**Q3：为什么有上下文长度？**\n\n位置编码有上限。');
    expect(cards.map((c) => [c.kind, c.front, c.back])).toEqual([
      ['prompt', '自注意力机制如何捕捉长距离依赖？', '自注意力让每个位置直接交互。'],
      ['prompt', '为什么有上下文长度？', '位置编码有上限。'],
    ]);
  });
});

describe('template steps and linked questions', () => {
  it('treats "Data Collection and Preparation" and "Metrics (Offline and Online)" as steps of their topic', () => {
    const f = fronts(parse('# Game engine\nRecommends games.\n## 4. Data Collection and Preparation\nWe log user sessions.\n## Metrics (Offline and Online)\nPrecision@k offline, CTR online.'));
    expect(f).toEqual(['What is Game engine?', 'Game engine: data collection and preparation?', 'Game engine: what are the metrics (Offline and Online)?']);
  });

  it('never splits a question at a "?" inside its link', () => {
    const cards = parse('## Behavioral\n- [What is your proudest project?](https://www.youtube.com/watch?v=Vt)');
    expect(cards.map((c) => c.front)).toEqual(['Behavioral — [What is your proudest project?](https://www.youtube.com/watch?v=Vt)']);
  });
});

describe('file-name titles', () => {
  it('drops "25_" numbering from a title and never asks a heading about itself', () => {
    expect(fronts(parse('## Hinge Loss\n### 小结\n合页损失。', '25_Support Vector Machine'))).toEqual(['Hinge Loss的小结是什么？']);
    expect(fronts(parse('# Introduction\nMachine learning finds a function.', '1_Introduction'))).toEqual(['What is Introduction?']);
  });
});
