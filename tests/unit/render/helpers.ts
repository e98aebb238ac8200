// Shared helpers for the rendering tests: visible text of rendered HTML, counts.

/** Visible text: MathML (the TeX source) and tags removed, entities decoded. */
export const textOf = (html: string): string =>
  html
    .replace(/<annotation[^>]*>[\s\S]*?<\/annotation>/g, '')
    .replace(/<span class="katex-mathml">[\s\S]*?<\/math><\/span>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Number of typeset inline formulas (KaTeX output that is not a display block). */
export const inlineFormulas = (html: string): number => (html.match(/<span class="katex">/g) ?? []).length - displayFormulas(html);
export const displayFormulas = (html: string): number => (html.match(/class="katex-display"/g) ?? []).length;
