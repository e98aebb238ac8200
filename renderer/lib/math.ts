// Fill the `<span class="math" data-tex="…" data-display="0|1">` placeholders
// that renderSanitized emits. KaTeX's DOM API builds elements and sets styles
// through the CSSOM, which the strict CSP allows (renderToString's inline
// style="" attributes would be blocked).
//
// KaTeX (≈240 kB, 40 % of the first script) is not in the first bundle: it is
// `import()`ed the first time a shown card has math (or when the app warms up
// after its first screen). Until it arrives a placeholder shows its TeX source,
// marked `.math-pending`; `whenTypeset` fills those in place once it is here.
import type katexModule from 'katex';
import { normalizeTex, TEX_MACROS } from '../../cards/render/texSource.ts';

type Katex = typeof katexModule;

export const KATEX_DOM_OPTIONS = {
  throwOnError: true, // a broken formula shows its source as `.math-error`, like the HTML output
  trust: false, // no \href, \includegraphics, \htmlClass…
  maxSize: 50,
  maxExpand: 1000,
  strict: 'ignore' as const,
  output: 'htmlAndMathml' as const, // MathML for screen readers
};

export const MATH_SELECTOR = 'span.math[data-tex]';
const PENDING = 'math-pending';

let katex: Katex | null = null;
let loading: Promise<Katex> | null = null;

/** Start loading KaTeX (once); resolves when it can typeset. */
export function loadKatex(): Promise<Katex> {
  loading ??= import('katex').then(
    (m) => (katex = m.default),
    (err: unknown) => {
      loading = null; // a failed chunk load may be retried by the next card with math
      throw err;
    },
  );
  return loading;
}

/** Whether KaTeX is loaded (then fillMath typesets synchronously). */
export const katexLoaded = (): boolean => katex !== null;

/**
 * KaTeX's DOM output sets a few styles with `setAttribute('style', …)` rather
 * than through the CSSOM: the SVG pieces of a tall stacked delimiter
 * (`\left\lbrace` around an `aligned` block: "width:…", overriding the
 * stylesheet's `.katex svg { width: 100% }`), and in MathML `\pmb`,
 * `\fcolorbox` and error nodes. The strict CSP (`style-src 'self'`) blocks such
 * attributes — the delimiter lost its width and every card showing it logged
 * CSP violations. For the duration of one (synchronous) render, a `style`
 * attribute set on an element goes through the CSSOM instead, which the CSP
 * allows; everything else is untouched.
 */
const hasInlineStyle = (el: Element): el is Element & ElementCSSInlineStyle =>
  (el as Partial<ElementCSSInlineStyle>).style instanceof CSSStyleDeclaration;

function withCssomStyles<T>(render: () => T): T {
  const proto = Element.prototype;
  const original = proto.setAttribute;
  proto.setAttribute = function (this: Element, name: string, value: string): void {
    if (name.toLowerCase() === 'style' && hasInlineStyle(this)) {
      this.style.cssText = value;
      return;
    }
    original.call(this, name, value);
  };
  try {
    return render();
  } finally {
    proto.setAttribute = original;
  }
}

/** Typeset one placeholder in place. Never throws: on failure the TeX source is shown, marked as an error. */
export function typeset(el: HTMLElement, k: Katex): void {
  const tex = el.dataset.tex ?? '';
  const displayMode = el.dataset.display === '1';
  el.classList.remove(PENDING);
  try {
    // A fresh macro table each time: \gdef in one card must not leak into the next.
    withCssomStyles(() => k.render(normalizeTex(tex, displayMode), el, { ...KATEX_DOM_OPTIONS, macros: { ...TEX_MACROS }, displayMode }));
  } catch (err) {
    el.textContent = tex;
    el.classList.add('math-error');
    el.title = err instanceof Error ? err.message.replace(/^KaTeX parse error: /, '') : String(err);
  }
}

export interface Filled {
  /** Placeholders found. */
  count: number;
  /** How many still wait for KaTeX (shown as their TeX source meanwhile). */
  pending: number;
}

/**
 * Typeset every placeholder under `root` if KaTeX is here; otherwise show each
 * one's TeX source as `.math-pending` and start loading KaTeX.
 */
export function fillMath(root: ParentNode): Filled {
  const nodes = root.querySelectorAll<HTMLElement>(MATH_SELECTOR);
  if (nodes.length === 0) return { count: 0, pending: 0 };
  const k = katex;
  if (k) {
    nodes.forEach((el) => typeset(el, k));
    return { count: nodes.length, pending: 0 };
  }
  nodes.forEach((el) => {
    el.textContent = el.dataset.tex ?? '';
    el.classList.add(PENDING);
  });
  void loadKatex().catch(() => undefined); // the placeholders keep showing their source
  return { count: nodes.length, pending: nodes.length };
}

/** Once KaTeX is here, typeset the placeholders under `root` still pending (a live element: no re-render). */
export async function whenTypeset(root: ParentNode): Promise<void> {
  const k = await loadKatex();
  root.querySelectorAll<HTMLElement>(`${MATH_SELECTOR}.${PENDING}`).forEach((el) => typeset(el, k));
}
