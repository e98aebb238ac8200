// Markdown + math → safe HTML for a card side. Used by the UI (browser) and
// the CLI (Node), so no node: imports here.
import type { CardKind, CardLink } from '../types.ts';
import { createRenderer, isSafeUrl, type MathOutput, type RenderEnv } from './markdown.ts';
import { escapeHtml } from './tex.ts';

const md = createRenderer();
let mdDom: ReturnType<typeof createRenderer> | null = null; // built on first use

export interface RenderOptions {
  /** 'dom': math as `<span class="math" data-tex data-display>` placeholders for katex.render (see markdown.ts). */
  math?: MathOutput;
}

export interface Rendered {
  html: string;
  errors: string[]; // KaTeX messages, one per broken formula; the HTML still shows it, escaped
}

/** Render one Markdown side. Never throws: a broken formula becomes a visible `.math-error` span. */
export function renderMarkdown(src: string, opts: RenderOptions = {}): Rendered {
  const env: RenderEnv = { mathErrors: [] };
  const renderer = opts.math === 'dom' ? (mdDom ??= createRenderer('dom')) : md;
  try {
    return { html: renderer.render(src, env), errors: env.mathErrors };
  } catch (err) {
    // markdown-it itself should not throw; if it does, show the source as text rather than break the card.
    const message = err instanceof Error ? err.message : String(err);
    return { html: `<pre class="render-error">${escapeHtml(src)}</pre>`, errors: [...env.mathErrors, message] };
  }
}

function linkList(links: readonly CardLink[]): string {
  const items = links
    .filter((l) => isSafeUrl(l.url))
    .map((l) => {
      const title = escapeHtml(l.title || l.url);
      return `<li><a href="${escapeHtml(l.url.trim())}" target="_blank" rel="noopener noreferrer">${title}</a></li>`;
    });
  return items.length ? `<ul class="card-links">\n${items.join('\n')}\n</ul>\n` : '';
}

export interface RenderableCard {
  kind: CardKind;
  front: string;
  back: string;
  links: readonly CardLink[];
}

/**
 * Both sides of a card. References are appended to the back as a link list
 * (they are kept out of the card text); a reading card's back *is* its list.
 */
export function renderCard(card: RenderableCard): { frontHtml: string; backHtml: string } {
  const frontHtml = renderMarkdown(card.front).html;
  const links = linkList(card.links);
  if (card.kind === 'reading' && links) return { frontHtml, backHtml: links };
  return { frontHtml, backHtml: renderMarkdown(card.back).html + links };
}
