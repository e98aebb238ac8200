// A tiny reader for the LaTeX the notes use in formulas (\frac, \sqrt, \sum
// with exclusions, floor/ceil, implicit products, subscripted variables), so
// the checker can evaluate a note's formula exactly as written.

export type Tex =
  | { t: 'num'; v: number }
  | { t: 'var'; name: string; sub?: string }
  | { t: 'neg'; a: Tex }
  | { t: 'bin'; op: '+' | '-' | '*' | '/' | '^'; a: Tex; b: Tex }
  | { t: 'fn'; name: 'sqrt' | 'ln' | 'exp' | 'floor' | 'ceil'; a: Tex }
  | { t: 'sum'; index: string; from: number; to: Tex; exclude: string[]; body: Tex };

type Tok = { k: 'num'; v: string } | { k: 'id'; v: string } | { k: 'cmd'; v: string } | { k: 'op'; v: string };

export class TexError extends Error {}

const SKIP = new Set(['quad', 'qquad', ',', ';', '!', ' ', 'left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'displaystyle', 'limits']);
const GREEK = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'eta', 'theta', 'lambda', 'mu', 'sigma', 'tau', 'pi']);
const WORDS = /^(start|pos|var|mean)(?![A-Za-z])/;

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const c = src[i] as string;
    if (/\s|&/.test(c)) { i += 1; continue; }
    const num = /^\d+(?:\.\d+)?/.exec(rest);
    if (num) { out.push({ k: 'num', v: num[0] }); i += num[0].length; continue; }
    const word = WORDS.exec(rest);
    if (word) { out.push({ k: 'id', v: word[1] as string }); i += word[0].length; continue; }
    if (/[A-Za-z]/.test(c)) { out.push({ k: 'id', v: c }); i += 1; continue; }
    if (c === '\\') {
      const cmd = /^\\([A-Za-z]+|.)/.exec(rest);
      const name = cmd?.[1] ?? '';
      i += 1 + name.length;
      if (SKIP.has(name)) continue;
      if (name === 'not' && src[i] === '=') { out.push({ k: 'op', v: '≠' }); i += 1; continue; }
      if (name === 'ne' || name === 'neq') out.push({ k: 'op', v: '≠' });
      else if (name === 'lbrace' || name === '{') out.push({ k: 'op', v: '(' });
      else if (name === 'rbrace' || name === '}') out.push({ k: 'op', v: ')' });
      else if (GREEK.has(name)) out.push({ k: 'id', v: name === 'varepsilon' ? 'epsilon' : name });
      else out.push({ k: 'cmd', v: name });
      continue;
    }
    out.push({ k: 'op', v: c });
    i += 1;
  }
  return out;
}

const text = (t: Tok): string => (t.k === 'cmd' ? `\\${t.v}` : t.v);
const CLOSE: Record<string, string> = { '(': ')', '{': '}', '[': ']' };

