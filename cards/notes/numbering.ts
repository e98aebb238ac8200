// Heading and question numbering ("3.2.1", "1.", "（1）", "第一章", "一、",
// "Q1.") belongs to the notes' outline, not to the question: it is stripped
// from questions (the crumbs keep the heading as written). Difficulty marks
// ("[E]", "[M]", "[H]") become tags.

const CN_NUM = '[一二三四五六七八九十百零〇两]+';
const PATTERNS: RegExp[] = [
  new RegExp(`^第\\s*(?:${CN_NUM}|\\d+)\\s*[章节部分篇讲课回]\\s*[、.．:：]?\\s*`),
  new RegExp(`^${CN_NUM}\\s*[、.．]\\s*`),
  new RegExp(`^[（(]\\s*(?:${CN_NUM}|\\d{1,3}|[a-zA-Z])\\s*[)）]\\s*`),
  /^(?:Q|Question|Problem|Exercise|Ex\.?)\s*\d+(?:\.\d+)*\s*[.:：)、-]?\s*/i,
  /^(?:Q|Question|问|问题)\s*[:：]\s*/i, // "Q: Will hybrid search slow down my search?"
  /^(?:Pattern|Approach|Method|Option|Strategy|Technique|Step|Stage|Phase|Level|Type|Case|Tip|Lesson|Rule|Pitfall|Mistake|Idea|Trick)\s+\d+\s*[:：.)-]\s*/i,
  /^(?:Chapter|Section|Part|Lecture)\s+\d+(?:\.\d+)*\s*[.:：)、-]?\s*/i,
  /^\d{1,3}(?:\.\d{1,3})+\s*[.、．)）:：]?\s*/, // 3.2.1 / 3.2.1.
  /^\d{1,3}\s*(?:\\?[.．]|[、)）]|:(?!\d))\s*/, // 1. / 1、 / 1)
  /^\d{1,2}\s+(?=[\u4e00-\u9fff])/, // "2 常见面试问题"
  /^\d{1,3}_(?=[^\s_\d])/, // "25_Support Vector Machine" (file names)
  /^[a-zA-Z][.)]\s+/, // a. / b)
  /^[IVX]{1,4}[.)]\s+/, // II.
];

/** The text without leading outline numbering; unchanged if nothing would be left. */
export function stripNumbering(text: string): string {
  let s = text.trim();
  for (let pass = 0; pass < 2; pass++) {
    const before = s;
    for (const re of PATTERNS) {
      const m = re.exec(s);
      if (m && m[0].length < s.length) {
        s = s.slice(m[0].length).trim();
        break;
      }
    }
    if (s === before) break;
  }
  return s;
}

const DIFFICULTY: Record<string, string> = { E: 'easy', M: 'medium', H: 'hard' };

/** "[E] What is…" → { text: "What is…", tags: ['easy'] }. */
export function difficulty(text: string): { text: string; tags: string[] } {
  const m = /^\s*\[(E|M|H)\]\s*/i.exec(text) ?? /\s*\[(E|M|H)\]\s*$/i.exec(text);
  if (!m) return { text, tags: [] };
  return { text: (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim(), tags: [DIFFICULTY[m[1]!.toUpperCase()]!] };
}

/** "**Q7：Why…？**" / "Q: Why…?" / "问：…": the question without its label (and the bold around the whole line). */
export function stripQuestionLabel(text: string): string {
  const m = /^(\*\*|__)?(?:Q\s*\d{0,3}|Question\s*\d{0,3}|问|问题)(\*\*|__)?\s*[:：]\s*/i.exec(text.trim());
  if (!m) return text.trim();
  let rest = text.trim().slice(m[0].length);
  if (m[1] && !m[2]) rest = rest.replace(new RegExp(`${m[1].replace(/\*/g, '\\*')}\\s*$`), '');
  return rest.trim() || text.trim();
}

/** "答：" / "**A**:" / "> A：" opening an answer: the notes' scaffolding, not the answer. */
export function stripAnswerLabel(text: string): string {
  return text.replace(/^(\s*>\s*)?(?:\*\*|__)?(?:答|答案|解答?|Answer|Ans|A|Solution)(?:\*\*|__)?\s*[:：]\s*/i, '$1');
}
