// Is a section (or a candidate card) worth recalling? Other people's notes
// hold much that is not: reading lists and pointers elsewhere, code listings
// with a line of narration, navigation ("Back to [[Index]]"), repository
// housekeeping (licence, contributing, table of contents), placeholders
// ("TBD", "待补充") and figures without a word. Such a section gives no
// recall card: a reading list becomes a `reading` card (never scheduled as
// new), the rest is dropped with the rule that dropped it, so a report can
// count them. Pure: decisions are made on the heading and the answer's
// Markdown as it would be shown.

/** An Obsidian tag line ("#image", "#nlp #rnn") is metadata, not text. */
const withoutTagLines = (md: string): string => md.replace(/^[ \t]*#[A-Za-z][\w/-]*(?:[ \t]+#[A-Za-z][\w/-]*)*[ \t]*(?:\n|$)/gm, '').replace(/^\s*\n/, '');

/** Why a section gave no recall card. */
export type DropRule = 'meta' | 'navigation' | 'filler' | 'image' | 'code' | 'links' | 'index';

export type Verdict = { keep: true } | { keep: false; rule: DropRule; reading: boolean };

const KEEP: Verdict = { keep: true };
const drop = (rule: DropRule, reading = false): Verdict => ({ keep: false, rule, reading });

/** Headings of reference sections: a reading list, never a question. */
export const REFERENCE_HEADING =
  /^(?:参考文献|参考资料|参考链接|参考|相关链接|相关阅读|延伸阅读|推荐阅读|扩展阅读|拓展阅读|资料|学习资料|相关资料|相关论文|论文|references?|resources|further reading|links|bibliography|see also|citations?|sources?|reading list|more resources|useful links|additional resources|papers?|articles?|videos?|blogs?|blog posts|documentation|docs|tools and libraries|tools & libraries|code & libraries|articles & tutorials|tutorials|courses|books|(?:courses?|books?|videos?|lectures?)(?:,? and (?:review |study |reading |learning )?(?:materials?|resources))|(?:review|study|learning|reading|course) (?:materials?|resources)|resources & further reading|related (?:reading|links|papers|work))$/i;

/**
 * Headings about the repository or the document rather than the subject:
 * a table of contents, licence, contributing, thanks, change log, badges.
 */
const META_HEADING =
  /^(?:table of contents|contents|toc|目录|文章目录|本文目录|license|licence|licensing|许可证?|许可协议|开源协议|版权(?:声明|说明)?|copyright|contributing|contributions?|contributors?|how to contribute|贡献(?:者|指南|说明)?|参与贡献|如何贡献|acknowledge?ments?|thanks|special thanks|致谢|鸣谢|感谢|changelog|change log|release notes|更新(?:日志|记录|说明)|star history|stargazers|news|latest news|updates|latest updates|recent updates|what's new|citation|cite|cite this (?:repo|repository|work|book)|how to use(?: this (?:repo|repository|book|guide|notes?))?|about(?: (?:this|the) (?:repo|repository|project|book|guide|notes?))?|关于(?:本项目|本仓库|本书|项目|作者|我们)?|badges?|how to cite|citing|如何引用|引用本项目|roadmap|交流群?|加群|联系(?:方式|我们|作者)?|contact(?: me| us)?|sponsors?|赞助|赞赏|打赏|donate|donation|微信公众号|公众号|关注我们)$/i;

/** One field of a byline: "Author: Yvette", "Email:…", "作者：…", "原文链接：…". */
const BYLINE_FIELD =
  /^\s*(?:[-*+>]\s*)?(?:\*\*|__)?(?:authors?|by|written by|e-?mail|mail|date|created|updated|last updated|source|license|version|作者|编者|整理(?:者|人)?|编辑|邮箱|电子邮件|日期|时间|更新(?:时间|日期)?|创建(?:时间|日期)|来源|出处|转载(?:自|于)?|原文(?:链接|地址)?|版本)(?:\*\*|__)?\s*[:：]/i;

/**
 * A note's byline and nothing else ("Author:Yvette 明明就;Email:yvette@…"):
 * every line is one or more `field: value` parts, split by ; | or full-width
 * separators. Who wrote the note is no answer to what it is about.
 */
export function isBylineOnly(md: string): boolean {
  const lines = md.split('\n').filter((l) => l.trim() !== '');
  // Each value is a name, an address or a date — no sentence ("作者：张三。本文介绍…" is content).
  const field = (p: string) => BYLINE_FIELD.test(p) && p.length <= 100 && !/[。！？!?]\s*\S|\.\s+\S/.test(p.replace(BYLINE_FIELD, ''));
  return lines.length > 0 && lines.length <= 4 && lines.every((l) => l.split(/[;；|｜]/).filter((p) => p.trim() !== '').every(field));
}

/** Lines that move the reader elsewhere in the notes: "Back to [[Index]]", "Next: …", "上一篇：…". */
const NAVIGATION =
  /^(?:[*_]{0,2}(?:back to|go back to|return to|back|up|next|previous|prev|home|index|see also|next chapter|previous chapter|next section|previous section|返回(?:目录|首页|上一级|主页)?|回到(?:目录|首页)|上一(?:篇|章|节|页)|下一(?:篇|章|节|页)|目录|首页)[*_]{0,2}\s*(?:[:：][*_]{0,2}|[-–—→>]+|$))/i;

/** A short answer that says nothing testable: a placeholder or a pointer. */
const FILLER_ANSWER =
  /^(?:see (?:below|above|the (?:next|following) sections?|next sections?|later)|(?:more )?(?:to be |will be )?(?:added|continued|completed|written|updated|filled(?: in)?|done)(?: later| soon)?|tbd|tba|tbc|todo|to ?do|wip|work in progress|coming soon|under construction|n\/a|none( yet)?|nothing( yet)?|empty|placeholder|refer to (?:the )?linked notes?|(?:(?:the )?(?:standard|usual|same|similar) (?:approach(?:es)?|methods?|steps?|process|procedure) )?(?:as|like) (?:before|above|earlier|previously)|same as (?:before|above|earlier)|see (?:the )?linked notes?|see notes?|待(?:补充|更新|完善|续|添加|整理|写|完成)|未完待续|施工中|略|同上|暂无|无|见下文?|见上文?|如下|如下所示|详见下文|详见|后续补充|后续更新|持续更新中?)$/i;

/** "See [[X]].", "More questions in this [bank](…)", "详见…": a pointer elsewhere, not an answer. */
const POINTER = /^(?:see|refer to|check(?: out)?|read|go to|visit|more (?:at|in|on|questions|details|info)|details (?:at|in)|find (?:more|it)|you can find|参见|详见|见|参考|请看|具体见|具体参考|更多)/i;

/** "本节介绍…", "本文将主要介绍…", "这篇文章就讲述了…", "本文主要从…的角度介绍…". */
const ABOUT_ZH = String.raw`(?:这(?:个|一)?|本)篇?(?:部分|节课?|章|篇|文章?|讲|笔记)(?:就|将|会|主要|简单|重点|也)*(?:(?:从|通过|围绕)[^。；;！？]{0,40}?)?(?:讲述|介绍|讲|讨论|描述|说明|分析|展开|是关于|关于)`;

/** A sentence about the notes themselves ("本节介绍…", "In this section we…"). */
const ABOUT_THE_NOTES = new RegExp(String.raw`^(?:${ABOUT_ZH}|下面(?:我们)?(?:将|来)?(?:介绍|讲|讨论)|接下来(?:我们)?(?:将|来)?(?:介绍|讲|讨论)|in this (?:section|chapter|part|note|post|article|lecture|lesson|video|tutorial)|this (?:section|chapter|part|note|post|article|lecture|lesson|video|tutorial) (?:covers|describes|introduces|discusses|explains|is about|looks at)|here,? we (?:will )?(?:look at|discuss|cover|introduce|describe)|below,? we|next,? we (?:will )?(?:look at|discuss|cover|introduce))`, 'i');

/** The same announcement as a later clause of the sentence ("…，这篇文章就讲述了…"). */
const ABOUT_CLAUSE = new RegExp(String.raw`[，,;；]\s*${ABOUT_ZH}`);

/** A lead-in that only announces what follows ("Below are…:", "以下是…："), unlike "ROC plots:" which defines. */
const ANNOUNCES = /\b(?:below|following|as follows|here are|listed)\b|以下|如下|下面|下列/i;

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[A-Za-z][A-Za-z'-]*|\d+(?:[.,]\d+)*/g;

/** Word-equivalents of plain text: Latin words, and a CJK character as half a word (≈ one word per two characters). */
export function wordCount(text: string): number {
  return (text.match(LATIN_WORD)?.length ?? 0) + (text.match(CJK)?.length ?? 0) / 2;
}

/** What an answer is made of, measured on its Markdown. */
export interface AnswerShape {
  words: number; // prose outside code, math, link texts, images and HTML tags
  linkWords: number; // words inside link texts (Markdown links, wikilinks)
  codeChars: number; // non-blank characters inside code blocks
  proseChars: number; // non-blank characters of the prose words counted above
  links: number; // Markdown links and bare URLs to other pages
  wikilinks: number; // `[[note]]`, internal links (`#anchor`, relative .md)
  images: number; // Markdown, Obsidian or HTML images
  math: number; // formulas: content in their own right
  citations: number; // lines that read like bibliography entries
  lines: number; // paragraphs and list items outside code blocks
  linkLines: number; // entries that are a link and a few words ("- [Paper](…) - the original")
}

// Bounded spans keep every pattern linear on hostile input.
const FENCE = /^([ \t]*)(`{3,}|~{3,})([^\n]*)\n([\s\S]*?)(?:^\1\2[ \t]*$|(?![\s\S]))/gm;
/** Fences that draw a figure (Mermaid, Graphviz…): a diagram, like an image. */
const DIAGRAM_FENCE = /^(?:mermaid|dot|graphviz|plantuml|puml|flow|flowchart|sequence|ascii|diagram)\b/i;
/** Fences of prose, not code: a worked example or a quoted prompt ("```text"). */
const TEXT_FENCE = /^(?:text|txt|plain|plaintext|markdown|md|quote|prompt|example)?$/i;
/** Program text or printed output: assignments, calls, brackets, keywords, numbers. */
const CODE_LINE = /[=;{}]|\w\(|^\s*(?:import|from|def|class|return|print|for|while|if|elif|else|try|except|with|function|const|let|var|public|private|#include|>>>|\$ )\b|^\s*[[(]?-?\d[\d.,eE+\-\s[\]()]*$|^\s*(?:tensor|array)\(/;

/** Sentences, not program text or printed numbers ("loss 0.243, 0.05 sec per epoch"). */
function looksLikeProse(body: string): boolean {
  const lines = body.split('\n').filter((l) => l.trim());
  if (lines.length === 0 || lines.filter((l) => CODE_LINE.test(l)).length * 3 >= lines.length) return false;
  const letters = body.match(/[A-Za-z\u3400-\u9fff]/g)?.length ?? 0;
  return letters >= 0.6 * nonBlank(body) && wordCount(body) >= 3 * lines.length;
}
const DISPLAY_MATH = /\$\$[\s\S]{0,5000}?\$\$|\\\[[\s\S]{0,5000}?\\\]/g;
const INLINE_MATH = /\$[^$\n]{1,500}\$|\\\([^\n]{0,500}?\\\)/g;
const IMAGE = /!\[[^\]\n]{0,500}\]\([^)\n]{0,1000}\)|!\[\[[^\]\n]{0,500}\]\]|<img\b[^>\n]{0,1000}>/gi;
const WIKILINK = /\[\[([^\]\n]{0,500})\]\]/g;
const LINK = /\[([^\]\n]{0,500})\]\(([^)\n]{0,1000})\)/g;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>)\]]{1,2000}/gi;
const TAG = /<\/?[a-z][^>\n]{0,500}>/gi;
const CITATION_START = /^\s*(?:[-*+]\s+|\d{1,3}[.)、]\s*)?(?:\[\d{1,3}\]|\[\^[\w-]{1,20}\]:)/;
const CITATION_YEAR = /\(?(?:19|20)\d{2}[a-z]?\)?/;
const CITATION_MARK = /\bet al\.|\barXiv\b|\bIn Proceedings\b|\bProceedings of\b|\bpp\.\s*\d|\bvol\.\s*\d|\b(?:Journal|Conference|Transactions) (?:of|on)\b|\b[A-Z][a-z]+, [A-Z]\.(?:, | &)/;
/** "[1] He, K., … (2016). Deep residual learning…", "Vaswani et al. 2017. Attention…": a bibliography entry. */
const isCitation = (l: string) => CITATION_START.test(l) || (CITATION_YEAR.test(l) && CITATION_MARK.test(l) && wordCount(l) <= 60);

