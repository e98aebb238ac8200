// Questions written as list items ("1. [E] What is…?", "- 为什么…？"): one
// prompt card each. A card must make sense alone, so it carries the list's
// lead-in ("Given the matrix M:") when the question points at it, and the
// parent item ("Dot product") for nested items. Sub-items are its answer;
// "Hint:" sub-items are attached as a hint and never become cards.
import type { ItemInfo, Line } from './blocks.ts';
import { plainText } from './blocks.ts';
import { rawContent } from './classify.ts';
import type { Lang } from './lang.ts';
import { difficulty, stripNumbering } from './numbering.ts';
import { EN_IMPERATIVE, isGenericHeading, looksLikeQuestion, promptQuestion } from './questions.ts';
import { isDescribedQuestion, isMemoQuestion } from './outline.ts';
import type { Spec } from './extract.ts';

const HINT = /^\s*(?:\*\*|__|\*|_)?(?:hints?|提示|tip)\s*(?:\*\*|__|\*|_)?\s*[:：]/i;
// A question that points at something outside itself ("this matrix", "the
// following", "该模型") needs what precedes it. A pronoun or "given" only does
// when the question has not yet named anything ("such that", "the same number"
// are the question's own words): "Explain why the variance of a
// sum is the sum of their variances" and "Given a fair die, …" stand alone,
// "Why does it converge?" does not.
const POINTS_OUT = /\b(?:this|these|those|above|below|following)\b|此|该|这|上述|以上|上面|下面|以下|如下/i;
const PRONOUN_FIRST = /^\W*(?:\w+\W+){0,3}?(?:it|its|they|them|their)\b|^\W*given\s+(?:the|this|these|that|those)\b|^\W*其/i;
const deictic = (plain: string): boolean => POINTS_OUT.test(plain) || PRONOUN_FIRST.test(plain);
const MAX_QUESTION = 300;
const TRAILING_BR = /\s*(?:<br\s*\/?>\s*)+$/i;

/** The item's own question text, as written minus marker, numbering and difficulty. */
function questionOf(line: Line, srcLines: readonly string[]): { md: string; plain: string; tags: string[] } {
  // "Given the following matrix:<br>" — a trailing HTML line break ends the line, as a hard break does.
  const raw = rawContent(srcLines[line.line] ?? '').replace(TRAILING_BR, '');
  const d = difficulty(stripNumbering(raw));
  const plain = difficulty(stripNumbering(plainText(line.tokens).replace(TRAILING_BR, ''))).text;
  return { md: stripNumbering(d.text), plain: stripNumbering(plain), tags: d.tags };
}

/** Source of a run of lines, indentation relative to the run, blank lines kept. */
export function dedented(lines: readonly Line[], idx: readonly number[], srcLines: readonly string[]): string {
  const runs: string[] = [];
  let k = 0;
  while (k < idx.length) {
    let e = k;
    while (e + 1 < idx.length && idx[e + 1] === idx[e]! + 1) e++;
    const from = lines[idx[k]!]!.line;
    const to = lines[idx[e]!]!.end;
    const text = srcLines.slice(from, to).map((s) => (s.trim() === '' ? '' : s.replace(/^[ \t]*>[ \t]?/, '').replace(/\t/g, '    ')));
    const indent = Math.min(...text.filter((s) => s.trim()).map((s) => /^ */.exec(s)![0].length));
    runs.push(text.map((s) => s.slice(Number.isFinite(indent) ? indent : 0)).join('\n').trim());
    k = e + 1;
  }
  return runs.filter((r) => r !== '').join('\n\n');
}

export const within = (item: ItemInfo | undefined, anc: ItemInfo): boolean => {
  for (let it = item; it; it = it.parent ?? undefined) if (it === anc) return true;
  return false;
};

export interface ListQuestionResult {
  specs: Spec[];
  consumed: number[]; // line indexes that became part of these cards
}

/** "How will users interact? Click only": the question, and the answer written after it on the same line. */
/** A sentence after a question that asks for more ("说明一下…", "并写出…", "Explain why…"), not an answer: a question or task of its own. */
const asksMore = (tail: string): boolean => {
  const t = tail.replace(/^(?:并且?|再|然后|请|试)\s*/, '');
  return looksLikeQuestion(t) || EN_IMPERATIVE.test(t);
};

