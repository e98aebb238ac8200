// Anki field HTML → the Markdown our cards hold. The output is text, not
// HTML: script, style, comments and other non-text elements go with their
// content, a few tags become Markdown (bold, italics, lists, line breaks,
// links to http(s)/mailto, images), every other tag is dropped and entities
// are decoded. Whatever survives is Markdown source that our renderer
// escapes (markdown-it with html off), so no markup from Anki reaches the
// page. MathJax delimiters become dollars (`\(…\)` → `$…$`, `\[…\]` →
// `$$…$$`), images the canonical `media:<sha256>.<ext>` reference (or
// `missing:` when the package lacks the file). Regexes rather than an HTML
// parser: a 20,000-note collection has 40,000 fields to convert.
import { decodeEntities } from '../export/anki/html.ts';

/** Elements whose content is not text. */
const NON_TEXT = /<(script|style|textarea|noscript|template|iframe|object|svg|math|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

/** Resolves an Anki media file name to our `<sha256>.<ext>` name, or null when the package lacks it. */
export type MediaResolver = (ankiName: string) => string | null;

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(tag);
  return m ? decodeEntities(m[1]!) : null;
};

/** Markdown characters that would change meaning in plain Anki text (math is left alone). */
const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>])/g, '\\$1');

function mathToDollars(text: string): string {
  return text
    .replace(/\\\[([\s\S]*?)\\\]/g, (_m, tex: string) => `$$${tex.trim()}$$`)
    .replace(/\\\(([\s\S]*?)\\\)/g, (_m, tex: string) => `$${tex.trim()}$`);
}

/** Field HTML → Markdown. */
export function fieldToMarkdown(html: string, media: MediaResolver): string {
  if (!/[<&\\]/.test(html)) return mdEscape(html).trim(); // plain text, the common case
  const clean = html.replace(NON_TEXT, '');
  // Math first, on the HTML text: its TeX must not be Markdown-escaped below.
  const parts = clean.split(/(\\\[[\s\S]*?\\\]|\\\([\s\S]*?\\\))/);
  let out = '';
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      out += mathToDollars(decodeEntities(part.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '')));
      return;
    }
    out += part
      .replace(/<img\b[^>]*>/gi, (tag) => {
        const src = attr(tag, 'src') ?? '';
        const alt = (attr(tag, 'alt') ?? '').replace(/[[\]]/g, '');
        const ours = media(src);
        return ours ? `![${alt}](media:${ours})` : `![${alt}](missing:${encodeURIComponent(src)})`;
      })
      .replace(/<a\b[^>]*>([\s\S]*?)<\/a>/gi, (tag, text: string) => {
        const href = attr(tag, 'href');
        const label = decodeEntities(text.replace(/<[^>]*>/g, ''));
        return href && SAFE_HREF.test(href.trim()) ? `[${mdEscape(label)}](${href.trim().replace(/[()\s]/g, encodeURIComponent)})` : mdEscape(label);
      })
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '\n- ')
      .replace(/<\/?(?:div|p|ul|ol|table|tr|pre|blockquote|h\d)\b[^>]*>/gi, '\n')
      .replace(/<hr\b[^>]*>/gi, '\n\n---\n\n')
      .replace(/<\/?(?:b|strong)>/gi, '**')
      .replace(/<\/?(?:i|em)>/gi, '*')
      .replace(/<\/?code>/gi, '`')
      .replace(/<\/?t[dh]\b[^>]*>/gi, ' ')
      .replace(/<[^>]*>/g, '')
      .split(/(!?\[[^\]]*\]\([^)]*\)|\*\*|(?<![\\*])\*(?!\*)|`)/)
      .map((seg, k) => (k % 2 === 1 ? seg : mdEscape(decodeEntities(seg))))
      .join('');
  });
  return out
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\*\*\s*\*\*/g, '')
    .trim();
}

const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([^{}]*?))?\}\}/g;

/** The cloze numbers a text holds (Anki's card ord = number − 1). */
export function clozeNumbers(text: string): number[] {
  return [...new Set([...text.matchAll(CLOZE)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

/** One cloze card: the asked deletion hidden on the front, marked on the back; the others shown as text. */
export function clozeSides(text: string, n: number): { front: string; back: string } {
  const front = text.replace(CLOZE, (_m, k: string, answer: string, hint?: string) => (Number(k) === n ? `[${hint?.trim() || '…'}]` : answer));
  const back = text.replace(CLOZE, (_m, k: string, answer: string) => (Number(k) === n ? `==${answer}==` : answer));
  return { front, back };
}