/** Stands in for a removed link, so a line still knows it held one. */
const LINK_MARK = '\u0001';
/** A line with a link and at most this many other words is an entry of a link list. */
const LINK_LINE_WORDS = 6;

const nonBlank = (s: string) => s.replace(/\s+/g, '').length;

function isInternal(url: string): boolean {
  const u = url.trim().replace(/\s+["'][^"']*["']$/, '');
  return u.startsWith('#') || (!/^[a-z][a-z0-9+.-]*:/i.test(u) && !u.startsWith('//') && !/^www\./i.test(u));
}

const ITEM_START = /^[ \t>]*(?:[-*+]|\d{1,3}[.)])[ \t]+/;

/** Paragraphs and list items (a wrapped line continues its entry), without blank ones. */
function entries(text: string): string[] {
  const out: string[] = [];
  let open = false;
  for (const line of text.split('\n')) {
    if (line.replace(/[\s>|:#*_-]/g, '') === '') {
      open = false;
      continue;
    }
    if (open && !ITEM_START.test(line)) out[out.length - 1] += ` ${line}`;
    else out.push(line);
    open = true;
  }
  return out;
}

export function answerShape(md: string): AnswerShape {
  let codeChars = 0;
  let diagrams = 0;
  // HTML comments are never shown: what they hide is not part of the answer.
  let text = md.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ').replace(FENCE, (m, _indent: string, _fence: string, info: string, body: string) => {
    const lang = info.trim();
    if (DIAGRAM_FENCE.test(lang)) {
      diagrams++;
      return '\n';
    }
    if (TEXT_FENCE.test(lang) && looksLikeProse(body)) return `\n${body}\n`; // a worked example in a box still counts as prose
    codeChars += nonBlank(body);
    return '\n';
  });
  // Indented code blocks are rare in notes and look like list continuations; fences are the code.
  let math = 0;
  text = text.replace(DISPLAY_MATH, () => {
    math += 2;
    return ' ';
  });
  text = text.replace(INLINE_MATH, () => {
    math++;
    return ' ';
  });
  let images = diagrams;
  text = text.replace(IMAGE, () => {
    images++;
    return ' ';
  });
  let links = 0;
  let wikilinks = 0;
  let linkWords = 0;
  text = text.replace(WIKILINK, (_, inner: string) => {
    wikilinks++;
    linkWords += wordCount(inner.split('|').pop() ?? '');
    return LINK_MARK;
  });
  text = text.replace(LINK, (_, label: string, url: string) => {
    if (isInternal(url)) wikilinks++;
    else links++;
    linkWords += wordCount(label);
    return LINK_MARK;
  });
  text = text.replace(BARE_URL, () => {
    links++;
    return LINK_MARK;
  });
  text = text.replace(TAG, ' ').replace(/&[a-z]{2,8};|&#\d{1,6};/gi, ' ');
  const lines = entries(text);
  const linkLines = lines.filter((l) => l.includes(LINK_MARK) && wordCount(l.replace(/[*_`~|#>]/g, ' ')) <= LINK_LINE_WORDS).length;
  const citations = md.split('\n').filter((l) => l.trim() && isCitation(l)).length;
  // List markers, checkboxes, table rules and emphasis are not words.
  const prose = text.split(LINK_MARK).join(' ').replace(/^[ \t>]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm, ' ').replace(/[*_`~|#>]/g, ' ');
  return { words: wordCount(prose), linkWords, codeChars, proseChars: nonBlank(prose.replace(/[\p{P}\p{S}]/gu, '')), links, wikilinks, images, math, citations, lines: lines.length, linkLines };
}

/**
 * The answer only repeats the question: "What is Ads serving system (retrieval, ranking)?" →
 * "**Ads serving system** (retrieval, ranking)". Compared on plain letters and digits, so
 * emphasis, brackets and punctuation do not hide it. Such a card teaches nothing.
 */
export function echoesQuestion(front: string, back: string): boolean {
  const norm = (md: string) => plainWords(md).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const b = norm(back);
  return b.length >= 8 && norm(front).includes(b); // a short answer ("简单") may well share words with its question
}

/** The plain words of an answer (Markdown syntax, links and images removed), for the placeholder check. */
function plainWords(md: string): string {
  return md
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(IMAGE, ' ')
    .replace(WIKILINK, ' ')
    .replace(LINK, '$1')
    .replace(TAG, ' ')
    .replace(/^[ \t>]*(?:[-*+]|\d{1,3}[.)])[ \t]+/gm, '')
    .replace(/[*_`~[\]()（）]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.。!！…:：;；,，\s]+$/u, '');
}

/** Clean a heading for the word lists: numbering, emoji, anchors and trailing colons removed. */
function headingKey(title: string): string {
  return title
    .replace(/<a\s[^>]{0,200}>\s*<\/a>/gi, '')
    .replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, '')
    .replace(/(^|\s):[a-z0-9_+-]{1,30}:(?=\s|$)/g, '$1')
    .replace(/^[\s\d.、)）(（-]+/, '')
    .replace(/[\s:：]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isReferenceHeading(title: string): boolean {
  return REFERENCE_HEADING.test(headingKey(title));
}

export function isMetaHeading(title: string): boolean {
  return META_HEADING.test(headingKey(title));
}

/** One line of the notes that only moves the reader elsewhere. */
export function isNavigationLine(raw: string): boolean {
  const s = raw.replace(/^[ \t>]*(?:[-*+]|\d{1,3}[.)])?[ \t]*/, '').trim();
  if (!NAVIGATION.test(s)) return false;
  // What follows the label must be links only ("Back to: [[Index]] | [[Home]]"), not a sentence.
  const rest = s.replace(NAVIGATION, '');
  const shape = answerShape(rest);
  return shape.links + shape.wikilinks > 0 ? shape.words <= 3 : wordCount(rest) <= 4 && rest.trim() === '';
}

/** A one-line answer that is only a placeholder ("TBD", "See below.", "待补充", "略"). */
export function isFillerAnswer(md: string): boolean {
  const s = plainWords(md);
  return s === '' || (s.length <= 40 && FILLER_ANSWER.test(s));
}

export interface SectionFacts {
  question: boolean; // the heading is a question: a figure or a short answer still answers it
}

/**
 * Is a section's answer worth a recall card? `md` is the answer as it would
 * be shown (navigation lines already removed).
 */
export function sectionWorth(heading: string, md: string, facts: SectionFacts): Verdict {
  // An Obsidian tag line ("#image") is metadata, not text: "#image\n\nSee [[pooling]]." is a pointer.
  md = withoutTagLines(md);
  if (isMetaHeading(heading) || isBylineOnly(md)) return drop('meta');
  const s = answerShape(md);
  const linkCount = s.links + s.wikilinks;
  if (s.words === 0 && s.math === 0 && s.codeChars === 0 && s.images === 0 && linkCount === 0) return drop('navigation');
  if (isReferenceHeading(heading)) return s.wikilinks && !s.links && !s.citations ? drop('index') : drop('links', true);
  if (s.codeChars === 0 && s.images === 0 && s.math === 0 && linkCount === 0 && isFillerAnswer(md)) return drop('filler');
  // "这个部分主要讲述的是…的一些理论", "In this section we look at…": a sentence about the notes, not about the subject.
  if (s.lines === 1 && s.codeChars === 0 && s.images === 0 && s.math === 0 && linkCount === 0 && s.words <= 40 && ABOUT_THE_NOTES.test(plainWords(md).replace(/^>\s*/, ''))) return drop('filler');
  // A lecture's abstract in a quote: "> 人们常说…，这篇文章就讲述了三个问题：…" — motivation, then what the note covers.
  if (s.lines === 1 && /^>/.test(md.trim()) && s.codeChars === 0 && s.images === 0 && s.math === 0 && linkCount === 0 && s.words <= 80 && ABOUT_CLAUSE.test(plainWords(md))) return drop('filler');
  // "Below are the most common questions:" alone — its list became other cards (or sits elsewhere).
  // ("I observed … brought up. Here are some of the important ones:" — the announcing sentence is the last one.)
  if (s.lines === 1 && s.codeChars === 0 && s.images === 0 && s.math === 0 && linkCount === 0 && s.words <= 45 && /[:：]\s*(?:\*\*|__)?\s*$/.test(md.trim()) && ANNOUNCES.test(md.trim().split(/(?<=[.!。！])\s+/).pop() ?? '')) return drop('filler');

  // Mostly entries of a link list, or citations: a reading list (external) or an index of notes (internal).
  const list = s.linkLines >= 2 || POINTER.test(plainWords(md)) || (s.links > 0 && s.words <= 3);
  if (linkCount > 0 && list && s.math === 0 && s.codeChars === 0 && s.linkLines * 3 >= s.lines * 2) {
    return s.links === 0 && s.citations === 0 ? drop('index') : drop('links', true);
  }
  if (s.citations >= 2 && s.citations * 2 >= s.lines && s.words <= 30 * s.lines && s.math === 0 && s.codeChars === 0) return drop('links', true);

  // A figure alone answers a question, but is no answer to "What is X?".
  if (s.words < 3 && s.math === 0 && s.codeChars === 0 && s.images > 0 && !facts.question) return drop('image');

  // Code with a line of narration ("下面定义模型。", "Output:"): implementation, not recall.
  // Formulas in the narration count as words; a section built on them is about the maths.
  const content = s.words + s.math;
  if (s.codeChars > 0 && ((content < 50 && s.codeChars >= s.proseChars) || (content < 60 && s.codeChars >= 3 * s.proseChars))) return drop('code');
  return KEEP;
}

/** A term's body that is only a link or a URL ("Paper: https://…"): a reference, not a definition. */
export function isLinkOnly(md: string): boolean {
  const s = answerShape(md);
  return s.links + s.wikilinks > 0 && s.words + s.linkWords <= 12 && s.words <= 2 && s.math === 0 && s.codeChars === 0;
}

/**
 * A note made only of link lists (an Obsidian map of content, a folder's
 * index page) gives no recall card, yet it is text the user wrote: it becomes
 * one reading card holding its lists under their headings, so the note still
 * shows up (and its links stay reachable) without a question to review.
 */
export function indexNoteBack(parts: readonly { heading?: string; back?: string }[]): string {
  return parts
    .filter((p) => p.back)
    .map((p) => (p.heading ? `**${p.heading}**\n\n${withoutTagLines(p.back!)}` : withoutTagLines(p.back!)))
    .join('\n\n');
}
