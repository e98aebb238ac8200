// markdown-it rules for the notes' extra syntax: `$…$` / `$$…$$` math and
// `==highlight==` (Obsidian's cloze marker). Shared by the importer (which
// reads the token stream) and the renderer, so both see the same structure.
import type { MarkdownIt, StateBlock, StateCore, StateInline, Token } from 'markdown-it';
import { cjkEmphasis } from './cjkEmphasis.ts';

const DOLLAR = 0x24;
const EQ = 0x3d;
const BACKSLASH = 0x5c;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Per-inline-state memory of failed closer searches. Without it a long line
 * full of unclosed `$` rescans the rest of the line for every `$` (quadratic
 * on a 20 MB file); with it each failure is found once.
 */
interface Failure {
  from: number; // an opener here found no closer…
  until: number; // …before this position…
  max: number; // …while scanning up to this posMax (nested label/mark scans use a smaller one)
}
type ScanMemo = Record<'single' | 'double' | 'mark', Failure>;
const MEMO = Symbol('deeprecall.scanMemo');
function none(): Failure {
  return { from: Infinity, until: -1, max: -1 };
}
function memo(state: StateInline): ScanMemo {
  const s = state as StateInline & { [MEMO]?: ScanMemo };
  return (s[MEMO] ??= { single: none(), double: none(), mark: none() });
}
/** A later opener before the same stop point cannot find a closer either. */
const knownToFail = (f: Failure, pos: number, max: number) => pos > f.from && pos < f.until && max === f.max;
function remember(f: Failure, from: number, until: number, max: number): void {
  f.from = from;
  f.until = until;
  f.max = max;
}

/** TeX gives itself away by these; prose between two currency amounts has none. */
const TEX_SIGN = /[\\^_{}=+<>|]/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * True when the text between two dollars reads as a sentence, not a formula:
 * `$5 per hour and $`, `$ 3.5 million or $`. Formulas written with spaces
 * (`$ x $`, `$ f(x) $`, `$ \alpha $`) have at most one word of letters.
 */
export function looksLikeProse(content: string): boolean {
  if (TEX_SIGN.test(content)) return false;
  const words = content.trim().split(/\s+/);
  const alpha = words.filter((w) => /^[A-Za-z]{2,}[.,;:!?]?$/.test(w)).length;
  if (alpha >= 2) return true;
  if (alpha >= 1 && /^\d/.test(words[0] ?? '')) return true; // `$5 per` …
  return CJK.test(content) && /^\d/.test(content.trim()); // `$ 5 每小时 $`
}

/**
 * Index of the `$` closing a single-dollar span opened at `open`, or -1. Stops
 * at a newline (one formula per line keeps a stray `$` local) and at the first
 * `$` that cannot close: in `$5 and $x$` the second `$` opens a formula of its
 * own, so the first is a currency sign. Spaces inside are fine (`$ x $`,
 * `$D(t) $`): Typora renders them and notes written there rely on it.
 */
function findSingleClose(src: string, open: number, max: number): { close: number; stop: number } {
  for (let i = open + 1; i < max; i++) {
    const c = src.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === 0x0a) return { close: -1, stop: i };
    else if (c === DOLLAR) {
      // `$5 and $10`: a `$` before a digit never closes; after a space it
      // closes only a span that does not start like an amount (`$D(t) $`).
      const closes = i > open + 1 && !isDigit(src.charCodeAt(i + 1)) && !(isSpace(src.charCodeAt(i - 1)) && isDigit(src.charCodeAt(open + 1)));
      const content = src.slice(open + 1, i);
      if (!closes || content.trim() === '' || looksLikeProse(content)) return { close: -1, stop: i };
      return { close: i, stop: i };
    }
  }
  return { close: -1, stop: max };
}

/** Index of the next unescaped `$$` at or after `from`, or -1. */
function findDoubleClose(src: string, from: number, max: number): number {
  for (let i = from; i < max - 1; i++) {
    const c = src.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === DOLLAR && src.charCodeAt(i + 1) === DOLLAR) return i;
  }
  return -1;
}

/**
 * Where unmatched dollars were seen, per inline token (keyed by its children
 * array). They stay plain text — a token each would let a file of dollars
 * grow into millions of tokens — and the importer turns them into warnings.
 */
const STRAYS = Symbol('deeprecall.strays');
const MAX_STRAYS = 100; // per paragraph: enough to point at the problem
type StrayEnv = { [STRAYS]?: Map<Token[], number[]> };

