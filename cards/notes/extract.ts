// One section's lines → card specs. Specific cards (terms, formulas, open
// questions, explicit syntax) take their lines; what is left is the section's
// explanatory text, which becomes the section card. Links never become text:
// they are attached to every card of the section, or become one reading card.
import type { CardKind, CardLink } from '../types.ts';
import { isSafeUrl } from '../render/markdown.ts';
import type { ItemInfo, Line, Section } from './blocks.ts';
import { plainText } from './blocks.ts';
import { classifyLine, rawContent, type LineKind, type Term } from './classify.ts';
import { flatten, plainOf, type Flat } from './flat.ts';
import { clauseQuestion, genericQuestion, headingFormulaQuestion, lowerFirst, headingShape, isGenericHeading, isSubjectlessKey, looksLikeQuestion, promptQuestion, sectionQuestion, stripAskedAt, termQuestion, type TermContext } from './questions.ts';
import { sourceOf } from './source.ts';
import { explicitBlockCards, qaCards, clozeCards } from './explicit.ts';
import { ambiguousClozes, isEmphasisHighlight, isEnglishFlowLabel, isLectureSignpost, isReferenceBody, legendLines } from './lecture.ts';
import type { Lang } from './lang.ts';
import { dedented, listQuestions, within } from './listq.ts';
import { difficulty, stripAnswerLabel, stripNumbering, stripQuestionLabel } from './numbering.ts';
import { tableRowCards } from './tables.ts';
import { keyOwner, labelOwner } from './aspect.ts';
import { announcesOnly, isAnchorContents, isDescribedQuestion, isMemoQuestion, restatesHeading } from './outline.ts';
import { englishAspectQuestion, isEnglishAspect, isExamplesOnly, isPitfallHeading, pitfallQuestion, titleLower } from './englishAspect.ts';
import { isNarrationOnly } from './narration.ts';
import { opensPuzzle, puzzleParts } from './puzzle.ts';
import { isCodeWalkthrough } from './codewalk.ts';
import { kindsLead } from './leadin.ts';
import { attributeGroups, isUsageHeading, qualifierFront } from './attrgroups.ts';
import { isTopicOutline } from './syllabus.ts';
import { isLinkOnly, isMetaHeading, isNavigationLine, isReferenceHeading, sectionWorth, type DropRule } from './worth.ts';
import { hasFormula, LEGEND } from './formula.ts';
import { namesNothing } from './topic.ts';
import { isZhAction, isZhClause } from './zhterm.ts';
import { CALLOUT_LINE, stripCalloutMarker } from './obsidianBlocks.ts';
import { attributeFront, clarifyingItems, designSectionFront, designTermFront, isKeywordList, isSyllabusList, notATerm, parentAsContext, parentWithTopic } from './design.ts';

/** A parent item that ends by announcing examples: "… e.g.", "such as:", "for example:", "例如：". */
const EXAMPLES_LEAD = /(?:\be\.g\.?|\bfor (?:example|instance)|\bsuch as|例如|比如|举例(?:来说)?)\s*[:：,，]?$/i;

/** A question in running prose that the text goes on to answer: a connective opens it ("那…", "So…") or "呢" ends it. */
const RHETORICAL = /^(?:那么?|所以|于是|但是?|可是|然而|因此|上一(?:篇|节|章)|接下来|下面|现在|So\b|Now\b|But\b|And\b|Then\b)|呢\s*[？?]\s*$/i;

/**
 * "### Dialogue" then "- **Perplexity**: Fluency", "- **Task Success Rate**: For goal-oriented dialogue":
 * labels with a few words each are not definitions to recall one by one; the list is one card.
 * A glossary (longer texts) or generic labels ("Range", "When to use") stay term cards.
 */
