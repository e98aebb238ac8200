// System-design notes: an interview template ("1. Problem Formulation",
// "2. Metrics", "3. Architectural Components", …) filled in as keyword outlines
// under "# Design an event recommendation system". Their headings and labels
// are aspects of one system, so every card names that system: "Event
// recommendation system: ML category?", not "ML formulation: ML category?" or
// "What is Latency?". Also: a slug file name ("mlsd-metrics") is no subject.
import type { Line, Section } from './blocks.ts';
import { plainText } from './blocks.ts';
import { rawContent } from './classify.ts';
import { dedented, within } from './listq.ts';
import { stripNumbering } from './numbering.ts';
import { clauseQuestion, headingShape, isGenericHeading, lowerFirst } from './questions.ts';
import type { Spec } from './extract.ts';

/** Steps of the design template: three distinct ones make a design note. */
const STEPS: readonly RegExp[] = [
  /^problem (?:formulation|statement)/i,
  /^(?:clarifying questions|requirements|functional requirements)/i,
  /^(?:offline |online )?metrics|^evaluation metrics/i,
  /^(?:architectural components|high[- ]level design|architecture)/i,
  /^data (?:collection|preparation|pipeline|sources)/i,
  /^feature (?:engineering|selection)/i,
  /^model(?:ing| development| selection| training)/i,
  /^(?:prediction|inference) service|^serving/i,
  /^online testing|^(?:model )?deployment|^a\/b testing/i,
  /^scaling|^monitoring/i,
];

/** Three or more distinct template steps among the headings. */
export function isDesignNote(sections: readonly Section[]): boolean {
  const seen = new Set<number>();
  for (const s of sections) {
    if (s.level === 0) continue;
    const t = stripNumbering(s.title).trim();
    const k = STEPS.findIndex((re) => re.test(t));
    if (k >= 0) seen.add(k);
    if (seen.size >= 3) return true;
  }
  return false;
}

/** "Design an event recommendation system" → "Event recommendation system": the system, not the task. */
export function designSubject(md: string): string {
  const m = /^(?:how (?:to|would you) )?design\s+(?:an?|the)\s+(\S.*)$/i.exec(md.trim());
  if (!m) return md;
  return m[1]![0]!.toUpperCase() + m[1]!.slice(1);
}

/** "mlsd-metrics", "ml_coding", "5.1-vectors": a file name that is no title. */
export const isSlug = (title: string): boolean => /^[a-z0-9.]+(?:[-_][a-z0-9.]+)+$/.test(title) && /[a-z]{3}/.test(title);

/**
 * The note's subject when its file name is a slug: its first top-level
 * heading that names something ("# Self-driving cars" in mlsd-av.md, not
 * "# Example"). Undefined when the file name reads as a title.
 */
export function noteSubject(sections: readonly Section[], title: string | undefined): string | undefined {
  if (!title || !isSlug(title)) return undefined;
  const levels = sections.filter((s) => s.level > 0).map((s) => s.level);
  if (!levels.length) return undefined;
  const top = Math.min(...levels);
  // The first top-level heading names the note; when it is generic ("Offline Metrics" then "Online metrics"),
  // the note is a collection of topics and a later heading ("Cross Entropy…") is no subject of the rest.
  const first = sections.find((s) => s.level === top);
  if (!first) return undefined;
  const plain = stripNumbering(first.crumbs[first.crumbs.length - 1] ?? first.title).replace(/[:：]\s*$/, '').trim();
  return plain && !isGenericHeading(plain) && !/\bquestions?$/i.test(plain) ? designSubject(plain) : undefined;
}

/** Labels that are aspects of a system, not concepts to define: "Latency: can vary", "Data: 500M posts / day". */
const ASPECT = /^(?:latency|throughput|scale|data|data size|dataset|goal|business goals?|users?|i\/o|input|output|budget|qps|traffic|languages?|personali[sz]ation|volume|storage|freshness|explainability|privacy|labels?|ml task|task|candidates|ml category|category|constraints|requirements|use case|ml objective|objective)$/i;

