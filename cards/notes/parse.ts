// Markdown notes → card drafts with stable ids, plus warnings with line
// numbers. Pure: the caller reads the file (see decode.ts) and passes the text.
import { texError } from '../render/tex.ts';
import { createParser } from '../render/markdown.ts';
import type { CardDraft, ParseResult, SourceWarning } from '../types.ts';
import { readDocument, type Document } from './blocks.ts';
import type { FormulaChecker } from './check.ts';
import { extractSection } from './extract.ts';
import { stableId } from '../id.ts';
import { tidyEmphasis } from './markup.ts';
import { detectLang, sectionLang, type Lang } from './lang.ts';
import { blankComments } from './comments.ts';
import { blankQueryBlocks } from './obsidianBlocks.ts';
import { FRONT_MATTER, frontMatterTags, inlineTags, removeInlineTags, uniqueTags } from './meta.ts';
import { stripNumbering } from './numbering.ts';
import { echoesQuestion, indexNoteBack, isReferenceHeading } from './worth.ts';
import { namesNothing, sectionTopic } from './topic.ts';
import { headingFormulaQuestion, isGenericHeading } from './questions.ts';
import { aspectOwner, namedOwner } from './aspect.ts';
import { distinguishDuplicates } from './dupes.ts';
import { announcesOnly } from './outline.ts';
import { isLectureNavigation, withoutLeadIn } from './discourse.ts';
import { inlineAnswer, isEnglishFlowLabel, isSpokenFragmentKey, titleSection, withoutAbstract, withoutConnective } from './lecture.ts';
import { isDesignNote, isSlug, noteSubject } from './design.ts';
import { isSiteIndex } from './siteindex.ts';
import { withoutFigureLead, isRemoteImageOnly } from './figure.ts';

/** Finds links in a reading list's text: Markdown links, and bare http(s) URLs only (no "node.js"-style fuzzy links). */
const linkParser = createParser('strict').set({ linkify: true });
linkParser.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });

export interface ParseOptions {
  deck: string;
  check?: FormulaChecker;
  /** The note's title (file name without extension): the root crumb, the topic of text before the first heading. */
  title?: string;
  /** Told about each section or candidate card judged not worth a recall card (worth.ts): for reports, never needed to parse. */
  onDrop?: (d: { rule: string; line: number; section: string[] }) => void;
}

/** Past this many warnings of one kind, a summary is more useful than a wall of lines. */
const MAX_PER_CODE = 100;

/**
 * markdown-it normalises line ends and NUL itself; doing it first keeps its
 * line numbers aligned with ours. Front matter is blanked (not removed) so
 * line numbers still match the file.
 */
function normalise(markdown: string): { text: string; tags: string[]; frontMatter: boolean } {
  let text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  const fm = FRONT_MATTER.exec(text);
  let tags: string[] = [];
  const frontMatter = fm !== null && /^[\w-]+\s*:/m.test(fm[0]);
  if (fm && frontMatter) {
    tags = frontMatterTags(fm[0]);
    text = fm[0].replace(/[^\n]/g, '') + text.slice(fm[0].length);
  }
  text = blankQueryBlocks(blankComments(text));
  return { text, tags, frontMatter };
}

/**
 * `#word` is an Obsidian tag only in notes written for Obsidian (front matter,
 * wikilinks, or a line of tags); elsewhere "#reviews" means "number of reviews".
 */
const OBSIDIAN = /\[\[[^\]\n]{1,300}\]\]|^[ \t]*#[\p{L}_][^\s#]*(?:[ \t]+#[\p{L}_][^\s#]*)*[ \t]*$/mu;

/** A last line that announces what follows ("…如下：", "…two phases:", "…观察：(**重点！**)"). */
const ANNOUNCES_BELOW = /[:：]\s*(?:[(（][^()（）\n]{0,80}[)）])?\s*$/;

/** The headings right under `sec` (its direct sub-sections), as written minus numbering. */
function childHeadings(sections: Document['sections'], sec: Document['sections'][number]): string[] {
  const at = sections.indexOf(sec);
  const out: string[] = [];
  let level = Infinity;
  for (let k = at + 1; k < sections.length && sections[k]!.level > sec.level; k++) level = Math.min(level, sections[k]!.level);
  for (let k = at + 1; k < sections.length && sections[k]!.level > sec.level; k++) if (sections[k]!.level === level && sections[k]!.titleMd) out.push(sections[k]!.titleMd);
  return out;
}

