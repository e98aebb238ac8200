// Anki field HTML → card Markdown, cloze sides, the protobuf bits of current
// packages and the revlog → history mapping: the pure parts of the import.
import { describe, expect, it } from 'vitest';
import type { AnkiRevlogRow } from '../../../db/ankiRead.ts';
import { clozeNumbers, clozeSides, fieldToMarkdown } from '../../../service/anki-import/fields.ts';
import { crtDay, reviewsOf, stateOf } from '../../../service/anki-import/history.ts';
import { isClozeConfig, mediaEntries, metaVersion } from '../../../service/anki-import/proto.ts';
import { ratingToQuality } from '../../../srs/rating.ts';

const none = () => null;
const clock = { dayOf: (ms: number) => Math.floor(ms / 86_400_000) };

describe('Anki field HTML → Markdown', () => {
  it('drops script, style, comments and unknown tags with no trace of markup', () => {
    const md = fieldToMarkdown('<style>b{}</style><!-- x --><script>alert(1)</script><span onclick="x()">hi</span><iframe src="e">in</iframe>', none);
    expect(md).toBe('hi');
  });

  it('keeps structure as Markdown: bold, italics, breaks, lists, safe links only', () => {
    expect(fieldToMarkdown('<b>a</b> <i>b</i><br>c<ul><li>d</li><li>e</li></ul>', none)).toBe('**a** *b*\nc\n\n- d\n- e');
    expect(fieldToMarkdown('<a href="https://x.y/a b">go</a> <a href="javascript:alert(1)">bad</a>', none)).toBe('[go](https://x.y/a%20b) bad');
  });

  it('MathJax delimiters become dollars, TeX untouched by escaping or entities', () => {
    expect(fieldToMarkdown('\\(a_1 &lt; b\\) and \\[\\frac{x}{y}\\]', none)).toBe('$a_1 < b$ and $$\\frac{x}{y}$$');
  });

  it('images resolve to media: names or stay visible as missing:', () => {
    const media = (n: string) => (n === 'a.png' ? `${'f'.repeat(64)}.png` : null);
    expect(fieldToMarkdown('<img src="a.png"><img src="b c.jpg" alt="B">', media)).toBe(`![](media:${'f'.repeat(64)}.png)![B](missing:b%20c.jpg)`);
  });

  it('plain text is escaped for Markdown, entities decoded', () => {
    expect(fieldToMarkdown('a*b_c', none)).toBe('a\\*b\\_c');
    expect(fieldToMarkdown('x &amp; y&nbsp;z', none)).toBe('x & y z');
  });
});

describe('cloze', () => {
  const text = 'A {{c1::cat}} on a {{c2::mat::floor}} and {{c1::hat}}';
  it('numbers and sides', () => {
    expect(clozeNumbers(text)).toEqual([1, 2]);
    expect(clozeSides(text, 1)).toEqual({ front: 'A […] on a mat and […]', back: 'A ==cat== on a mat and ==hat==' });
    expect(clozeSides(text, 2).front).toBe('A cat on a [floor] and hat');
  });
});

describe('protobuf of current packages', () => {
  it('meta version, media list and the cloze kind', () => {
    expect(metaVersion(new Uint8Array([0x08, 0x03]))).toBe(3);
    const entry = [0x0a, 0x05, ...Buffer.from('x.png'), 0x10, 0x04];
    expect(mediaEntries(new Uint8Array([0x0a, entry.length, ...entry, 0x0a, entry.length, ...entry]))).toEqual([
      { entry: '0', name: 'x.png', size: 4 },
      { entry: '1', name: 'x.png', size: 4 },
    ]);
    expect(isClozeConfig(new Uint8Array([0x08, 0x01]))).toBe(true);
    expect(isClozeConfig(new Uint8Array([0x1a, 0x00]))).toBe(false);
    expect(() => metaVersion(new Uint8Array([0x0a, 0x09, 0x01]))).toThrow(/truncated/);
  });
});

describe('revlog → history', () => {
  const day = 86_400_000;
  // [id, cid, ease, ivl, lastIvl, factor, time, type]
  const rows: AnkiRevlogRow[] = [
    [10 * day, 1, 3, -600, 0, 2500, 5000, 0], // learning step: ivl in seconds (negative) counts as 0 days
    [11 * day, 1, 2, 3, 0, 2350, 5000, 1],
    [11 * day + 1000, 1, 4, 0, 0, 0, 5000, 3], // cram: a drill
    [14 * day, 1, 0, 9, 3, 2350, 0, 4], // reschedule without an answer: left out
  ];
  it('uses the one rating ↔ quality table and Anki\'s own intervals', () => {
    const log = reviewsOf('c', rows, clock);
    expect(log.map((r) => r.quality)).toEqual([3, 2, 4].map((e) => ratingToQuality(e as 2 | 3 | 4)));
    expect(log.map((r) => [r.mode, r.ivlA, r.easeA, r.day])).toEqual([['review', 0, 2.5, 10], ['review', 3, 2.35, 11], ['drill', 3, 2.35, 11]]);
    const state = stateOf('c', [1, 1, 1, 0, 2, 2, 5, 3, 2350, 3, 0, 0, 0, 0], log, 9 * 86_400, clock)!;
    expect(state).toEqual({ cardId: 'c', repetitions: 2, easeFactor: 2.35, intervalDays: 3, dueDay: crtDay(9 * 86_400, clock) + 5, lapses: 0, lastDay: 11 });
    expect(stateOf('c', [1, 1, 1, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0], [], 0, clock)).toBeNull(); // new: no schedule
  });
});