function stray(state: StateInline, silent: boolean, length: number): boolean {
  if (!silent) {
    const env = state.env as StrayEnv;
    const map = (env[STRAYS] ??= new Map());
    let list = map.get(state.tokens);
    if (!list) map.set(state.tokens, (list = []));
    if (list.length < MAX_STRAYS) list.push(state.pos);
    state.pending += state.src.slice(state.pos, state.pos + length);
  }
  state.pos += length;
  return true;
}

/** Offsets (in the token's content) of unmatched `$` in an inline token, after parsing with `env`. */
export function strayDollars(env: object, inline: Token): number[] {
  return (env as StrayEnv)[STRAYS]?.get(inline.children ?? []) ?? [];
}

/** True when src[from, to) is the only thing on its line: display math written alone stays display. */
function aloneOnLine(src: string, from: number, to: number, max: number): boolean {
  for (let i = from - 1; i >= 0; i--) {
    const c = src.charCodeAt(i);
    if (c === 0x0a) break;
    if (!isSpace(c)) return false;
  }
  for (let i = to; i < max; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x0a) break;
    if (!isSpace(c)) return false;
  }
  return true;
}

function pushMath(state: StateInline, content: string, display: boolean, written: string): void {
  const t = state.push('math_inline', 'math', 0);
  t.content = content;
  // The importer re-joins markup + content + markup as card text, so `\(…\)`
  // and `\[…\]` read back as the `$`/`$$` forms this plugin also parses.
  t.markup = written === '$$' || written === '\\[' ? '$$' : '$';
  t.meta = { display, written };
}

/**
 * `$…$` and `$$…$$` inside a line. A `$$` right after a closing `$` is a
 * close+open pair, so `$\lfloor$$\frac{a}{b}$$\rfloor$` is three inline spans.
 * `$$…$$` is display math only when it stands alone on its line; inside a
 * sentence it is set inline, as Typora and Obsidian do.
 */
function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax: max } = state;
  if (src.charCodeAt(pos) !== DOLLAR) return false;
  const m = memo(state);
  let run = 1;
  while (pos + run < max && src.charCodeAt(pos + run) === DOLLAR) run++;
  // `$$$…` starts no formula: the whole run is one stray.
  if (run > 2 || (run === 2 && pos > 0 && src.charCodeAt(pos - 1) === DOLLAR)) {
    return stray(state, silent, run);
  }
  const double = run === 2;
  if (double) {
    const close = knownToFail(m.double, pos, max) ? -1 : findDoubleClose(src, pos + 2, max);
    if (close < 0 || src.slice(pos + 2, close).trim() === '') {
      if (close < 0 && !knownToFail(m.double, pos, max)) remember(m.double, pos, max, max);
      return stray(state, silent, 2);
    }
    if (!silent) pushMath(state, src.slice(pos + 2, close), aloneOnLine(src, pos, close + 2, max), '$$');
    state.pos = close + 2;
    return true;
  }
  let close = -1;
  if (pos + 1 < max && !knownToFail(m.single, pos, max)) {
    const r = findSingleClose(src, pos, max);
    close = r.close;
    if (close < 0) remember(m.single, pos, r.stop, max);
  }
  if (close < 0) return stray(state, silent, 1);
  if (!silent) pushMath(state, src.slice(pos + 1, close), false, '$');
  state.pos = close + 1;
  return true;
}

const OPEN_PAREN = 0x28;
const OPEN_BRACKET = 0x5b;

/** Index of the backslash of `closer` (`\)` or `\]`) after `from` on `src`, or -1; other escapes are skipped. */
function findEscapedClose(src: string, from: number, max: number, closer: number): number {
  for (let i = from; i < max - 1; i++) {
    if (src.charCodeAt(i) !== BACKSLASH) continue;
    if (src.charCodeAt(i + 1) === closer) return i;
    i++;
  }
  return -1;
}

/**
 * LaTeX's own delimiters: `\(…\)` inline, `\[…\]` display (inline when it
 * sits inside a sentence). Markdown also uses `\[1\]` and `\(see above\)`
 * as escaped brackets, so numbers-only or prose content stays text.
 */
function mathParen(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax: max } = state;
  if (src.charCodeAt(pos) !== BACKSLASH) return false;
  const kind = src.charCodeAt(pos + 1);
  if (kind !== OPEN_PAREN && kind !== OPEN_BRACKET) return false;
  const closer = kind === OPEN_PAREN ? 0x29 : 0x5d;
  const close = findEscapedClose(src, pos + 2, max, closer);
  if (close < 0) return false;
  const content = src.slice(pos + 2, close);
  if (content.trim() === '' || /^[\s\d.,;:–-]*$/.test(content) || looksLikeProse(content) || content.includes('\n\n')) return false;
  if (!silent) {
    const display = kind === OPEN_BRACKET && aloneOnLine(src, pos, close + 2, max);
    pushMath(state, content, display, kind === OPEN_PAREN ? '\\(' : '\\[');
  }
  state.pos = close + 2;
  return true;
}

