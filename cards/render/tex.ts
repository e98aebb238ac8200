// One place that decides how a TeX string becomes HTML, shared by the card
// renderer and by the importer's KaTeX warnings, so "renders in the UI" and
// "no warning on import" can never disagree.
import katex from 'katex';
import { escapeHtml, normalizeTex, TEX_MACROS } from './texSource.ts';

export { escapeHtml, normalizeTex, TEX_MACROS };

/** Limits keep a hostile or broken formula from eating the UI thread or the page layout. */
const KATEX_OPTIONS = {
  throwOnError: true, // we catch and render the error ourselves, escaped
  trust: false, // no \href, \includegraphics, \htmlClass…
  maxSize: 50, // em; stops \rule{1000em}{…} from covering the card
  maxExpand: 1000, // stops macro bombs
  strict: 'ignore' as const, // CJK in math is fine for these notes; and no console noise
};

export interface TexResult {
  html: string;
  error?: string;
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
