import { describe, expect, it } from 'vitest';
import { findImageRefs, isLocalTarget, mediaImage, missingImage, rewriteImageRefs } from '../../../cards/notes/images.ts';

describe('findImageRefs', () => {
  it('finds Markdown, HTML and Obsidian image references with their lines and decoded paths', () => {
    const md = [
      '# T',
      '![alt](img/a%20b.png "title") <img width=3 src=\'x/y.jpg\' alt="h i">',
      '![[pic.png|300]] ![[pic two.webp|A caption]] ![[Some note]]',
      '![r](https://e.com/r.png) ![d](data:image/png;base64,AA) ![m](media:abc.png) `![c](c.png)`',
      '```',
      '![inside](fence.png)',
      '```',
      '![<sp>](<with space.png>)',
    ].join('\n');
    const refs = findImageRefs(md);
    expect(refs.map((r) => [r.form, r.line, r.alt, r.path])).toEqual([
      ['markdown', 2, 'alt', 'img/a b.png'],
      ['html', 2, 'h i', 'x/y.jpg'],
      ['wiki', 3, '', 'pic.png'],
      ['wiki', 3, 'A caption', 'pic two.webp'],
      ['markdown', 8, '<sp>', 'with space.png'],
    ]);
    for (const r of refs) expect(md.slice(r.start, r.end)).toBe(r.raw);
  });

  it('rewrites in place without changing line numbers', () => {
    const md = 'a\n![x](p.png) and ![[q.png]]\nb <img src="r.gif">\n';
    const refs = findImageRefs(md);
    const out = rewriteImageRefs(md, refs, (r, i) => (i === 1 ? null : r.path === 'p.png' ? mediaImage(r.alt, 'f'.repeat(64) + '.png') : missingImage(r.alt, r.path)));
    expect(out).toBe(`a\n![x](media:${'f'.repeat(64)}.png) and ![[q.png]]\nb ![](missing:r.gif)\n`);
    expect(out.split('\n')).toHaveLength(md.split('\n').length);
  });

  it('escapes brackets in alt text and encodes missing paths', () => {
    expect(missingImage('a]b', 'dir/x y.png')).toBe('![a\\]b](missing:dir%2Fx%20y.png)');
  });

  it('local targets exclude remote URLs, other schemes and anchors', () => {
    expect(['img/x.png', '../x.png', '/abs/x.png', 'C:\\x.png'].every(isLocalTarget)).toBe(true);
    expect(['http://a/x.png', 'https://a', '//cdn/x.png', 'data:x', 'media:x', 'missing:x', '#a'].some(isLocalTarget)).toBe(false);
  });
});