function inlineAnswer(md: string): { md: string; answer: string } {
  const m = /^(.*[?？])\s*([^?？]{1,80})$/.exec(md);
  if (!m || !/[A-Za-z0-9\u4e00-\u9fff]/.test(m[2]!) || /^[)）\]]/.test(m[2]!.trim())) return { md, answer: '' };
  // A "?" inside a link target or code ("…watch?v=…") splits nothing.
  const q = m[1]!;
  const opened = (a: string, b: string) => q.split(a).length !== q.split(b).length;
  if (opened('(', ')') || opened('[', ']') || q.split('`').length % 2 === 0) return { md, answer: '' };
  // "什么是 XGBoost 模型？说明一下其技术细节。", "What is dropout? Explain why it helps.": a second instruction asks more.
  if (asksMore(m[2]!.trim())) return { md, answer: '' };
  return { md: m[1]!.trim(), answer: m[2]!.trim() };
}

/** Words that point outside the question ("it", "we", "the system"): without its topic the card means nothing. */
const WE = /\b(?:we|our|us|users?|the system|the model|the platform|the product|here)\b|我们/i;
const PRONOUN = /\b(?:it|its|this|these|that|they|them|their)\b/i;
/** "…where it will be applied?" points outside; in "Explain the backprop algorithm and its role" "its" is the algorithm's. */
function pointsOutside(md: string): boolean {
  if (WE.test(md) || /^(?:该|这|此|其|它)/.test(md)) return true;
  const m = PRONOUN.exec(md);
  if (!m) return false;
  const before = md.slice(0, m.index);
  return !/\bthe\s+\w+|\b[A-Z]{2,}|\s[A-Z][a-z]+|\$/.test(before);
}
const STOPWORDS = /^(?:a|an|the|of|and|or|in|on|for|to|with|design|system|what|how|is|are)$/i;

