// A topic checklist is not a definition (issue 11, notes-en5). Interview-prep notes list what to
// study under "ML Fundamentals Topics" › "Deep learning": "- RNN\n  - backpropagation through time
// (BPTT)\n  - vanishing/exploding gradient problem". The list names topics to look up; asked as
// "What is Deep learning?" its answer would be a table of contents. design.ts `isSyllabusList`
// drops lists of names only; this also drops the nested outlines whose sub-items are short
// study notes ("In depth knowledge of how they work", "[EX] activation function for …").
import { stripNumbering } from './numbering.ts';

/** Headings that gather topics to study (design.ts has the same list for flat lists of names). */
const SYLLABUS = /\b(?:topics|syllabus|contents|outline|roadmap|reading plan|study plan|study guide|checklist|to study|to review)\s*[:：]?\s*$/i;
/** "Progress Checklist", "To-do": the reader's own study list. */
const CHECKLIST = /\b(?:checklist|to-?do(?: list)?)\s*[:：]?\s*$/i;
const ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;

/** Words of one list item as read: link text kept, tags ("[EX]", "[TBD: …]"), parentheses and markup gone. */
function words(item: string): { n: number; explained: boolean } {
  const text = item
    .replace(ITEM, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:[-*+]\s+)+/, '')
    .replace(/\[[A-Z]{1,5}(?::[^\]]*)?\]/g, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/[*_`]/g, '')
    .trim();
  const colon = /^([^:：]{1,40})[:：]\s*(.+)$/.exec(text);
  return { n: text.split(/\s+/).filter(Boolean).length, explained: !!colon && colon[2]!.split(/\s+/).length > 5 };
}

/**
 * Under a topics heading, an answer that is only a (nested) list of short topic names and study notes:
 * at least 4 items, none explained at length, most of them a few words.
 */
export function isTopicOutline(path: readonly string[], md: string): boolean {
  // ("Other topics worth discussing" as the section's own heading asks for that list: it is the answer.)
  const own = stripNumbering(path[path.length - 1] ?? '').trim();
  if (!path.slice(0, -1).some((h) => SYLLABUS.test(stripNumbering(h).trim())) && !CHECKLIST.test(own)) return false;
  const lines = md.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 4 || !lines.every((l) => ITEM.test(l))) return false;
  const ws = lines.map(words);
  if (ws.some((w) => w.explained || w.n > 16)) return false;
  return ws.filter((w) => w.n <= 8).length >= 0.85 * ws.length;
}
