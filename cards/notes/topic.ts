// What a section is about, for questions that need a subject: "Definition",
// "Pros" or "Clarifying questions" under "1. Problem formulation" under
// "Image search system" are about the image search system. The nearest
// enclosing heading that names something wins; the note's title otherwise.
import { stripNumbering } from './numbering.ts';
import { isGenericHeading } from './questions.ts';
import { designSubject } from './design.ts';

/** Headings that only group questions: "Clarifying questions", "面试题", "常见问题". */
const QUESTION_GROUP = /\bquestions?$|问题$|面试题$|[一二三四五六七八九十百\d]+问$|问答$|^faqs?$/i;

/** A heading that names no topic of its own. */
export const namesNothing = (plain: string): boolean => {
  const p = stripNumbering(plain).replace(/[:：]\s*$/, '').trim();
  return p === '' || isGenericHeading(p) || QUESTION_GROUP.test(p);
};

const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>#|$])/g, '\\$1');

/**
 * The topic of a section given its heading path (as written, outermost
 * first, the section's own heading last), its parent's Markdown title and
 * the note's title (already Markdown-safe).
 */
export function sectionTopic(path: readonly string[], parentMd: string | undefined, titleMd: string | undefined): string | undefined {
  const t = headingTopic(path, parentMd, titleMd);
  // "The 9-Step Formula ([Template](./mlsd-template.md))": a link beside the name is no part of the topic.
  return t === undefined ? t : designSubject(t.replace(/\s*\((?:\[[^\]\n]*\]\([^)\n]*\))\)\s*$/, '').trim() || t); // "Design an event recommendation system" is about the system
}

function headingTopic(path: readonly string[], parentMd: string | undefined, titleMd: string | undefined): string | undefined {
  const ancestors = path.slice(0, -1);
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const plain = ancestors[i]!;
    // "ML Fundamentals Sample Questions" groups questions about ML fundamentals.
    const about = stripNumbering(plain).replace(/\s+(?:(?:sample|interview|common|typical|practice|clarifying)\s+)?questions?\s*[:：]?\s*$/i, '').trim();
    if (about && about !== stripNumbering(plain).trim() && !namesNothing(about)) return escapeMd(about);
    if (namesNothing(plain)) continue;
    // The parent keeps its Markdown (math, code); farther headings are plain text.
    return i === ancestors.length - 1 && parentMd ? parentMd : escapeMd(stripNumbering(plain).replace(/[:：]\s*$/, '').trim());
  }
  return titleMd ?? parentMd;
}
