// Number formatting for prompts and worked solutions (KaTeX source).

/** A number as KaTeX source: integers exactly, others to `sig` significant digits. */
export function fmt(x: number, sig = 6): string {
  if (x === 0) return '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  // Parameters are short decimals (2.7, 0.05): String() is exact and cheap for them.
  const m = x * 10000;
  if (m === Math.round(m) && Math.abs(x) >= 1e-4 && Math.abs(x) < 1e6) return String(x);
  // toPrecision is several times faster than String() on a long double.
  const s = x.toPrecision(sig);
  const e = s.indexOf('e');
  if (e < 0) return trimZeros(s);
  return `${trimZeros(s.slice(0, e))}\\times 10^{${Number(s.slice(e + 1))}}`;
}

function trimZeros(s: string): string {
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end -= 1; // '0'
  if (s.charCodeAt(end - 1) === 46) end -= 1; // '.'
  return s.slice(0, end);
}

/** A number that is about to follow an operator: negatives get parentheses. */
export function p(x: number, sig = 6): string {
  return x < 0 ? `(${fmt(x, sig)})` : fmt(x, sig);
}

export function vec(xs: readonly number[], sig = 6): string {
  return `[${xs.map((x) => fmt(x, sig)).join(', ')}]`;
}

/** Plain-text number for places outside math (hints, messages). */
export function plain(x: number, sig = 6): string {
  return fmt(x, sig).replace(/\\times 10\^\{(-?\d+)\}/, 'e$1');
}

/** Both languages share the math and differ in prose. */
export function lang(zh: string, en: string): { zh: string; en: string } {
  return { zh, en };
}