function shortLabelLists(sec: Section, lines: readonly Line[], classes: readonly LineKind[], role: (Role | undefined)[], srcLines: readonly string[], specs: Spec[], sctx: SectionContext): void {
  const lists = new Map<number, number[]>();
  lines.forEach((l, k) => {
    if (!l.item) return;
    let top = l.item;
    while (top.parent) top = top.parent;
    const ks = lists.get(top.list) ?? [];
    ks.push(k);
    lists.set(top.list, ks);
  });
  for (const ks of lists.values()) {
    if (ks.some((k) => role[k] || lines[k]!.item!.parent || !lines[k]!.first)) continue;
    const terms = ks.map((k) => classes[k]!);
    if (terms.length < 3) continue;
    // A list that finishes a definition ("… summarizing quality:") is that definition's answer.
    let b = ks[0]! - 1;
    while (b >= 0 && classes[b]!.kind === 'blank') b--;
    const before = b >= 0 ? classes[b]! : undefined;
    if (before?.kind === 'terms' && !lines[b]!.item && /[:：]\s*$/.test(before.terms[before.terms.length - 1]!.body)) continue;
    const labels: string[] = [];
    const ok = terms.every((c) => {
      if (c.kind !== 'terms' || c.terms.length !== 1) return false;
      const t = c.terms[0]!;
      if (!t.emphasized || t.equation || /\$/.test(t.body) || isGenericHeading(t.plain)) return false;
      labels.push(t.md);
      return t.body.trim().split(/\s+/).length <= 4;
    });
    if (!ok) continue;
    const topic = sctx.topicMd && !namesNothing(sec.title) && sctx.topicMd.toLowerCase() !== sec.titleMd.toLowerCase() ? `${sctx.topicMd} — ${lowerFirst(sec.titleMd)}` : namesNothing(sec.title) && sctx.topicMd ? sctx.topicMd : sec.titleMd;
    const front = `${topic}: ${labels.join(', ')} — what does each mean?`;
    specs.push({ kind: 'term', ns: 'term', key: labels.map((x) => x.replace(/[*_`\\]/g, '')).join(', '), front, back: dedented(lines, ks, srcLines), line: lines[ks[0]!]!.line });
    for (const k of ks) role[k] = 'card';
  }
}

/** "Clarifying questions" of a design exercise: questions to ask, not to answer. */
const CLARIFYING = /^(?:clarifying questions?|clarification questions?|questions to (?:ask|clarify)|clarify(?:ing)? (?:the )?requirements?)\s*[:：]?$/i;

/** A card before identity: `ns` keeps e.g. a section card and a reading card of one heading apart. */
export interface Spec {
  kind: CardKind;
  ns: 'section' | 'term' | 'formula' | 'prompt' | 'reading' | 'qa' | 'cloze';
  key: string;
  front: string;
  back: string;
  line: number; // 0-based
  tags?: string[]; // e.g. a question's difficulty mark
}

/** What a section needs to know about its note to phrase questions. */
export interface SectionContext {
  lang: Lang;
  topicMd?: string; // the enclosing heading or the note's title: "Definition" is asked about it
  noteMd?: string; // the note's title, when the caller knows it
  aspectOf?: string; // the topic an aspect heading ("隐藏状态") belongs to (aspect.ts), Markdown
  design?: boolean; // a system-design outline (design.ts): labels are aspects of the system
}

export interface SectionResult {
  specs: Spec[];
  links: CardLink[];
  unsafeLinks: { line: number; url: string }[];
  /** Sections and candidate cards judged not worth a recall card (worth.ts), for reports. */
  dropped: { rule: DropRule | 'link-term'; line: number; heading?: string; back?: string }[];
}

type Role = 'blank' | 'prose' | 'math' | 'term' | 'formula' | 'link' | 'card';

/** The back of a question the notes leave open, in the notes' language. */
export function openBack(lang: Lang, links: boolean): string {
  if (lang === 'en') return links ? '(Open question: the notes give no answer; see the links of this section.)' : '(Open question: the notes give no answer.)';
  return links ? '（开放问题：笔记里没有写答案，参考本节链接。）' : '（开放问题：笔记里没有写答案。）';
}


/** "答：…" / "Answer: …" opening an answer is the notes' scaffolding, not the answer. */
const ANSWER_LABEL = /^(?:\*\*|__)?(?:答|答案|解答?|Answer|Ans|A|Solution)(?:\*\*|__)?\s*[:：]\s*/i;

function escapeTitle(s: string): string {
  return s.replace(/([\\`*_[\]<])/g, '\\$1');
}

function collectLinks(lines: readonly Line[], flats: readonly Flat[], out: SectionResult): void {
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    for (const a of flats[i]!.atoms) {
      if (a.kind !== 'link' || !a.url) continue;
      if (isSafeUrl(a.url)) {
        if (!seen.has(a.url)) out.links.push({ title: a.plain.trim() || a.url, url: a.url.trim() });
        seen.add(a.url);
      } else if (/^\s*[a-z][a-z0-9+.-]*:/i.test(a.url)) out.unsafeLinks.push({ line: l.line, url: a.url });
    }
  });
}

export function extractSection(sec: Section, srcLines: readonly string[], sctx: SectionContext = { lang: 'zh' }): SectionResult {
  const out: SectionResult = { specs: [], links: [], unsafeLinks: [], dropped: [] };
  const lang = sctx.lang;
  const lines = sec.lines;
  const n = lines.length;
  const flats = lines.map((l) => flatten(l.tokens));
  collectLinks(lines, flats, out);
  const classes: LineKind[] = lines.map((l, i) => classifyLine(l, srcLines, flats[i]));
  const role: (Role | undefined)[] = new Array(n);
  const specs = out.specs;
  // "Contribution", "News", "License": the repository's housekeeping gives no card at all (explicit cards aside).
  const meta = sec.title !== '' && isMetaHeading(sec.title);
  if (meta) out.dropped.push({ rule: 'meta', line: sec.line });
  const implicit = sec.title !== '' && !meta;
  const placeholder = openBack(lang, out.links.length > 0);
  const src = (from: number, to: number) => sourceOf(lines.slice(from, to), srcLines);

  for (const card of explicitBlockCards(lines, srcLines)) {
    for (let i = card.from; i < card.to; i++) role[i] = 'card';
    specs.push(...card.specs);
  }
  if (implicit && CLARIFYING.test(stripNumbering(sec.title).trim()) && sctx.topicMd && lang === 'en') {
    // A list of questions to ask the interviewer has no answers to recall one by one: the list is the answer.
    const body = lines.map((_, k) => k).filter((k) => !role[k] && classes[k]!.kind !== 'blank');
    if (body.length >= 2) {
      specs.push({ kind: 'section', ns: 'section', key: sec.title, front: `${sctx.topicMd}: what clarifying questions would you ask?`, back: dedented(lines, body, srcLines), line: sec.line });
      return out;
    }
  }
  if (implicit && lang === 'en') {
    // "* Clarifying questions" › "- Use case?": one card, the sub-items its answer (design.ts).
    const cq = clarifyingItems(sec, lines, srcLines, role, sctx.topicMd ?? sctx.noteMd);
    for (const k of cq.consumed) role[k] = 'card';
    specs.push(...cq.specs);
  }
  if (implicit) {
    const lq = listQuestions(lines, srcLines, role, lang, placeholder, namesNothing(sec.title) ? sctx.topicMd : sec.titleMd);
    for (const k of lq.consumed) role[k] = 'card';
    specs.push(...lq.specs);
    lines.forEach((l, k) => {
      if (role[k] || !l.table || l.item) return;
      // ("优缺点及改进算法" under K-means: a Chinese row of drawbacks is the topic's, not the heading's.)
      const rows = tableRowCards(l.table, l.line, lang, sec.titleMd, namesNothing(sec.title) || (lang === 'zh' && headingShape(sec.title) === 'list') ? (sctx.topicMd ?? sec.titleMd) : sec.titleMd);
      if (!rows) return;
      specs.push(...rows);
      role[k] = 'card';
    });
  }

  const mathRun = (from: number): number => {
    let j = from;
    while (j < n && !role[j] && classes[j]!.kind === 'math') j++;
    return j;
  };
  const derivatives = (from: number, to: number) => {
    const d = classes.slice(from, to).map((c) => c.kind === 'math' && c.derivative);
    return { allDerivatives: d.length > 0 && d.every(Boolean), anyDerivative: d.some(Boolean) };
  };
  // Under "Stage 2: Train a Reward Model" a term is about RLHF's reward-model step: "RLHF, train a reward model: architecture?".
  // Under "Static defenses" (an aspect of "Prompt Injection") a term is the topic's too: "Prompt Injection, static defenses: what is …?" (englishAspect.ts).
  const enAspect = isAspectSection(sec, sctx, lang);
  const termTopic = lang === 'en' && sctx.topicMd && (enAspect || clauseQuestion(sec.titleMd, sec.title)) ? `${sctx.topicMd}, ${enAspect ? titleLower(sec.titleMd) : lowerFirst(sec.titleMd)}` : sec.titleMd;
  const ctx = (extra: Partial<TermContext>): TermContext => ({
    headingMd: sec.titleMd,
    headingPlain: sec.title,
    topicMd: isGenericHeading(sec.title) && sctx.topicMd ? sctx.topicMd : termTopic,
    attachedFormulas: false,
    allDerivatives: false,
    anyDerivative: false,
    mathBody: true,
    ...extra,
  });
  // A term nested in a list ("- Offline" › "- CTR: …") is asked under its parent item.
  const firstOfItem = new Map<ItemInfo, number>();
  const indexOfLine = new Map<number, number>();
  lines.forEach((l, k) => {
    if (l.item && l.first) firstOfItem.set(l.item, k);
    if (!indexOfLine.has(l.line)) indexOfLine.set(l.line, k);
  });
  // "- assign a score to each engagement type, e.g." › "- click only -> score 1", "- add to cart : score 3":
  // items under a parent that ends by announcing examples are those examples, never terms of their own.
  const examplesOfParent = (k: number): boolean => {
    const parent = lines[k]!.item?.parent;
    const p = parent ? firstOfItem.get(parent) : undefined;
    return p !== undefined && EXAMPLES_LEAD.test(plainText(lines[p]!.tokens).trim());
  };
  // "**Model-Free**: …" right above "- Pro: …" / "- Con: …": the list is about that term.
  const leadTerm = (k: number): string | undefined => {
    const item = lines[k]!.item;
    if (!item || item.parent) return undefined;
    let s = k;
    while (s > 0 && lines[s - 1]!.item?.list === item.list) s--;
    const c = s > 0 ? classes[s - 1]! : undefined;
    return c?.kind === 'terms' && c.terms.length === 1 && c.terms[0]!.emphasized && !lines[s - 1]!.item ? c.terms[0]!.md : undefined;
  };
  // "**Strengths**:" above "- Efficient: only uses …": the items are the strengths, not terms to define.
  const genericLead = (k: number): boolean => {
    let item = lines[k]!.item;
    while (item?.parent) item = item.parent;
    if (!item) return false;
    let s = k;
    while (s > 0 && lines[s - 1]!.item && (lines[s - 1]!.item === item || within(lines[s - 1]!.item, item) || lines[s - 1]!.item!.list === item.list)) s--;
    if (s === 0 || lines[s - 1]!.item) return false;
    const lead = plainText(lines[s - 1]!.tokens).trim();
    return /[:：]$/.test(lead) && lead.length <= 40 && isGenericHeading(lead.replace(/[:：]$/, '').trim());
  };
  // The end (exclusive) of the list that starts right after line i (blank lines between), or 0.
  const listAfter = (i: number): number => {
    let j = i + 1;
    while (j < n && classes[j]!.kind === 'blank') j++;
    const first = lines[j]?.item;
    if (!first || first.parent || first.index !== 0 || role[j]) return 0;
    let k = j;
    while (k < n && !role[k] && (within(lines[k]!.item, first) || lines[k]!.item?.list === first.list || (classes[k]!.kind === 'blank' && lines[k + 1]?.item?.list === first.list))) {
      let top = lines[k]!.item;
      while (top?.parent) top = top.parent;
      if (top && top.list !== first.list) break;
      k++;
    }
    return k;
  };
  const parentItem = (line: number): string | undefined => {
    const k = indexOfLine.get(line);
    const parent = k !== undefined ? lines[k]!.item?.parent : undefined;
    const p = parent ? firstOfItem.get(parent) : undefined;
    if (p === undefined) return k !== undefined ? leadTerm(k) : undefined;
    const md = stripNumbering(rawContent(srcLines[lines[p]!.line] ?? '')).replace(/\s*[:：;；,，、]+$/, '').trim(); // "Requirements;" names the list below it
    const plain = plainText(lines[p]!.tokens).trim();
    if (!md || plain.length > 60 || /[:：]\s*\S/.test(plain) || /[:：]\s*\S/.test(md)) return undefined;
    return lang === 'en' ? parentAsContext(md, plain, sctx.topicMd) : md;
  };
  const ownItem = (line: number): string | undefined => {
    const k = indexOfLine.get(line);
    const item = k !== undefined && !lines[k]!.first ? lines[k]!.item : undefined;
    const p = item ? firstOfItem.get(item) : undefined;
    if (p === undefined || p === k) return undefined;
    const md = stripNumbering(rawContent(srcLines[lines[p]!.line] ?? '')).replace(/\s*[:：;；,，、]+$/, '').trim();
    return md && plainText(lines[p]!.tokens).trim().length <= 40 && !/[:：]/.test(md) ? md : undefined;
  };
  // The paragraph right above the top-level list holding source line `line`, if it announces a set of kinds.
  const kindsOf = (line: number): string | undefined => {
    const k = indexOfLine.get(line);
    const item = k !== undefined ? lines[k]!.item : undefined;
    if (k === undefined || !item || item.parent) return undefined;
    let s = k;
    while (s > 0 && (lines[s - 1]!.item?.list === item.list || within(lines[s - 1]!.item, item) || (lines[s - 1]!.item && lines[s - 1]!.item!.parent))) s--;
    while (s > 0 && classes[s - 1]!.kind === 'blank') s--;
    if (s === 0 || lines[s - 1]!.item || lines[s - 1]!.code || lines[s - 1]!.tex !== undefined) return undefined;
    return kindsLead(plainText(lines[s - 1]!.tokens), sec.titleMd && !isGenericHeading(sec.title) ? sec.titleMd : sctx.topicMd);
  };
  const inSequence = (line: number): boolean => {
    const k = indexOfLine.get(line);
    return k !== undefined && !!lines[k]!.item?.ordered;
  };
  const termSpec = (t: Term, claimed: boolean, c: TermContext, back: string, line: number, key = t.plain): Spec => {
    // "优点：…" under "优缺点及改进算法", an aspect of K-means: "K-means的优点有哪些？" (aspect.ts).
    const labelTopic = lang === 'zh' ? labelOwner(sec.title, t.plain, sctx.aspectOf) : undefined;
    if (labelTopic) c = { ...c, topicMd: labelTopic };
    // A formula card must show a formula; a sentence or a worked number is a term card.
    const formula = claimed && hasFormula(back);
    // "公式：" continuing the item "- 杰卡德相似度" is that item's formula.
    const found = formula && !isSubjectlessKey(t.plain) ? undefined : ((isSubjectlessKey(t.plain) ? ownItem(line) : undefined) ?? parentItem(line));
    // In a design outline "ML formulation" › "ML category: …" is asked about the system (design.ts).
    const parent = found && lang === 'en' ? parentWithTopic(found, t.plain, c.topicMd ?? sctx.topicMd) : found;
    // "预测问题" in HMM notes is the HMM's: "HMM的预测问题是什么？" (aspect.ts).
    // (Under "CNN的特点以及优势" the question already names the heading.)
    const owner = lang === 'zh' && !parent && !/特点|优势|优点|缺点|作用/.test(sec.title) ? keyOwner(t.plain, c.topicMd) : undefined;
    if (owner) t = { ...t, md: `${owner}的${t.md.replace(/^(?:相应的|对应的|其|该)/, '')}` };
    // "Latency: can vary for different categories" is an aspect of the system, not a concept: "System: latency?".
    const designFront = sctx.design && !formula ? designTermFront(t.md, t.plain, { ...(parent ? { parent } : {}), ...(c.topicMd ? { topicMd: c.topicMd } : {}), headingPlain: sec.title, ...((sctx.topicMd ?? sctx.noteMd) ? { systemMd: (sctx.topicMd ?? sctx.noteMd)! } : {}) }) : undefined;
    let front = designFront ?? (lang === 'en' && !formula ? (attributeFront(t.md, t.plain, parent ?? c.topicMd) ?? qualifierFront(t.md, t.plain, parent ?? c.topicMd)) : undefined) ?? termQuestion(t, formula, { ...(parent ? { ...c, parentItem: parent } : c), ...(inSequence(line) ? { inSequence: true } : {}) }, lang);
    // "Capacity" under Prophet's "参数": a bare "X是什么？" names neither the topic nor the label above it.
    // "多对一：…" in a list under "…常见的类型包括：": asked as a kind of the section's subject (leadin.ts).
    const kinds = lang === 'zh' && !parent && !owner && !formula && /是什么？$|^什么是/.test(front) ? kindsOf(line) : undefined;
    if (kinds && !front.includes(kinds)) front = `${kinds}：${front}`;
    if (lang === 'zh' && !parent && !owner && front === `${t.md}是什么？` && isGenericHeading(sec.title) && /[\u4e00-\u9fff]/.test(sec.title) && !/总结|小结/.test(sec.title) && sctx.topicMd && !t.plain.includes(sctx.topicMd.replace(/\\/g, ''))) front = `${sctx.topicMd}的${sec.titleMd}：${front}`;
    return {
      kind: formula ? 'formula' : 'term',
      ns: 'term', // a term that gains a formula keeps its id
      key,
      front,
      back,
      line,
    };
  };

  // "**No Re-ranking** (Fastest):" over "- Latency: …", "- Use when: …": one card per described thing (attrgroups.ts).
  if (implicit && lang === 'en') {
    // "### Naive RAG is sufficient for" › "- **Prototyping**: Quick POC": situations, not terms (attrgroups.ts).
    if (isUsageHeading(stripNumbering(sec.title))) lines.forEach((l, k) => l.item && !role[k] && classes[k]!.kind === 'terms' && (role[k] = 'prose'));
    for (const g of attributeGroups(lines, classes, role)) {
      const joined = [...g.description, ...g.items];
      if (g.shape === 'remark' || !g.term) {
        for (const k of [g.lead, ...joined]) role[k] = 'prose';
        continue;
      }
      const t = g.term;
      const line = lines[g.lead]!.line;
      const parts = [t.body, g.description.length ? src(g.description[0]!, g.description[g.description.length - 1]! + 1) : '', g.items.length ? dedented(lines, g.items, srcLines) : ''];
      const back = parts.filter((x) => x.trim()).join('\n\n');
      const c = ctx({});
      const pitfall = isPitfallHeading(stripNumbering(sec.title)) || (sec.crumbs.length >= 2 && isPitfallHeading(stripNumbering(sec.crumbs[sec.crumbs.length - 2]!)));
      const spec = termSpec(t, false, c, back, line);
      // A name with only its attributes below: "Latency vs Accuracy: No Re-ranking (Fastest) — latency, accuracy, use when?".
      if (g.shape === 'name' && !g.description.length && !pitfall && g.labels.length && c.topicMd) {
        const name = `${stripNumbering(t.md.replace(/\*\*|__/g, '').trim())} — ${g.labels.map((x) => x.toLowerCase()).join(', ')}?`;
        // Under "How to choose the Rank?" the heading's question is the context, after the card's own.
        spec.front = /[?？]$/.test(c.topicMd) ? `${name} (${c.topicMd.replace(/\s*[?？]$/, '')})` : `${c.topicMd}: ${name}`;
      }
      specs.push(spec);
      for (const k of [g.lead, ...joined]) role[k] = 'term';
    }
  }
  if (implicit && lang === 'en') shortLabelLists(sec, lines, classes, role, srcLines, specs, sctx);

  // "Where:" and its list under a formula explain its symbols: they stay in the
  // answer (and join the heading's formula card), never cards of their own.
  const legends = new Map<number, number[]>();
  if (implicit) {
    for (let i = 1; i < n; i++) {
      if (role[i] || lines[i]!.item || !LEGEND.test(plainText(lines[i]!.tokens))) continue;
      let m = i - 1;
      while (m > 0 && classes[m]!.kind === 'blank') m--;
      if (classes[m]!.kind !== 'math' || role[m]) continue;
      const legend = [i];
      let k = i + 1;
      while (k < n && !role[k] && lines[k]!.block === lines[i]!.block) legend.push(k++);
      // Only a bare "Where:" owns the list below it ("This makes SVMs:" introduces other points).
      if (/^\W*\w{0,6}\W*[:：]\s*$/u.test(plainText(lines[k - 1]!.tokens).trim()) && k === i + 1) {
        while (k < n && !role[k] && (lines[k]!.item || classes[k]!.kind === 'blank') && !(classes[k]!.kind === 'blank' && !lines[k + 1]?.item)) legend.push(k++);
        // "where:" then an HTML list ("<ul><li>$n$ is …</li></ul>", a glossary exported from HTML) is the same legend.
        let h = k;
        while (h < n && !role[h] && classes[h]!.kind === 'blank') h++;
        if (h < n && h > k - 1 && !role[h] && !lines[h]!.item && /^\s*<(?:ul|ol|dl)\b/i.test(srcLines[lines[h]!.line] ?? '')) {
          const block = lines[h]!.block;
          while (k < h) legend.push(k++);
          while (k < n && !role[k] && lines[k]!.block === block) legend.push(k++);
        }
      }
      for (const j of legend) if (classes[j]!.kind !== 'blank') role[j] = 'prose';
      legends.set(m, legend.filter((j) => classes[j]!.kind !== 'blank'));
    }
  }

  // Under a Chinese question heading ("有哪些防止过拟合的策略？") the "增加训练数据：…" items are
  // the answer, not terms to ask about one by one ("增加训练数据是什么？"); formulas keep their cards.
  const answersHeading = implicit && lang === 'zh' && headingShape(sec.title, lang) === 'question';
  const plainItem = (k: number): boolean => {
    const ck = classes[k]!;
    if (mathRun(k + 1) > k + 1) return false;
    if (ck.kind === 'terms') return !ck.terms.some((t) => t.equation) && !ck.terms.every((t) => isLinkOnly(t.body) || isReferenceHeading(t.plain));
    const next = classes[k + 1];
    return ck.kind === 'label' && !(next?.kind === 'terms' && next.terms.every((x) => x.equation));
  };

  // A highlighted whole clause is emphasis, and two highlights leaving the same front cannot be told apart (lecture.ts).
  const clozeOf = (k: number, c: Extract<LineKind, { kind: 'cloze' }>) => (isEmphasisHighlight(src(k, k + 1), c.marks) ? [] : clozeCards(src(k, k + 1), c.marks, lines[k]!.line));
  const legend = legendLines(classes, (c) => (c.kind === 'terms' ? c.terms.map((t) => t.plain) : null));
  const ambiguous = ambiguousClozes(classes.flatMap((c, k) => (c.kind === 'cloze' ? clozeOf(k, c) : [])));
  const ownText = classes.some((x) => x.kind !== 'blank' && x.kind !== 'cloze' && x.kind !== 'qa' && x.kind !== 'links');
  for (let i = 0; i < n; i++) {
    if (role[i]) continue;
    const c = classes[i]!;
    const line = lines[i]!.line;
    if (answersHeading && plainItem(i)) {
      role[i] = 'prose';
      continue;
    }
    if (c.kind === 'blank' || c.kind === 'links') {
      role[i] = c.kind === 'blank' ? 'blank' : 'link';
    } else if (c.kind === 'qa') {
      specs.push(...qaCards(c.front, c.back, c.reversed, line));
      role[i] = 'card';
    } else if (c.kind === 'cloze') {
      const made = clozeOf(i, c);
      if (made.length && !made.some((m) => ambiguous.has(m.front))) {
        specs.push(...made);
        // "LoRA freezes the weights and learns a ==low-rank update==" is also what "What is LoRA?" answers:
        // in a section with text of its own the sentence stays in the section card (an OSR deck of clozes makes none).
        role[i] = implicit && ownText ? 'prose' : 'card';
      } else role[i] = 'prose';
    } else if (!implicit) {
      role[i] = 'prose';
    } else if (c.kind === 'prompts' && lang === 'en' && (softWrapped(lines, srcLines, i) || (c.items.length === 1 && (isMemoQuestion(c.items[0]!, c.items[0]!) || isDescribedQuestion(c.items[0]!))))) {
      // "unrated movies. For example, will User 1 like Black Panther?": the tail of a wrapped paragraph, not a question;
      // "gradient?" in an outline is a memo (outline.ts).
      role[i] = 'prose';
    } else if (c.kind === 'prompts' && c.items.length === 1) {
      // "（1）为什么…？" / "Q: Why…?" as a paragraph: the paragraphs after it, up to the next question, answer it.
      // A link inside the question ("[自注意力机制](https://…)如何…？") is a reference, not part of what is asked.
      // "> [!question]- What is …?": the callout's title asks, its body (and nothing after the callout) answers (obsidianBlocks.ts).
      const callout = CALLOUT_LINE.test(srcLines[lines[i]!.line] ?? '');
      const d = difficulty(stripNumbering(stripQuestionLabel(stripCalloutMarker(c.items[0]!)).replace(/(?<!!)\[([^\]\n]{1,200})\]\([^)\s]{1,2000}\)/g, '$1')));
      role[i] = 'card';
      let j = i + 1;
      const answer: number[] = [];
      for (; j < n && !role[j]; j++) {
        const cj = classes[j]!;
        if (cj.kind === 'prompts' || cj.kind === 'qa' || cj.kind === 'cloze' || cj.kind === 'links') break;
        const src = srcLines[lines[j]!.line] ?? '';
        if (callout && cj.kind !== 'blank' && (!/^[ \t]*>/.test(src) || CALLOUT_LINE.test(src))) break;
        answer.push(j);
      }
      while (answer.length && classes[answer[answer.length - 1]!]!.kind === 'blank') answer.pop();
      if (!answer.length && RHETORICAL.test(d.text)) {
        // "那如何用vector来表示一个word呢？" with nothing after it: the prose asking itself, not a question to review.
        role[i] = 'prose';
        continue;
      }
      answer.forEach((k) => (role[k] = 'card'));
      const back = answer.length ? dedented(lines, answer, srcLines).replace(ANSWER_LABEL, '') : placeholder;
      specs.push({ kind: 'prompt', ns: 'prompt', key: stripQuestionLabel(c.items[0]!), front: promptQuestion(d.text, lang), back, line, ...(d.tags.length ? { tags: d.tags } : {}) });
      i = j - 1;
    } else if (c.kind === 'prompts') {
      for (const item of c.items) specs.push({ kind: 'prompt', ns: 'prompt', key: item, front: promptQuestion(item, lang), back: placeholder, line });
      role[i] = 'card';
    } else if (c.kind === 'label' && lang === 'en' && notATerm(c.term.plain, !!sctx.design)) {
      role[i] = 'prose'; // "**Another example**:" opens more text, it names nothing (design.ts)
    } else if (c.kind === 'label') {
      const t = c.term;
      const next = classes[i + 1];
      const run = mathRun(i + 1);
      if (run > i + 1) {
        // "**sigmoid**" or "从后往前计算：" followed by its formulas
        specs.push(termSpec(t, true, ctx(derivatives(i + 1, run)), src(i + 1, run), line));
        role.fill('formula', i, run);
        i = run - 1;
      } else if (next?.kind === 'terms' && next.terms.every((x) => x.equation)) {
        // "**卷积层**：" above "FLOPs：$…$" and "参数量：$…$": one formula card each
        let j = i + 1;
        for (; j < n && !role[j]; j++) {
          const cj = classes[j]!;
          if (cj.kind !== 'terms' || !cj.terms.every((x) => x.equation)) break;
          for (const x of cj.terms) {
            const mathBody = /\$/.test(x.body);
            specs.push(termSpec(x, true, ctx({ group: t.md, mathBody }), x.body, lines[j]!.line, `${t.plain} · ${x.plain}`));
          }
        }
        role.fill('formula', i, j);
        i = j - 1;
      } else {
        // "**牛顿法**：" then its explanation lines, up to the next item or paragraph
        let j = i + 1;
        const continues = (k: number) => {
          const ck = classes[k]!;
          if (role[k] || lines[k]!.block !== lines[i]!.block) return false;
          return ck.kind === 'prose' || (ck.kind === 'terms' && !ck.terms.some((x) => x.emphasized));
        };
        while (j < n && continues(j)) j++;
        if (j === i + 1) {
          role[i] = 'prose';
          continue;
        }
        const formula = classes.slice(i + 1, j).some((x) => x.kind === 'terms' && x.terms.some((y) => y.equation));
        specs.push(termSpec(t, formula, ctx({}), src(i + 1, j), line));
        role.fill(formula ? 'formula' : 'term', i, j);
        i = j - 1;
      }
    } else if (c.kind === 'terms' && c.terms.every((t) => isLinkOnly(t.body) || isReferenceHeading(t.plain)) && mathRun(i + 1) === i + 1) {
      // "Paper: [Title](…)", "参考：https://…", "参考文献：Rifai et al.": a reference, not a definition; its links stay on the section's cards.
      role[i] = 'link';
      out.dropped.push({ rule: 'link-term', line });
    } else if (c.kind === 'terms' && (legend.has(i) || c.terms.every((t) => isReferenceBody(t.body, t.plain))) && mathRun(i + 1) === i + 1) {
      // "$X_s$：物种" in a legend of symbols, "SVM paper：Joachims, …, ICML, 1999": part of the answer, not a term (lecture.ts).
      role[i] = 'prose';
    } else if (c.kind === 'terms' && lines[i]!.item && (genericLead(i) || examplesOfParent(i))) {
      role[i] = 'prose'; // also "assign scores to each engagement type e.g." › "- add to cart: score 3": examples, not terms
    } else if (c.kind === 'terms' && lang === 'en' && lines[i]!.item && c.terms.every((t) => isExamplesOnly(t.body))) {
      role[i] = 'prose'; // "- Acronyms: "XML", "API", "RAG"": an example of the list above, not a definition (englishAspect.ts)
    } else if (c.kind === 'terms' && lang === 'en' && c.terms.every((t) => notATerm(t.plain, !!sctx.design))) {
      role[i] = 'prose'; // "Another example: …", "improve: …" (design.ts)
    } else if (c.kind === 'terms' && c.terms.length === 1 && !lines[i]!.item && /[:：]\s*$/.test(c.terms[0]!.body) && listAfter(i) > 0) {
      // "**AUC** is a single number summarizing quality:" then "- **AUC = 1.0**: Perfect …": the list finishes the definition.
      const end = listAfter(i);
      const t = c.terms[0]!;
      specs.push(termSpec(t, false, ctx({}), `${t.body}\n\n${dedented(lines, lines.map((_, k) => k).slice(i + 1, end).filter((k) => classes[k]!.kind !== 'blank'), srcLines)}`, line));
      role.fill('term', i, end);
      i = end - 1;
    } else if (c.kind === 'terms') {
      const run = c.terms.length === 1 ? mathRun(i + 1) : i + 1;
      const attached = run > i + 1;
      for (const t of c.terms) {
        const formula = t.equation || attached;
        const back = attached ? `${t.body}\n\n${src(i + 1, run)}` : t.body;
        const extra = attached ? derivatives(i + 1, run) : {};
        specs.push(termSpec(t, formula, ctx({ ...extra, attachedFormulas: attached, mathBody: /\$/.test(back) }), back, line));
      }
      role.fill(c.terms.some((t) => t.equation) || attached ? 'formula' : 'term', i, run);
      i = run - 1;
    } else {
      role[i] = c.kind === 'math' ? 'math' : 'prose';
    }
  }

  if (implicit) finishSection(sec, lines, flats, classes, role, srcLines, out, sctx, legends);
  // Notes order (stable: a line's prompts keep their order; the section card, at the heading, leads).
  out.specs.sort((a, b) => a.line - b.line);
  return out;
}

