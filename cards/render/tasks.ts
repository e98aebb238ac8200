// Task lists (`- [ ] Baseline`, `- [x] Done`, GitHub / Obsidian): a box
// character instead of the literal `[ ]` (renderer only; nothing to click —
// a card is not the note).
import type { MarkdownIt, StateCore } from 'markdown-it';

const TASK = /^\[([ xX])\][ \t]+/;

function taskItems(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'inline' || tokens[i - 1]!.type !== 'paragraph_open' || tokens[i - 2]!.type !== 'list_item_open') continue;
    const first = t.children?.[0];
    if (!first || first.type !== 'text') continue;
    const m = TASK.exec(first.content);
    if (!m) continue;
    first.content = `${m[1] === ' ' ? '☐' : '☑'} ${first.content.slice(m[0].length)}`;
  }
}

export function taskLists(md: MarkdownIt): void {
  md.core.ruler.push('task_lists', taskItems);
}
