// One place that decides how a TeX string becomes HTML, shared by the card
// renderer and by the importer's KaTeX warnings, so "renders in the UI" and
// "no warning on import" can never disagree.
import katex from 'katex';

/** Limits keep a hostile or broken formula from eating the UI thread or the page layout. */
const KATEX_OPTIONS = {
  throwOnError: true, // we catch and render the error ourselves, escaped
  trust: false, // no \href, \includegraphics, \htmlClass…
  maxSize: 50, // em; stops \rule{1000em}{…} from covering the card
  maxExpand: 1000, // stops macro bombs
  strict: 'ignore' as const, // CJK in math is fine for these notes; and no console noise
};

/**
 * Notes are written for MathJax/Typora/LaTeX, which know environments and
 * commands KaTeX lacks. Each is mapped to the closest KaTeX form, so a formula
 * that renders in the author's editor renders here too:
 * - `eqnarray(*)` → `darray{rcl}` (eqnarray *is* a display-style rcl array);
 * - `multline`, `flalign`, `subequations` → `gathered` / `aligned` / body;
 * - in inline math, the display-only `align`, `gather`, `split`, `alignat`,
 *   `equation` → their inner forms (`aligned`, `gathered`, `alignedat`), and
 *   `\tag{…}` is dropped;
 * - `\label{…}` and MathJax's `\require{…}` are dropped.
 * Idempotent and cheap (regexes only run when a `\begin`/`\label` is present).
 */
export function normalizeTex(tex: string, displayMode: boolean): string {
  if (!tex.includes('\\')) return tex;
  let t = tex;
  if (t.includes('\\begin') || t.includes('\\end')) {
    t = t.replace(/\\(begin|end)\{(eqnarray|multline|flalign|subequations|align|gather|split|alignat|equation)(\*?)\}/g, (whole, be: string, env: string) => {
      const begin = be === 'begin';
      switch (env) {
        case 'eqnarray':
          return begin ? '\\begin{darray}{rcl}' : '\\end{darray}';
        case 'multline':
          return `\\${be}{gathered}`;
        case 'flalign':
          return `\\${be}{aligned}`;
        case 'subequations':
          return '';
        default:
          if (displayMode) return whole;
          if (env === 'align' || env === 'split') return `\\${be}{aligned}`;
          if (env === 'gather') return `\\${be}{gathered}`;
          if (env === 'alignat') return `\\${be}{alignedat}`;
          return ''; // equation: its body is the formula
      }
    });
  }
  if (t.includes('\\label') || t.includes('\\require')) t = t.replace(/\\(?:label|require)\{[^{}]*\}/g, '');
  if (!displayMode && t.includes('\\tag')) t = t.replace(/\\tag\*?\{[^{}]*\}/g, '');
  return t;
}

/** Commands from LaTeX packages that notes use and KaTeX lacks, as their nearest KaTeX form. */
export const TEX_MACROS: Record<string, string> = {
  '\\textsc': '\\text{#1}',
  '\\mathbbm': '\\mathbb{#1}',
  '\\hfill': '\\quad',
  '\\buildrel': '\\stackrel',
};

export interface TexResult {
  html: string;
  error?: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Render TeX; a bad formula becomes a visible, escaped error span and an error message, never an exception. */
export function renderTex(tex: string, displayMode: boolean): TexResult {
  try {
    return { html: katex.renderToString(normalizeTex(tex, displayMode), { ...KATEX_OPTIONS, macros: { ...TEX_MACROS }, displayMode }) };
  } catch (err) {
    // ParseError is the usual case; anything else (e.g. a RangeError from deep
    // nesting) is still the formula's fault, so it is reported the same way.
    const message = errorMessage(err);
    const html = `<span class="math-error" title="${escapeHtml(message)}">${escapeHtml(tex)}</span>`;
    return { html, error: message };
  }
}

/**
 * Only the verdict, for import warnings. Building MathML alone runs the same
 * parser and macro expansion at a fraction of the cost of the HTML layout.
 */
export function texError(tex: string, displayMode: boolean): string | undefined {
  try {
    katex.renderToString(normalizeTex(tex, displayMode), { ...KATEX_OPTIONS, macros: { ...TEX_MACROS }, displayMode, output: 'mathml' });
    return undefined;
  } catch (err) {
    return errorMessage(err);
  }
}

function errorMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  return raw.replace(/^KaTeX parse error: /, '');
}
