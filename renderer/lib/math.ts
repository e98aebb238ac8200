// Fill the `<span class="math" data-tex="…" data-display="0|1">` placeholders
// that renderMarkdown(src, { math: 'dom' }) emits. KaTeX's DOM API builds
// elements and sets styles through the CSSOM, which the strict CSP allows
// (renderToString's inline style="" attributes would be blocked).
import katex from 'katex';

export const KATEX_DOM_OPTIONS = {
  throwOnError: false, // a broken formula shows KaTeX's own error text, in place
  trust: false, // no \href, \includegraphics, \htmlClass…
  maxSize: 50,
  maxExpand: 1000,
  strict: 'ignore' as const,
  output: 'htmlAndMathml' as const, // MathML for screen readers
};

export const MATH_SELECTOR = 'span.math[data-tex]';

/** Typeset one placeholder in place. Never throws: on failure the TeX is shown as text. */
export function typeset(el: HTMLElement): void {
  const tex = el.dataset.tex ?? '';
  const displayMode = el.dataset.display === '1';
  try {
    katex.render(tex, el, { ...KATEX_DOM_OPTIONS, displayMode });
  } catch (err) {
    const delim = displayMode ? '$$' : '$';
    el.textContent = `${delim}${tex}${delim}`;
    el.classList.add('math-error');
    el.title = err instanceof Error ? err.message : String(err);
  }
}

/** Typeset every placeholder under `root`; returns how many. */
export function fillMath(root: ParentNode): number {
  const nodes = root.querySelectorAll<HTMLElement>(MATH_SELECTOR);
  nodes.forEach(typeset);
  return nodes.length;
}
