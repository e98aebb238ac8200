// Card sides as HTML for nextCard and reveal, without loading the Markdown
// renderer (markdown-it, sanitize-html: ~100 ms of CPU to load) when the
// build has already rendered the side.
//
// The builds ship the bundled deck's sides rendered (dist-cli/default-deck.json,
// `sides`, written by service/deckDrafts.ts with service/sideRender.ts, the
// same function this module loads), keyed by the side's Markdown: a fresh
// profile's first cards — and every card of the bundled deck — need no
// renderer. Any other text (the user's notes, an edited deck) is rendered by
// the renderer, loaded at the first such side. Like the prebuilt cards, the
// file is only read by the bundle built with it (from the sources there is
// none), so a renderer change can never hide behind old HTML.
//
// `sideHtml` is synchronous (it runs inside ReviewService.view): before the
// renderer is loaded, a side that is not prebuilt comes back undefined and is
// counted as a miss. `withSides` runs a read-only call (nextCard, reveal) and,
// if it missed, loads the renderer and runs it again, so every API reply
// carries its HTML. A direct call before any load (tests) gets the fields
// left out, which the contract allows: the page then renders the Markdown itself.
import { prebuiltDeckFile, readPrebuiltSides } from './prebuiltDeck.ts';

let render: ((src: string) => string) | null = null;
let loading: Promise<void> | null = null;
let prebuilt: ReadonlyMap<string, string> | null = null;
let prebuiltFrom: () => string | null = prebuiltDeckFile;
let misses = 0;

function prebuiltSides(): ReadonlyMap<string, string> {
  prebuilt ??= readPrebuiltSides(prebuiltFrom()) ?? new Map();
  return prebuilt;
}

/** `src` as HTML: prebuilt, else rendered; undefined (a miss) while the renderer is not loaded. */
export function sideHtml(src: string): string | undefined {
  const hit = prebuiltSides().get(src);
  if (hit !== undefined) return hit;
  if (render) return render(src);
  misses++;
  return undefined;
}

/** Load the renderer (once; a failed load is retried at the next call). */
export function loadSideRenderer(): Promise<void> {
  loading ??= import('./sideRender.ts').then(
    (m) => {
      render = m.renderSide;
    },
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** Whether the renderer has been loaded (tests: a fresh profile's first card needs none). */
export const sideRendererLoaded = (): boolean => render !== null;

/** Run `read` (no side effects: it may run twice); if a side missed the prebuilt HTML, load the renderer and run it again. */
export async function withSides<T>(read: () => T): Promise<T> {
  const before = misses;
  const out = read();
  if (misses === before) return out;
  await loadSideRenderer();
  return read();
}

/** Tests: read prebuilt sides from `file` (null: none) instead of the build's, and forget what was read. */
export function usePrebuiltSidesFrom(file: () => string | null): void {
  prebuiltFrom = file;
  prebuilt = null;
}
