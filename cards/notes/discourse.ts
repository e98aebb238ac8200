// Lecture notes talk to the reader: "看到这里你可能会问，这样的network该怎么搭建
// …？" is a real question (its answer follows) wrapped in a lead-in, and
// "Next lecture: Where does the error come from?" is a signpost to another
// lecture, not a question this note answers. Pure string rules, applied to
// prompt fronts (parse.ts).

/** "看到这里你可能会问，", "那有人会问：", "You may ask:", "One might wonder," — the lead-in only. */
const LEAD_IN = new RegExp(
  [
    '^(?:那么?|所以|因此|此时|这时)?[，,]?\\s*',
    '(?:(?:看|讲|说|读|学)到这里[，,]?\\s*|到这里[，,]?\\s*)?',
    '(?:你们?|大家|有人|有的人|读者|同学们?|我们)(?:可能|也许|或许|肯定|一定|自然|就)?(?:会|要)?',
    '(?:问|想问|有(?:一个|个|这样的|这样一个)?(?:问题|疑问)|好奇|疑惑)',
    '(?:道|了)?\\s*[，,：:]\\s*',
  ].join(''),
);
/** "还有另外一个问题，", "那么问题来了：", "另一个问题是：" — announces the question that follows. */
const ANOTHER_QUESTION = /^(?:那么?|但是?|不过)?[，,]?\s*(?:还有|另外还有)?(?:另外|另)?一个问题(?:是|就是)?\s*[，,：:]\s*|^(?:那么?|但是?)?(?:这里|这时|此时|这样)?(?:就)?(?:会)?有一个(?:问题|疑问)\s*[，,：:]\s*|^(?:那么?)?[，,]?\s*问题(?:就)?来了\s*[，,：:]\s*/;
const LEAD_IN_EN = /^(?:so,?\s+|now,?\s+|but\s+)?(?:you|one|some(?:one|body)|readers?)\s+(?:may|might|could|will|would)?\s*(?:ask|wonder|be wondering)(?:\s+(?:why|whether|if|how|what)\b)?\s*[,:]?\s*/i;

/**
 * The question without its discourse lead-in, or null when there is none.
 * "You may wonder why X?" keeps its "why": "Why X?".
 */
export function withoutLeadIn(front: string): string | null {
  const zh = LEAD_IN.exec(front) ?? ANOTHER_QUESTION.exec(front);
  if (zh && zh[0].length < front.length) return front.slice(zh[0].length).trim();
  const en = LEAD_IN_EN.exec(front);
  if (!en || en[0].length >= front.length) return null;
  const kept = /\b(why|whether|if|how|what)\s*[,:]?\s*$/i.exec(en[0]);
  const rest = front.slice(en[0].length).trim();
  if (!kept) return rest.charAt(0).toUpperCase() + rest.slice(1);
  const w = kept[1]!.toLowerCase() === 'if' || kept[1]!.toLowerCase() === 'whether' ? 'Whether' : kept[1]!.charAt(0).toUpperCase() + kept[1]!.slice(1).toLowerCase();
  return `${w} ${rest}`;
}

/** "Next lecture: …", "Next time: …", "下节课：…", "下一讲…": where the course goes next, not a question here. */
const LECTURE_NAV = /^(?:[*_]{0,2})(?:next (?:lecture|lesson|class|time|week|chapter|episode|video)|in the next (?:lecture|lesson|class|video)|coming up next|下(?:一)?(?:节课|讲|堂课|次课|集|期)|下节|预告)(?:[*_]{0,2})\s*[:：，,]/i;

export function isLectureNavigation(front: string): boolean {
  return LECTURE_NAV.test(front.trim());
}