/** The question already names its topic ("What is the objective of the visual search system?" under "Image search system"). */
function mentions(question: string, topic: string): boolean {
  const q = question.toLowerCase();
  const words = topic.toLowerCase().replace(/[*_`\\[\]()（）]/g, ' ').split(/[\s:：,，]+/).filter((w) => w.length > 2 && !STOPWORDS.test(w));
  if (!words.length) return true;
  if (/[\u4e00-\u9fff]/.test(topic)) return q.includes(topic.toLowerCase().replace(/[\s*_`]/g, '').slice(0, 4));
  return words.some((w) => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/s$/, '')}`, 'i').test(q));
}

/** "Business objective?", "Free or paid?": a noun phrase asked about something the note names elsewhere. */
const elliptical = (md: string) => md.split(/\s+/).length <= 5 && !/^(?:what|why|how|when|which|who|where|is|are|was|were|do|does|did|can|could|should|would|will|has|have|explain|describe|compare|derive|give|name|list)\b/i.test(md) && !/[\u4e00-\u9fff]/.test(md);

export function listQuestions(lines: readonly Line[], srcLines: readonly string[], taken: readonly unknown[], lang: Lang, placeholder: string, topicMd?: string): ListQuestionResult {
  const n = lines.length;
  const questionAt = new Map<ItemInfo, number>();
  const hintItems = new Set<ItemInfo>();
  const firstLine = new Map<ItemInfo, number>();
  const listSize = new Map<number, number>();
  const listStart = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    if (!l.item) continue;
    listSize.set(l.item.list, Math.max(listSize.get(l.item.list) ?? 0, l.item.index + 1));
    if (!listStart.has(l.item.list)) listStart.set(l.item.list, i);
    if (!l.first) continue;
    firstLine.set(l.item, i);
    if (taken[i]) continue;
    const raw = srcLines[l.line] ?? '';
    if (/::|==[^=]+==/.test(raw)) continue; // explicit card syntax wins
    const plain = plainText(l.tokens);
    if (HINT.test(plain)) hintItems.add(l.item);
    else {
      const q = questionOf(l, srcLines);
      // "**Define relevance**: a like, or …": a bold label with its text is a definition, not a task.
      if (/^(\*\*|__)[^*_?？]{1,60}\1\s*[:：]\s*\S/.test(q.md)) continue;
      // "- [IBM: What is Agentic RAG?](https://…)": an article's title ("Source: Title") in a reading list, not a question (notes-en5).
      if (/^!?\[[^\]:\n]{1,30}:\s[^\]\n]*\]\([^)\s]*\)\s*$/.test(q.md.trim())) continue;
      // "[M] Given the following matrix:" — a difficulty mark makes an exercise, whatever its wording.
      // ("gradient?" in an outline, "[What is Agentic RAG?](…)" in a reading list only look like questions: outline.ts.)
      if (q.plain.length > 1 && q.plain.length <= MAX_QUESTION && (q.tags.length > 0 || (looksLikeQuestion(q.plain) && !isMemoQuestion(q.plain, q.md) && !isDescribedQuestion(q.plain)))) questionAt.set(l.item, i);
    }
  }
  if (lang === 'en') dropLinkTitles(lines, srcLines, questionAt);
  dropProcedureSteps(lines, srcLines, questionAt);
  const setUps = exerciseSetUps(lines, srcLines, questionAt);
  const out: ListQuestionResult = { specs: [], consumed: [] };
  if (questionAt.size === 0) return out;
  const consumed = new Set<number>();

  for (const [item, i] of questionAt) {
    const q = questionOf(lines[i]!, srcLines);
    const answer: number[] = [];
    const hints: number[] = [];
    // "Given the following matrix:" then the matrix and "what can we say…?": the item's own text is the question.
    const asked: number[] = [];
    let setUp = /[:：]\s*$/.test(q.plain);
    let hintBlock = false;
    let j = i + 1;
    for (; j < n && within(lines[j]!.item, item); j++) {
      // The nearest item between this line and the question decides where it goes.
      let owner: ItemInfo | undefined = lines[j]!.item;
      while (owner && owner !== item && !questionAt.has(owner) && !hintItems.has(owner)) owner = owner.parent ?? undefined;
      if (owner && owner !== item && questionAt.has(owner)) continue;
      if (owner === item) {
        // "**Hint**: …" as a paragraph of the item is a hint too.
        if (lines[j]!.block !== lines[j - 1]!.block) hintBlock = HINT.test(plainText(lines[j]!.tokens));
        if (hintBlock) {
          hints.push(j);
          continue;
        }
        if (setUp) {
          asked.push(j);
          continue;
        }
      } else setUp = false;
      (owner && hintItems.has(owner) ? hints : answer).push(j);
    }
    while (asked.length && !lines[asked[asked.length - 1]!]!.tokens.length && !lines[asked[asked.length - 1]!]!.other && lines[asked[asked.length - 1]!]!.tex === undefined) asked.pop();
    if (asked.length) q.md = `${q.md}\n\n${dedented(lines, asked, srcLines)}`;
    // "1. What is X?" then a paragraph: Q&A written as one-item lists.
    if (answer.length === 0 && !item.parent && listSize.get(item.list) === 1) {
      let k = j;
      while (k < n && !lines[k]!.item && !taken[k] && !consumed.has(k)) {
        if (k > j && lines[k]!.block !== lines[k - 1]!.block && /[？?]\s*$/.test(plainText(lines[k]!.tokens))) break;
        answer.push(k);
        k++;
      }
    }

    const context: string[] = [];
    // "[E] What does it mean …? Draw it.": an exercise's second sentence is part of the task, not its answer.
    const inline = q.tags.length || (item.parent !== null && setUps.has(item.parent)) ? { md: q.md, answer: '' } : inlineAnswer(q.md);
    let front = promptQuestion(inline.md, lang);
    let generalParent = false;
    let namedParent = false; // "Outer product" above "Give an example of how it is useful": the subject is named
    const parentLine = item.parent ? firstLine.get(item.parent) : undefined;
    const shared = item.parent ? setUps.get(item.parent) : undefined;
    if (shared) {
      // "[M] Given a logistic discriminant classifier: $$…$$" above "Show that …": the set-up is part of every sub-question.
      context.push(shared.md);
      shared.lines.forEach((k) => consumed.add(k));
      if (!q.tags.length) q.tags = shared.tags;
    } else if (item.parent && parentLine !== undefined) {
      const p = questionOf(lines[parentLine]!, srcLines);
      if (questionAt.has(item.parent)) {
        if (deictic(q.plain)) context.push(promptQuestion(p.md, lang));
      } else if (p.plain.length <= 80 && !q.plain.toLowerCase().includes(p.plain.toLowerCase().replace(/[:：]$/, ''))) {
        front = `${p.md.replace(/[:：]\s*$/, '')}${lang === 'en' ? ': ' : '：'}${front}`;
        generalParent = isGenericHeading(p.plain) || /\bquestions?$|问题$/i.test(p.plain.replace(/[:：]\s*$/, ''));
        namedParent = !generalParent;
      }
      consumed.add(parentLine);
    }
    // The lead-in of the outermost list: "Given the matrix M = …:".
    let top: ItemInfo = item;
    while (top.parent) top = top.parent;
    const start = listStart.get(top.list) ?? i;
    const before = start - 1;
    if (before >= 0 && !lines[before]!.item && !taken[before] && lines[before]!.tokens.length) {
      const block = lines[before]!.block;
      const lead: number[] = [];
      for (let k = before; k >= 0 && lines[k]!.block === block && !lines[k]!.item; k--) lead.unshift(k);
      const text = lead.map((k) => plainText(lines[k]!.tokens)).join(' ').trim();
      const colon = /[:：]$/.test(text);
      if ((colon || deictic(q.plain)) && text.length <= 400) {
        context.unshift(dedented(lines, lead, srcLines));
        if (colon) lead.forEach((k) => consumed.add(k));
      }
    }
    if (context.length) front = `${context.join('\n\n')}\n\n${front}`;
    else if (topicMd && !namedParent && !mentions(q.plain, topicMd) && (pointsOutside(inline.md) || generalParent || (/^[a-z]/.test(inline.md) && !/[\u4e00-\u9fff]/.test(inline.md)) || elliptical(inline.md))) {
      // (A Chinese question may open with a lower-case name: "gbdt为什么用负梯度代表残差？" names its subject.)
      // "Do we display ads as well?", "video content embeddings?": name what the notes are about.
      front = lang === 'en' ? `${topicMd} — ${front}` : `${topicMd}：${front}`;
    }

    let back = answer.length ? dedented(lines, answer, srcLines).replace(/^(?:\*\*|__)?(?:答|答案|解答?|Answer|Ans|A|Solution)(?:\*\*|__)?\s*[:：]\s*/i, '') : '';
    if (inline.answer) back = back ? `${inline.answer}\n\n${back}` : inline.answer;
    const hint = hints.length ? dedented(lines, hints, srcLines).replace(/^\s*(?:[-+*]|\d{1,9}[.)])\s+/, '') : '';
    if (!back) back = placeholder;
    if (hint) back += `\n\n${hint}`;
    out.specs.push({ kind: 'prompt', ns: 'prompt', key: q.md, front, back, line: lines[i]!.line, ...(q.tags.length ? { tags: q.tags } : {}) });
    consumed.add(i);
    asked.forEach((k) => consumed.add(k));
    answer.forEach((k) => consumed.add(k));
    hints.forEach((k) => consumed.add(k));
  }
  out.consumed = [...consumed];
  return out;
}

/** Asks in so many words: ends with "?"/"？" or opens with an interrogative ("How would…", "为什么…"). */
function asksOutright(plain: string): boolean {
  const t = plain.trim();
  return /[？?]\s*$/.test(t) || /^(?:what|why|how|when|which|who|where|is|are|does|do|can|should|would)\b/i.test(t) || /^(?:为什么|为何|如何|怎么|怎样|什么|哪)/.test(t);
}

/**
 * "Calculate the confusion matrix", "Compute TPR = …" among statements are the steps
 * of a procedure, not questions: an item that is a question only by its imperative
 * verb counts only when every item of its list is a question too (an interview list
 * of "Explain…"/"What…?" items). Items that ask outright are kept either way.
 */
function dropProcedureSteps(lines: readonly Line[], srcLines: readonly string[], questionAt: Map<ItemInfo, number>): void {
  const items = new Map<number, ItemInfo[]>();
  for (const l of lines) {
    if (!l.item || !l.first) continue;
    const list = items.get(l.item.list) ?? [];
    if (!list.includes(l.item)) list.push(l.item);
    items.set(l.item.list, list);
  }
  for (const [item, i] of [...questionAt]) {
    const q = questionOf(lines[i]!, srcLines);
    if (asksOutright(q.plain) || q.tags.length) continue; // "[M] Given …:" is an exercise
    // "* Ranking" › "* compute scores for pairs, and sort": a lower-case step of an outline, not a task set to the reader.
    if (/^[a-z]/.test(q.plain.trim())) {
      questionAt.delete(item);
      continue;
    }
    const siblings = items.get(item.list) ?? [];
    if (siblings.some((s) => !questionAt.has(s))) questionAt.delete(item);
  }
}

/**
 * "[H] Most ML algorithms use first-order derivatives …" or "[M] Given a logistic
 * discriminant classifier: $$…$$" with nested questions: a marked item that asks
 * nothing itself sets up its sub-questions. It is no card of its own; its text
 * (formulas included) opens each sub-question's front.
 */
function exerciseSetUps(lines: readonly Line[], srcLines: readonly string[], questionAt: Map<ItemInfo, number>): Map<ItemInfo, { md: string; tags: string[]; lines: number[] }> {
  const out = new Map<ItemInfo, { md: string; tags: string[]; lines: number[] }>();
  const parents = new Set<ItemInfo>();
  for (const item of questionAt.keys()) if (item.parent && questionAt.has(item.parent)) parents.add(item.parent);
  for (const item of parents) {
    const i = questionAt.get(item)!;
    const q = questionOf(lines[i]!, srcLines);
    const own = inlineAnswer(q.md).answer === '' && /[?？]\s*$/.test(q.plain);
    if (own || (looksLikeQuestion(q.plain) && !/[:：]\s*$/.test(q.plain))) continue;
    // The item's own lines (its paragraphs and formulas), not those of its sub-items.
    const mine: number[] = [];
    for (let j = i; j < lines.length && within(lines[j]!.item, item); j++) if (lines[j]!.item === item) mine.push(j);
    const rest = mine.filter((k) => k !== i);
    // "5. [H] Dynamic programming" above its questions: a marked topic label, not a set-up to repeat
    // in full; its questions read "Dynamic programming: …" as under any label item.
    if (!rest.length && q.plain.length <= 60 && q.plain.trim().split(/\s+/).length <= 6 && !/[.:：。;；,，]\s*$/.test(q.plain)) {
      questionAt.delete(item);
      continue;
    }
    const md = rest.length ? `${q.md}\n\n${dedented(lines, rest, srcLines)}` : q.md;
    out.set(item, { md, tags: q.tags, lines: mine });
    questionAt.delete(item);
  }
  return out;
}

const LINK_ONLY = /^!?\[[^\]\n]+\]\([^)\s]*\)\s*$/;

/**
 * "- [How does Facebook's ad targeting work?](https://…)" among other links: the title of an article to
 * read, not a question the notes ask (notes-en5). A linked question stays one in a list that asks
 * questions in plain text too ("* Tell me about yourself.", "* [Why do you want to work here?](…)").
 */
function dropLinkTitles(lines: readonly Line[], srcLines: readonly string[], questionAt: Map<ItemInfo, number>): void {
  const plainAsks = new Set<number>();
  const linked: ItemInfo[] = [];
  for (const [item, i] of questionAt) {
    if (LINK_ONLY.test(questionOf(lines[i]!, srcLines).md.trim())) linked.push(item);
    else plainAsks.add(item.list);
  }
  if (!linked.length) return;
  // (A lone linked question is still asked: only a list of two or more links reads as a reading list.)
  const links = new Map<number, number>();
  for (const l of lines) if (l.item && l.first && LINK_ONLY.test(questionOf(l, srcLines).md.trim())) links.set(l.item.list, (links.get(l.item.list) ?? 0) + 1);
  for (const item of linked) if (!plainAsks.has(item.list) && (links.get(item.list) ?? 0) >= 2) questionAt.delete(item);
}
