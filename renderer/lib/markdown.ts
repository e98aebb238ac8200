// Card Markdown → DOM, cheaply: parse with the app's one markdown-it setup
// (math as placeholders), sanitize, typeset with KaTeX's DOM API, and cache
// the finished fragment so showing a card again (or a side rendered ahead of
// time) is a clone. KaTeX loads on the first card with math (lib/math.ts): a
// side rendered before then shows its formulas' source, is not cached, and is
// typeset in place when KaTeX arrives.
import { renderSanitized } from '../../cards/render/sanitized.ts';
import { fillMath, whenTypeset } from './math.ts';
import { sanitize } from './sanitize.ts';

const MAX_CACHED = 300;
const cache = new Map<string, DocumentFragment>();

function build(src: string): { frag: DocumentFragment; pending: boolean } {
  // Only long texts fold (card backs in practice): a "more" <details> after ~500 characters.
  const { html } = renderSanitized(src, { math: 'dom', fold: true });
  const tpl = document.createElement('template');
  tpl.innerHTML = html; // inert: template content neither loads nor runs anything
  sanitize(tpl.content);
  const frag = document.importNode(tpl.content, true);
  return { frag, pending: fillMath(frag).pending > 0 };
}

function rendered(src: string): { frag: DocumentFragment; pending: boolean } {
  const hit = cache.get(src);
  if (hit) {
    cache.delete(src); // refresh LRU position
    cache.set(src, hit);
    return { frag: hit.cloneNode(true) as DocumentFragment, pending: false };
  }
  const built = build(src);
  if (built.pending) return built; // KaTeX still loading: cache the typeset version next time
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(src, built.frag);
  return { frag: built.frag.cloneNode(true) as DocumentFragment, pending: false };
}

/** A fresh copy of the rendered Markdown (math still pending if KaTeX is not loaded yet). */
export function renderFragment(src: string): DocumentFragment {
  return rendered(src).frag;
}

/** Render ahead of time (e.g. the back while the front is read), off the critical path. */
export function prerender(src: string | undefined | null): void {
  if (!src || cache.has(src)) return;
  const run = () => {
    if (!cache.has(src)) rendered(src);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 200 });
  else setTimeout(run, 0);
}

/** A Svelte attachment: `<div {@attach markdown(src)}>` keeps the element's content in sync with `src`. */
export function markdown(src: string) {
  return (el: HTMLElement) => {
    const { frag, pending } = rendered(src);
    el.replaceChildren(frag);
    // Typeset in place rather than re-render: media and wikilink setup done on `el` stay.
    if (pending) void whenTypeset(el).catch(() => undefined);
  };
}
