// Per-card defect detectors for the corpus report. Pure functions over one
// card as `deeprecall cards --json --html` prints it; each returns whether
// (or how often) a defect a learner would notice is present. Thresholds and
// word lists follow issue 11 ("usable as it is").
import { allText, visibleParts } from './html-text.ts';

/** A card as printed by `cards --json --html`; fields newer than today's CLI are optional. */
export interface ReportCard {
  id: string;
  kind: string;
  section: string[];
  front: string;
  back: string;
  frontHtml?: string;
  backHtml?: string;
  deck?: string;
  file?: string;
  line?: number;
  tags?: string[];
  lang?: string;
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/gu;
const LATIN = /[A-Za-z]/g;

/** Markdown without math, code and link targets: the words a reader reads. */
export function proseOf(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\$[^$\n]*\$/g, ' ')
    .replace(/\\\([\s\S]*?\\\)|\\\[[\s\S]*?\\\]/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, ' ');
}

/** Share of CJK characters among CJK + Latin letters (0 when there are none). */
export function cjkShare(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  return cjk + latin === 0 ? 0 : cjk / (cjk + latin);
}

/** 'zh' when at least 5 % of the letters are CJK, else 'en'. */
export function langOf(text: string): 'zh' | 'en' {
  return cjkShare(text) >= 0.05 ? 'zh' : 'en';
}

/** Chinese question/answer scaffolding the generator adds; in an English card it is a defect. */
export const ZH_SCAFFOLDING = [
  '是什么', '为什么用', '为什么', '怎么计算', '如何计算', '有哪些', '分别是', '的公式', '公式是什么', '什么是', '怎么用', '如何', '区别',
  '笔记中', '笔记里', '开放问题', '参考本节', '未给出', '没有答案', '见笔记', '请解释', '简述', '的作用', '的含义', '的定义', '何时用', '优缺点',
];

/**
 * Chinese text in a card: the known scaffolding phrases found, or else the
 * first run of CJK characters (an English note has no business showing any).
 */
export function zhScaffolding(card: Pick<ReportCard, 'front' | 'back'>): string[] {
  const text = `${card.front}\n${card.back}`;
  const phrases = ZH_SCAFFOLDING.filter((p) => text.includes(p));
  if (phrases.length) return phrases;
  const run = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/u.exec(text);
  return run ? [run[0].slice(0, 12)] : [];
}

/**
 * Is this an English card? The card's own `lang` when the CLI prints it; else
 * the language of its source note (when known); else its words with the
 * scaffolding phrases removed (so the defect cannot hide itself).
 */
export function isEnglishCard(card: ReportCard, noteLang?: 'zh' | 'en'): boolean {
  if (card.lang === 'en' || card.lang === 'zh') return card.lang === 'en';
  if (noteLang) return noteLang === 'en';
  let text = proseOf(`${card.front}\n${card.back}`);
  for (const p of ZH_SCAFFOLDING) text = text.split(p).join('');
  text = text.replace(/[？?，。：；！（）]/g, '');
  return langOf(text) === 'en';
}

/** Question still starting with its outline number: `3.2.1`, `1.`, `（1）`, `第一章`, `一、`. */
export function startsWithNumbering(frontText: string): boolean {
  const s = frontText.trim();
  return (
    /^\d+(\.\d+)+\.?(\s|[\u4e00-\u9fff]|$)/u.test(s) ||
    /^\d+[.、)）]\s*\S/u.test(s) ||
    /^[（(]\s*\d+\s*[)）]/u.test(s) ||
    /^第\s*[一二三四五六七八九十百零\d]+\s*[章节部分条讲课]/u.test(s) ||
    /^[一二三四五六七八九十]+[、.．]/u.test(s) ||
    /^(chapter|section|part)\s+\d+/i.test(s) ||
    /^[QqＱ]\d+[.:：、]/u.test(s)
  );
}