/**
 * `$$` (or `\\[`) at the start of a line opens display math, closed by the
 * first later `$$` (`\\]`) that ends its line. It may interrupt a paragraph, as notes write a
 * label line directly followed by its formulas. A blank line ends the search:
 * TeX itself forbids blank lines in display math.
 */
/** How far (in lines) a `$$` block may reach across blank lines to its closing `$$`. */
const MAX_BLANK_SPAN = 60;

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const src = state.src;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const firstEnd = state.eMarks[startLine]!;
  const dollars = src.charCodeAt(start) === DOLLAR && src.charCodeAt(start + 1) === DOLLAR;
  if (!dollars && !(src.charCodeAt(start) === BACKSLASH && src.charCodeAt(start + 1) === OPEN_BRACKET)) return false;
  const findClose = dollars ? findDoubleClose : (s: string, from: number, to: number) => findEscapedClose(s, from, to, 0x5d);
  const parts: string[] = [];
  let nextLine = startLine + 1;
  const sameLine = findClose(src, start + 2, firstEnd);
  if (sameLine >= 0) {
    if (src.slice(sameLine + 2, firstEnd).trim() !== '') return false; // `$$a$$ text` is inline
    parts.push(src.slice(start + 2, sameLine));
  } else {
    parts.push(src.slice(start + 2, firstEnd));
    let closed = false;
    for (let line = startLine + 1; line < endLine; line++) {
      // A blank line inside `$$…$$` is allowed (Typora keeps the block open, and matrices are
      // often spaced out), but only a few lines from the opener: an unclosed `$$` must not
      // swallow the notes below it.
      if (state.isEmpty(line)) {
        if (!dollars || line - startLine > MAX_BLANK_SPAN) return false;
        parts.push('');
        continue;
      }
      if (state.sCount[line]! < state.blkIndent) return false;
      const ls = state.bMarks[line]! + state.tShift[line]!;
      const le = state.eMarks[line]!;
      const c = findClose(src, ls, le);
      if (c >= 0) {
        if (src.slice(c + 2, le).trim() !== '') return false;
        parts.push(src.slice(ls, c));
        nextLine = line + 1;
        closed = true;
        break;
      }
      parts.push(src.slice(ls, le));
    }
    if (!closed) return false;
  }
  const content = parts.join('\n');
  if (content.trim() === '') return false;
  if (!dollars && (/^[\s\d.,;:–-]*$/.test(content) || looksLikeProse(content))) return false; // `\[1\]`: escaped brackets
  if (silent) return true;
  const t = state.push('math_block', 'math', 0);
  t.block = true;
  t.content = content;
  t.markup = '$$';
  t.map = [startLine, nextLine];
  state.line = nextLine;
  return true;
}

/** `==text==` → mark_open … mark_close, on one line, not padded with spaces. */
function markInline(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax: max } = state;
  if (src.charCodeAt(pos) !== EQ || src.charCodeAt(pos + 1) !== EQ || src.charCodeAt(pos + 2) === EQ) return false;
  if (isSpace(src.charCodeAt(pos + 2)) || pos + 2 >= max) return false;
  const m = memo(state);
  if (knownToFail(m.mark, pos, max)) return false;
  let close = -1;
  let stop = max;
  for (let i = pos + 2; i < max - 1; i++) {
    const c = src.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === 0x0a) {
      stop = i;
      break;
    } else if (c === EQ && src.charCodeAt(i + 1) === EQ && !isSpace(src.charCodeAt(i - 1)) && i > pos + 2) {
      close = i;
      break;
    }
  }
  if (close < 0) {
    remember(m.mark, pos, stop, max);
    return false;
  }
  if (!silent) {
    const open = state.push('mark_open', 'mark', 1);
    open.markup = '==';
    open.meta = { src: src.slice(pos, close + 2) };
    const oldMax = state.posMax;
    state.pos = pos + 2;
    state.posMax = close;
    state.md.inline.tokenize(state);
    state.posMax = oldMax;
    state.push('mark_close', 'mark', -1).markup = '==';
  }
  state.pos = close + 2;
  return true;
}

/**
 * No note paragraph is 100 000 characters long; one that is (a log, a data
 * dump) is kept as plain text, because inline-parsing it could mean tens of
 * millions of tokens. The importer warns about it (meta.tooLong).
 */
const MAX_INLINE = 100_000;

