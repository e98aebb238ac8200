// CJK-friendly emphasis: `**概率分布(distribution)**对…`, `**术语：**解释`,
// `对**“概率”**的` render bold. CommonMark's flanking rules need whitespace or
// punctuation outside a delimiter run whose inside is punctuation, and Chinese
// puts neither between words, so these runs stay literal `**`.
//
// This implements the "CommonMark CJK-friendly Amendments" proposal
// (https://github.com/tats-u/markdown-cjk-friendly/blob/main/specification.md,
// CommonMark issue commonmark-spec#650; the npm plugin markdown-it-cjk-friendly
// is not installed here):
//   left-flanking  = not followed by whitespace, and (not followed by a non-CJK
//                    punctuation character, or preceded by whitespace, punctuation
//                    or a CJK character);
//   right-flanking = not preceded by whitespace, and (not preceded by a non-CJK
//                    punctuation character, or followed by whitespace, punctuation
//                    or a CJK character).
// `_`/`__` keep the word rule (an intraword `_` neither opens nor closes), so
// `中_文_字` and snake_case stay as written. Text without CJK characters is
// parsed exactly as CommonMark (`a*b*c`, `2*3*4`); math and code spans are
// tokens of their own before emphasis is scanned, so they are never touched.
// Variation selectors (which the proposal also covers) are not special here.
import type { MarkdownIt } from 'markdown-it';

/**
 * CJK character in the proposal's sense (East Asian Width W/F/H, not emoji, or
 * Hangul), by the blocks that matter for notes: CJK symbols and punctuation,
 * kana, Hangul, ideographs (BMP and supplementary planes), compatibility and
 * fullwidth forms.
 */
export function isCjk(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) || // Hangul Jamo (leading)
    (c >= 0x2e80 && c <= 0x303e) || // radicals, Kangxi, ideographic description, CJK symbols and punctuation
    (c >= 0x3041 && c <= 0x33ff) || // kana, Bopomofo, Hangul compatibility jamo, Kanbun, enclosed / compatibility
    (c >= 0x3400 && c <= 0x4dbf) || // Extension A
    (c >= 0x4e00 && c <= 0xa4cf) || // Unified ideographs, Yi
    (c >= 0xa960 && c <= 0xa97f) || // Hangul Jamo extended A
    (c >= 0xac00 && c <= 0xd7ff) || // Hangul syllables, Jamo extended B
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0xfe10 && c <= 0xfe19) || // vertical forms
    (c >= 0xfe30 && c <= 0xfe6f) || // compatibility and small forms
    (c >= 0xff01 && c <= 0xffee) || // fullwidth and halfwidth forms
    (c >= 0x1b000 && c <= 0x1b2ff) || // kana supplement / extended
    (c >= 0x20000 && c <= 0x3fffd) // ideograph extensions B–H
  );
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const UNICODE_PUNCT = /[\p{P}\p{S}]/u;
const isPunct = (c: number) => {
  const ch = String.fromCodePoint(c);
  return c < 0x80 ? ASCII_PUNCT.test(ch) : UNICODE_PUNCT.test(ch);
};
// markdown-it's isWhiteSpace: tab, line feed…carriage return, space, NBSP, the Zs spaces.
const isWs = (c: number) =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;

/** The code point ending just before `pos` (a lone surrogate reads as U+FFFD; line start as a space). */
function before(src: string, pos: number): number {
  if (pos === 0) return 0x20;
  const lo = src.charCodeAt(pos - 1);
  if ((lo & 0xfc00) === 0xdc00 && pos >= 2) {
    const hi = src.charCodeAt(pos - 2);
    if ((hi & 0xfc00) === 0xd800) return 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
  }
  return (lo & 0xf800) === 0xd800 ? 0xfffd : lo;
}

function after(src: string, pos: number, max: number): number {
  if (pos >= max) return 0x20;
  const c = src.codePointAt(pos)!;
  return c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
}

export interface Flanking {
  can_open: boolean;
  can_close: boolean;
  length: number;
}

/** Delimiter run at `start` (markdown-it's scanDelims contract) under the CJK-friendly rules. */
export function scanDelimsCjk(src: string, start: number, max: number, canSplitWord: boolean): Flanking {
  const marker = src.charCodeAt(start);
  let pos = start;
  while (pos < max && src.charCodeAt(pos) === marker) pos++;
  const last = before(src, start);
  const next = after(src, pos, max);
  const lastWs = isWs(last);
  const nextWs = isWs(next);
  const lastPunct = isPunct(last);
  const nextPunct = isPunct(next);
  const lastCjk = isCjk(last);
  const nextCjk = isCjk(next);
  const left = !nextWs && (!(nextPunct && !nextCjk) || lastWs || lastPunct || lastCjk);
  const right = !lastWs && (!(lastPunct && !lastCjk) || nextWs || nextPunct || nextCjk);
  return {
    can_open: left && (canSplitWord || !right || lastPunct),
    can_close: right && (canSplitWord || !left || nextPunct),
    length: pos - start,
  };
}

/** Use the CJK-friendly flanking rules in this markdown-it instance only (its own StateInline subclass). */
export function cjkEmphasis(md: MarkdownIt): void {
  const Base = md.inline.State;
  md.inline.State = class extends Base {
    override scanDelims(start: number, canSplitWord: boolean): Flanking {
      return scanDelimsCjk(this.src, start, this.posMax, canSplitWord);
    }
  } as typeof Base;
}
