// Card Markdown → the HTML Anki stores in a field. Math is not typeset here:
// Anki renders it with MathJax, so `$…$` becomes `\(…\)` and `$$…$$` becomes
// `\[…\]` (KaTeX-only macros expanded, see macros.ts). The notes' own
// markdown-it rules find the spans, so adjacent inline spans such as
// `$\lfloor$$\frac{n}{s}$$\rfloor$` stay three inline formulas. Card images
// (`![alt](media:<sha256>.<ext>)`) become `<img src="<sha256>.<ext>">`, the
// file name Anki looks up in the package's media map.
import type { Env, MarkdownIt, Token } from 'markdown-it';
import { createParser, isSafeUrl } from '../../../cards/render/markdown.ts';
import { escapeHtml } from '../../../cards/render/tex.ts';
import type { CardLink } from '../../../cards/types.ts';
import { mathJaxSafe } from './macros.ts';

/** What rendering one field reports back: media it used and TeX MathJax may not know. */
export interface FieldEnv extends Env {
  /** Called for each `media:` image; false when the file is not in the profile (the image is dropped to its alt text). */
  media?: (name: string) => boolean;
  risky?: Set<string>;
}

export const MEDIA_REF = /^media:([0-9a-f]{64}\.(?:png|jpg|gif|webp|svg))$/;

let md: MarkdownIt | null = null;

function renderer(): MarkdownIt {
  if (md) return md;
  md = createParser('strict');
  md.validateLink = (url) => isSafeUrl(url) || MEDIA_REF.test(url.trim());
  const rules = md.renderer.rules;
  const math = (t: Token, display: boolean, env: FieldEnv | undefined) => {
    const { tex, risky } = mathJaxSafe(t.content);
    for (const r of risky) env?.risky?.add(r);
    return display ? `\\[${escapeHtml(tex)}\\]` : `\\(${escapeHtml(tex)}\\)`;
  };
  rules.math_inline = (tokens, idx, _o, env) => math(tokens[idx]!, tokens[idx]!.meta?.display === true, env as FieldEnv);
  rules.math_block = (tokens, idx, _o, env) => `<div>${math(tokens[idx]!, true, env as FieldEnv)}</div>\n`;
  rules.math_stray = (tokens, idx) => escapeHtml(tokens[idx]!.content);
  rules.mark_open = () => '<mark>';
  rules.mark_close = () => '</mark>';
  rules.image = (tokens, idx, options, env, self) => {
    const t = tokens[idx]!;
    const alt = self.renderInlineAsText(t.children ?? [], options, {});
    const src = String(t.attrGet('src') ?? '').trim();
    const m = MEDIA_REF.exec(src);
    if (m && (env as FieldEnv).media?.(m[1]!)) return `<img src="${escapeHtml(m[1]!)}" alt="${escapeHtml(alt)}">`;
    // A remote image stays a link (Anki would fetch it on every review); a missing file keeps its alt text.
    if (!m && isSafeUrl(src)) return `<a href="${escapeHtml(src)}">${escapeHtml(alt || src)}</a>`;
    return escapeHtml(alt);
  };
  return md;
}

export function toAnkiHtml(markdown: string, env: FieldEnv = {}): string {
  try {
    return renderer().render(markdown, env).trim();
  } catch {
    return escapeHtml(markdown);
  }
}

/** One line of inline Markdown (a heading of the breadcrumb), math converted like a field. */
export function toAnkiInline(markdown: string, env: FieldEnv = {}): string {
  try {
    return renderer().renderInline(markdown, env).trim();
  } catch {
    return escapeHtml(markdown);
  }
}

export function linksHtml(links: readonly CardLink[]): string {
  const items = links.filter((l) => isSafeUrl(l.url)).map((l) => `<li><a href="${escapeHtml(l.url.trim())}">${escapeHtml(l.title || l.url)}</a></li>`);
  return items.length ? `<ul>${items.join('')}</ul>` : '';
}

const MEDIA_TAG = /<\b(?:img|audio|video|object|source)\b(?:[^>]|"[^"]+?"|'[^']+?')+?\b(?:src|data)\b=(?:"([^"]+?)"|'([^']+?)'|([^ >]+?))(?:[^>]|"[^"]+?"|'[^']+?')*?>/gis;
const HTML_TAG = /(<!--.*?-->)|(<style.*?>.*?<\/style>)|(<script.*?>.*?<\/script>)|(<.*?>)/gis;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** HTML entities as Anki decodes them (the ones our HTML and common Anki notes use). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
      return NAMED[name!.toLowerCase()] ?? whole;
    })
    .replace(/\u00a0/g, ' ');
}

/**
 * Anki's `strip_html_preserving_media_filenames` (rslib/src/text.rs): media
 * tags become ` <file name> `, comments, style and script go with their
 * content, other tags go, entities are decoded. Not trimmed — Anki doesn't.
 * The sort field and the checksum of field 0 are computed on this text.
 */
export function stripHtml(html: string): string {
  return decodeEntities(html.replace(MEDIA_TAG, (_m, a?: string, b?: string, c?: string) => ` ${a ?? b ?? c ?? ''} `).replace(HTML_TAG, ''));
}

/** Anki tags cannot hold spaces; `::` makes them hierarchical, like our heading paths. */
export function sectionTag(root: string, section: readonly string[]): string {
  const clean = (s: string) => s.trim().replace(/\s+/g, '_').replace(/:{2,}/g, ':') || '_';
  return [root, ...section].map(clean).join('::');
}
