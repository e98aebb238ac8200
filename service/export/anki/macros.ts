// TeX that KaTeX accepts but Anki's MathJax 3 does not. Anki renders fields
// with MathJax (default TeX packages), so KaTeX's built-in shorthands must be
// spelled out before export; a few constructs have no MathJax spelling and
// are reported so the user can fix the note.

/** KaTeX built-in macros with their MathJax-safe expansion (argument-less, so a word-boundary replace is exact). */
const EXPANSIONS: Record<string, string> = {
  R: '\\mathbb{R}',
  N: '\\mathbb{N}',
  Z: '\\mathbb{Z}',
  C: '\\mathbb{C}',
  Q: '\\mathbb{Q}',
  Reals: '\\mathbb{R}',
  reals: '\\mathbb{R}',
  Complex: '\\mathbb{C}',
  cnums: '\\mathbb{C}',
  natnums: '\\mathbb{N}',
  argmax: '\\operatorname*{arg\\,max}',
  argmin: '\\operatorname*{arg\\,min}',
  bm: '\\boldsymbol',
  bold: '\\mathbf',
  Bbb: '\\mathbb',
  empty: '\\emptyset',
  lang: '\\langle',
  rang: '\\rangle',
  infin: '\\infty',
  sub: '\\subset',
  sube: '\\subseteq',
  isin: '\\in',
  plusmn: '\\pm',
};

/** KaTeX-only commands with no faithful MathJax spelling: exported as written, with a warning. */
const RISKY = ['htmlClass', 'htmlId', 'htmlStyle', 'htmlData', 'includegraphics', 'vcentcolon', 'coloneqq', 'eqqcolon', 'Coloneqq', 'Eqqcolon', 'hdashline', 'char'];

const MACRO = /\\([A-Za-z]+)/g;

export interface MacroResult {
  tex: string;
  /** Risky commands found, without the backslash. */
  risky: string[];
}

/** Expand KaTeX-only macros in one formula's TeX; a longer command (`\Rightarrow`) is never touched by `\R`. */
export function mathJaxSafe(tex: string): MacroResult {
  const risky = new Set<string>();
  const out = tex.replace(MACRO, (whole, name: string) => {
    if (RISKY.includes(name)) risky.add(name);
    const rep = EXPANSIONS[name];
    return rep ?? whole;
  });
  return { tex: out, risky: [...risky] };
}