/** Parses one expression; throws TexError on anything outside the supported subset. */
export function parseTex(src: string): Tex {
  const toks = tokenize(src);
  let pos = 0;
  const peek = (): Tok | undefined => toks[pos];
  const isOp = (v: string): boolean => peek()?.k === 'op' && peek()?.v === v;
  const isCmd = (v: string): boolean => peek()?.k === 'cmd' && peek()?.v === v;
  const expect = (v: string): void => {
    const t = toks[pos];
    if (!t || text(t).replace(/^\\/, '') !== v) throw new TexError(`expected ${v}`);
    pos += 1;
  };
  /** The raw text of a `{…}` group or of one token: subscripts and sum bounds. */
  const raw = (): string => {
    if (!isOp('{')) return text(toks[pos++] ?? { k: 'op', v: '' });
    pos += 1;
    let depth = 1;
    let s = '';
    for (let t = toks[pos++]; t; t = toks[pos++]) {
      if (t.k === 'op' && t.v === '{') depth += 1;
      if (t.k === 'op' && t.v === '}' && --depth === 0) return s;
      s += text(t);
    }
    throw new TexError('unclosed {');
  };
  const group = (): Tex => {
    const open = peek();
    if (open?.k === 'op' && CLOSE[open.v]) {
      pos += 1;
      const e = expr();
      expect(CLOSE[open.v] as string);
      return e;
    }
    return power();
  };
  const startsFactor = (): boolean => {
    const t = peek();
    if (!t) return false;
    if (t.k === 'num' || t.k === 'id') return true;
    if (t.k === 'op') return t.v === '(' || t.v === '{' || t.v === '[';
    return ['frac', 'dfrac', 'tfrac', 'sqrt', 'lfloor', 'lceil', 'log', 'ln', 'exp', 'sum'].includes(t.v);
  };
  function atom(): Tex {
    const t = toks[pos++];
    if (!t) throw new TexError('unexpected end');
    if (t.k === 'num') return { t: 'num', v: Number(t.v) };
    if (t.k === 'id') {
      const v: Tex = { t: 'var', name: t.v };
      if (isOp('_')) { pos += 1; v.sub = raw(); }
      return v;
    }
    if (t.k === 'op' && CLOSE[t.v]) {
      const e = expr();
      expect(CLOSE[t.v] as string);
      return e;
    }
    if (t.k === 'cmd') {
      if (t.v === 'frac' || t.v === 'dfrac' || t.v === 'tfrac') { const a = group(); return { t: 'bin', op: '/', a, b: group() }; }
      if (t.v === 'sqrt') return { t: 'fn', name: 'sqrt', a: group() };
      if (t.v === 'log' || t.v === 'ln') return { t: 'fn', name: 'ln', a: group() };
      if (t.v === 'exp') return { t: 'fn', name: 'exp', a: group() };
      if (t.v === 'lfloor' || t.v === 'lceil') {
        const a = expr();
        expect(t.v === 'lfloor' ? 'rfloor' : 'rceil');
        return { t: 'fn', name: t.v === 'lfloor' ? 'floor' : 'ceil', a };
      }
      if (t.v === 'sum') return sum();
    }
    throw new TexError(`unsupported ${text(t)}`);
  }
  function sum(): Tex {
    if (!isOp('_')) throw new TexError('sum without index');
    pos += 1;
    const [first = '', ...conds] = raw().split(',');
    const m = /^([a-z])=(\d+)$/.exec(first);
    if (!m) throw new TexError('unsupported sum index');
    const exclude = conds.map((c) => {
      const e = new RegExp(`^${m[1]}≠([a-z])$`).exec(c);
      if (!e) throw new TexError('unsupported sum condition');
      return e[1] as string;
    });
    if (!isOp('^')) throw new TexError('sum without upper bound');
    pos += 1;
    const to: Tex = { t: 'var', name: raw() };
    return { t: 'sum', index: m[1] as string, from: Number(m[2]), to, exclude, body: term() };
  }
  function power(): Tex {
    const base = atom();
    if (!isOp('^')) return base;
    pos += 1;
    return { t: 'bin', op: '^', a: base, b: isOp('{') ? group() : atom() };
  }
  function unary(): Tex {
    if (isOp('-')) { pos += 1; return { t: 'neg', a: unary() }; }
    if (isOp('+')) { pos += 1; return unary(); }
    return power();
  }
  function term(): Tex {
    let a = unary();
    for (;;) {
      if (isOp('*') || isCmd('times') || isCmd('cdot')) { pos += 1; a = { t: 'bin', op: '*', a, b: unary() }; }
      else if (isOp('/')) { pos += 1; a = { t: 'bin', op: '/', a, b: unary() }; }
      else if (startsFactor()) a = { t: 'bin', op: '*', a, b: power() };
      else return a;
    }
  }
  function expr(): Tex {
    let a = term();
    while (isOp('+') || isOp('-')) {
      const op = (toks[pos++] as Tok).v as '+' | '-';
      a = { t: 'bin', op, a, b: term() };
    }
    return a;
  }
  const e = expr();
  if (pos !== toks.length) throw new TexError(`unexpected ${text(toks[pos] as Tok)}`);
  return e;
}
