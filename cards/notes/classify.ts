// What one line of notes *is*: a definition ("**term**：text", "TP：…"), a
// label introducing formulas ("**sigmoid**", "从后往前计算："), a formula, a
// list of open questions, a reference link, explicit card syntax, or prose.
// Decisions are made on the token stream (flat.ts); the raw line is only cut
// at the separator the tokens found, so card text stays as the user wrote it.
import type { Line } from './blocks.ts';
import { plainText } from './blocks.ts';
import { ATOM, ATOMS, atomsIn, flatten, hasOutsideParens, plainOf, rawOffset, type Flat } from './flat.ts';
import { createParser } from '../render/markdown.ts';
import { isZhClause } from './zhterm.ts';
import { isSpokenFragmentKey } from './lecture.ts';

export interface Term {
  plain: string; // the term (and qualifier) as plain text: the card key
  md: string; // the same as Markdown, for the question
  body: string; // Markdown after the separator; '' for a label
  lead: boolean; // "**白化**（Whitening）是…": a definition sentence without a colon
  emphasized: boolean; // the line starts with the bold/italic term: a new item, never a continuation
  equation: boolean; // the body states an equation → a formula card
  derivative: boolean;
}

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'prose' }
  | { kind: 'math'; derivative: boolean } // display math, or a line that starts with a formula
  | { kind: 'links'; links: { title: string; url: string }[] }
  | { kind: 'label'; term: Term }
  | { kind: 'terms'; terms: Term[] }
  | { kind: 'prompts'; items: string[] }
  | { kind: 'qa'; front: string; back: string; reversed: boolean }
  | { kind: 'cloze'; marks: string[] };

const inline = createParser('any');

