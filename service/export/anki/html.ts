// Card Markdown → the HTML Anki stores in a field. Math is not typeset here:
// Anki renders it with MathJax, so `$…$` becomes `\(…\)` and `$$…$$` becomes
// `\[…\]`. The notes' own markdown-it rules find the spans, so adjacent inline
// spans such as `$\lfloor$$\frac{n}{s}$$\rfloor$` stay three inline formulas.
import type { MarkdownIt, Token } from 'markdown-it';
import { createParser, isSafeUrl } from '../../../cards/render/markdown.ts';
import { escapeHtml } from '../../../cards/render/tex.ts';
import type { CardLink } from '../../../cards/types.ts';

let md: MarkdownIt | null = null;

function renderer(): MarkdownIt {
  if (md) return md;
  md = createParser('strict');
  const rules = md.renderer.rules;
  const math = (t: Token, display: boolean) => (display ? `\\[${escapeHtml(t.content)}\\]` : `\\(${escapeHtml(t.content)}\\)`);
  rules.math_inline = (tokens, idx) => math(tokens[idx]!, tokens[idx]!.meta?.display === true);
  rules.math_block = (tokens, idx) => `<div>${math(tokens[idx]!, true)}</div>\n`;
  rules.math_stray = (tokens, idx) => escapeHtml(tokens[idx]!.content);
  rules.mark_open = () => '<mark>';
  rules.mark_close = () => '</mark>';
  return md;
}

export function toAnkiHtml(markdown: string): string {
  try {
    return renderer().render(markdown).trim();
  } catch {
    return escapeHtml(markdown);
  }
}

export function linksHtml(links: readonly CardLink[]): string {
  const items = links.filter((l) => isSafeUrl(l.url)).map((l) => `<li><a href="${escapeHtml(l.url.trim())}">${escapeHtml(l.title || l.url)}</a></li>`);
  return items.length ? `<ul>${items.join('')}</ul>` : '';
}

/** Anki's sort field and checksum are computed on the text without tags. */
export function stripHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
}

/** Anki tags cannot hold spaces; `::` makes them hierarchical, like our heading paths. */
export function sectionTag(root: string, section: readonly string[]): string {
  const clean = (s: string) => s.trim().replace(/\s+/g, '_').replace(/:{2,}/g, ':') || '_';
  return [root, ...section].map(clean).join('::');
}
