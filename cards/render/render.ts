// Markdown + math → safe HTML for a card side. Used by the UI (browser) and
// the CLI (Node), so no node: imports here.
import type { CardKind, CardLink } from '../types.ts';
import { isSafeUrl } from './markdown.ts';
import { renderSanitized, type Rendered, type RenderOptions } from './sanitized.ts';
import { escapeHtml, renderTex } from './tex.ts';

export type { Rendered, RenderOptions };

const PLACEHOLDER = /<span class="math" data-tex="([^"]*)" data-display="([01])"><\/span>/g;

function unescapeAttr(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** KaTeX HTML for every placeholder of sanitized card HTML (KaTeX's own output is trusted: trust:false, bounded). */
function typesetAll(html: string, errors: string[]): string {
  return html.replace(PLACEHOLDER, (_, tex: string, display: string) => {
    const r = renderTex(unescapeAttr(tex), display === '1');
    if (r.error !== undefined) errors.push(r.error);
    return r.html;
  });
}

/** Render one Markdown side. Never throws: a broken formula becomes a visible `.math-error` span. */
export function renderMarkdown(src: string, opts: RenderOptions = {}): Rendered {
  const r = renderSanitized(src, opts);
  if (opts.math === 'dom') return r;
  const errors = [...r.errors];
  return { html: typesetAll(r.html, errors), errors };
}

function linkList(links: readonly CardLink[]): string {
  const items = links
    .filter((l) => isSafeUrl(l.url))
    .map((l) => {
      const title = escapeHtml(l.title || l.url);
      return `<li><a href="${escapeHtml(l.url.trim())}" target="_blank" rel="noopener noreferrer">${title}</a></li>`;
    });
  return items.length ? `<ul class="card-links">\n${items.join('\n')}\n</ul>\n` : '';
}

export interface RenderableCard {
  kind: CardKind;
  front: string;
  back: string;
  links: readonly CardLink[];
  lang?: 'zh' | 'en';
}

/**
 * Both sides of a card. References are appended to the back as a link list
 * (they are kept out of the card text); a reading card's back *is* its list.
 * A long back shows its first part and folds the rest (fold.ts).
 */
export function renderCard(card: RenderableCard, opts: Pick<RenderOptions, 'math'> = {}): { frontHtml: string; backHtml: string } {
  const frontHtml = renderMarkdown(card.front, opts).html;
  const links = linkList(card.links);
  if (card.kind === 'reading' && links) return { frontHtml, backHtml: links };
  return { frontHtml, backHtml: renderMarkdown(card.back, { ...opts, fold: true, lang: card.lang }).html + links };
}