/**
 * Inline markup characters (emphasis, math, code, links, HTML, escapes) one
 * document may spend on inline tokens. Each can become a token, and a file of
 * 20 MB of `*a* *b*` otherwise means tens of millions of retained tokens and
 * minutes of garbage collection. The densest real notes use ~12 000 per
 * 100 kB (the bundled notes ×100, 1.3 MB, ~84 000), so the budget covers
 * more than 3 MB of them; once it is spent, the rest of the document is kept
 * as plain text up to each heading (denseRest) — flagged tooLong + dense.
 */
export const MAX_MARKUP = 400_000;

function markupCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    switch (s.charCodeAt(i)) {
      case 0x2a: // *
      case 0x5f: // _
      case 0x7e: // ~
      case 0x3d: // =
      case 0x24: // $
      case 0x60: // `
      case 0x5b: // [
      case 0x3c: // <
      case 0x5c: // \
      case 0x26: // &
        n++;
    }
  }
  return n;
}

/**
 * The same budget at block level, so a pathological file does not even build
 * its millions of block tokens: once the source up to a top-level block has
 * spent it, everything up to the next heading becomes one plain paragraph
 * (headings still open sections). Counted incrementally, so linear overall.
 */
const SPENT = Symbol('deeprecall.markupSpent');
type SpentEnv = { [SPENT]?: { pos: number; count: number } };

function isHeadingLine(state: StateBlock, line: number): boolean {
  if (state.sCount[line]! - state.blkIndent >= 4) return false;
  const p = state.bMarks[line]! + state.tShift[line]!;
  if (state.src.charCodeAt(p) !== 0x23) return false;
  let q = p;
  while (q < state.eMarks[line]! && state.src.charCodeAt(q) === 0x23) q++;
  return q - p <= 6 && (q === state.eMarks[line]! || isSpace(state.src.charCodeAt(q)));
}

function denseRest(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.level !== 0 || state.blkIndent !== 0) return false;
  const env = state.env as SpentEnv;
  const spent = (env[SPENT] ??= { pos: 0, count: 0 });
  const start = state.bMarks[startLine]!;
  if (start > spent.pos) {
    spent.count += markupCount(state.src.slice(spent.pos, start));
    spent.pos = start;
  }
  if (spent.count <= MAX_MARKUP || isHeadingLine(state, startLine)) return false;
  let line = startLine + 1;
  while (line < endLine && !isHeadingLine(state, line)) line++;
  if (silent) return true;
  const content = state.src.slice(start + state.tShift[startLine]!, state.eMarks[line - 1]!).trimEnd();
  state.push('paragraph_open', 'p', 1).map = [startLine, line];
  const inline = state.push('inline', '', 0);
  inline.content = content;
  inline.map = [startLine, line];
  inline.children = [];
  inline.meta = { tooLong: true, dense: true };
  state.push('paragraph_close', 'p', -1);
  state.line = line;
  return true;
}

function holdLongInline(state: StateCore): void {
  let budget = MAX_MARKUP;
  for (const t of state.tokens) {
    if (t.type !== 'inline') continue;
    if (t.meta?.dense === true && t.meta.held === undefined) {
      t.meta.held = t.content;
      t.content = '';
      continue;
    }
    if (t.content.length > MAX_INLINE) {
      t.meta = { ...t.meta, tooLong: true, held: t.content };
      t.content = '';
      continue;
    }
    const n = markupCount(t.content);
    if (n <= budget) {
      budget -= n;
      continue;
    }
    t.meta = { ...t.meta, tooLong: true, dense: true, held: t.content };
    t.content = '';
  }
}

function restoreLongInline(state: StateCore): void {
  for (const t of state.tokens) {
    if (t.type !== 'inline' || t.meta?.tooLong !== true) continue;
    t.content = String(t.meta.held);
    delete t.meta.held;
    const text = new state.Token('text', '', 0);
    text.content = t.content;
    t.children = [text];
  }
}

/** Install the math and highlight rules; rendering of the new tokens is up to the caller. */
export function notesSyntax(md: MarkdownIt): void {
  md.core.ruler.before('inline', 'hold_long_inline', holdLongInline);
  md.core.ruler.after('inline', 'restore_long_inline', restoreLongInline);
  md.inline.ruler.before('escape', 'math_paren', mathParen);
  md.inline.ruler.after('escape', 'math_inline', mathInline);
  md.inline.ruler.after('math_inline', 'mark', markInline);
  md.block.ruler.before('table', 'dense_rest', denseRest);
  md.block.ruler.before('fence', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.use(cjkEmphasis); // `**概率分布(distribution)**对…` is bold (cjkEmphasis.ts)
}
