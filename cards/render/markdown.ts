// The one markdown-it configuration of the app. Notes are untrusted text
// (they may come from anywhere), so raw HTML is escaped, only web and mail
// links become anchors, and math goes through renderTex's limits.
import MarkdownItCtor from 'markdown-it';
import type { Env, MarkdownIt, RendererRule, Token } from 'markdown-it';
import { emojiShortcodes } from './emoji.ts';
import { footnotes } from './footnotes.ts';
import { taskLists } from './tasks.ts';
import { subSuperscript } from './subsup.ts';
import { htmlTags } from './html.ts';
import { imageHtml, looseImage } from './images.ts';
import { obsidianSyntax } from './obsidian.ts';
import { notesSyntax } from './syntax.ts';
import { escapeHtml } from './texSource.ts';

const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

/** True for the only link targets a card may open: http(s) and mailto. */
export function isSafeUrl(url: string): boolean {
  return SAFE_URL.test(url.trim());
}

/**
 * `strict` (rendering): a link whose target fails validation stays literal
 * text — what we want for javascript:, data:, file: and in-page anchors.
 * `any` (importing): every link is a token, so the importer can recognise a
 * table of contents and report unsafe links instead of misreading them as text.
 * `card`: see below.
 */
/** Schemes that must never become a link or image, whatever the renderer does with it afterwards. */
const BAD_SCHEME = /^\s*(?:javascript|vbscript|data|file|blob|about):/i;

export function createParser(links: 'strict' | 'any' | 'card' = 'strict'): MarkdownIt {
  const md = new MarkdownItCtor({ html: false, linkify: false, typographer: false });
  // `card` (the card renderer): relative links and `media:`/`missing:` images
  // parse too — the renderer turns them into text and placeholders — while
  // dangerous schemes stay literal text.
  md.validateLink = links === 'strict' ? isSafeUrl : links === 'card' ? (url) => !BAD_SCHEME.test(url) : () => true;
  md.use(notesSyntax);
  return md;
}

/** Rendering collects KaTeX errors here; markdown-it passes `env` through every rule. */
export interface RenderEnv extends Env {
  mathErrors: string[];
}

/**
 * How math leaves renderMarkdown: `html` typesets with KaTeX on the spot
 * (inline styles: fine for the CLI and exports); `dom` keeps the empty
 * `<span class="math" data-tex data-display>` placeholders that the UI fills
 * with katex.render, which works under a CSP without 'unsafe-inline'.
 */
export type MathOutput = 'html' | 'dom';

function mathPlaceholder(tex: string, display: boolean): string {
  return `<span class="math" data-tex="${escapeHtml(tex)}" data-display="${display ? 1 : 0}"></span>`;
}

/**
 * Math always leaves markdown-it as a placeholder, so the sanitizer never sees
 * KaTeX's inline styles; renderMarkdown typesets the placeholders after
 * sanitizing for the `html` output (see render.ts).
 */
function mathRule(display: (t: Token) => boolean, block: boolean): RendererRule {
  return (tokens, idx) => {
    const t = tokens[idx]!;
    const html = mathPlaceholder(t.content, display(t));
    return block ? `<div class="math-block">${html}</div>\n` : html;
  };
}

function markLocalClose(tokens: Token[], open: number): void {
  for (let i = open + 1; i < tokens.length; i++) {
    if (tokens[i]!.type === 'link_close') {
      tokens[i]!.meta = { ...tokens[i]!.meta, local: true };
      return;
    }
  }
}

/**
 * Parser + HTML renderer for card sides: math placeholders, `<mark>`
 * highlights, raw HTML tag by tag (html.ts), images (images.ts), Obsidian
 * syntax (obsidian.ts), external-link attributes. Its output still goes
 * through sanitizeCard (render.ts).
 */
export function createRenderer(): MarkdownIt {
  const md = createParser('card');
  md.set({ html: true });
  const rules = md.renderer.rules;
  rules.math_inline = mathRule((t) => t.meta?.display === true, false);
  rules.math_block = mathRule(() => true, true);
  rules.html_inline = (tokens, idx) => htmlTags(tokens[idx]!.content, escapeHtml);
  rules.html_block = (tokens, idx, _o, env) => htmlTags(tokens[idx]!.content, (s) => (s.trim() ? md.renderInline(s, env) : s));
  rules.mark_open = () => '<mark>';
  rules.mark_close = () => '</mark>';
  rules.link_open = (tokens, idx, options, _env, self) => {
    const t = tokens[idx]!;
    if (!isSafeUrl(String(t.attrGet('href') ?? ''))) {
      // A link to another note file or an in-page anchor: the card shows its
      // text; nothing in the app could open the target.
      markLocalClose(tokens, idx);
      return '<span class="note-link">';
    }
    // Every other link opens outside the app and gets no window.opener / referrer.
    t.attrSet('target', '_blank');
    t.attrSet('rel', 'noopener noreferrer');
    return self.renderToken(tokens, idx, options);
  };
  rules.link_close = (tokens, idx, options, _env, self) => (tokens[idx]!.meta?.local === true ? '</span>' : self.renderToken(tokens, idx, options));
  rules.image = (tokens, idx, options, _env, self) => {
    const t = tokens[idx]!;
    return imageHtml(String(t.attrGet('src') ?? ''), self.renderInlineAsText(t.children ?? [], options, {}));
  };
  md.inline.ruler.after('image', 'image_loose', looseImage);
  rules.image_loose = (tokens, idx) => {
    const t = tokens[idx]!;
    return imageHtml(String(t.meta?.src ?? ''), t.content);
  };
  md.use(obsidianSyntax);
  md.use(emojiShortcodes);
  md.use(footnotes);
  md.use(taskLists);
  md.use(subSuperscript);
  return md;
}
