// The user's own card syntax, compatible with Obsidian Spaced Repetition's
// defaults: `Q::A` (`:::` also makes the reverse card), a paragraph split by
// a line holding only `?` (`??` for both directions), and `==cloze==`.
import type { Line } from './blocks.ts';
import { plainText } from './blocks.ts';
import type { Spec } from './extract.ts';
import { sourceOf } from './source.ts';

const keyOf = (md: string) => md.replace(/\s+/g, ' ').trim();

export function qaCards(front: string, back: string, reversed: boolean, line: number): Spec[] {
  const specs: Spec[] = [{ kind: 'qa', ns: 'qa', key: keyOf(front), front, back, line }];
  if (reversed) specs.push({ kind: 'qa', ns: 'qa', key: `↺ ${keyOf(back)}`, front: back, back: front, line });
  return specs;
}

/** One card per deletion; the key masks every deletion, so editing a hidden answer keeps the card. */
export function clozeCards(lineMd: string, marks: readonly string[], line: number): Spec[] {
  const spans: [number, number][] = [];
  let from = 0;
  for (const m of marks) {
    const at = m ? lineMd.indexOf(m, from) : -1;
    if (at < 0) return [];
    spans.push([at, at + m.length]);
    from = at + m.length;
  }
  const inner = (i: number) => marks[i]!.slice(2, -2);
  const build = (show: (i: number) => string) => {
    let s = '';
    let pos = 0;
    spans.forEach(([a, b], i) => {
      s += lineMd.slice(pos, a) + show(i);
      pos = b;
    });
    return s + lineMd.slice(pos);
  };
  const masked = keyOf(build(() => '[…]'));
  return marks.map((_, k) => ({
    kind: 'cloze' as const,
    ns: 'cloze' as const,
    key: marks.length > 1 ? `${masked} #${k + 1}` : masked,
    front: build((i) => (i === k ? '[…]' : inner(i))),
    back: build((i) => (i === k ? marks[i]! : inner(i))),
    line,
  }));
}

/** Paragraphs with a `?` / `??` separator line; returns the line ranges they take. */
export function explicitBlockCards(lines: readonly Line[], srcLines: readonly string[]): { from: number; to: number; specs: Spec[] }[] {
  const found: { from: number; to: number; specs: Spec[] }[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && lines[j]!.block === lines[i]!.block) j++;
    const sep = lines.slice(i, j).findIndex((l) => /^\?\??$/.test(plainText(l.tokens).trim()));
    if (sep > 0 && i + sep < j - 1) {
      const at = i + sep;
      const front = sourceOf(lines.slice(i, at), srcLines);
      const back = sourceOf(lines.slice(at + 1, j), srcLines);
      const reversed = plainText(lines[at]!.tokens).trim() === '??';
      found.push({ from: i, to: j, specs: qaCards(front, back, reversed, lines[i]!.line) });
    }
    i = j;
  }
  return found;
}
