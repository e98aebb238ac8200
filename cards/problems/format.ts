// Number formatting for prompts and worked solutions (KaTeX source).

/** A number as KaTeX source: integers exactly, others to `sig` significant digits. */
export function fmt(x: number, sig = 6): string {
  if (x === 0) return '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  // Parameters are short decimals (2.7, 0.05). When x is the double nearest to r/10⁴ its
  // shortest round-trip form (what String() prints) is that decimal; building it from
  // small integers is several times cheaper than String() on a double.
  const m = x * 10000;
  const r = Math.round(m);
  if (m === r && Math.abs(x) >= 1e-4 && Math.abs(x) < 1e6) return r / 10000 === x && Math.abs(x) < 1e5 ? shortDecimal(r) : String(x);
  // toPrecision is several times faster than String() on a long double.
  const s = x.toPrecision(sig);
  const e = s.indexOf('e');
  if (e < 0) return trimZeros(s);
  return `${trimZeros(s.slice(0, e))}\\times 10^{${Number(s.slice(e + 1))}}`;
}

/** r/10⁴ as a decimal without trailing zeros; r is a non-multiple of 10⁴ below 10⁹ in size. */
function shortDecimal(r: number): string {
  const a = r < 0 ? -r : r;
  const ip = Math.floor(a / 10000);
  let fp = a - ip * 10000;
  let width = 4;
  while (fp % 10 === 0) {
    fp /= 10;
    width -= 1;
  }
  let fs = String(fp);
  while (fs.length < width) fs = `0${fs}`;
  return `${r < 0 ? '-' : ''}${ip}.${fs}`;
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
