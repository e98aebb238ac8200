import { describe, expect, it } from 'vitest';
import { renderCard } from '../../../cards/render/render.ts';
import { visibleParts } from '../../../scripts/corpus/html-text.ts';
import {
  analyseCard,
  cjkShare,
  frontTopic,
  isEnglishCard,
  isFillerFront,
  langOf,
  mathErrors,
  rawMarkup,
  startsWithNumbering,
  topicMissing,
  firstH1,
  imageStats,
  codeShare,
  strayDollars,
  zhScaffolding,
  type ReportCard,
} from '../../../scripts/corpus/metrics.ts';

function card(front: string, back: string, extra: Partial<ReportCard> = {}): ReportCard {
  const c: ReportCard = { id: 'x', kind: 'section', section: [], front, back, ...extra };
  return { ...c, ...renderCard({ kind: 'section', front, back, links: [] }) };
}

describe('visibleParts', () => {
  it('drops typeset math, math errors and code but keeps prose', () => {
    const html = '<p>a <span class="katex"><span class="katex-mathml"><math><annotation>$x$</annotation></math></span>x</span> b <code>**c**</code></p><span class="math-error">\\frac{</span><p>d</p>';
    const { text } = visibleParts(html);
    expect(text).toContain('a');
    expect(text).toContain('d');
    expect(text).not.toContain('$x$');
    expect(text).not.toContain('**');
    expect(text).not.toContain('frac');
  });

  it('decodes entities so escaped syntax is seen as the reader sees it', () => {
    expect(visibleParts('<p>&lt;br&gt; &#39;q&#39; &amp;</p>').text).toBe("<br> 'q' &");
  });
});

describe('language', () => {
  it('counts CJK against Latin letters', () => {
    expect(cjkShare('abc')).toBe(0);
    expect(cjkShare('中文')).toBe(1);
    expect(langOf('梯度 descent')).toBe('zh');
    expect(langOf('gradient descent with one 字 in a long English sentence about optimisation')).toBe('en');
  });

  it('judges the card by its words, not by the Chinese scaffolding around them', () => {
    expect(isEnglishCard({ id: 'a', kind: 'section', section: [], front: 'Random variable是什么？为什么用？', back: 'A function from outcomes to numbers.' })).toBe(true);
    expect(isEnglishCard({ id: 'a', kind: 'section', section: [], front: '随机变量是什么？', back: '从样本空间到实数的函数。' })).toBe(false);
    expect(isEnglishCard({ id: 'a', kind: 'section', section: [], front: 'x', back: 'y', lang: 'zh' })).toBe(false);
    expect(isEnglishCard({ id: 'a', kind: 'section', section: [], front: '中文', back: '中文' }, 'en')).toBe(true);
  });
});

describe('zh scaffolding', () => {
  it('finds the generator phrases and any other Chinese run', () => {
    expect(zhScaffolding({ front: 'Dropout是什么？为什么用？', back: 'x' })).toEqual(expect.arrayContaining(['是什么', '为什么用']));
    expect(zhScaffolding({ front: 'Q?', back: '（开放问题：笔记里没有写答案，参考本节链接。）' }).length).toBeGreaterThan(0);
    expect(zhScaffolding({ front: 'What is dropout?', back: 'Randomly zeroing activations.' })).toEqual([]);
  });

  it('is only counted on English cards', () => {
    expect(analyseCard(card('Dropout是什么？', 'Randomly zeroing activations during training.')).zhScaffolding.length).toBeGreaterThan(0);
    expect(analyseCard(card('随机失活是什么？', '训练时随机把激活置零。')).zhScaffolding).toEqual([]);
  });
});

describe('numbering', () => {
  it.each(['3.2.1 前向传播', '1. What is X?', '（1）为什么', '(2) Why', '第一章 绪论', '二、损失函数', 'Q3: What', '3.2 Backprop'])('flags %s', (s) => {
    expect(startsWithNumbering(s)).toBe(true);
  });
  it.each(['What is 1.5x?', 'ResNet-50', '2D convolution', 'L1 vs L2', 'F1 score', '3D 卷积'])('keeps %s', (s) => {
    expect(startsWithNumbering(s)).toBe(false);
  });
});

describe('filler fronts', () => {
  it.each(['Hint是什么？', 'Note', 'Therefore是什么？为什么用？', 'where', 'Input:', '[^41]', '图 3.2', 'Step 1', '注意是什么？', 'Figure 2: a plot', 'What is Hint?'])('flags %s', (s) => {
    expect(isFillerFront(s)).toBe(true);
  });
  it.each(['Dropout是什么？', 'What is batch normalization?', 'Why does ResNet train deeper networks?', '交叉熵的公式是什么？'])('keeps %s', (s) => {
    expect(isFillerFront(s)).toBe(false);
  });
  it('unwraps the question forms', () => {
    expect(frontTopic('Dropout是什么？为什么用？')).toBe('Dropout');
    expect(frontTopic('What is Hint?')).toBe('Hint');
  });
});

