// Markdown + math → safe HTML for a card side. Used by the UI (browser) and
// the CLI (Node), so no node: imports here.
import type { CardKind, CardLink } from '../types.ts';
import { foldPoint, moreLabel, splitTokens } from './fold.ts';
import { sanitizeCard } from './html.ts';
import { createRenderer, isSafeUrl, type MathOutput, type RenderEnv } from './markdown.ts';
import { escapeHtml, renderTex } from './tex.ts';

const md = createRenderer();

export interface RenderOptions {
  /** 'dom': math as `<span class="math" data-tex data-display>` placeholders for katex.render (see markdown.ts). */
  math?: MathOutput;
  /** Fold a long text into a "more" `<details>` (fold.ts); renderCard does it for backs. */
  fold?: boolean;
  /** The card's language, for the fold's label (else the text's script decides). */
  lang?: 'zh' | 'en';
}

export interface Rendered {
  html: string;
  errors: string[]; // KaTeX messages, one per broken formula; the HTML still shows it, escaped
}

const PLACEHOLDER = /<span class="math" data-tex="([^"]*)" data-display="([01])"><\/span>/g;

function unescapeAttr(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** KaTeX HTML for every placeholder of sanitized card HTML (KaTeX's own output is trusted: trust:false, bounded). */
function typesetAll(html: string, errors: string[]): string {
  return html.replace(PLACEHOLDER, (_, tex: string, display: string) => {
    const r = renderTex(unescapeAttr(tex), display === '1');
    if (r.error !== undefined) errors.push(r.error);
    return r.html;
  });
}

/** Render one Markdown side. Never throws: a broken formula becomes a visible `.math-error` span. */
export function renderMarkdown(src: string, opts: RenderOptions = {}): Rendered {
  const env: RenderEnv = { mathErrors: [] };
  try {
    const tokens = md.parse(src, env);
    const plan = opts.fold === true ? foldPoint(tokens) : null;
    let raw: string;
    if (plan) {
      const [shown, hidden] = splitTokens(tokens, plan);
      raw = `${md.renderer.render(shown, md.options, env)}<details class="more"><summary>${moreLabel(opts.lang, src)}</summary><div class="more-body">\n${md.renderer.render(hidden, md.options, env)}</div></details>\n`;
    } else raw = md.renderer.render(tokens, md.options, env);
    const html = sanitizeCard(raw);
    return { html: opts.math === 'dom' ? html : typesetAll(html, env.mathErrors), errors: env.mathErrors };
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
  lang?: 'zh' | 'en';
}

/**
 * Both sides of a card. References are appended to the back as a link list
 * (they are kept out of the card text); a reading card's back *is* its list.
 * A long back shows its first part and folds the rest (fold.ts).
 */
export function renderCard(card: RenderableCard, opts: Pick<RenderOptions, 'math'> = {}): { frontHtml: string; backHtml: string } {
  const frontHtml = renderMarkdown(card.front, opts).html;
  const links = linkList(card.links);
  if (card.kind === 'reading' && links) return { frontHtml, backHtml: links };
  return { frontHtml, backHtml: renderMarkdown(card.back, { ...opts, fold: true, lang: card.lang }).html + links };
}
