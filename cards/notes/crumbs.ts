// What a heading shows as a crumb and in a question. Headings in shared notes
// carry anchors for their table of contents (`<a name="ml-coding"></a>`),
// emoji shortcodes (`:robot:`), badges (`![build](…svg)`), wikilinks
// (`[[Bias-Variance Tradeoff]]`) and layout HTML (`<font color=red>`): none
// of it is the topic. Ids still derive from the headings as written
// (Section.path), so cleaning here never changes a card's identity.
import type { Token } from 'markdown-it';
import { stripShortcodes } from '../render/emoji.ts';
import { isHtmlElement } from '../render/html.ts';
import { parseWikiTarget } from '../render/obsidian.ts';

// A tag of a real HTML element (`<a name="x">`, `</font>`, `<br/>`); `<EOS>`, `<unk>` are words.
const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s+[^<>]{0,300})?\s*\/?>/g;
const EMPTY_ANCHOR = /<a\s[^<>]{0,300}>\s*<\/a>/gi;
const WIKILINK = /(!?)\[\[([^\[\]\n]+)\]\]/g;
// "## 🧠 TL;DR", "## ✅ Pros & ❌ Cons", "## ⚠️ Pitfalls": pictures that decorate a heading. Emoji shown as
// pictures by default, or made so by U+FE0F, with their modifiers and ZWJ sequences; arrows, ©, ™ stay.
const EMOJI = /(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)(?:[\u200D\uFE0F\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]|\p{Extended_Pictographic})*/gu;

/** A heading's words without its decorative emoji. */
export const stripEmoji = (s: string): string => (/[^\x00-\u2000]/.test(s) ? s.replace(EMOJI, ' ').replace(/[ \t]{2,}/g, ' ') : s);

/** Text of a heading without HTML tags (their text kept), emoji shortcodes and wikilink brackets. */
function cleanText(s: string): string {
  const noTags = s.replace(EMPTY_ANCHOR, '').replace(TAG, (m: string, name: string) => (isHtmlElement(name) ? (name.toLowerCase() === 'br' ? ' ' : '') : m));
  const noLinks = noTags.replace(WIKILINK, (_m: string, bang: string, inner: string) => (bang ? '' : parseWikiTarget(inner).text));
  return stripEmoji(stripShortcodes(noLinks));
}

/**
 * The crumb of a heading from its inline tokens: text, code and math as
 * written (math keeps its `$`), images and badges dropped, link text kept,
 * then cleanText on the text runs only (so `$a<b$` or `` `<br>` `` survive).
 */
export function crumbText(tokens: readonly Token[]): string {
  const parts: { text: boolean; s: string }[] = [];
  const add = (text: boolean, s: string) => {
    const last = parts[parts.length - 1];
    if (last && last.text && text) last.s += s;
    else parts.push({ text, s });
  };
  for (const t of tokens) {
    if (t.type === 'text') add(true, t.content);
    else if (t.type === 'softbreak' || t.type === 'hardbreak') add(true, ' ');
    else if (t.type === 'code_inline') add(false, t.content);
    else if (t.type === 'math_inline') add(false, t.markup + t.content + t.markup);
  }
  return parts
    .map((p) => (p.text ? cleanText(p.s) : p.s))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Heading Markdown for a question: the same clean-up on the source (badges and images removed, wikilinks kept for the renderer). */
export function cleanHeadingMd(md: string): string {
  // Code spans and math are kept as written: `<b>` in `$a<b>c$` is not a tag.
  const out = md
    .split(/(`[^`\n]*`|\$\$[^$\n]*\$\$|\$[^$\n]*\$)/)
    .map((part, i) => (i % 2 ? part : cleanMdText(part)))
    .join('');
  return out.replace(/\s+/g, ' ').trim();
}

function cleanMdText(md: string): string {
  const noBadges = md
    .replace(/\[!\[[^\]\n]*\]\([^)\n]*\)\]\([^)\n]*\)/g, ' ') // [![badge](img)](link)
    .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, ' '); // ![alt](img)
  const noTags = noBadges.replace(EMPTY_ANCHOR, '').replace(TAG, (m: string, name: string) => (isHtmlElement(name) && !/^su[bp]$/i.test(name) ? (name.toLowerCase() === 'br' ? ' ' : '') : m));
  return stripEmoji(stripShortcodes(noTags));
}
