// Card Markdown → DOM, cheaply: parse with the app's one markdown-it setup
// (math as placeholders), sanitize, typeset with KaTeX's DOM API, and cache
// the finished fragment so showing a card again (or a side rendered ahead of
// time) is a clone.
import { renderMarkdown } from '../../cards/render/render.ts';
import { fillMath } from './math.ts';
import { sanitize } from './sanitize.ts';

const MAX_CACHED = 300;
const cache = new Map<string, DocumentFragment>();

function build(src: string): DocumentFragment {
  // Only long texts fold (card backs in practice): a "more" <details> after ~500 characters.
  const { html } = renderMarkdown(src, { math: 'dom', fold: true });
  const tpl = document.createElement('template');
  tpl.innerHTML = html; // inert: template content neither loads nor runs anything
  sanitize(tpl.content);
  const frag = document.importNode(tpl.content, true);
  fillMath(frag);
  return frag;
}

/** A fresh copy of the rendered Markdown. */
export function renderFragment(src: string): DocumentFragment {
  let frag = cache.get(src);
  if (frag) {
    cache.delete(src); // refresh LRU position
  } else {
    frag = build(src);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  }
  cache.set(src, frag);
  return frag.cloneNode(true) as DocumentFragment;
}

/** Render ahead of time (e.g. the back while the front is read), off the critical path. */
export function prerender(src: string | undefined | null): void {
  if (!src || cache.has(src)) return;
  const run = () => {
    if (!cache.has(src)) renderFragment(src);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 200 });
  else setTimeout(run, 0);
}

/** A Svelte attachment: `<div {@attach markdown(src)}>` keeps the element's content in sync with `src`. */
export function markdown(src: string) {
  return (el: HTMLElement) => {
    el.replaceChildren(renderFragment(src));
  };
}
