// Puzzles and exercises written as "题目：… / 解析：…" (brain teasers, 概率题,
// 智力题): the heading only names the puzzle
// ("坏鸡蛋", "三角形问题"), so "坏鸡蛋：要点是什么？" asks nothing a learner could
// answer. The question is the whole statement, the answer the solution. Pure.

/**
 * "> **题目**:", "题目：" opening the section's answer. Chinese labels only: in English notes
 * "**Problem**: … **Solution**: …" is a pitfall and its fix (a note about embeddings), not a puzzle.
 */
const STATEMENT = /^(?:>\s*)?(?:\*\*|__)?(?:题目|题干|问题描述|问题)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?/i;
/** "**解析**:", "> **解析**:", "答案：" starting a line: where the solution begins. */
const SOLUTION = /^(?:>\s*)?(?:\*\*|__)?(?:解析|解答|答案|解法|参考答案)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?/i;

/** A cheap first test on a section's first line: does it open with a statement label? */
export const opensPuzzle = (firstLine: string): boolean => STATEMENT.test(firstLine.trim());

/** The markdown without blockquote markers: the statement is asked as text, not as a quote. */
const unquote = (md: string): string =>
  md
    .split('\n')
    .map((l) => l.replace(/^\s*>\s?/, ''))
    .join('\n');

/**
 * `{ front, back }` when `answerMd` opens with a labelled statement and a
 * labelled solution follows: the statement (labels and quote markers gone) is
 * the question, the solution the answer. Null otherwise, or when either part
 * is empty — a statement whose solution became other cards ("**解析**:" followed
 * only by a formula card) is left as it was.
 */
export function puzzleParts(answerMd: string): { front: string; back: string } | null {
  const text = answerMd.replace(/^\s+/, '');
  if (!STATEMENT.test(text)) return null;
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => i > 0 && SOLUTION.test(l.trim()));
  if (at < 0) {
    // "> **题目**: …? **解析**: …" written on one line is rare; without a solution label there is no split.
    return null;
  }
  const front = unquote(lines.slice(0, at).join('\n').replace(STATEMENT, '')).trim();
  const first = lines[at]!.trim().replace(SOLUTION, '');
  const back = [first, ...lines.slice(at + 1)].join('\n').replace(/^\s*\n/, '').replace(/\s+$/, '');
  // Quoted solution lines ("> **解析**:" in a quote) lose their markers too; an indented block stays as written.
  const solution = /^\s*>/.test(lines[at]!) ? unquote(back).trim() : back;
  if (!front.replace(/[\s\p{P}]/gu, '') || !solution.replace(/[\s\p{P}]/gu, '')) return null;
  return { front, back: solution };
}
