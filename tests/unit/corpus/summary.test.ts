import { describe, expect, it } from 'vitest';
import { renderCard } from '../../../cards/render/render.ts';
import type { ReportCard } from '../../../scripts/corpus/metrics.ts';
import { sampleMarkdown, sampleOf } from '../../../scripts/corpus/sample.ts';
import { analyseCorpus, hasNoteText, noteLang, summaryTable, type NoteFile } from '../../../scripts/corpus/summary.ts';
import { collectErrors, collectWarnings } from '../../../scripts/corpus/run.ts';

function card(id: string, front: string, back: string, extra: Partial<ReportCard> = {}): ReportCard {
  return { id, kind: 'section', section: ['Top'], front, back, ...renderCard({ kind: 'section', front, back, links: [] }), ...extra };
}

describe('hasNoteText', () => {
  it('ignores headings, front matter, rules and blank lines', () => {
    expect(hasNoteText('---\ntags: [a]\n---\n# Title\n\n## Sub\n\n---\n')).toBe(false);
    expect(hasNoteText('# Title\nPrecision is the share of predicted positives that are right.')).toBe(true);
    expect(hasNoteText('\uFEFF#fundamentals\n\nThe subset of the dataset used for evaluation.')).toBe(true);
  });
});

describe('noteLang', () => {
  it('ignores math and code when judging a note', () => {
    expect(noteLang('随机变量 $X: \\Omega \\to \\mathbb{R}$ 是函数')).toBe('zh');
    expect(noteLang('A random variable ```中文代码注释``` maps outcomes')).toBe('en');
  });
});

describe('analyseCorpus', () => {
  const files: NoteFile[] = [
    { rel: 'a.md', text: '# A\nSome English text about dropout.' },
    { rel: 'sub/b.md', text: 'Text before any heading, long enough to count.' },
    { rel: 'empty.md', text: '# Only a heading\n' },
  ];

  it('counts kinds, defects and notes with text but no cards', () => {
    const cards = [
      card('1', 'Dropout是什么？为什么用？', 'Randomly zero activations.', { deck: 'a' }),
      // An image left as raw text by an older renderer.
      card('2', '3.2.1 Forward pass', 'See the figure', { deck: 'a', kind: 'term', backHtml: '<p>See ![x](img/x.png)</p>' }),
    ];
    const { row } = analyseCorpus('c', 'test', files, cards, [{ code: 'empty-section' }, { code: 'empty-section' }], 0, new Map([['a', 'a.md']]));
    expect(row.cards).toBe(2);
    expect(row.byKind).toEqual({ section: 1, term: 1 });
    expect(row.enWithZhScaffolding).toBe(1);
    expect(row.numberedFront).toBe(1);
    expect(row.rawImages).toBe(1);
    expect(row.warningsByCode).toEqual({ 'empty-section': 2 });
    expect(row.filesWithTextNoCardsList).toEqual(['sub/b.md']);
    expect(row.fieldsMissing).toEqual(expect.arrayContaining(['file', 'line', 'tags', 'lang']));
    expect(summaryTable([row])).toContain('| c | 3 | 1 (33.3 %) | 2 |');
  });

  it('counts cards sharing a front and answers that are mostly code', () => {
    const cards = [card('1', 'What is Overview?', 'A'), card('2', 'What is Overview?', 'B'), card('3', 'Q', '```\nimport x\nx.run()\n```')];
    const { row } = analyseCorpus('c', 'test', files, cards, [], 0, new Map());
    expect(row.duplicateFront).toBe(2);
    expect(row.codeAnswer).toBe(1);
  });

  it('reports n/a for notes without cards when cards cannot be mapped to files', () => {
    const { row } = analyseCorpus('c', 'test', files, [card('1', 'Q', 'A')], [], 0, new Map());
    expect(row.filesWithTextNoCards).toBeNull();
    expect(summaryTable([row])).toContain('n/a');
  });

  it('prefers the printed file over the deck map', () => {
    const { analysed } = analyseCorpus('c', 'test', files, [card('1', 'Q', 'A', { file: 'sub\\b.md', deck: 'a' })], [], 0, new Map([['a', 'a.md']]));
    expect(analysed[0]!.file).toBe('sub/b.md');
  });
});

describe('sample', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const items = Array.from({ length: 200 }, (_, i) => i);
    expect(sampleOf(items, 25, 7)).toEqual(sampleOf(items, 25, 7));
    expect(sampleOf(items, 25, 7)).not.toEqual(sampleOf(items, 25, 8));
    expect(new Set(sampleOf(items, 25, 7)).size).toBe(25);
    expect(sampleOf(items, 500, 1)).toHaveLength(200);
  });

  it('writes source, crumbs and origin for each card', () => {
    const c = card('abc', 'What is X?', 'X is ```nested``` text', { file: 'a.md', line: 3 });
    const { analysed } = analyseCorpus('c', 'test', [{ rel: 'a.md', text: '# X\nX is text' }], [c], [], 0, new Map());
    const md = sampleMarkdown('c', 1, analysed, 1);
    expect(md).toContain('source: a.md:3');
    expect(md).toContain('crumbs: Top');
    expect(md).toContain('````markdown\nX is ```nested``` text\n````');
  });
});

describe('import JSON scraping', () => {
  it('finds warnings and per-file errors at any depth', () => {
    const json = { files: [{ file: 'a.md', report: { warnings: [{ line: 3, code: 'katex-error', message: 'bad' }] } }, { file: 'b.md', error: 'invalid UTF-8' }] };
    expect(collectWarnings(json)).toEqual([{ code: 'katex-error', file: 'a.md', line: 3, message: 'bad' }]);
    expect(collectErrors(json)).toEqual(['invalid UTF-8']);
  });
});