/** Words that are never a term or a topic on their own. */
const FILLER = new RegExp(
  '^(' +
    [
      'hint', 'hints', 'note', 'notes', 'nb', 'therefore', 'thus', 'hence', 'so', 'where', 'here', 'then', 'also', 'example', 'examples', 'e\\.?g\\.?', 'i\\.?e\\.?',
      'for example', 'for instance', 'input', 'inputs', 'output', 'outputs', 'step \\d+', 'answer', 'solution', 'proof', 'remark', 'tip', 'warning', 'important',
      'summary', 'overview', 'intuition', 'todo', 'see also', 'references?', 'reading', 'further reading', 'source', 'sources', 'q', 'a', 'ans',
      '注意', '注', '例如', '比如', '其中', '即', '所以', '因此', '总结', '小结', '答', '解', '答案', '参考', '参考文献', '参考资料', '如下', '例',
      '\\[\\^[^\\]]+\\]', '\\^?\\d+', '(图|表|figure|fig\\.?|table)\\s*[\\d.\\-]+.*',
    ].join('|') +
    ')$',
  'iu',
);

/** The topic a front asks about, with the generator's question wrappers removed. */
export function frontTopic(frontText: string): string {
  let s = frontText.trim().split('\n')[0]!.trim();
  for (let again = true; again; ) {
    again = false;
    for (const suffix of ['是什么？', '为什么用？', '怎么计算？', '的公式是什么？', '的公式？', '是什么', '为什么用']) {
      if (s.endsWith(suffix)) {
        s = s.slice(0, -suffix.length).trimEnd();
        again = true;
      }
    }
  }
  s = s.replace(/^(what is|what are|what does|define|explain|describe|formula for|why use|how to compute)\s+/i, '');
  s = s.replace(/(\s*(mean|stand for|used for))?\s*[?？]\s*$/i, '');
  s = s.replace(/[:：,，.。;；!！?？*_`"'“”]+$/u, '').replace(/^[*_`"'“”]+/u, '').trim();
  return s;
}

/** Front that is a discourse word, footnote mark or caption rather than a topic. */
export function isFillerFront(frontText: string): boolean {
  const topic = frontTopic(frontText);
  return topic.length === 0 || FILLER.test(topic);
}

export interface RawMarkup {
  image: number; // `![alt](x)`, `![[x]]` or an escaped `<img …>` shown as text
  wikilink: number; // `[[x]]` shown as text
  bold: number; // `**` shown as text
  escapedTag: number; // `<br>`, `<img …>`, `<center>`, `<li>` … shown as text
  highlight: number; // `==x==` shown as text
}

const TAG_NAMES = 'br|img|center|li|ul|ol|div|p|sup|sub|span|font|table|tr|td|th|details|summary|a|b|i|u|strong|em|hr|h[1-6]|figure|iframe|video|audio';
// Tag-shaped only: `<br>`, `<br/>`, `</li>`, `<img src=…`, `<div align=center>`; not prose like `<video, text>`.
const ESCAPED_TAG = new RegExp(`&lt;\\/?(${TAG_NAMES})(\\s*\\/?&gt;|\\s+[\\w-]+\\s*(=|\\/?&gt;))`, 'gi');

/** Literal Markdown/HTML syntax visible in rendered text (outside math and code). */
export function rawMarkup(html: string): RawMarkup {
  const { text, html: raw } = visibleParts(html);
  const count = (re: RegExp, s: string) => s.match(re)?.length ?? 0;
  return {
    image: count(/!\[[^\]\n]*\]\([^)\n]*\)|!\[\[[^\]\n]*\]\]/g, text) + count(/&lt;img\b/gi, raw),
    wikilink: count(/(?<!!)\[\[[^\]\n]+\]\]/g, text),
    bold: count(/\*\*/g, text),
    escapedTag: count(ESCAPED_TAG, raw),
    highlight: count(/==[^=\n]+==/g, text),
  };
}

export function rawMarkupTotal(m: RawMarkup): number {
  return m.image + m.wikilink + m.bold + m.escapedTag + m.highlight;
}

/** KaTeX failures and render failures shown on the card. */
export function mathErrors(html: string): number {
  return html.match(/class="[^"]*\b(math-error|katex-error|render-error)\b[^"]*"/g)?.length ?? 0;
}

/**
 * A `$` left in the rendered prose that is not currency (`$100k`, `$5 per
 * hour`, `US$3`): the sign of math that was not recognised.
 */
export function strayDollars(html: string): number {
  const { text } = visibleParts(html);
  let n = 0;
  for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
    const next = text.slice(i + 1, i + 12);
    const currency = /^\d[\d,.]*(\s?[kKmMbB](n|illion)?\b|\b)/.test(next) && !/^\d+\$/.test(next);
    if (!currency) n++;
  }
  return n;
}

/**
 * Images on a card (contract in COMMON.md): stored images (`data-media` or a
 * local/data src), `missing:` placeholders, remote images shown as a link, and
 * remote images the page would load (`<img src="http…">`, a privacy leak).
 */
