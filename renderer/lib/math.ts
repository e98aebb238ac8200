// Fill the `<span class="math" data-tex="…" data-display="0|1">` placeholders
// that renderMarkdown(src, { math: 'dom' }) emits. KaTeX's DOM API builds
// elements and sets styles through the CSSOM, which the strict CSP allows
// (renderToString's inline style="" attributes would be blocked).
import katex from 'katex';
import { normalizeTex, TEX_MACROS } from '../../cards/render/tex.ts';

export const KATEX_DOM_OPTIONS = {
  throwOnError: true, // a broken formula shows its source as `.math-error`, like the HTML output
  trust: false, // no \href, \includegraphics, \htmlClass…
  maxSize: 50,
  maxExpand: 1000,
  strict: 'ignore' as const,
  output: 'htmlAndMathml' as const, // MathML for screen readers
};

export const MATH_SELECTOR = 'span.math[data-tex]';

/** Typeset one placeholder in place. Never throws: on failure the TeX source is shown, marked as an error. */
export function typeset(el: HTMLElement): void {
  const tex = el.dataset.tex ?? '';
  const displayMode = el.dataset.display === '1';
  try {
    // A fresh macro table each time: \gdef in one card must not leak into the next.
    katex.render(normalizeTex(tex, displayMode), el, { ...KATEX_DOM_OPTIONS, macros: { ...TEX_MACROS }, displayMode });
  } catch (err) {
    el.textContent = tex;
    el.classList.add('math-error');
    el.title = err instanceof Error ? err.message.replace(/^KaTeX parse error: /, '') : String(err);
  }
}

/** Typeset every placeholder under `root`; returns how many. */
export function fillMath(root: ParentNode): number {
  const nodes = root.querySelectorAll<HTMLElement>(MATH_SELECTOR);
  nodes.forEach(typeset);
  return nodes.length;
}
