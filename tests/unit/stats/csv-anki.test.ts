// CSV quoting round trip and the Anki field conversion, pure parts only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ankiEase, revlogType } from '../../../service/export/anki/apkg.ts';
import { sectionTag, stripHtml, toAnkiHtml, type FieldEnv } from '../../../service/export/anki/html.ts';
import { mathJaxSafe } from '../../../service/export/anki/macros.ts';
import { MediaPacker } from '../../../service/export/anki/media.ts';
import { cardIdFromGuid, checksum, guidFor } from '../../../service/export/anki/model.ts';
import { csvField, csvLine } from '../../../service/export/csv.ts';
import { parseCsv } from '../../helpers/csv.ts';

describe('CSV fields', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField(null)).toBe('');
    expect(csvField(1.5)).toBe('1.5');
    expect(csvField('卷积 › 感受野')).toBe('卷积 › 感受野');
  });

  it('any row of strings survives a round trip', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (rows) => {
        // A row holding one empty field is indistinguishable from a blank line in CSV; real rows have many fields.
        const fixed = rows.map((r) => (r.length === 1 && r[0] === '' ? ['x'] : r));
        expect(parseCsv(fixed.map(csvLine).join(''))).toEqual(fixed);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Anki fields', () => {
  it('converts $…$ and $$…$$ to MathJax delimiters, adjacent inline spans stay inline', () => {
    expect(toAnkiHtml('输出 $\\lfloor$$\\frac{n}{s}$$\\rfloor$ + 1')).toBe('<p>输出 \\(\\lfloor\\)\\(\\frac{n}{s}\\)\\(\\rfloor\\) + 1</p>');
    expect(toAnkiHtml('$$\nD_{KL}(p\\|q) = \\sum p \\log \\frac{p}{q}\n$$')).toContain('\\[');
    expect(toAnkiHtml('a $x<y$ b')).toBe('<p>a \\(x&#60;y\\) b</p>');
    expect(toAnkiHtml('costs $5 and $6')).not.toContain('\\(');
  });

  it('escapes raw HTML from the notes and keeps only safe links', () => {
    const html = toAnkiHtml('<script>alert(1)</script> [x](javascript:alert(1)) [ok](https://a.b)');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('href="https://a.b"');
  });

  it('tags, guids, checksums and buttons', () => {
    expect(sectionTag('DeepRecall', ['CNN的训练', '正则化 方法'])).toBe('DeepRecall::CNN的训练::正则化_方法');
    expect(guidFor('abc')).toBe(guidFor('abc'));
    expect(guidFor('abc')).not.toBe(guidFor('abd'));
    expect(cardIdFromGuid(guidFor('0123456789abcdef'))).toBe('0123456789abcdef');
    expect(cardIdFromGuid('f>4Zx!Pz#q')).toBeNull(); // an Anki-made guid
    expect(stripHtml('<p>a &amp; b&#60;</p>')).toBe('a & b<');
    // as Anki: media tags keep their file name, script/style go with their content, no trimming
    expect(stripHtml('<div>x<img src="a.png">y</div>')).toBe('x a.png y');
    expect(stripHtml(' <style>p{}</style>a<script>1</script>&nbsp;')).toBe(' a ');
    expect(checksum('hello')).toBe(0xaaf4c61d); // sha1("hello") starts aaf4c61d
    expect([0, 1, 2, 3, 4, 5].map(ankiEase)).toEqual([1, 1, 1, 2, 3, 4]);
    expect(revlogType({ reps_before: null, mode: 'review' })).toBe(0);
    expect(revlogType({ reps_before: 2, mode: 'review' })).toBe(1);
    expect(revlogType({ reps_before: 2, mode: 'drill' })).toBe(3);
    expect(revlogType({ reps_before: 2, mode: 'mock' })).toBe(3);
  });

  it('expands KaTeX-only macros for MathJax and reports the ones it cannot spell', () => {
    expect(mathJaxSafe('x \\in \\R^n, \\bm{w} \\Rightarrow \\argmax_\\theta').tex).toBe('x \\in \\mathbb{R}^n, \\boldsymbol{w} \\Rightarrow \\operatorname*{arg\\,max}_\\theta');
    expect(mathJaxSafe('\\N \\Z \\C \\Q').tex).toBe('\\mathbb{N} \\mathbb{Z} \\mathbb{C} \\mathbb{Q}');
    expect(toAnkiHtml('$w \\in \\R^d$')).toBe('<p>\\(w \\in \\mathbb{R}^d\\)</p>');
    const env: FieldEnv = { risky: new Set() };
    toAnkiHtml('$a \\coloneqq b$', env);
    expect([...env.risky!]).toEqual(['coloneqq']);
  });

  it('packs only images the profile has, numbered in first-use order', () => {
    const store: Record<string, Buffer> = { 'a.png': Buffer.from('A'), 'b.png': Buffer.from('B') };
    const packer = new MediaPacker((n) => store[n] ?? null);
    const env: FieldEnv = { media: (n) => packer.use(n) };
    const sha = (c: string) => c.repeat(64);
    store[`${sha('b')}.png`] = Buffer.from('B');
    store[`${sha('a')}.gif`] = Buffer.from('A');
    const html = toAnkiHtml(`![x](media:${sha('b')}.png) ![y](media:${sha('c')}.png) ![z](media:${sha('a')}.gif) ![w](https://e.x/i.png)`, env);
    expect(html).toContain(`<img src="${sha('b')}.png" alt="x">`);
    expect(html).not.toContain(sha('c'));
    expect(html).toContain('<a href="https://e.x/i.png">w</a>'); // remote images are never fetched
    expect([...packer.files()].map(([i, n]) => [i, n])).toEqual([[0, `${sha('b')}.png`], [1, `${sha('a')}.gif`]]);
  });
});
