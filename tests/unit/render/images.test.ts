// Images on cards (the contract in docs/ARCHITECTURE.md): stored images carry
// only data-media, missing and unrewritten ones are visible placeholders,
// remote ones are links — and never raw `![` text.
import { describe, expect, it } from 'vitest';
import { renderCard, renderMarkdown } from '../../../cards/render/render.ts';
import { textOf } from './helpers.ts';

const SHA = 'ab'.repeat(32);
const both = (src: string) => [renderMarkdown(src).html, renderMarkdown(src, { math: 'dom' }).html];

describe('stored images', () => {
  it('media:<sha>.<ext> → img.card-img with data-media and alt, no src', () => {
    for (const h of both(`![损失曲线](media:${SHA}.png)`)) {
      expect(h).toContain(`<img class="card-img" data-media="${SHA}.png" alt="损失曲线" />`);
      expect(h).not.toMatch(/\ssrc=/);
    }
    for (const ext of ['jpg', 'jpeg', 'gif', 'webp', 'svg']) expect(renderMarkdown(`![](media:${SHA}.${ext})`).html).toContain(`data-media="${SHA}.${ext}"`);
  });

  it('a malformed media: name is a placeholder, not an image', () => {
    const h = renderMarkdown('![x](media:../../etc/passwd.png)').html;
    expect(h).not.toContain('<img');
    expect(h).toContain('class="img-missing"');
  });
});

describe('missing and unrewritten images', () => {
  it('missing:<percent-encoded path> → a placeholder naming the path', () => {
    const h = renderMarkdown('![图 1](missing:img%2F%E5%9B%BE%201.png)').html;
    expect(h).toContain('<span class="img-missing"');
    expect(textOf(h)).toContain('img/图 1.png');
    expect(textOf(h)).toContain('图 1');
  });

  it('relative paths, paths with spaces, reference images and Obsidian embeds never show raw ![', () => {
    const src = '![a](img/a.png) ![b](../img/b c.png) ![c][nope] ![[d.png]] ![[e.jpg|300]] ![f](javascript:alert(1))';
    for (const h of both(src)) {
      expect(textOf(h)).not.toContain('![');
      expect(textOf(h)).not.toContain('[[');
      expect(h.match(/class="img-missing"/g)).toHaveLength(6);
      expect(h).not.toContain('<img');
      expect(h).not.toContain('href="javascript');
    }
    expect(textOf(renderMarkdown('![b](../img/b c.png)').html)).toContain('../img/b c.png');
  });

  it('<img src> in HTML follows the same rules', () => {
    const h = renderMarkdown('<div align=center><img width="400" src="../img/3.1.svg"/></div>\n\n<img src="https://x.org/p.png" alt="pic">').html;
    expect(h).toContain('<div><span class="img-missing"');
    expect(textOf(h)).toContain('../img/3.1.svg');
    expect(h).toContain('<a class="img-link" href="https://x.org/p.png" target="_blank" rel="noopener noreferrer">🖼 pic</a>');
    expect(h).not.toContain('<img');
  });
});

describe('remote images', () => {
  it('become a link with the alt text (or the file name), never an <img>', () => {
    const h = renderMarkdown('![arch](https://example.org/a/arch.png) ![](https://example.org/b/flow.svg?raw=1)').html;
    expect(h).toContain('<a class="img-link" href="https://example.org/a/arch.png" target="_blank" rel="noopener noreferrer">🖼 arch</a>');
    expect(h).toContain('🖼 flow.svg</a>');
    expect(h).not.toContain('<img');
  });
});

describe('a card whose answer is only an image', () => {
  it('renders the image on the back', () => {
    const { backHtml } = renderCard({ kind: 'section', front: 'Architecture?', back: `![](media:${SHA}.webp)`, links: [] });
    expect(backHtml).toContain(`data-media="${SHA}.webp"`);
  });
});