/**
 * A textbook task section ("定义损失函数", "从零开始实现门控循环单元") that is code
 * with a sentence or two about the code, or one sentence announcing what comes
 * ("我们先介绍如何从零开始实现…"), is not worth a card.
 */
function textbookTask(title: string, answer: readonly Line[]): DropRule | undefined {
  if (!isZhAction(title) && !/^(?:简洁实现|从零开始实现)/.test(title.trim())) return undefined;
  const text = answer.filter((l) => !l.code && !l.other).map((l) => plainText(l.tokens).trim()).join('');
  const words = text.replace(/[\s\p{P}]/gu, '').length;
  if (answer.some((l) => l.code) && words < 150) return 'code';
  if (words < 60 && /^(?:下面|我们先|我们首先|接下来|本节|这里|首先)/.test(text) && (text.match(/[。！]/g) ?? []).length <= 1) return 'filler';
  // "在训练词嵌入模型之前，我们需要定义模型的损失函数。": one short sentence under a task heading leads to code.
  if (words < 30 && (text.match(/[。！？]/g) ?? []).length <= 1 && /我们(?:需要|要|先|将|会)|下面|接下来/.test(text)) return 'filler';
  return undefined;
}

/** "例如$\eta_t=…$", "当$c_i=1$时", "如果我们能将新添加的层训练成恒等映射$f(x)=x$": an example or a condition in prose, not the heading's formula. */
const SETS_VALUE = /^(?:例如|比如|譬如|如果|假如|假设|若|当|且|并且|而且|设置?|让我们|我们(?:会|将|可以|考虑|讨论|先|再)|如|即|也就是|这里|此时|给定|考虑|最后|接下来|下面|同样|类似地|注意)/;