export function imageStats(html: string): { shown: number; missing: number; remote: number; remoteLoaded: number } {
  const imgs = html.match(/<img\b[^>]*>/g) ?? [];
  const remoteLoaded = imgs.filter((t) => /\bsrc\s*=\s*["']?(https?:)?\/\//i.test(t)).length;
  return {
    shown: imgs.length - remoteLoaded,
    missing: html.match(/class="[^"]*\bimg-missing\b/g)?.length ?? 0,
    remote: html.match(/<a\b[^>]*href="https?:[^"]*"[^>]*>\s*🖼/g)?.length ?? 0,
    remoteLoaded,
  };
}

/** The note's title: its file name without extension (README/index carry none). */
export function noteTitle(rel: string): string | null {
  const base = rel.split('/').pop()!.replace(/\.(md|markdown)$/i, '');
  return /^(readme|index|_index)$/i.test(base) ? null : base;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The note's first-level heading when the note opens with one (front matter and blank lines skipped). */
export function firstH1(markdown: string): string | null {
  const body = markdown.replace(/^\uFEFF/, '').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  const m = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(body.split(/\r?\n/).find((l) => l.trim() !== '') ?? '');
  return m ? m[1]! : null;
}

/**
 * The note's topic appears neither in the crumbs nor on the front (issue 11:
 * "the note's topic on neither the card nor the crumbs"). The topic is the
 * file name, or the heading the note opens with (book chapters named
 * `5.4_pooling.md` carry their title in `# 5.4 池化层`).
 */
export function topicMissing(card: Pick<ReportCard, 'section' | 'front'>, rel: string | undefined, h1: string | null = null): boolean {
  const titles = [rel ? noteTitle(rel) : null, h1].map((t) => (t ? norm(t) : '')).filter(Boolean);
  if (!rel || titles.length === 0) return false;
  return ![...card.section, card.front].some((s) => titles.some((t) => norm(s).includes(t)));
}

/** Share of an answer's characters inside fenced code blocks (0 when there is no answer). */
export function codeShare(markdown: string): number {
  const total = markdown.replace(/\s+/g, '').length;
  if (total === 0) return 0;
  let code = 0;
  for (const m of markdown.matchAll(/^(\s*)(`{3,}|~{3,})[^\n]*\n([\s\S]*?)(?:^\1\2[ \t]*$|(?![\s\S]))/gm)) code += m[0].replace(/\s+/g, '').length;
  return Math.min(1, code / total);
}

/** An answer that is mostly code: not something to recall word for word. */
export const CODE_ANSWER = 0.5;

export const LONG_ANSWER = 1500;

export interface CardFlags {
  lang: 'zh' | 'en'; // CJK share of front + back (the card's own `lang` when printed)
  english: boolean; // judged English for the scaffolding check (see isEnglishCard)
  mathErrors: number;
  strayDollars: number;
  raw: RawMarkup;
  zhScaffolding: string[]; // only for English cards
  numbered: boolean;
  filler: boolean;
  longAnswer: boolean;
  backChars: number;
  topicMissing: boolean; // false when the note is unknown
  codeAnswer: boolean; // ≥ half of the answer is fenced code
}

/** Every detector on one card. `noteLang`: the language of the card's source note, when known. */
export function analyseCard(card: ReportCard, noteLang?: 'zh' | 'en', file?: string, h1: string | null = null): CardFlags {
  const frontHtml = card.frontHtml ?? '';
  const backHtml = card.backHtml ?? '';
  const html = `${frontHtml}\n${backHtml}`;
  const frontText = frontHtml ? allText(frontHtml) : card.front;
  const english = isEnglishCard(card, noteLang);
  return {
    lang: card.lang === 'zh' || card.lang === 'en' ? card.lang : langOf(proseOf(`${card.front}\n${card.back}`)),
    english,
    mathErrors: mathErrors(html),
    strayDollars: strayDollars(html),
    raw: rawMarkup(html),
    zhScaffolding: english ? zhScaffolding(card) : [],
    numbered: startsWithNumbering(frontText),
    filler: isFillerFront(frontText),
    longAnswer: card.back.length > LONG_ANSWER,
    backChars: card.back.length,
    topicMissing: topicMissing(card, file, h1),
    codeAnswer: codeShare(card.back) >= CODE_ANSWER,
  };
}
