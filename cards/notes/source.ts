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
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (l.item) {
      // List items keep their nesting: the raw lines of a run of consecutive
      // items, indented relative to the run (the markers carry the structure).
      let e = k;
      while (e + 1 < lines.length && lines[e + 1]!.item && lines[e + 1]!.line >= lines[e]!.end && lines[e + 1]!.line <= lines[e]!.end + 1) e++;
      flush();
      blocks.push(dedent(srcLines.slice(l.line, lines[e]!.end)));
      block = -1;
      k = e;
      continue;
    }
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

/** Lines without their common indentation (and quote markers), trailing hard-break spaces kept. */
function dedent(text: readonly string[]): string {
  const t = text.map((s) => s.replace(/^[ \t]*>[ \t]?/, '').replace(/\t/g, '    '));
  const indent = Math.min(...t.filter((s) => s.trim()).map((s) => /^ */.exec(s)![0].length));
  return t
    .map((s) => s.slice(Number.isFinite(indent) ? indent : 0))
    .join('\n')
    .replace(/^\s*\n|\s+$/g, '');
}