/** Does an equation sentence state the heading's formula? Not when the sentence or the clause holding the equation sets a value or gives an example. */
function definesFormula(sentence: string): boolean {
  const eq = sentence.search(/\$[^$]*(?<!\\not)=[^$]*\$/);
  const clause = sentence.slice(0, eq);
  const start = clause.slice(Math.max(clause.lastIndexOf('，'), clause.lastIndexOf('。'), clause.lastIndexOf(','), clause.lastIndexOf('；')) + 1).trim();
  return !SETS_VALUE.test(sentence.trim()) && !SETS_VALUE.test(start);
}

/** Heading-keyed formulas, the section card and the reading card: they need the whole section's picture. */
function finishSection(
  sec: Section,
  lines: readonly Line[],
  flats: readonly Flat[],
  classes: readonly LineKind[],
  role: (Role | undefined)[],
  srcLines: readonly string[],
  out: SectionResult,
  sctx: SectionContext,
  legends: ReadonlyMap<number, number[]>,
): void {
  const lang = sctx.lang;
  const specs = out.specs;
  const idx = (r: Role) => lines.map((_, i) => i).filter((i) => role[i] === r);
  const prose = idx('prose').filter((i) => plainText(lines[i]!.tokens).trim().length > 1 || lines[i]!.other);
  const formulaCards = specs.some((s) => s.kind === 'formula');
  const pick = (is: number[]) => sourceOf(is.map((i) => lines[i]!), srcLines);
  // "算法" / "Conclusion" name no formula: ask about what they belong to.
  const formulaTopic = isGenericHeading(sec.title) && sctx.topicMd ? sctx.topicMd : sctx.aspectOf ? `${sctx.aspectOf}的${sec.titleMd}` : lang === 'zh' && sctx.topicMd && isEnglishFlowLabel(sec.title) ? (sec.title.toLowerCase().includes(sctx.topicMd.replace(/[\\*_`]/g, '').toLowerCase()) ? sctx.topicMd : `${sctx.topicMd}（${sec.titleMd}）`) : sec.titleMd;

  if (prose.length === 0) {
    // A section that is just formulas (标签平滑): the heading names them.
    const math = idx('math');
    if (math.length && hasFormula(pick(math))) {
      specs.push({ kind: 'formula', ns: 'formula', key: sec.title, front: headingFormulaQuestion(formulaTopic, lang), back: pick(math), line: lines[math[0]!]!.line });
      math.forEach((i) => (role[i] = 'formula'));
    }
  } else if (!formulaCards && headingShape(sec.title, lang) !== 'question' && !(lang === 'zh' && isZhAction(sec.title))) {
    // ("生成数据集" is a task: its equation is an example in the section's answer, not what the heading names.)
    // An equation inside the prose (权重衰减's update rule) is the section's formula.
    const explained = new Set([...legends.values()].flat());
    const sentences = prose
      .filter((i) => !explained.has(i))
      .flatMap((i) => pick([i]).split(/(?<=[。！？])/))
      // ("…，那么上式可以简写成" leads into a displayed formula: without it the sentence states nothing.)
      .filter((s) => /\$[^$]*(?<!\\not)=[^$]*\$/.test(s) && !LEGEND.test(s) && hasFormula(s) && (lang !== 'zh' || !/(?:为|是|成|如下|得到|可得|有|[：:，,])\s*$/.test(s)))
      // Chinese textbooks set values and give examples in prose ("例如$\eta_t=…$", "当$c_i=1$时"): only a sentence that defines ("…定义为$…$") states the heading's formula.
      .filter((s) => lang !== 'zh' || definesFormula(s));
    // A displayed formula the notes explain with a "where …" legend (GAE, BLEU) is the section's formula; the legend alone is none.
    const shown = [...legends.keys()].find((m) => role[m] === 'math' && hasFormula(pick([m])));
    if (shown !== undefined) {
      // A legend that stops mid-sentence ("…，输出层的输出为") leads into the next displayed formula: it joins the card.
      const legend = legends.get(shown)!;
      const n = lines.length;
      const last = legend[legend.length - 1];
      let next = last === undefined ? n : last + 1;
      while (next < n && classes[next]!.kind === 'blank') next++;
      const more = last !== undefined && next < n && classes[next]!.kind === 'math' && !/[。！？.!?；;]\s*$/.test(plainText(lines[last]!.tokens).trim()) ? [next] : [];
      specs.push({ kind: 'formula', ns: 'formula', key: sec.title, front: headingFormulaQuestion(formulaTopic, lang), back: pick([shown, ...legend, ...more]), line: lines[shown]!.line });
    } else if (sentences.length && !(lang === 'zh' && prose.length > 2)) {
      // (In a Chinese section of several paragraphs — a lecture's narration, a textbook's derivation — an equation in a sentence is a step of the explanation, not what the heading names: it stays in the section's answer.)
      // Start at the clause that introduces the formula: "引入一个衰减系数：$\theta_t=…$，…"
      const first = sentences[0]!;
      const eq = first.search(/\$[^$]*(?<!\\not)=[^$]*\$/);
      const clause = Math.max(first.lastIndexOf('，', eq), first.lastIndexOf('。', eq)) + 1;
      sentences[0] = first.slice(clause);
      const line = lines[prose.find((i) => flats[i]!.atoms.some((a) => a.equation)) ?? prose[0]!]!.line;
      specs.push({ kind: 'formula', ns: 'formula', key: sec.title, front: headingFormulaQuestion(formulaTopic, lang), back: sentences.join('').trim(), line });
    }
  }

  // A section that is only code (and its printed output) is not a recall card.
  if (prose.length && prose.every((i) => lines[i]!.code)) prose.length = 0;
  if (prose.length) {
    const shape = headingShape(sec.title, lang);
    const keep: Role[] = shape === 'calc' || shape === 'list' ? ['prose', 'math', 'term', 'formula'] : ['prose', 'math', 'term'];
    // "Back to [[Index]]", "Next: …": navigation is never part of an answer.
    const answer = lines.map((_, i) => i).filter((i) => keep.includes(role[i]!) && classes[i]!.kind !== 'blank' && !isNavigationLine(srcLines[lines[i]!.line] ?? ''));
    const taskDrop = lang === 'zh' ? (textbookTask(sec.title, answer.map((i) => lines[i]!)) ?? (shape !== 'question' && isNarrationOnly(answer.map((i) => lines[i]!), { intro: sec.hasChildren && sec.path.length === 1 }) ? 'filler' : undefined) ?? (shape !== 'question' && isCodeWalkthrough(answer.map((i) => lines[i]!)) ? 'code' : undefined)) : undefined;
    // "这里先讲dropout是怎么做的，然后再来解释为什么这样做" alone answers nothing (lecture.ts).
    const signpost = lang === 'zh' && isLectureSignpost(pick(answer)) ? ('filler' as const) : undefined;
    // "- **Image blurring system**" under "Sample Questions": a syllabus, nothing to recall (design.ts).
    const syllabus = lang === 'en' && (isSyllabusList(sec.path, pick(answer)) || isTopicOutline(sec.path, pick(answer))) ? ('filler' as const) : undefined;
    // An outline's lead-in ("Two approaches:"), its heading's parts as a list, a table of anchor links: nothing to learn (outline.ts).
    const outline = lang === 'en' && (announcesOnly(pick(answer), 6) || restatesHeading(sec.title, pick(answer)) || isAnchorContents(pick(answer))) ? ('filler' as const) : undefined;
    const dropRule = taskDrop ?? signpost ?? syllabus ?? outline;
    const verdict = dropRule ? { keep: false as const, rule: dropRule, reading: false } : sectionWorth(sec.title, pick(answer), { question: shape === 'question' });
    if (!verdict.keep) {
      // An index of notes keeps its answer: a note made only of such lists still gets one reading card (parse.ts).
      out.dropped.push({ rule: verdict.rule, line: sec.line, ...(verdict.rule === 'index' ? { heading: sec.titleMd, back: pick(answer) } : {}) });
      // A reading list is kept as one `reading` card (never scheduled as new); the rest gives no card.
      if (verdict.reading) specs.unshift({ kind: 'reading', ns: 'reading', key: sec.title, front: readingFront(sec, sctx), back: pick(answer), line: sec.line });
      return;
    }
    // "> **题目**: …  **解析**: …" under "坏鸡蛋": one card, the statement as question, the whole solution as answer —
    // its steps ("A(第一次)吃: 1/2") are no terms of their own (puzzle.ts).
    const filled = lines.map((_, i) => i).filter((i) => classes[i]!.kind !== 'blank');
    // (Only a section whose first line is a "题目" label is joined and read: the check stays linear.)
    const puzzle = filled.length && opensPuzzle(srcLines[lines[filled[0]!]!.line] ?? '') ? puzzleParts(pick(filled)) : null;
    if (puzzle) {
      const explicit = specs.filter((x) => x.kind === 'qa' || x.kind === 'cloze');
      specs.length = 0;
      specs.push({ kind: 'section', ns: 'section', key: sec.title, front: puzzle.front, back: puzzle.back, line: sec.line }, ...explicit);
      return;
    }
    const only = prose.length === 1 && answer.length === 1 ? plainText(lines[prose[0]!]!.tokens) : '';
    const items = only.replace(/[。.]$/, '').split('、');
    // "- Clustering\n- Gaussian Mixture Models\n- …" under "Unsupervised learning": names to recall, not a definition (design.ts).
    const enumeration = (items.length >= 3 && items.every((x) => x.trim().length > 0 && x.length <= 10)) || (lang === 'en' && isKeywordList(pick(answer)));
    const front =
      (sctx.design && lang === 'en' ? designSectionFront(sec.titleMd, sec.title, sctx.topicMd) : undefined) ??
      (sctx.topicMd && isGenericHeading(sec.title) && sctx.topicMd.replace(/\\/g, '').toLowerCase() !== sec.titleMd.toLowerCase() ? genericQuestion(sctx.topicMd, sec.titleMd, sec.title, lang)
      : lang === 'en' && sctx.topicMd && sec.crumbs.length >= 2 && isPitfallHeading(stripNumbering(sec.crumbs[sec.crumbs.length - 2]!)) && !isGenericHeading(sec.title) ? pitfallQuestion(sctx.topicMd, sec.titleMd) // "5. Overfitting to Benchmarks" under "Common Pitfalls"
      : isAspectSection(sec, sctx, lang) ? englishAspectQuestion(sctx.topicMd!, sec.titleMd, sec.title) // "GraphRAG: what is the query phase?" (englishAspect.ts)
      : sctx.aspectOf ? sectionQuestion(`${sctx.aspectOf}的${sec.titleMd}`, `${sctx.aspectOf.replace(/\\(.)/g, '$1')}的${sec.title}`, enumeration, lang, sctx.topicMd)
      : sectionQuestion(sec.titleMd, sec.title, enumeration, lang, sctx.topicMd));
    // Text before the first heading has no heading line: point at its first line.
    const line = sec.level === 0 ? (lines[answer[0] ?? 0]?.line ?? 0) : sec.line;
    const parts = pick(answer).length > LONG_ANSWER || (lang === 'en' && labelledParts(pick(answer)) >= 2) ? splitLong(sec, lines, flats, answer, srcLines, lang, sctx.topicMd && isGenericHeading(sec.title) ? sctx.topicMd : undefined) : null;
    if (parts) {
      // "**Concept**: …" opening the parts is what the section is: it answers "What is X?", not a list of the part names.
      if (!parts.intro.length && lang === 'en' && /^(?:concept|core concept|definition|overview|idea|core idea|key idea|main idea|what it is|description|summary)$/i.test(parts.units[0]!.title) && parts.units[0]!.lines.length) {
        const first = parts.units.shift()!;
        parts.intro.push(...first.lines);
      }
      const lead = parts.intro.length ? pick(parts.intro) : parts.units.map((u) => `- ${u.titleMd}`).join('\n');
      // In English notes the bare list of part names is a table of contents, no card: the parts are.
      if (parts.intro.length || lang !== 'en') specs.unshift({ kind: 'section', ns: 'section', key: sec.title, front, back: lead, line });
      for (const u of parts.units) {
        // "**Range:** [0, ∞)" is already a term card with this very question: the part would repeat it.
        if (specs.some((x) => x.kind !== 'section' && x.front === u.front)) continue;
        // A labelled item already asked as a term with its sub-items (attrgroups.ts) is not asked twice.
        if (lang === 'en' && lines[u.at]!.item && specs.some((x) => x.ns === 'term' && x.line === lines[u.at]!.line && u.lines.every((k) => role[k] === 'term'))) continue;
        // "- Feature selection\n  - Feature importance" under the label "Feature selection": an outline line, nothing to recall (outline.ts).
        if (lang === 'en' && u.lines.length && restatesHeading(u.title, pick(u.lines))) continue;
        if (u.lines.length) specs.push({ kind: 'section', ns: 'section', key: `${sec.title} › ${u.title}`, front: u.front, back: pick(u.lines), line: lines[u.at]!.line });
      }
    } else {
      // A long textbook section: its code blocks (and printed output) are not what a card asks to recall.
      let body = answer;
      if (pick(answer).length > LONG_ANSWER) {
        const words = answer.filter((i) => !lines[i]!.code);
        // "输出：" announced the printed output just left out.
        if (words.length && words.length < answer.length && words.reduce((n, i) => n + plainText(lines[i]!.tokens).trim().length, 0) >= 15) body = words.filter((i) => !/^(?:输出|输出结果|运行结果|Output)\s*[:：]$/i.test(plainText(lines[i]!.tokens).trim()));
      }
      // Under a question heading, "A:" / "答：" opening the text is scaffolding.
      const back = headingShape(sec.title, lang) === 'question' ? stripAnswerLabel(pick(body)) : pick(body);
      specs.unshift({ kind: 'section', ns: 'section', key: sec.title, front, back, line });
    }
  }

  if (specs.length === 0 && out.links.length) {
    const back = out.links.map((l) => `- ${escapeTitle(l.title)}`).join('\n');
    specs.push({ kind: 'reading', ns: 'reading', key: sec.title, front: readingFront(sec, sctx), back, line: sec.line });
  }
}

/** "Reading list: Decision Trees", not "Reading list: Papers": a reference heading names its topic's reading. */
function readingFront(sec: Section, sctx: SectionContext): string {
  // "Decision Trees › Resources › Papers": the topic is the heading above the first reference heading (or the note).
  const path = sec.path.map((h) => stripNumbering(h));
  const ref = path.findIndex((h) => isReferenceHeading(h));
  const topic = ref < 0 && !isReferenceHeading(sec.title) ? sec.titleMd : ref > 0 ? path[ref - 1]! : (sctx.noteMd ?? sctx.topicMd ?? sec.titleMd);
  // "Resources › Papers" and "Resources › Videos" of one note stay two distinct fronts.
  const part = ref >= 0 && ref < path.length - 1 ? sec.titleMd : '';
  if (sctx.lang === 'en') return part ? `Reading list: ${topic} (${part})` : `Reading list: ${topic}`;
  return part ? `阅读清单：${topic}（${part}）` : `阅读清单：${topic}`;
}

/** "**Strengths**:" / "**Why It Works**:" alone on a line: the parts of a note written as labelled lists, each worth its own card. */
function labelledParts(md: string): number {
  let count = 0;
  for (const m of md.matchAll(/^(?:\*\*|__)([^*_\n]{2,40}?)(?:\*\*|__)\s*[:：]?\s*(?:\*\*|__)?\s*$/gm)) if (isGenericHeading(m[1]!.replace(/[:：]$/, '').trim())) count++;
  return count;
}

/**
 * Line `i` continues the paragraph line before it without a hard break (no trailing two spaces or
 * backslash), and starts mid-sentence (lower case, or the line before ends in a word or a comma):
 * a soft-wrapped paragraph, whose last visual line is never a question of its own.
 */
function softWrapped(lines: readonly Line[], srcLines: readonly string[], i: number): boolean {
  const l = lines[i]!;
  const prev = i > 0 ? lines[i - 1] : undefined;
  if (!prev || prev.block !== l.block || prev.other || prev.tex !== undefined || prev.end !== l.line) return false;
  const before = srcLines[prev.end - 1] ?? '';
  if (/(?: {2,}|\\)$/.test(before) || /<br\s*\/?>\s*$/i.test(before)) return false;
  const text = (srcLines[l.line] ?? '').trim();
  // (A bold label line above — "**The Role of Alpha**" — is a title, Obsidian-style: the question starts its own line.)
  return /^[a-z]/.test(text) || /[a-z,]$/.test(before.trim());
}

/** An English heading that is an aspect of the topic above it ("Query Phase" under "GraphRAG"), outside design outlines (englishAspect.ts). */
function isAspectSection(sec: Section, sctx: SectionContext, lang: Lang): boolean {
  return lang === 'en' && !sctx.design && !!sctx.topicMd && !isGenericHeading(sec.title) && isEnglishAspect(sec.title) && sctx.topicMd.replace(/\\/g, '').toLowerCase() !== sec.titleMd.toLowerCase();
}

/** Past this many characters a section answer with structure is split into focused cards. */
const LONG_ANSWER = 1200;

interface Unit {
  title: string;
  titleMd: string;
  front: string;
  lines: number[];
  at: number; // the label's line index
}

/**
 * A long section made of labelled parts — paragraphs opening with a bold
 * label ("**Why it works**:") or top-level list items with sub-lists — gives
 * one card per part, keyed by its label (stable across edits of the text);
 * the text before the first part stays the section card. Null when the
 * section has fewer than two such parts.
 */
function splitLong(sec: Section, lines: readonly Line[], flats: readonly Flat[], answer: readonly number[], srcLines: readonly string[], lang: Lang, topicMd?: string): { intro: number[]; units: Unit[] } | null {
  // Parts of "1. Problem Formulation" are about the system, not about the template step (design.ts).
  const subjectMd = topicMd ?? sec.titleMd;
  const intro: number[] = [];
  const units: Unit[] = [];
  const isLead = (k: number, pos: number): { title: string; titleMd: string; bare: boolean } | null => {
    const l = lines[k]!;
    if (!l.tokens.length) return null;
    const prev = pos > 0 ? lines[answer[pos - 1]!] : undefined;
    const f = flats[k]!;
    const e = f.emphasis[0];
    if (!l.item && e && e.strong && f.s.slice(0, e.from).trim() === '' && (!prev || prev.block !== l.block)) {
      const title = stripNumbering(plainOf(f, e.from, e.to).replace(/[:：;；,，]\s*$/, '').trim());
      // ("**This `0.357` is your Quantization Constant.**" is an emphasised sentence, not a part's label.)
      if (title && title.length <= 80 && !isReferenceHeading(title) && !(lang === 'en' && /[.!]$/.test(title))) return { title, titleMd: title, bare: f.s.slice(e.to).replace(/[\s:：]/g, '') === '' };
    }
    const next = lines[answer[pos + 1] ?? -1];
    if (l.item && l.first && !l.item.parent && next?.item?.parent === l.item) {
      const title = plainText(l.tokens).replace(/[:：;；,，]\s*$/, '').trim();
      const md = stripNumbering(rawContent(srcLines[l.line] ?? '')).replace(/^(\*\*|__)(.+)\1$/, '$2').replace(/(?:\*\*|__)?[:：;；,，](?:\*\*|__)?\s*$/, '').trim();
      // "- **β (temperature)**: Controls …" with sub-items: the part is the label, not the whole line.
      const label = /^(?:\*\*|__)([^*_\n]{1,60}?)(?:[:：](?:\*\*|__)|(?:\*\*|__)\s*[:：])\s*\S/.exec(md);
      if (label && lang === 'en') return { title: stripNumbering(label[1]!.replace(/`/g, '').trim()), titleMd: label[1]!.trim(), bare: false };
      if (title && title.length <= 80 && !isReferenceHeading(title)) return { title: stripNumbering(title), titleMd: md, bare: false };
    }
    return null;
  };
  answer.forEach((k, pos) => {
    const lead = isLead(k, pos);
    if (lead) {
      // A label that is itself a question ("**Q2：为什么…？**") is asked as written.
      // "**When to Use:**" is a generic label ("Huber Loss: when to use?"), not a question of its own.
      const front = looksLikeQuestion(lead.title) && !(lang === 'en' && isGenericHeading(lead.title) && !/[?？]$/.test(lead.title) && !/[?？]$/.test(subjectMd))
        ? promptQuestion(lead.titleMd, lang)
        : lang === 'en' && isGenericHeading(lead.title) && !/[?？]$/.test(subjectMd)
          ? genericQuestion(subjectMd, lead.titleMd, lead.title, 'en') // "Query Routing: what are the strengths?"
          : /[?？]$/.test(subjectMd) || (lang === 'zh' && /。$/.test(subjectMd)) // ("简述一下该方式的原理。" asks too: "…原理。（K-Means）")
          ? lang === 'en'
            ? `${subjectMd} (${lead.titleMd})`
            : `${subjectMd}（${lead.titleMd}）`
          : lang === 'en'
            ? `${subjectMd}: ${topicMd ? lowerFirst(lead.titleMd) : lead.titleMd}?`
            : topicMd && !isZhClause(lead.title) && !isGenericHeading(lead.title)
              ? `${stripAskedAt(topicMd)}的${lead.titleMd}是什么？` // "**函数间隔**" under "核心公式" in SVM notes: "SVM的函数间隔是什么？"
              : topicMd && lead.title.includes(stripAskedAt(topicMd).replace(/\\/g, '').replace(/\s*[（(][^）)]*[）)]\s*$/, ''))
                ? promptQuestion(lead.titleMd, lang) // "在协同过滤中，常用的相似度函数有哪些，简要说明" names its topic already
                : `${subjectMd}：${lead.titleMd}？`;
      // A label alone on its line ("**Strengths**:") is the question, not part of the answer.
      units.push({ title: lead.title, titleMd: lead.titleMd, front, lines: lead.bare ? [] : [k], at: k });
    } else if (units.length) units[units.length - 1]!.lines.push(k);
    else intro.push(k);
  });
  // "**Example**:" and only a figure: no question to ask, the figure stays with the section card.
  const kept = units.filter((u) => {
    const text = u.lines.map((k) => (srcLines[lines[k]!.line] ?? '').replace(/!\[\[[^\]\n]*\]\]|!\[[^\]\n]*\]\([^)\n]*\)|<img\b[^>]*>/gi, '').replace(/[\s>*_-]/g, '')).join('');
    if (text || u.lines.some((k) => lines[k]!.other)) return true;
    intro.push(...u.lines);
    return false;
  });
  intro.sort((a, b) => a - b);
  // "**Step A: …**", "**Step B: …**": a worked procedure is read in one piece, not asked step by step.
  if (lang === 'en' && kept.filter((u) => /^(?:step|stage|phase)\s*(?:\d{1,2}|[A-Z])\b/i.test(u.title)).length >= 2) return null;
  return kept.length >= 2 ? { intro, units: kept } : null;
}
