// Markdown → sanitized card HTML with math left as placeholders
// (`<span class="math" data-tex data-display>`), without KaTeX: the UI's
// first bundle renders cards with this and typesets the placeholders once
// KaTeX has loaded (renderer/lib/math.ts); render.ts adds KaTeX's HTML for
// the CLI and exports. No node: imports here.
import { foldPoint, moreLabel, splitTokens } from './fold.ts';
import { sanitizeCard } from './html.ts';
import { createRenderer, type MathOutput, type RenderEnv } from './markdown.ts';
import { escapeHtml } from './texSource.ts';

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

/** One Markdown side as sanitized HTML with math as placeholders (`math: 'dom'`'s output). Never throws. */
export function renderSanitized(src: string, opts: RenderOptions = {}): Rendered {
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
    return { html, errors: env.mathErrors };
  } catch (err) {
    // markdown-it itself should not throw; if it does, show the source as text rather than break the card.
    const message = err instanceof Error ? err.message : String(err);
    return { html: `<pre class="render-error">${escapeHtml(src)}</pre>`, errors: [...env.mathErrors, message] };
  }
}
