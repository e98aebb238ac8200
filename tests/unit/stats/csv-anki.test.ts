// CSV quoting round trip and the Anki field conversion, pure parts only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ankiEase } from '../../../service/export/anki/apkg.ts';
import { sectionTag, stripHtml, toAnkiHtml } from '../../../service/export/anki/html.ts';
import { checksum, guidFor } from '../../../service/export/anki/model.ts';
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
    expect(stripHtml('<p>a &amp; b&#60;</p>')).toBe('a & b<');
    expect(checksum('hello')).toBe(0xaaf4c61d); // sha1("hello") starts aaf4c61d
    expect([0, 1, 2, 3, 4, 5].map(ankiEase)).toEqual([1, 1, 1, 2, 3, 4]);
  });
});
