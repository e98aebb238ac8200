// Properties of the notes parser at its boundary: no input makes it fail
// (its own catch-all `parse-failed` warning would hide a crash, so that counts
// as failing too), and a card's id depends only on its own section.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLang } from '../../../cards/notes/lang.ts';
import { parseNotes } from '../../../cards/notes/parse.ts';
import type { ParseResult } from '../../../cards/types.ts';

const parse = (md: string) => parseNotes(md, { deck: 'p' });

/** Well-formed output: no internal failure, distinct 16-hex ids, lines inside the file. */
function wellFormed(md: string, r: ParseResult): void {
  expect(r.warnings.filter((w) => w.code === 'parse-failed' || w.code === 'checker-error')).toEqual([]);
  const lines = md.split(/\r\n|\r|\n/).length;
  const ids = r.cards.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const c of r.cards) {
    expect(c.id).toMatch(/^[0-9a-f]{16}$/);
    expect(c.line).toBeGreaterThanOrEqual(1);
    expect(c.line).toBeLessThanOrEqual(lines);
    expect(typeof c.front === 'string' && typeof c.back === 'string').toBe(true);
  }
  for (const w of r.warnings) expect(w.line).toBeGreaterThanOrEqual(1);
}

/** Pieces of Markdown that stress the parser: unclosed math and fences, HTML, CJK, control characters. */
const FRAGMENTS = [
  '# ', '## ', '###### ', '#', '####### seven', '**', '**术语**：', '**term**: ', '术语：定义', '- ', '* ', '1. ', '> ', '  ', '\t',
  '$', '$$', '$x$', '$\\frac{a}{b}$', '$\\lfloor$$\\frac{n}{s}$$\\rfloor$', '\\$', '$\\href{javascript:alert(1)}{x}$', '$\\def\\a{\\a\\a}\\a$',
  '```', '```python', '~~~', '    code', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<!--', '-->', '<div>', '</div>',
  '[link](https://example.com)', '[x](javascript:alert(1))', '[ref]', '[ref]: https://e.com', '![img](x.png)', '<https://e.com>',
  'Q::A', '::', '?', '==cloze==', '==', '|a|b|', '|---|---|', '---', '===', '...', '***', '\\', '`', '``', '中文', '卷积', '：', '，',
  '😀', '\u0000', '\uFEFF', '\u202E', '\r', '\r\n', '\n', '\n\n', '&amp;', '&#0;', '&#x110000;', 'x'.repeat(300),
];
const markdownish = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 120 }).map((xs) => xs.join(''));
const lineish = fc.array(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 6 }).map((xs) => xs.join('')), { maxLength: 60 }).map((xs) => xs.join('\n'));