/** Labels that introduce remarks, not terms worth a card. */
const NOT_TERMS = new Set([
  '注', '注意', '总结', '小结', '备注', '说明', '例如', '比如', '例', '举例', '参考', '参考书', '另外', '其中', '结论', '答', '解', '如下', '以下', '其他', '补充',
  '即', '则', '故', '所以', '因此', '因为', '于是', '那么', '此时', '这里', '如图', '提示', '输入', '输出', '解答', '解析', '答案', '分析', '证明', '思路', '问题', '问', '题目', '原因', '首先', '其次', '然后', '最后', '同理', '又', '而', '但', '但是', '可见', '综上', '例子', '示例', '代码', '来源', '链接', '出处', '作者', '更新',
  'note', 'notes', 'tip', 'tips', 'summary', 'e.g', 'e.g.', 'eg', 'i.e', 'i.e.', 'ie', 'example', 'examples', 'for example', 'see also', 'see', 'hint', 'hints', 'therefore', 'thus', 'hence', 'so', 'where', 'here', 'then', 'and', 'but', 'or', 'because', 'since', 'also', 'however', 'note that', 'recall', 'remember', 'warning', 'caution', 'important',
  'must read', 'must-read', 'read', 'reading', 'further reading', 'paper', 'papers', 'blog', 'blog post', 'video', 'videos', 'article', 'articles', 'resource', 'resources', 'docs', 'documentation', 'website', 'github', 'repo', 'slides', 'book', 'course', 'tutorial', 'link to', 'url', 'back to', 'go to', 'next', 'previous', 'prev', 'up', 'author', 'authors', 'email', 'e-mail', 'date', 'tags', 'tag', 'aliases', 'status', 'created', 'updated', '邮箱', '日期', '时间', '标签', '原文', '原文链接', '地址', '转载', 'image', 'img', 'fig', 'figure', 'table', 'credit', 'credits', 'via', 'ref', 'cf', 'nb', 'n.b',
  'input', 'inputs', 'output', 'outputs', 'answer', 'solution', 'proof', 'q', 'a', 'question', 'reason', 'result', 'results', 'source', 'sources', 'reference', 'references', 'link', 'links', 'code', 'update', 'edit', 'todo', 'tl;dr', 'tldr', 'claim', 'case', 'given', 'goal', 'task', 'conclusion', 'final answer', 'step', 'steps',
  // Remarks in structured English notes ("**Critical Insight**: …", "**Before**: …", "**Solutions**: …" under Pitfalls)
  // that questions.ts does not ask about the topic (as it does "Key insight", "Why it matters"):
  // the line belongs to the section's answer; as a term it would ask "What is Critical Insight?".
  'solutions', 'critical insight', 'bottom line', 'before', 'after', 'measure',
]);
/** "Step 1", "Case 2", "Figure 3.2", "表1", "图 3-2", "[^41]": outline words and captions, never terms. */
const NOT_TERM_PATTERN = /^\[[ xX]\]\s|^(?:\[\^[^\]]*\]|(?:step|case|part|example|figure|fig\.?|table|tab\.?|eq\.?|equation|listing|algorithm|theorem|lemma|definition|proof|note|exercise|problem|question|answer|solution|q|a|assumption|option|pattern|stage|phase|tip|rule|scenario|approach|method|strategy|technique|variant|version|round|iteration|attempt|trial|experiment|point|idea|reason|lesson|mistake|pitfall|principle|hop|level|tier|scenario|use case|requirement|hypothesis|observation|insight|takeaway|factor|limitation|challenge|issue|benefit|advantage|disadvantage|property|feature|item|task|goal|test|query|turn|example use)\s*#?[\d.\-]+[a-z]?|(?:document|doc|user|sample|group|scenario|option|case|example|step|query|variant|model|version|approach|method|class|person|agent)\s+[A-Z]|(?:第\s*[\d一二三四五六七八九十]+\s*步|(?:步骤|条件|情况|方法|方案)\s*[\d一二三四五六七八九十]+|[图表式例]\s*[\d一二三四五六七八九十]+(?:[.\-－—]\d+)*))$/i;
/** "Step A: Find the Absolute Max", "Stage 2 - Rank": a step of a procedure, which the section's answer keeps in order. */
const STEP_LABEL = /^(?:step|stage|phase|part)\s*(?:\d{1,2}|[A-Z])\s*[:.)\-–—]\s*\S/i;
/** "def half_of_greater(x, y):" — a function header in code pasted as text (an HTML `<pre>` the parser shows as text), not a term. */
const CODE_HEAD = /^(?:async\s+)?(?:def|class|function|fn|func)\s+[\w.$]+\s*\(.*\)$/;
const SENTENCE = /[，。；！？,;!?]/;
const ENUM = /^\s*(?:\d{1,3}[.、)）]|[（(]\d{1,3}[)）])\s*/;
const ASCII_EQUATION = /[\w)\]]\s*=\s*[^=\s][^=]*[-+*/×÷()]/;
const LINK_LINE_SLACK = 6; // "参考书[…](…)": a few words around a link still make a reference line

/** The line as written, without list/quote markers and hard-break spaces. */
export function rawContent(srcLine: string): string {
  return srcLine.replace(/^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?/, '').trimEnd().replace(/\\$/, '');
}

function plainOfMd(md: string): string {
  const tokens = inline.parseInline(md, {})[0]?.children ?? [];
  return plainText(tokens).trim();
}