/** Markdown-safe title for a question: a file name is plain text. */
const titleMd = (s: string) => s.replace(/([\\`*_[\]<>#|$])/g, '\\$1');
const sameTitle = (a: string, b: string) => {
  const k = (s: string) => stripNumbering(s).toLowerCase().replace(/[\s\p{P}]/gu, '');
  return k(a) === k(b);
};

/** Text of a section (heading and its own lines), for its language. */
function sectionText(sec: Document['sections'][number], srcLines: readonly string[]): string {
  const last = sec.lines[sec.lines.length - 1];
  return last ? srcLines.slice(sec.lines[0]!.line, last.end).join('\n') : '';
}

function mathWarnings(doc: Document, warn: (w: SourceWarning) => void): void {
  const seen = new Map<string, string | undefined>();
  for (const line of doc.strays) {
    warn({ line: line + 1, code: 'unbalanced-dollar', message: 'unbalanced `$`: no closing `$` on this line (write \\$ for a literal dollar sign)' });
  }
  for (const line of doc.tooLong) {
    warn({ line: line + 1, code: 'too-long', message: 'paragraph over 100 000 characters: kept as plain text, not parsed for math or links' });
  }
  for (const { token, line } of doc.mathTokens) {
    const display = token.type === 'math_block' || token.meta?.display === true;
    const k = (display ? 'D' : 'I') + token.content;
    if (!seen.has(k)) seen.set(k, texError(token.content, display));
    const err = seen.get(k);
    if (err !== undefined) warn({ line: line + 1, code: 'katex-error', message: `formula does not render: ${err}` });
  }
}

function build(markdown: string, opts: ParseOptions): ParseResult {
  const warnings: SourceWarning[] = [];
  const perCode = new Map<string, number>();
  const warn = (w: SourceWarning) => {
    const n = (perCode.get(w.code) ?? 0) + 1;
    perCode.set(w.code, n);
    if (n <= MAX_PER_CODE) warnings.push(w);
  };
  const { text, tags: fmTags, frontMatter } = normalise(markdown);
  if (text.trim() === '') {
    warn({ line: 1, code: 'empty-file', message: 'the notes file is empty' });
    return { cards: [], warnings };
  }
  if (markdown.includes('\0')) warn({ line: 1, code: 'binary-content', message: 'the text contains NUL characters; is this a binary file?' });

  const doc = readDocument(text);
  mathWarnings(doc, warn);

  const cards: CardDraft[] = [];
  const taken = new Map<string, number>();
  const indexParts: { line: number; heading?: string; back?: string }[] = [];
  // The file name is the note's title and speaks its language too: it decides a note too short to tell.
  const noteLang: Lang = detectLang(opts.title?.trim() ? `${opts.title.trim()}\n${text}` : text, 'zh');
  const obsidian = frontMatter || OBSIDIAN.test(text);
  const noteTags = uniqueTags([...fmTags, ...(obsidian ? inlineTags(text) : [])]);
  const title = opts.title?.trim() ? opts.title.trim() : undefined;
  // A slug file name ("mlsd-metrics") is no subject: the note's top heading is (design.ts).
  const subject = noteSubject(doc.sections, title);
  const topicTitle = subject ? titleMd(subject) : title && !isSlug(title) ? titleMd(stripNumbering(title)) : undefined;
  const design = noteLang === 'en' && isDesignNote(doc.sections);
  const root = doc.sections[0];
  if (title && root && root.level === 0) {
    // Text before the first heading is about the note's title.
    root.title = stripNumbering(title);
    root.titleMd = titleMd(root.title);
  }
  // A lecture's abstract or outline under its title announces the note; it is no card (lecture.ts).
  const intro = titleSection(doc.sections);
  if (intro) intro.lines = withoutAbstract(intro.lines, doc.srcLines);
  for (const sec of doc.sections) {
    if (sec.level > 0 && (sec.title === '' || (sec.lines.length === 0 && !sec.hasChildren))) {
      warn({ line: sec.line + 1, code: 'empty-section', message: sec.title ? `section "${sec.title}" is empty` : 'heading without a title' });
      if (sec.title === '') continue;
    }
    const lang = sectionLang(sec.level === 0 ? '' : sec.title, sectionText(sec, doc.srcLines), noteLang);
    const topicMd = sec.level === 0 ? undefined : sectionTopic(sec.crumbs, sec.parentMd, topicTitle);
    const noteMd = topicTitle ?? (title ? titleMd(stripNumbering(title)) : undefined);
    // "隐藏状态" under an LSTM section is the LSTM's (aspect.ts).
    // "填充和步幅" under "池化层", its text "池化层也可以…": the pooling layer's padding (aspect.ts namedOwner).
    const aspectOf = lang === 'zh' && sec.level > 0 ? (aspectOwner(sec.crumbs, title) ?? namedOwner(sec.crumbs, () => (sec.lines.length ? doc.srcLines.slice(sec.lines[0]!.line, Math.min(sec.lines[0]!.line + 6, sec.lines[sec.lines.length - 1]!.end)).join('\n').slice(0, 200) : ''))) : undefined;
    const r = extractSection(sec, doc.srcLines, { lang, ...(topicMd ? { topicMd } : {}), ...(noteMd ? { noteMd } : {}), ...(aspectOf ? { aspectOf } : {}), ...(design ? { design } : {}) });
    const crumbs = title && !(sec.crumbs.length && sameTitle(sec.crumbs[0]!, title)) ? [title, ...sec.crumbs] : [...sec.crumbs];
    for (const d of r.dropped) {
      opts.onDrop?.({ rule: d.rule, line: d.line + 1, section: [...crumbs] });
      if (d.rule === 'index') indexParts.push(d);
    }
    for (const u of r.unsafeLinks) {
      warn({ line: u.line + 1, code: 'unsafe-link', message: `link to "${u.url.slice(0, 80)}" is not http(s) or mailto; it is shown as text` });
    }
    for (const s of r.specs) {
      // "紫线代表了hinge loss的损失函数" points at a slide the card does not show (figure.ts).
      let front = lang === 'zh' ? withoutFigureLead(tidyEmphasis(s.front)) : tidyEmphasis(s.front);
      if (s.kind === 'prompt') {
        // "Next lecture: Where does the error come from?" points at another lecture (discourse.ts).
        if (isLectureNavigation(front)) {
          opts.onDrop?.({ rule: 'navigation', line: s.line + 1, section: [...crumbs] });
          continue;
        }
        // "看到这里你可能会问，这样的network…？": the question without its lead-in, about the section's topic.
        const bare = withoutLeadIn(front) ?? (lang === 'zh' ? withoutConnective(front) : null);
        if (bare !== null) {
          // ("handle Vanishing gradient problem", a lecture's flow label, names nothing: its topic is asked — lecture.ts.)
        const own = sec.level > 0 && !namesNothing(sec.title) && !(lang === 'zh' && isEnglishFlowLabel(sec.title)) ? sec.titleMd : undefined;
          const topic = own ?? topicMd ?? noteMd;
          front = !topic || bare.toLowerCase().includes(topic.toLowerCase()) ? bare : lang === 'en' ? `${topic} — ${bare}` : `${topic}：${bare}`;
        }
      }
      // "# of ad impressions" cut from "dynamic features: # of ad impressions" is text, not a heading.
      let back = tidyEmphasis(s.back).replace(/^(#{1,6}\s)/, '\\$1');
      // "Q：…？A：…" on one line is a question with its answer, not an open prompt (lecture.ts).
      const qa = s.kind === 'prompt' ? inlineAnswer(front) : null;
      if (qa && /^（开放问题|^\(Open question/.test(back.trim())) ({ front, back } = qa);
      // "写成表达式就：$…$": a spoken fragment names no formula; it is the section's (lecture.ts; classify.ts keeps such keys from being terms).
      if (s.kind === 'formula' && lang === 'zh' && isSpokenFragmentKey(s.key)) {
        const about = sec.level === 0 || isGenericHeading(sec.title) ? (topicMd ?? noteMd) : sec.titleMd;
        const asked = about ? headingFormulaQuestion(about) : undefined;
        if (asked && !cards.some((c) => c.front === asked)) front = asked;
      }
      // "下面列出三个对影像处理的观察：" / "GraphRAG uses two phases:" above sub-headings: the card names them.
      if (s.kind === 'section' && sec.hasChildren && ANNOUNCES_BELOW.test(back.trim().split('\n').pop() ?? '')) {
        const parts = childHeadings(doc.sections, sec);
        if (parts.length >= 2) back = `${back.trimEnd()}\n\n${parts.map((t) => `- ${t}`).join('\n')}`;
      }
      if (back.trim() === '' && (s.kind === 'term' || s.kind === 'formula')) continue; // `**标签：**` cut into "标签" + "**"
      // "User-image interactions: impressions, clicks:" announces a list the card does not hold (outline.ts).
      // An answer made only of images on other sites shows nothing but a link (figure.ts).
      if (s.kind !== 'reading' && isRemoteImageOnly(back)) {
        opts.onDrop?.({ rule: 'image', line: s.line + 1, section: [...crumbs] });
        continue;
      }
      if ((s.kind === 'term' || s.kind === 'section') && (echoesQuestion(front, back) || (lang === 'en' && s.kind === 'term' && announcesOnly(back, 4)))) {
        opts.onDrop?.({ rule: 'filler', line: s.line + 1, section: [...crumbs] });
        continue;
      }
      // Same key twice under one heading: number the later ones, in notes order, so ids stay distinct and stable.
      const slot = JSON.stringify([s.ns, sec.path, s.key]);
      const n = (taken.get(slot) ?? 0) + 1;
      taken.set(slot, n);
      const key = n === 1 ? s.key : `${s.key} (${n})`;
      const tags = uniqueTags([...noteTags, ...(s.tags ?? [])]);
      cards.push({
        id: stableId([opts.deck, ...sec.path, s.ns, key]),
        deck: opts.deck,
        kind: s.kind,
        section: [...crumbs],
        key,
        front: obsidian && noteTags.length ? removeInlineTags(front) : front,
        back: obsidian && noteTags.length ? removeInlineTags(back) : back,
        links: s.kind === 'qa' || s.kind === 'cloze' ? [] : r.links.map((l) => ({ ...l })),
        order: cards.length,
        line: s.line + 1,
        lang,
        ...(tags.length ? { tags } : {}),
      });
    }
  }

  foldReadingLists(cards, opts.onDrop);
  // The same question twice in one note: each names the heading it sits under (dupes.ts).
  for (const d of distinguishDuplicates(cards)) opts.onDrop?.({ rule: 'duplicate', line: d.line, section: [...d.section] });
  // A page that maps the collection's chapters (links to other notes, study tips) teaches nothing itself (siteindex.ts).
  const siteIndex = isSiteIndex(text) && cards.some((c) => c.kind !== 'qa' && c.kind !== 'cloze');
  if (siteIndex) {
    opts.onDrop?.({ rule: 'index', line: 1, section: title ? [title] : [] });
    const kept = cards.filter((c) => c.kind === 'qa' || c.kind === 'cloze');
    cards.length = 0;
    kept.forEach((c, n) => cards.push({ ...c, order: n }));
  }

  const indexBack = cards.length === 0 && !siteIndex ? indexNoteBack(indexParts) : '';
  if (indexBack) {
    // Only lists of links to other notes (a map of content): one reading card, never a question (worth.ts).
    const topic = title ?? doc.sections.find((s) => s.level > 0)?.title ?? opts.deck;
    const lang = noteLang;
    cards.push({
      id: stableId([opts.deck, 'reading', '(index)']),
      deck: opts.deck,
      kind: 'reading',
      section: title ? [title] : [],
      key: '(index)',
      front: lang === 'en' ? `Reading list: ${titleMd(topic)}` : `阅读清单：${titleMd(topic)}`,
      back: indexBack,
      links: [],
      order: 0,
      line: (indexParts[0]?.line ?? 0) + 1,
      lang,
      ...(noteTags.length ? { tags: noteTags } : {}),
    });
  }

  if (opts.check) {
    for (const card of cards) {
      try {
        const ws = opts.check(card);
        if (ws.length) {
          card.warnings = ws;
          ws.forEach(warn);
        }
      } catch (err) {
        warn({ line: card.line, code: 'checker-error', message: `formula check failed: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
  }
  if (cards.length === 0 && !siteIndex) {
    warn({ line: 1, code: 'no-cards', message: 'no cards found: no headings with content and no Q::A, ? or ==cloze== cards — is this a Markdown notes file?' });
  }
  for (const [code, n] of perCode) {
    if (n > MAX_PER_CODE) warnings.push({ line: 1, code, message: `${n - MAX_PER_CODE} more "${code}" warnings not shown` });
  }
  warnings.sort((a, b) => a.line - b.line);
  return { cards, warnings };
}

/** Parse notes into cards. Never throws: problems come back as warnings with 1-based line numbers. */
export function parseNotes(markdown: string, opts: ParseOptions): ParseResult {
  try {
    if (typeof markdown !== 'string') throw new TypeError('notes must be a string');
    return build(markdown, opts);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { cards: [], warnings: [{ line: 1, code: 'parse-failed', message: `could not parse the notes: ${message}` }] };
  }
}

/**
 * A note's bibliography is not something a learner is asked. In a note that
 * has cards to review, a reading list under a reference heading (References,
 * Resources, Further reading, 参考文献… — worth.ts) gives no card of its own:
 * its links join the first card of the section that holds the reference
 * heading (the topic it is the reading for, e.g. the "6.8 LSTM" card for
 * "6.8 LSTM › 参考文献"), shown under that card's answer like any section
 * link. A topic heading that holds only links ("反向传播" with four articles)
 * stays a reading list: the user filed reading under that topic. A note made
 * only of links keeps its reading card, so it is never a note with text and
 * no cards. Bibliography lines without a link stay in the notes file; the drop
 * is reported (`reading-links`).
 */
function foldReadingLists(cards: CardDraft[], onDrop: ParseOptions['onDrop']): void {
  if (!cards.some((c) => c.kind !== 'reading')) return;
  const under = (c: CardDraft, path: readonly string[]) => path.every((t, i) => c.section[i] === t);
  const reviewable = (c: CardDraft) => c.kind !== 'reading' && c.kind !== 'qa' && c.kind !== 'cloze';
  const folded = new Set<CardDraft>();
  for (const reading of cards) {
    if (reading.kind !== 'reading') continue;
    const at = reading.section.findIndex((t) => isReferenceHeading(t));
    if (at < 0) continue;
    let host: CardDraft | undefined;
    for (let depth = at; depth >= 0 && !host; depth--) host = cards.find((c) => reviewable(c) && under(c, reading.section.slice(0, depth)));
    if (!host) continue;
    folded.add(reading);
    onDrop?.({ rule: 'reading-links', line: reading.line, section: [...reading.section] });
    for (const l of [...reading.links, ...linksInText(reading.back)]) if (!host.links.some((h) => h.url === l.url)) host.links.push({ ...l });
  }
  if (!folded.size) return;
  const kept = cards.filter((c) => !folded.has(c));
  cards.length = 0;
  kept.forEach((c, n) => cards.push({ ...c, order: n }));
}

/**
 * Links a reading list holds as text, in order: `[title](url)` and bare URLs
 * ("- https://…"), found by markdown-it with linkify (linkify-it decides where
 * a bare URL ends: trailing punctuation, brackets). Only http(s) links.
 */
function linksInText(md: string): { title: string; url: string }[] {
  const out: { title: string; url: string }[] = [];
  let open: { url: string; title: string } | null = null;
  for (const t of linkParser.parseInline(md, {})[0]?.children ?? []) {
    if (t.type === 'link_open') {
      const href = String(t.attrGet('href') ?? '');
      open = /^https?:\/\//i.test(href) ? { url: href, title: '' } : null;
    } else if (t.type === 'link_close') {
      if (open) out.push({ url: open.url, title: open.title.trim() || open.url });
      open = null;
    } else if (open && (t.type === 'text' || t.type === 'code_inline')) {
      open.title += t.content;
    }
  }
  return out;
}
