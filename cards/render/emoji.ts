// GitHub-style emoji shortcodes (`:robot:`, `:white_check_mark:`, `:+1:`)
// are decoration in the notes people share ("2. ML/Data Coding :robot:"); on
// a card they read as noise, so they are dropped. No shortcode list: a
// `:name:` standing as a whole word (space, line edge or bracket on both
// sides) is enough, which keeps "ratio 1:2", "12:30:45", "a:b:c" and
// `std::vector` as written. Code and math are separate tokens and never seen.
import type { MarkdownIt, StateCore } from 'markdown-it';

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

/** Renderer rule: shortcodes leave every text token (not code, math or HTML). */
function dropShortcodes(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    for (const t of block.children) if (t.type === 'text' && t.content.includes(':')) t.content = stripShortcodes(t.content);
  }
}

export function emojiShortcodes(md: MarkdownIt): void {
  md.core.ruler.push('emoji_shortcodes', dropShortcodes);
}