const squash = (s: string) => s.replace(/[\s*_\\`]/g, '');

/** Cut the raw line at the separator found at flat offset `at`; null if raw and tokens disagree. */
function cut(f: Flat, at: number, width: number, raw: string): [string, string] | null {
  const r = rawOffset(f, at, raw);
  if (r < 0) return null;
  const head = raw.slice(0, r);
  if (squash(plainOfMd(head)) !== squash(plainOf(f, 0, at))) return null;
  return [head, raw.slice(r + width)];
}

function unwrap(md: string): string {
  const m = /^(\*\*|__|\*|_)([^*_]+)\1$/.exec(md.trim());
  return (m ? m[2]! : md).trim();
}

function cleanTerm(s: string): string {
  // "因此$\theta$的更新公式：": the connective is not part of the term.
  return s.replace(ENUM, '').replace(/^(?:因此|所以|于是|那么|从而|其中|此时|这里|即|则|故)\s*[，,]?\s*/, '').replace(/\s*(?:是|为)$/, '').trim();
}

/** "$\lfloor$$\frac{n-k}{s}$$\rfloor$+1 *or* …": hardly any words besides the math. */
function mathDominant(f: Flat, from: number): boolean {
  const atoms = atomsIn(f, from, f.s.length);
  if (!atoms.some((a) => a.kind === 'math')) return false;
  const words = f.s.slice(from).replace(ATOMS, '').replace(/[\s\d\p{P}\p{S}]/gu, '');
  return words.length <= 4;
}

function makeTerm(f: Flat, keyPlain: string, md: string, body: string, bodyFrom: number, lead: boolean): Term {
  const bodyAtoms = atomsIn(f, bodyFrom, f.s.length);
  return {
    plain: cleanTerm(keyPlain),
    md: cleanTerm(unwrap(cleanTerm(md))),
    body: body.trim(),
    lead,
    emphasized: false,
    equation: bodyAtoms.some((a) => a.equation) || mathDominant(f, bodyFrom) || ASCII_EQUATION.test(plainOf(f, bodyFrom).replace(ATOMS, '')),
    derivative: bodyAtoms.some((a) => a.derivative),
  };
}

function isTermWord(plain: string): boolean {
  const p = cleanTerm(plain);
  const balanced = (o: string, c: string) => p.split(o).length === p.split(c).length;
  if (!balanced('[', ']') || !balanced('(', ')') || !balanced('（', '）')) return false; // "[TBD: …]" cut at its colon
  if (/<\/?[a-z][^>]*>/i.test(p)) return false;
  if (/^[-+−]?\d[\d.,]*%?$/.test(plain.trim().replace(/[*_]/g, ''))) return false; // "**0.1:** $0.1 / 0.357 = …": a worked number, not a term // "<li><strong>Pre-training": raw HTML, not a term
  return p.length > 0 && p.length <= 30 && /[\p{L}\p{N}]/u.test(p) && !NOT_TERMS.has(p.replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, '').trim().toLowerCase().replace(/\s+/g, ' ')) && !NOT_TERM_PATTERN.test(p) && !STEP_LABEL.test(p) && !CODE_HEAD.test(p) && !isZhClause(p) && !isSpokenFragmentKey(p); // "初始化方法有是什么？": a Chinese clause is no term (zhterm.ts), nor "1958" or "做一个假设" (lecture.ts)
}

/** "Precision answers", "The output is": an English clause before a colon, not a term. */
function englishClause(key: string): boolean {
  const words = key.trim().split(/\s+/);
  if (words.length < 2 || !/^[\x00-\x7f]*$/.test(key)) return false;
  if (/^(?:the|a|an|this|that|these|those|it|we|you|i|they|he|she|in|on|for|to|of|with|as|at|by|from|if|when|so|then|here|there|now|note|recall)$/i.test(words[0]!)) return true;
  return words.slice(1).some((w) => /^(?:is|are|was|were|be|been|has|have|had|answers|means|gives|returns|says|shows|states|looks|works|does|do|did|can|could|will|would|should|must|may|might|becomes|follows|holds|reads|goes|uses|takes|makes)$/i.test(w));
}

/** First `：` or `:` (not `::`, not `3:4`, not `http:`) at or after `from`. */
function findColon(s: string, from = 0): number {
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '：') return i;
    if (c === ':') {
      if (s[i + 1] === ':' || s[i - 1] === ':') continue;
      if (/[0-9/]/.test(s[i + 1] ?? '')) continue;
      return i;
    }
  }
  return -1;
}

/** "为空洞卷积时，有$k=…$，则：$…$": a short condition, then a formula — keyed by the condition. */
function conditional(f: Flat, colon: number, raw: string): Term | null {
  const comma = f.s.indexOf('，');
  if (comma <= 0 || comma > 12 || atomsIn(f, 0, comma).length) return null;
  const last = f.s.lastIndexOf('：');
  const rhs = f.s.slice(last + 1);
  const words = rhs.replace(ATOMS, '').replace(/[\s\d+\-*/=()（）.,，、]/g, '');
  if (last < colon || !atomsIn(f, last, f.s.length).some((a) => a.kind === 'math') || words.length > 4) return null;
  const parts = cut(f, comma, 1, raw);
  if (!parts || !isTermWord(plainOf(f, 0, comma))) return null;
  return { ...makeTerm(f, plainOf(f, 0, comma), parts[0], parts[1], comma + 1, false), equation: true };
}

/** A definition on this line, if it is one. */
function term(f: Flat, raw: string): Term | null {
  const start = f.s.length - f.s.trimStart().length;
  const emph = f.emphasis[0];
  if (emph && emph.from === start) {
    const t = emphasizedTerm(f, raw, start, emph);
    return t && { ...t, emphasized: true };
  }
  return plainTerm(f, raw);
}

function emphasizedTerm(f: Flat, raw: string, start: number, emph: Flat['emphasis'][number]): Term | null {
  const colon = findColon(f.s);
  const name = plainOf(f, emph.from, emph.to).trim();
  if (!isTermWord(name.replace(/[：:]$/, ''))) return null;
  const rest = f.s.slice(emph.to);
  const colonInside = colon >= 0 && colon < emph.to && f.s.slice(colon + 1, emph.to).trim() === '';
  const qualifier = f.s.slice(emph.to, Math.max(emph.to, colon)).replace(/（[^）]*）|\([^)]*\)/g, '');
  if (colonInside || (colon >= emph.to && qualifier.length <= 16 && !hasOutsideParens(f.s, SENTENCE, emph.to, colon))) {
    const parts = cut(f, colon, 1, raw);
    if (!parts) return null;
    let [head, body] = parts;
    if (colonInside) {
      // "**池化作用：**保留…": the closing marker sits after the colon.
      const marker = /^\s*(\*\*|__|\*|_)/.exec(body)?.[1] ?? '';
      head += marker;
      body = body.replace(/^\s*(\*\*|__|\*|_)/, '');
    }
    if (isZhClause(plainOf(f, start, colon).trim().replace(/\s*(?:是|为)$/, ''))) return null; // "**对数似然函数最大化**得到**…**为：" is a sentence
    return makeTerm(f, plainOf(f, start, colon), head, body, colon + 1, false);
  }
  if (rest.trim() === '') return makeTerm(f, name, raw, '', f.s.length, false);
  // "**标准化**（Standardization）也叫…": the alias belongs to the name.
  const alias = /^\s*(（[^）]{1,40}）|\([^)]{1,40}\))/.exec(rest);
  if (!emph.strong && !alias) return null; // an italic sentence opener is not a term
  if (hasOutsideParens(name, SENTENCE)) return null; // a bold sentence is emphasis, not a term
  const nameEnd = emph.to + (alias ? alias[0].length : 0);
  const md = plainOf(f, start, nameEnd);
  return makeTerm(f, plainOf(f, start, nameEnd), md, raw, start, true);
}

function plainTerm(f: Flat, raw: string): Term | null {
  const colon = findColon(f.s);
  if (colon <= 0) return null;
  if (hasOutsideParens(f.s, SENTENCE, 0, colon)) return conditional(f, colon, raw);
  if (atomsIn(f, 0, colon).some((a) => a.kind !== 'math' || a.equation)) return null;
  let key = plainOf(f, 0, colon);
  const parts = cut(f, colon, 1, raw);
  if (!parts) return null;
  let [head, body] = parts;
  // "**术语：**解释": CommonMark does not close `**` between "：" and a CJK letter,
  // so the markers arrive as text around the colon; they were meant as bold.
  const marker = /^\s*(\*\*|__)/.exec(head)?.[1];
  if (marker && body.startsWith(marker)) {
    head = head.trim().slice(2);
    body = body.slice(2);
    key = key.trim().slice(2);
  }
  // "I: LiDAR…": a bare letter is a variable, not a term (a bold one still is).
  if (!isTermWord(key) || englishClause(key) || /我们|让我|你们?|他们|本节|本章|下面|上面|这里|接下来|^(?:假设|假如|如果|若|当|设|对于|由于|因为)/.test(key) || /^[A-Za-z]$/.test(cleanTerm(key))) return null;
  return makeTerm(f, key, head, body, colon + 1, false);
}

/** Split a line at every `；` when tokens and raw agree; each piece as raw Markdown. */
function splitSemicolons(f: Flat, raw: string): string[] | null {
  const pieces: string[] = [];
  let from = 0;
  let rawFrom = 0;
  for (let i = f.s.indexOf('；'); i >= 0; i = f.s.indexOf('；', i + 1)) {
    const r = rawOffset(f, i, raw);
    if (r < rawFrom) return null;
    pieces.push(raw.slice(rawFrom, r));
    rawFrom = r + 1;
    from = i + 1;
  }
  if (from === 0) return null;
  pieces.push(raw.slice(rawFrom));
  return pieces.map((p) => p.trim()).filter((p) => p !== '');
}

function classifyPiece(md: string): Term | null {
  const tokens = inline.parseInline(md, {})[0]?.children ?? [];
  const f = flatten(tokens);
  const t = term(f, md);
  return t && t.body ? t : null;
}

export function classifyLine(line: Line, srcLines: readonly string[], f: Flat = flatten(line.tokens)): LineKind {
  if (line.tex !== undefined) return { kind: 'math', derivative: /\\partial|\\nabla/.test(line.tex) };
  if (line.other) return { kind: 'prose' };
  const raw = srcLines.slice(line.line, line.end).map(rawContent).join('\n');
  const text = f.s.replace(ATOMS, '').trim();
  if (text === '' && f.atoms.length === 0) return { kind: 'blank' };

  const links = f.atoms.filter((a) => a.kind === 'link');
  const loose = text.replace(/[\s\p{P}]/gu, '');
  if (links.length && links.length === f.atoms.length && loose.length <= LINK_LINE_SLACK) {
    return { kind: 'links', links: links.map((a) => ({ title: a.plain.trim(), url: a.url ?? '' })) };
  }

  const qa = f.s.indexOf('::');
  if (qa > 0) {
    const reversed = f.s[qa + 2] === ':';
    const parts = cut(f, qa, reversed ? 3 : 2, raw);
    if (parts && parts[0].trim() && parts[1].trim()) return { kind: 'qa', front: parts[0].trim(), back: parts[1].trim(), reversed };
  }
  // A highlighted whole sentence is emphasis, not a deletion: the card would ask "[…]?".
  if (f.marks.length) {
    const left = f.marks.reduce((s, m) => s.replace(m, ''), raw).replace(/[\s\p{P}\p{S}]/gu, '');
    if (left.length >= 4) return { kind: 'cloze', marks: f.marks };
    return { kind: 'prose' };
  }
  // "Q: …" (then "A: …" below): a question as written.
  if (/^(?:\*\*|__)?(?:Q\s*\d{0,3}|问|问题)(?:\*\*|__)?\s*[:：]\s*\S/.test(raw.trim()) && text.length <= 300) return { kind: 'prompts', items: [raw.trim()] };

  const pieces = f.s.includes('；') ? splitSemicolons(f, raw) : null;
  if (pieces && pieces.length >= 2) {
    const terms = pieces.map(classifyPiece);
    if (terms.every((t) => t !== null)) return { kind: 'terms', terms: terms as Term[] };
    // "BN原理；手写BN；…；BN在训练和测试的区别？" is a list of questions; "A是局部连接；B是全局连接" is two statements.
    const isQuestionList = findColon(f.s) < 0 && !/[。]/.test(text) && /[？?]$/.test(text) && pieces.every((p) => p.length <= 40);
    if (isQuestionList) return { kind: 'prompts', items: pieces };
  }

  const t = term(f, raw);
  if (t) return t.body ? { kind: 'terms', terms: [t] } : { kind: 'label', term: t };
  if (f.atoms[0]?.kind === 'math' && f.s.trimStart().startsWith(ATOM)) {
    return { kind: 'math', derivative: f.atoms.some((a) => a.derivative) };
  }
  if (/[？?]$/.test(text) && text.length <= 80 && findColon(f.s) < 0) return { kind: 'prompts', items: [raw.trim()] };
  return { kind: 'prose' };
}