describe('rendered-text defects', () => {
  it('sees raw images, wikilinks, bold and escaped tags in rendered text', () => {
    // What an older renderer produced for `See ![fig](img/a.png) and [[Other note|other]] and <center>x</center> and **open`.
    const raw = rawMarkup('<p>Q</p><p>See ![fig](img/a.png) and [[Other note|other]] and &lt;center&gt;x&lt;/center&gt; and **open</p>');
    expect(raw.image).toBe(1);
    expect(raw.wikilink).toBe(1);
    expect(raw.escapedTag).toBeGreaterThanOrEqual(1);
    expect(raw.bold).toBe(1);
    expect(rawMarkup('<p>&lt;img src="a.png"&gt;</p>').image).toBe(1);
    expect(rawMarkup('<p>&lt;br/&gt; &lt;/li&gt; &lt;div align=center&gt; &lt;a name="x"&gt;</p>').escapedTag).toBe(4);
    expect(rawMarkup('<p>pairs &lt;video, text_query&gt; and &lt;b, c&gt;</p>').escapedTag).toBe(0);
  });

  it('does not count syntax inside code or math', () => {
    const c = card('Q', 'Use `![x](y)` and `[[a]]` and $a**b$');
    expect(rawMarkup(`${c.frontHtml}${c.backHtml}`)).toEqual({ image: 0, wikilink: 0, bold: 0, escapedTag: 0, highlight: 0 });
  });

  it('counts math errors from the renderer', () => {
    expect(mathErrors(card('Q', '$\\frac{1}{$').backHtml!)).toBe(1);
    expect(mathErrors(card('Q', '$\\frac{1}{2}$').backHtml!)).toBe(0);
  });

  it('finds dollars left in prose but not currency', () => {
    expect(strayDollars('<p>costs $100k a year, $5 per hour</p>')).toBe(0);
    expect(strayDollars('<p>the value $ x $ here</p>')).toBe(2);
    expect(strayDollars('<p>then $$y$$</p>')).toBe(4);
    expect(strayDollars(card('Q', 'rendered $x^2$ math').backHtml!)).toBe(0);
  });
});

describe('analyseCard', () => {
  it('flags long answers by source length', () => {
    expect(analyseCard(card('Q', 'a'.repeat(1501))).longAnswer).toBe(true);
    expect(analyseCard(card('Q', 'a'.repeat(1500))).longAnswer).toBe(false);
  });

  it('uses the card lang when printed', () => {
    expect(analyseCard(card('What?', 'Because.', { lang: 'zh' })).lang).toBe('zh');
    expect(analyseCard(card('What?', 'Because.')).lang).toBe('en');
  });
});

describe('topicMissing', () => {
  it('wants the note title in the crumbs or on the front', () => {
    expect(topicMissing({ section: ['Overview'], front: 'Overview' }, 'RAG/Vector Databases.md')).toBe(true);
    expect(topicMissing({ section: ['Vector Databases', 'Overview'], front: 'Overview' }, 'RAG/Vector Databases.md')).toBe(false);
    expect(topicMissing({ section: [], front: 'What are vector databases for?' }, 'vector-databases.md')).toBe(false);
    expect(topicMissing({ section: ['Intro'], front: 'x' }, 'docs/README.md')).toBe(false);
    expect(topicMissing({ section: ['Intro'], front: 'x' }, undefined)).toBe(false);
  });

  it('accepts the heading the note opens with as its title', () => {
    expect(firstH1('\uFEFF---\na: 1\n---\n\n# 5.4 池化层\n\ntext')).toBe('5.4 池化层');
    expect(firstH1('text\n# Later')).toBeNull();
    expect(topicMissing({ section: ['5.4 池化层', '5.4.1 最大池化'], front: 'x' }, 'ch5/5.4_pooling.md', '5.4 池化层')).toBe(false);
    expect(topicMissing({ section: ['5.4.1 最大池化'], front: 'x' }, 'ch5/5.4_pooling.md', '5.4 池化层')).toBe(true);
  });
});

describe('imageStats', () => {
  it('tells shown images, missing placeholders and remote links apart', () => {
    const html = '<img class="card-img" data-media="ab.png" alt=""><span class="img-missing">img/x.png</span><a href="https://x/y.png">🖼 y</a><a href="https://x">link</a>';
    expect(imageStats(html)).toEqual({ shown: 1, missing: 1, remote: 1, remoteLoaded: 0 });
    expect(imageStats('<p><img src="https://x/y.png" alt=""><img src="img/a.png"></p>')).toEqual({ shown: 1, missing: 0, remote: 0, remoteLoaded: 1 });
    expect(imageStats('<p>no images</p>')).toEqual({ shown: 0, missing: 0, remote: 0, remoteLoaded: 0 });
  });
});

describe('codeShare', () => {
  it('measures how much of an answer is fenced code', () => {
    expect(codeShare('Text only.')).toBe(0);
    expect(codeShare('')).toBe(0);
    expect(codeShare('Intro.\n\n```python\nfor i in range(10):\n    print(i * i)\n```\n')).toBeGreaterThan(0.5);
    expect(codeShare('A long explanation of the method in words, much longer than the code.\n\n```\nx\n```')).toBeLessThan(0.5);
    expect(codeShare('~~~python\nimport numpy as np\n~~~')).toBe(1);
  });
});