export const isAspect = (plain: string): boolean => ASPECT.test(plain.replace(/[*_`]/g, '').replace(/\s*[(（][^)）]*[)）]\s*$/, '').trim());

/**
 * A list item's parent that names nothing ("ML formulation", "Requirements;") is
 * asked under the system: "Event recommendation system (ML formulation): what is I/O?";
 * when the term is generic too, the system alone ("Image Search System: use case?").
 */
export function parentWithTopic(parentMd: string, termPlain: string, topicMd: string | undefined): string {
  const plain = parentMd.replace(/[*_`\\]/g, '').trim();
  if (!topicMd || !(isGenericHeading(plain) || isAspect(plain)) || plain.toLowerCase() === topicMd.replace(/[*_`\\]/g, '').toLowerCase()) return parentMd;
  return isGenericHeading(termPlain) || isAspect(termPlain) ? topicMd : `${topicMd} (${lowerFirst(parentMd)})`;
}

/** Headings and items about features: "5. Feature engineering", "Feature representation:", "User features". */
const FEATURES = /\bfeatures?\b/i;

/**
 * The front of a term in a design outline, or undefined to ask it as usual:
 * an aspect ("Latency: can vary") → "System: latency?" ("System (ranking): latency?"
 * under a part of it); a label under a features heading ("Text: title embeddings",
 * "Connection: IDs, type") → "System: what are the text features?".
 */
export function designTermFront(termMd: string, termPlain: string, context: { parent?: string; topicMd?: string; headingPlain: string; systemMd?: string }): string | undefined {
  const label = termMd.replace(/[:：]\s*$/, '').trim();
  if (/[?？]$/.test(label)) return undefined;
  const system = context.systemMd ?? context.topicMd; // the section's topic (the system), not its own heading
  const under = context.parent ?? context.topicMd;
  const bare = (s: string | undefined) => (s ?? '').replace(/[*_`\\]/g, '').trim().toLowerCase();
  const subject = !system || (under && (/[(（]/.test(under) || under.length > 40)) ? under : !under || bare(under) === bare(system) || isGenericHeading(bare(under)) || bare(under).startsWith(bare(system)) ? system : `${system} (${lowerFirst(under)})`;
  if (!subject) return undefined;
  // A generic label ("Data sources", "Pros") names its system only where no named item stands above it.
  if (isAspect(termPlain) || (isGenericHeading(termPlain) && subject === system)) return `${subject}: ${lowerFirst(label)}?`;
  const words = termPlain.trim().split(/\s+/).length;
  if (words <= 3 && !/feat|variable|data|process|encod|represent|[(（_]/i.test(termPlain) && (FEATURES.test(context.headingPlain) || FEATURES.test(context.parent ?? '')) && system) return `${system}: what are the ${lowerFirst(label)} features?`;
  return undefined;
}

/** Attributes a comparison rates ("Memory: Low", "Cost: More tokens = more money"): asked as such, not defined. */
const ATTRIBUTE = /^(?:memory|cost|speed|latency|complexity|interpretability|scalability|throughput|storage|difficulty|effort|effectiveness|compute|training time|inference time|inference speed|training speed|memory usage|flexibility|robustness)$/i;

/** "Sparse Retrieval: what is Memory?" → "Sparse Retrieval: memory?". */
export function attributeFront(termMd: string, termPlain: string, topicMd: string | undefined): string | undefined {
  if (!topicMd || !ATTRIBUTE.test(termPlain.replace(/[*_`]/g, '').trim())) return undefined;
  return `${topicMd}: ${termMd.replace(/[:：]\s*$/, '').trim().toLowerCase()}?`;
}

/** "Clarifying questions" as a list item ("* Clarifying questions" › "- Use case?"): questions to ask, not to answer. */
const CLARIFYING_ITEM = /^(?:\*\*|__)?(?:clarifying questions?|clarification questions?|questions to (?:ask|clarify)|clarify(?:ing)? (?:the )?requirements?)(?:\*\*|__)?\s*[:：]?\s*(?:\*\*|__)?$/i;

/**
 * One card "System: what clarifying questions would you ask?" per clarifying-questions
 * item, its sub-items the answer; the sub-items never become prompts of their own.
 */
export function clarifyingItems(sec: Section, lines: readonly Line[], srcLines: readonly string[], taken: readonly unknown[], topicMd: string | undefined): { specs: Spec[]; consumed: number[] } {
  const out = { specs: [] as Spec[], consumed: [] as number[] };
  if (!topicMd) return out;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (taken[i] || !l.item || !l.first || !CLARIFYING_ITEM.test(stripNumbering(rawContent(srcLines[l.line] ?? '')).trim())) continue;
    const body: number[] = [];
    let j = i + 1;
    for (; j < lines.length && within(lines[j]!.item, l.item); j++) if (lines[j]!.tokens.length || lines[j]!.other || lines[j]!.tex !== undefined) body.push(j);
    if (body.length < 2) continue;
    const label = plainText(l.tokens).replace(/[:：]\s*$/, '').trim();
    out.specs.push({ kind: 'section', ns: 'section', key: `${sec.title} › ${label}`, front: `${topicMd}: what clarifying questions would you ask?`, back: dedented(lines, body, srcLines), line: l.line });
    for (let k = i; k < j; k++) out.consumed.push(k);
    i = j - 1;
  }
  return out;
}

/**
 * A heading of a design outline that names a part of the system ("Perception",
 * "Behavior prediction" under "Self-driving cars") asks about that part of the
 * system ("Self-driving cars: behavior prediction?"), not for a definition.
 */
export function designSectionFront(titleMd: string, title: string, topicMd: string | undefined): string | undefined {
  if (!topicMd || isGenericHeading(title) || headingShape(title, 'en') !== 'concept' || clauseQuestion(titleMd, title)) return undefined;
  const bareTopic = topicMd.replace(/[*_`\\]/g, '').trim().toLowerCase();
  if (bareTopic === title.trim().toLowerCase()) return undefined;
  return `${topicMd}: ${lowerFirst(titleMd.trim())}?`;
}

const SENTENCE_VERB = /\s(?:is|are|was|were|can|could|should|must|will|would|may|might|has|have|had|does|do|did)\s/i;

/**
 * A parent list item as the context of a term below it: "Hierarchical RL can be used"
 * is a sentence, no name (undefined); a step ("Use a multi-task classifier") is asked
 * under the system ("News Feed System, use a multi-task classifier: …").
 */
export function parentAsContext(md: string, plain: string, topicMd: string | undefined): string | undefined {
  const p = plain.replace(/[:：;；,，.]+$/, '').trim();
  if (SENTENCE_VERB.test(` ${p} `) || p.split(/\s+/).length > 7) return undefined;
  if (isGenericHeading(p)) return md;
  const step = clauseQuestion(md.replace(/\s*[(（][^)）]*[)）]/g, ''), p.replace(/\s*[(（][^)）]*[)）]/g, ''));
  if (step && /^How do you /.test(step) && topicMd && !/[:：]/.test(topicMd)) return `${topicMd}, ${lowerFirst(md)}`;
  return md;
}

/** "Another example: …", "one option for history: …", "each data point: …": a sentence opening, not a term. */
const NOT_A_TERM = /^(?:another|other|some|more|each|every|then|also|again|both|either|neither|any|most|many|this|that|these|those|here|there|so|thus|now)\s|^(?:one|first|second|third|next|last)\s+(?:option|example|way|approach|thing|step|idea|point|issue|problem|alternative|case)\b/i;

/** "- Classify: predict 1 if prob ≥ threshold" under "For each threshold:": a step of a procedure, named by its verb alone. */
const STEP_VERB = /^(?:classify|compute|calculate|plot|sort|repeat|update|initiali[sz]e|normali[sz]e|predict|count|sum|average|rank|select|evaluate|measure|embed|retrieve|generate|score|filter|split|shuffle|merge|aggregate|encode|decode|tokeni[sz]e|concatenate|multiply|add|subtract|divide|return|output|stop|iterate|converge|backpropagate|sample)$/i;

/** In a design outline "improve: embedding learning", "assume: …", "human: …" annotate the outline; they are no terms to define. */
export function notATerm(plain: string, design: boolean): boolean {
  const p = plain.replace(/[*_`]/g, '').trim();
  if (NOT_A_TERM.test(p) || STEP_VERB.test(p)) return true;
  // "Top-left corner = ideal": a statement, not a name (math keys like "$\\beta$" are kept).
  if (!/\$/.test(p) && /[A-Za-z][^=<>!]*\s=\s*[A-Za-z]/.test(p) && p.split(/\s+/).length >= 3) return true;
  return design && /^[a-z][a-z-]*$/.test(p) && !isAspect(p);
}

/** Words of a list item without markers, links, emphasis and parentheses. */
function itemWords(line: string): number {
  const text = line
    .replace(/^(?:[-*+]|\d{1,3}[.)])\s+/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\([^)]*\)/g, '')
    .trim();
  if (/[:：]\s*\S/.test(text) || /[.!?]\s+[A-Z]/.test(text)) return Infinity;
  return text.split(/\s+/).filter(Boolean).length;
}

/** An answer that is only a list of names ("- Clustering", "  - Centroid models: …" fails): keywords, no explanation. */
export function isKeywordList(md: string, maxWords = 5): boolean {
  const items = md.split('\n').map((l) => l.trim()).filter(Boolean);
  return items.length >= 3 && items.every((l) => /^(?:[-*+]|\d{1,3}[.)])\s+/.test(l) && itemWords(l) <= maxWords);
}

/** Headings that gather questions or topics to study: "ML System Design Sample Questions", "ML System Design Topics". */
const SYLLABUS = /\b(?:questions?|topics|syllabus|contents|outline|roadmap|reading plan)\s*[:：]?\s*$/i;

/**
 * Under such a heading, a list of names with no explanation ("- **Image blurring
 * system**", "- **OCR system**") is a syllabus: there is nothing to recall.
 */
export function isSyllabusList(path: readonly string[], md: string): boolean {
  if (!path.some((h) => SYLLABUS.test(stripNumbering(h).trim()))) return false;
  const items = md.split('\n').map((l) => l.trim()).filter(Boolean);
  if (items.length < 2) return false;
  return items.every((l) => /^(?:[-*+]|\d{1,3}[.)])\s+/.test(l) && itemWords(l) <= 8);
}
