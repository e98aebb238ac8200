// GitHub-style emoji shortcodes (`:robot:`, `:white_check_mark:`, `:+1:`)
// in the notes people share. GitHub draws them, so a card shows the common
// ones as their emoji (a ✅ after "Linear regression (code)" says "done");
// any other `:name:` is dropped rather than shown raw. The names and emoji
// are markdown-it-emoji's table; its plugin is not used because it replaces a
// known name anywhere in a word and leaves unknown ones raw, where notes need
// the rule below: a shortcode must stand as a whole word (space, line edge or
// bracket on both sides), which keeps "ratio 1:2", "12:30:45", "a:b:c" and
// `std::vector` as written. Code and math are separate tokens and never seen.
// Crumbs (`stripShortcodes`) drop them all: a heading path stays plain.
import type { MarkdownIt, StateCore } from 'markdown-it';
import fullEmoji from 'markdown-it-emoji/lib/data/full.mjs';

const SHORTCODE = /(^|[\s(（[【])(:(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]{1,40}:|:[+-]1:)(?=$|[\s)）\]】.,;!?，。；！？、])/g;

/** `text` without emoji shortcodes that stand as whole words (spaces they leave behind collapsed). */
export function stripShortcodes(text: string): string {
  if (!text.includes(':')) return text;
  // Run twice: adjacent shortcodes (":star: :star:") share the space between them.
  const once = (s: string) => s.replace(SHORTCODE, '$1');
  const out = once(once(text));
  // "(:+1:)" leaves "()" behind: drop the empty brackets too.
  return out === text ? text : out.replace(/[(（]\s*[)）]/g, '').replace(/[ \t]{2,}/g, ' ');
}

/** GitHub's shortcode names, drawn as their emoji: markdown-it-emoji's full table (pure data, no I/O). */
const EMOJI: Readonly<Record<string, string>> = fullEmoji;

/** `text` with known shortcodes as emoji and the others dropped (whole words only). */
function drawShortcodes(text: string): string {
  const known = text.replace(SHORTCODE, (m, pre: string, code: string) => {
    const e = EMOJI[code.slice(1, -1)];
    return e === undefined ? m : pre + e;
  });
  return stripShortcodes(known);
}

/** Renderer rule: shortcodes in every text token (not code, math or HTML). */
function dropShortcodes(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    for (const t of block.children) if (t.type === 'text' && t.content.includes(':')) t.content = drawShortcodes(t.content);
  }
}

export function emojiShortcodes(md: MarkdownIt): void {
  md.core.ruler.push('emoji_shortcodes', dropShortcodes);
}