describe('parseNotes never fails', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => wellFormed(s, parse(s))), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => wellFormed(s, parse(s))), { numRuns: 300 });
  });

  it('on Markdown-ish documents built from hostile fragments', () => {
    fc.assert(fc.property(markdownish, (s) => wellFormed(s, parse(s))), { numRuns: 400 });
    fc.assert(fc.property(lineish, (s) => wellFormed(s, parse(s))), { numRuns: 400 });
  });

  it('on pathological shapes: deep nesting, huge lines, thousands of headings', () => {
    for (const s of [
      '>'.repeat(5000) + ' x',
      '- '.repeat(3000) + 'x',
      '['.repeat(10_000),
      '$'.repeat(10_001),
      '# h\n' + 'a'.repeat(200_000),
      Array.from({ length: 3000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} h${i}\nt${i}：d`).join('\n'),
      '**' + '*'.repeat(20_000),
    ]) {
      wellFormed(s, parse(s));
    }
  });
});

// ── identity ─────────────────────────────────────────────────────────────

const word = fc.constantFrom('卷积', '池化', 'loss', 'ReLU', 'batch', '梯度', 'KL', 'stride', 'padding', '感受野', 'AUC', 'dropout');
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
/** Blocks that are complete on their own: none can swallow a neighbour (no open fence, no stray `$$`, no heading). */
const block = fc.oneof(
  words.map((w) => `${w}。`),
  fc.tuple(word, words).map(([t, d]) => `**${t}**：${d}`),
  fc.tuple(word, words).map(([t, d]) => `- ${t}：${d}`),
  fc.tuple(words, fc.constantFrom('$a+b$', '$\\frac{1}{n}$', '$e^{x}$')).map(([w, m]) => `${w} ${m}`),
  fc.constantFrom('$$\n\\sum_i x_i\n$$', '```\ncode()\n```', '[参考](https://example.com/a)', '| a | b |\n|---|---|\n| 1 | 2 |'),
  fc.tuple(words, words).map(([q, a]) => `${q}?::${a}`),
  words.map((w) => `${w} ==${w.split(' ')[0]}== ${w}`),
);
const body = fc.array(block, { maxLength: 5 }).map((bs) => bs.join('\n\n'));

interface Sec {
  level: number;
  title: string;
  body: string;
}
// Titles are distinct: two sibling headings with one title share a heading path, hence an id space (see the report).
const doc = fc
  .uniqueArray(fc.tuple(fc.integer({ min: 1, max: 3 }), words), { minLength: 2, maxLength: 8, selector: ([, t]) => t })
  .chain((heads) => fc.tuple(fc.constant(heads), fc.array(body, { minLength: heads.length, maxLength: heads.length })))
  .map(([heads, bodies]): Sec[] => heads.map(([level, title], i) => ({ level, title, body: bodies[i]! })));

const render = (secs: readonly Sec[]) => secs.map((s) => `${'#'.repeat(s.level)} ${s.title}\n\n${s.body}\n`).join('\n');
/**
 * A note's language is the whole note's (parse.ts: a section too short to tell
 * speaks it), so an edit that tips the note from Chinese to English rightly
 * rewords cards everywhere ("- 卷积：…" is a term card in a Chinese note, not in
 * an English one). The identity properties hold among edits that keep it.
 */
const sameNoteLang = (a: readonly Sec[], b: readonly Sec[]) => detectLang(render(a), 'zh') === detectLang(render(b), 'zh');
/** Card identity as the tests see it: kind, heading path and key → id. */
const idsOutside = (r: ParseResult, path: readonly string[]) =>
  new Map(r.cards.filter((c) => JSON.stringify(c.section) !== JSON.stringify(path)).map((c) => [`${c.kind}|${c.section.join('/')}|${c.key}`, c.id]));

describe('card ids are stable when an unrelated section changes', () => {
  it('editing, emptying or rewriting one section keeps every other card and id', () => {
    fc.assert(
      fc.property(doc, fc.nat(), body, (secs, pick, replacement) => {
        const k = pick % secs.length;
        const before = parse(render(secs));
        const edited = secs.map((s, i) => (i === k ? { ...s, body: replacement } : s));
        fc.pre(sameNoteLang(secs, edited));
        const after = parse(render(edited));
        const path = before.cards.find((c) => c.section[c.section.length - 1] === secs[k]!.title)?.section
          ?? after.cards.find((c) => c.section[c.section.length - 1] === secs[k]!.title)?.section
          ?? [secs[k]!.title];
        expect(idsOutside(after, path)).toEqual(idsOutside(before, path));
      }),
      { numRuns: 200 },
    );
  });

  it('adding a section anywhere keeps every existing id', () => {
    fc.assert(
      fc.property(doc, fc.nat(), words, body, (secs, pick, title, b) => {
        fc.pre(!secs.some((s) => s.title === title));
        const at = pick % (secs.length + 1);
        // A level-1 heading: it can only ever end sections, never become another section's parent.
        const grown = [...secs.slice(0, at), { level: 1, title, body: b }, ...secs.slice(at)];
        fc.pre(at === secs.length || secs[at]!.level === 1);
        fc.pre(sameNoteLang(secs, grown));
        const before = parse(render(secs));
        const after = new Set(parse(render(grown)).cards.map((c) => c.id));
        expect(before.cards.filter((c) => !after.has(c.id)).map((c) => `${c.kind}|${c.section.join('/')}|${c.key}`)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
