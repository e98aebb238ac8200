// Bold markers a card would show as literal `**`. Cutting a line into cards
// (at `；`, or at a colon inside `**标签：**`) can leave one half of a
// `**…**` pair on each side, and notes write `**相比于v1的改进： **` with a
// space CommonMark does not accept before the closer. Applied to each card's
// front and back (parse.ts); code spans and math are left as written.

const PROTECTED = /(`+[^`]*?`+|\$\$[\s\S]*?\$\$|\$[^$\n]+\$)/;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** `**X **` at a line end and `** X**` at a line start: the stray space goes; `X****` closes once. */
function tightenLine(line: string): string {
  return line
    .replace(/(?<=\S)\*{4}(?=[\s|]|$)/g, '**') // `**text-embedding-3-****`: a doubled closer
    .replace(/(\*\*)(?=\S)([^*\n]*?\S)[ \t]+\*\*([ \t]*)$/, '$1$2**$3')
    .replace(/^([ \t]*(?:[-+]|\d+[.、)])?[ \t]*)\*\*[ \t]+(?=\S)([^*\n]*?\S)\*\*/, '$1**$2**');
}

/**
 * The text with a lone `**` removed when the card holds an odd number of them
 * and that run sits at the card's start or end, or next to a CJK character
 * (`那**前面…`): a cut pair, never `2**10` (digits both sides stay).
 */
export function tidyEmphasis(md: string): string {
  if (!md.includes('**')) return md;
  const parts = md.split(PROTECTED);
  for (let i = 0; i < parts.length; i += 2) parts[i] = parts[i]!.split('\n').map(tightenLine).join('\n');
  const runs: { part: number; at: number }[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    for (const m of parts[i]!.matchAll(/(?<!\*)\*\*(?!\*)/g)) runs.push({ part: i, at: m.index });
  }
  if (runs.length % 2 === 1) {
    const around = (r: { part: number; at: number }) => ({
      before: parts.slice(0, r.part).join('') + parts[r.part]!.slice(0, r.at),
      after: parts[r.part]!.slice(r.at + 2) + parts.slice(r.part + 1).join(''),
    });
    // A run at the card's start or end first (where a cut leaves it), else one next to CJK text.
    const lone =
      runs.find((r) => {
        const { before, after } = around(r);
        return before.trim() === '' || /^[\s?？:：.。!！]*$/.test(after);
      }) ??
      runs.find((r) => {
        const { before, after } = around(r);
        return CJK.test(before.slice(-1)) || CJK.test(after.slice(0, 1));
      });
    if (lone) parts[lone.part] = parts[lone.part]!.slice(0, lone.at) + parts[lone.part]!.slice(lone.at + 2);
  }
  return parts.join('');
}
