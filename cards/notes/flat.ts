// A line's inline tokens flattened for structural questions ("where is the
// first colon outside math and links?"). Text keeps its characters; every
// math span, code span, link or image becomes one U+FFFC atom, so a colon
// inside `$f: X \to Y$` or a URL can never be mistaken for a separator.
import type { Token } from 'markdown-it';

export const ATOM = '\uFFFC';
export const ATOMS = /\uFFFC/g;

export interface Atom {
  at: number; // offset in Flat.s
  kind: 'math' | 'code' | 'link' | 'image';
  plain: string; // as it reads in plain text (math as `$…$`)
  hidden: string; // characters it holds in the source, for counting separators
  equation?: boolean; // math that states an equation
  derivative?: boolean;
  url?: string;
}

export interface Flat {
  s: string;
  atoms: Atom[];
  emphasis: { from: number; to: number; strong: boolean }[]; // top-level spans, offsets in s
  marks: string[]; // source of each ==highlight==, in order
}

const EQUATION = /(?<!\\not)=|\\approx|\\equiv|\\propto|\\leq?\b|\\geq?\b/;

function atom(f: Flat, a: Omit<Atom, 'at'>): void {
  f.atoms.push({ ...a, at: f.s.length });
  f.s += ATOM;
}

export function flatten(tokens: readonly Token[]): Flat {
  const f: Flat = { s: '', atoms: [], emphasis: [], marks: [] };
  let depth = 0;
  let open: { from: number; strong: boolean } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'text':
        f.s += t.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        f.s += ' ';
        break;
      case 'math_inline':
        atom(f, {
          kind: 'math',
          plain: t.markup + t.content + t.markup,
          hidden: t.content,
          equation: EQUATION.test(t.content),
          derivative: /\\partial|\\nabla/.test(t.content),
        });
        break;
      case 'code_inline':
        atom(f, { kind: 'code', plain: t.content, hidden: t.content });
        break;
      case 'image':
        atom(f, { kind: 'image', plain: t.content, hidden: t.content, url: String(t.attrGet('src') ?? '') });
        break;
      case 'link_open': {
        const url = String(t.attrGet('href') ?? '');
        let text = '';
        let j = i + 1;
        for (; j < tokens.length && tokens[j]!.type !== 'link_close'; j++) {
          const c = tokens[j]!;
          text += c.type === 'math_inline' ? c.markup + c.content + c.markup : c.content;
        }
        atom(f, { kind: 'link', plain: text, hidden: text + url, url });
        i = j;
        break;
      }
      case 'strong_open':
      case 'em_open':
        if (depth++ === 0) open = { from: f.s.length, strong: t.type === 'strong_open' };
        break;
      case 'strong_close':
      case 'em_close':
        if (--depth === 0 && open) f.emphasis.push({ ...open, to: f.s.length });
        break;
      case 'mark_open':
        f.marks.push(String(t.meta?.src ?? ''));
        break;
      default:
        break;
    }
  }
  return f;
}

/** Plain text of s[from, to): atoms expanded. */
export function plainOf(f: Flat, from = 0, to = f.s.length): string {
  let out = '';
  let k = f.atoms.findIndex((a) => a.at >= from);
  for (let i = from; i < to; i++) {
    const ch = f.s[i]!;
    if (ch === ATOM && k >= 0 && f.atoms[k]?.at === i) out += f.atoms[k++]!.plain;
    else out += ch;
  }
  return out;
}

export function atomsIn(f: Flat, from: number, to: number): Atom[] {
  return f.atoms.filter((a) => a.at >= from && a.at < to);
}

/**
 * Where the separator at flat offset `at` sits in the raw source line: count
 * that character in everything before it (text and atoms' source), then find
 * the same occurrence in the raw line. -1 when the raw line disagrees.
 */
export function rawOffset(f: Flat, at: number, raw: string): number {
  const ch = f.s[at]!;
  let k = 0;
  for (let i = 0; i < at; i++) if (f.s[i] === ch) k++;
  for (const a of f.atoms) if (a.at < at) k += a.hidden.split(ch).length - 1;
  let pos = -1;
  for (let n = 0; n <= k; n++) {
    pos = raw.indexOf(ch, pos + 1);
    if (pos < 0) return -1;
  }
  return pos;
}

/** True if s[from, to) has `chars` outside (…) / （…）, which marks a sentence rather than a term. */
export function hasOutsideParens(s: string, chars: RegExp, from = 0, to = s.length): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = s[i]!;
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    else if (depth === 0 && chars.test(c)) return true;
  }
  return false;
}
