// Answers of English outline notes that hold no explanation: a lead-in that
// announces a list or code the card does not show ("impressions, clicks:",
// "GraphRAG supports two distinct query modes:"), a list that only repeats
// the parts of its heading ("Scaling, Monitoring, and Updates" → "* Scaling
// * Monitoring * Updates"), and a table of contents written as a table of
// anchor links. Such a card asks something its answer cannot teach; the
// content it announces is on other cards. Pure; decided on the answer's
// Markdown as shown.

const plainOf = (md: string) =>
  md
    .replace(/!?\[\[([^\]|\n]*\|)?([^\]\n]*)\]\]/g, '$2')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/[*_`~>|]/g, ' ')
    .trim();

const wordsOf = (s: string) => s.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w));

/** A short lead-in ending in a colon with nothing after it: it announces what the card does not hold. */
export function announcesOnly(md: string, maxWords: number): boolean {
  const t = md.trim();
  if (!t || /\$|```|!\[|<img/i.test(t)) return false;
  if (!/[:：]\s*(?:\*\*|__)?$/.test(t)) return false;
  return wordsOf(plainOf(t)).length <= maxWords;
}

const stem = (w: string) => w.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/(?:es|s)$/, '');

/**
 * A list whose items are only the parts named by the heading (each item a few words,
 * its first word one of the heading's): the outline of the section, no answer.
 */
export function restatesHeading(heading: string, md: string): boolean {
  const lines = md.split('\n').filter((l) => l.trim());
  if (lines.length < 2 || !lines.every((l) => /^\s*(?:[-*+]|\d+[.)])\s+/.test(l))) return false;
  const head = new Set(wordsOf(heading).map(stem));
  return lines.every((l) => {
    const ws = wordsOf(plainOf(l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')).replace(/\([^)]*\)/g, ' '));
    return ws.length >= 1 && ws.length <= 3 && head.has(stem(ws[0]!));
  });
}

/** A table (or list) of in-page anchor links with nothing else: a table of contents. */
export function isAnchorContents(md: string): boolean {
  const anchors = md.match(/\]\(#[^)\n]*\)/g)?.length ?? 0;
  if (anchors < 2) return false;
  const rest = md
    .replace(/\[[^\]\n]*\]\([^)\n]*\)/g, ' ')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, ' ')
    .replace(/[|:\-\d.\s*_]/g, ' ');
  return wordsOf(rest).length <= 2;
}

/**
 * A list item that only looks like a question: a memo of a few words with a question mark
 * ("gradient?", "Available?", "Game content embeddings?" in an outline). Not a prompt: the
 * author's note to self stays in the section's answer.
 */
export function isMemoQuestion(plain: string, md: string): boolean {
  const p = plain.trim();
  if (/^\[[^\]\n]+\]\([^)\s]+\)$/.test(md.trim())) return false; // a linked interview question is still a question
  if (/[\u3400-\u9fff$]/.test(p) || !/\?$/.test(p)) return false;
  const ws = wordsOf(p.replace(/\?$/, ''));
  // ("Business objective?", "Latency requirements?" in a list of clarifying questions are asked on purpose.)
  // Plain words only: "RF/GBDT/XGB/lightGBM ?" names the models a question is about.
  if (!ws.every((w) => /^[A-Za-z][a-z-]*$/.test(w))) return false;
  return (ws.length === 1 || (ws.length <= 3 && /^[a-z]/.test(p))) && !/^(?:what|why|how|when|which|who|whom|whose|where|is|are|was|were|do|does|did|can|could|should|would|will|shall|may|might|must|has|have|any|anything|explain|describe|compare|name|list|define)\b/i.test(p);
}

/** "Measure: On average, how early is the first relevant result?": what a metric measures, written as a question. */
const DESCRIBING_LABEL = /^(?:\*\*|__)?(?:measures?|question|asks|answers|intuition|meaning|interpretation|idea|goal|purpose|what it measures|what it answers|in plain words|plain english)(?:\*\*|__)?\s*[:：](?:\*\*|__)?\s+\S/i;

/** A list item whose question describes the topic under a label (a metric's "Measure:"), not one to answer. */
export const isDescribedQuestion = (plain: string): boolean => DESCRIBING_LABEL.test(plain.trim());
