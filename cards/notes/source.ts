// Card text is the user's Markdown, cut from the source lines, so math and
// formatting stay exactly as written (the CLI prints `front`/`back` as source).
import type { Line } from './blocks.ts';

/** Markdown for a run of lines: a paragraph keeps its line breaks, blocks are separated by a blank line. */
export function sourceOf(lines: readonly Line[], srcLines: readonly string[]): string {
  const blocks: string[] = [];
  let current: string[] = [];
  let block = -1;
  const flush = () => {
    if (current.length) blocks.push(current.join('  \n'));
    current = [];
  };
  for (const l of lines) {
    const text = srcLines.slice(l.line, l.end);
    if (l.tex !== undefined || l.other) {
      flush();
      blocks.push(text.map((s) => s.trimEnd()).join('\n'));
      block = -1;
      continue;
    }
    if (l.block !== block) flush();
    block = l.block;
    // Leading indentation is dropped: out of its list, an indented line would turn into a code block.
    current.push(text.map((s) => s.trim().replace(/\\$/, '')).join('\n'));
  }
  flush();
  return blocks.join('\n\n').trim();
}
