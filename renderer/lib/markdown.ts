// Card Markdown → DOM, cheaply: sanitize with the renderer's DOM allow-list,
// typeset with KaTeX's DOM API, and cache the finished fragment so showing a
// card again (or a side rendered ahead of time) is a clone. KaTeX loads on
// the first card with math (lib/math.ts): a side rendered before then shows
// its formulas' source, is not cached, and is typeset in place when KaTeX
// arrives.
//
// The HTML itself comes from one of two places, with the same result
// (cards/render/sanitized.ts, `{ math: 'dom', fold: true }`):
// - the service, for the review card's sides (`CardView.frontHtml`,
//   `Reveal.backHtml`): the first bundle then holds neither markdown-it nor
//   sanitize-html (~250 kB, and their first-call cost before the first card);
// - markdown-it here (`markdownRenderer.ts`, its own chunk), for everything
//   else. Screens that render Markdown synchronously (Browse, Mock, …) import
//   that module, so it is loaded before they run; elsewhere a side without
//   HTML waits for the chunk and is filled in when it arrives.
import { fillMath, whenTypeset } from './math.ts';
import { sanitize } from './sanitize.ts';

export type RenderSide = (src: string) => string;

const MAX_CACHED = 300;
const cache = new Map<string, DocumentFragment>();

let renderSide: RenderSide | null = null;
let loading: Promise<RenderSide> | null = null;

/** Called by markdownRenderer.ts when it is evaluated. */
export function provideRenderer(r: RenderSide): void {
  renderSide = r;
}

/** The Markdown renderer chunk (markdown-it + sanitize-html), loaded once. */
export function loadRenderer(): Promise<RenderSide> {
  if (renderSide) return Promise.resolve(renderSide);
  loading ??= import('./markdownRenderer.ts').then(
    () => renderSide!,
    (err: unknown) => {
      loading = null; // a failed chunk fetch may succeed later
      throw err;
    },
  );
  return loading;
}

/** True once Markdown without service HTML can be rendered synchronously. */
export const rendererReady = (): boolean => renderSide !== null;

function build(src: string, html: string | undefined): { frag: DocumentFragment; pending: boolean } | null {
  const out = html ?? renderSide?.(src);
  if (out === undefined) return null;
  const tpl = document.createElement('template');
  tpl.innerHTML = out; // inert: template content neither loads nor runs anything
  sanitize(tpl.content);
  const frag = document.importNode(tpl.content, true);
  return { frag, pending: fillMath(frag).pending > 0 };
}

/** The rendered side, or null when it has no HTML yet and the renderer is still loading. */
function rendered(src: string, html?: string): { frag: DocumentFragment; pending: boolean } | null {
  const hit = cache.get(src);
  if (hit) {
    cache.delete(src); // refresh LRU position
    cache.set(src, hit);
    return { frag: hit.cloneNode(true) as DocumentFragment, pending: false };
  }
  const built = build(src, html);
  if (!built) return null;
  if (built.pending) return built; // KaTeX still loading: cache the typeset version next time
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(src, built.frag);
  return { frag: built.frag.cloneNode(true) as DocumentFragment, pending: false };
}

/** A fresh copy of the rendered Markdown (math still pending if KaTeX is not loaded yet); null while the renderer loads. */
export function renderFragment(src: string, html?: string): DocumentFragment | null {
  return rendered(src, html)?.frag ?? null;
}

/** Render ahead of time (e.g. the back while the front is read), off the critical path. */
export function prerender(src: string | undefined | null, html?: string): void {
  if (!src || cache.has(src)) return;
  const run = () => {
    if (cache.has(src)) return;
    if (html !== undefined || renderSide) rendered(src, html);
    else void loadRenderer().then(() => rendered(src), () => undefined);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 200 });
  else setTimeout(run, 0);
}

/**
 * A Svelte attachment: `<div {@attach markdown(src, html)}>` keeps the
 * element's content in sync with `src` (`html`: the service's rendering of it).
 * `then` runs after the content is in place (at once, or when the renderer
 * chunk has arrived).
 */
export function markdown(src: string, html?: string, then?: (el: HTMLElement) => void) {
  return (el: HTMLElement) => {
    const show = (r: { frag: DocumentFragment; pending: boolean }) => {
      el.replaceChildren(r.frag);
      // Typeset in place rather than re-render: media and wikilink setup done on `el` stay.
      if (r.pending) void whenTypeset(el).catch(() => undefined);
      then?.(el);
    };
    const now = rendered(src, html);
    if (now) return show(now);
    el.replaceChildren();
    let current = true;
    void loadRenderer().then(() => {
      const later = current ? rendered(src) : null;
      if (later) show(later);
    }, () => undefined);
    return () => {
      current = false; // src changed (or the element left) before the chunk came
    };
  };
}
