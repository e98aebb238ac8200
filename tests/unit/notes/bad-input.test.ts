// The bad-input corpus: parseNotes never throws, and says what is wrong and where.
import { describe, expect, it } from 'vitest';
import { decodeNotes } from '../../../cards/notes/decode.ts';
import { parseNotes } from '../../../cards/notes/parse.ts';
import { fixture, parse, SEED } from './helpers.ts';

const codes = (md: string) => parse(md).warnings.map((w) => w.code);

const CORPUS: Record<string, string> = {
  empty: '',
  blank: ' \n\n\t\n',
  nul: 'abc\0def\0\0# 标题\0\n内容\0',
  binary: String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
  garbageUnicode: '\uFFFD\uD800\uDFFF\u202E\u0007' + '# \uD83D\n'.repeat(50),
  crlf: '# A\r\n**x**：y\r\n',
  notMarkdown: '{"cards": [1, 2, 3], "key": "value: with colon"}\nname,score\nalice,3\n',
  html: '<html><body><script>alert(1)</script><img src=x onerror=alert(1)></body></html>',
  deepHeadings: Array.from({ length: 50 }, (_, i) => `${'#'.repeat(i + 1)} level ${i + 1}\ntext ${i + 1}`).join('\n'),
  deepQuotes: '>'.repeat(200) + ' deep\n' + '- '.repeat(200) + 'list',
  deepBrackets: '# A\n' + '['.repeat(5000) + ']'.repeat(5000) + '(' .repeat(5000),
  unbalanced: '# A\n$a\n正常 $b$\n$$c\n\n\\$ 转义\n$5 一行',
  brokenLatex: '# A\n**x**：$\\frac{1}{$ and $\\begin{aligned}$ and $\\def\\a{\\a\\a}\\a$ and $\\rule{999em}{999em}$',
  headingOnly: '# A\n## B\n### C',
  emptyTitles: '#\n##    \n# \n正文',
  frontMatter: '---\ntitle: x\ntags: [a]\n---\n# A\n**t**：d',
  lonelyLabels: '# A\n**x**\n**y**：\nz：',
  hugeLine: '# A\n' + 'x'.repeat(300_000),
  manyDollars: '# A\n' + '$a '.repeat(100_000),
  tableAndCode: '# A\n| a | b |\n|---|---|\n| $x$ | y |\n\n```\n**t**：not a term\n```\n',
};

describe('bad input never throws', () => {
  for (const [name, md] of Object.entries(CORPUS)) {
    it(name, () => {
      const r = parseNotes(md, { deck: 'd' });
      expect(Array.isArray(r.cards)).toBe(true);
      for (const w of r.warnings) {
        expect(w.line).toBeGreaterThanOrEqual(1);
        expect(w.message.length).toBeGreaterThan(0);
      }
      expect(r.warnings.length).toBeLessThan(500); // capped, with a summary
      for (const c of r.cards) expect(c.id).toMatch(/^[0-9a-f]{16}$/);
    });
  }

  it('survives a non-string', () => {
    expect(parseNotes(undefined as unknown as string, { deck: 'd' }).warnings[0]?.code).toBe('parse-failed');
  });
});

describe('bad input gets a clear warning', () => {
  it('empty file', () => expect(codes('')).toEqual(['empty-file']));
  it('NUL bytes', () => expect(codes(CORPUS.nul!)).toContain('binary-content'));
  it('not Markdown at all', () => expect(codes(CORPUS.notMarkdown!)).toEqual(['no-cards']));
  it('headings without text', () => {
    const w = parse(CORPUS.headingOnly!).warnings;
    expect(w.map((x) => [x.code, x.line])).toEqual([['no-cards', 1], ['empty-section', 3]]);
    expect(codes(CORPUS.emptyTitles!).filter((c) => c === 'empty-section')).toHaveLength(3);
  });
  it('unbalanced dollars, each on its line', () => {
    const w = parse(CORPUS.unbalanced!).warnings.filter((x) => x.code === 'unbalanced-dollar');
    expect(w.map((x) => x.line)).toEqual([2, 4, 7]);
  });
  it('broken LaTeX, macro bombs and huge sizes', () => {
    const w = parse(CORPUS.brokenLatex!).warnings.filter((x) => x.code === 'katex-error');
    expect(w.length).toBeGreaterThanOrEqual(3);
    expect(w.every((x) => x.line === 2)).toBe(true);
  });
  it('unsafe links', () => {
    const w = parse(fixture('xss.md')).warnings.filter((x) => x.code === 'unsafe-link');
    expect(w.length).toBeGreaterThanOrEqual(3);
  });
  it('a paragraph too long to parse', () => expect(codes(CORPUS.hugeLine!)).toContain('too-long'));
  it('thousands of the same warning are summarised', () => {
    const w = parse('# A\n' + '$a\n\n'.repeat(5000)).warnings.filter((x) => x.code === 'unbalanced-dollar');
    expect(w).toHaveLength(101);
    expect(w.filter((x) => /4900 more "unbalanced-dollar" warnings/.test(x.message))).toHaveLength(1);
  });
  it('keeps Markdown headings to six levels: deeper "#" runs are text', () => {
    const r = parse(CORPUS.deepHeadings!);
    expect(Math.max(...r.cards.map((c) => c.section.length))).toBe(6);
    expect(r.cards.at(-1)?.back).toContain('####### level 7');
  });
  it('front matter is skipped but line numbers still match', () => {
    const c = parse(CORPUS.frontMatter!).cards;
    expect(c.map((x) => [x.key, x.line])).toEqual([['t', 6]]);
  });
  it('code blocks are never card sources', () => {
    expect(parse(CORPUS.tableAndCode!).cards.some((c) => c.key === 't')).toBe(false);
  });
});

// Sizes, not timings: how fast is for `npm run bench`; a loaded CI box gets generous timeouts.
describe('large input', { timeout: 120_000 }, () => {
  it('parses the seed repeated 100× (≈2 MB) into 100× the cards with distinct ids', () => {
    const one = parse(SEED).cards.length;
    const big = Array.from({ length: 100 }, () => SEED).join('\n');
    const r = parse(big);
    expect(r.cards).toHaveLength(one * 100);
    expect(new Set(r.cards.map((c) => c.id)).size).toBe(r.cards.length);
  });

  it('parses 20 MB of dollars without blowing up', () => {
    const r = parse('$'.repeat(20 * 1024 * 1024));
    expect(r.cards).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toContain('too-long');
  });
});

describe('decodeNotes', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('decodes UTF-8 and drops a BOM', () => {
    expect(decodeNotes(bytes('\uFEFF# 卷积\n'))).toEqual({ text: '# 卷积\n' });
    expect(decodeNotes(new Uint8Array())).toEqual({ text: '' });
  });
  it('rejects invalid UTF-8 with the line', () => {
    const b = new Uint8Array([...bytes('# a\nok\n'), 0xe4, 0xbd, 0x41, 0x0a]);
    const r = decodeNotes(b);
    expect(r).toEqual({ error: expect.stringMatching(/not valid UTF-8 \(line 3/) });
    expect(decodeNotes(new Uint8Array([0xc0, 0xaf]))).toHaveProperty('error');
  });
  it('rejects binary files', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(decodeNotes(png)).toEqual({ error: expect.stringMatching(/binary file.*NUL byte at line 3/) });
    expect(decodeNotes(bytes('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f'))).toEqual({ error: expect.stringMatching(/binary/) });
  });
  it('rejects UTF-16', () => {
    expect(decodeNotes(new Uint8Array([0xff, 0xfe, 0x23, 0x00]))).toEqual({ error: expect.stringMatching(/UTF-16/) });
  });
});
