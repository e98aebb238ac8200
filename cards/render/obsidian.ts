// Obsidian syntax on cards (rendering only: the importer's parser does not
// install these rules, so its token stream — and the card text it cuts from
// the note — keeps the source as written):
//   [[note]], [[note|alias]], [[note#heading]]  → <a class="wikilink" data-note data-heading>
//   ![[x.png]] (not rewritten by the importer)  → the missing-image placeholder
//   ![[note]]                                   → a wikilink marked as an embed
//   %%comment%%                                 → nothing
//   > [!note] Title / > [!tip]- Foldable        → a callout box (<div> or <details>)
import type { MarkdownIt, StateBlock, StateCore, StateInline, Token } from 'markdown-it';
import { imageHtml } from './images.ts';
import { escapeHtml } from './texSource.ts';

const BRACKET = 0x5b;
const BANG = 0x21;
const PERCENT = 0x25;

const IMAGE_EXT = /\.(?:png|jpe?g|gif|webp|svg|bmp|avif|tiff?|pdf|mp4|webm|mp3|excalidraw)$/i;

export interface WikiTarget {
  note: string;
  heading: string;
  text: string; // what the reader sees
}

/** `note#heading^block|alias` → its parts; the visible text is the alias, else `note › heading`. */
export function parseWikiTarget(inner: string): WikiTarget {
  const bar = inner.search(/\\?\|/);
  const target = (bar >= 0 ? inner.slice(0, bar) : inner).trim();
  const alias = bar >= 0 ? inner.slice(bar).replace(/^\\?\|/, '').trim() : '';
  const hash = target.indexOf('#');
  const note = (hash >= 0 ? target.slice(0, hash) : target).trim();
  const heading = (hash >= 0 ? target.slice(hash + 1) : '').replace(/\^[\w-]*$/, '').replace(/#/g, ' › ').trim();
  const text = alias || (note && heading ? `${note} › ${heading}` : note || heading);
  return { note, heading, text };
}

/** Longest `[[…]]` target looked for: names and aliases are short; this bounds the search. */
const MAX_INNER = 300;

/**
 * `[[…]]` and `![[…]]`, on one line or wrapped once (hard-wrapped notes:
 * `[[convolutional filter|convolutional⏎filter]]`); the line break reads as a space.
 */
function wikilink(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax: max } = state;
  const embed = src.charCodeAt(pos) === BANG;
  const open = embed ? pos + 1 : pos;
  if (src.charCodeAt(open) !== BRACKET || src.charCodeAt(open + 1) !== BRACKET) return false;
  const close = src.slice(open + 2, Math.min(max, open + 2 + MAX_INNER + 2)).indexOf(']]');
  if (close < 0) return false;
  const inner = src.slice(open + 2, open + 2 + close);
  if (inner.trim() === '' || inner.includes('[') || inner.split('\n').length > 2) return false;
  if (!silent) {
    const t = state.push(embed ? 'wiki_embed' : 'wikilink', '', 0);
    t.content = inner.replace(/[ \t]*\n[ \t]*/, ' ');
  }
  state.pos = open + 2 + close + 2;
  return true;
}

function renderWikilink(inner: string, embed: boolean): string {
  const w = parseWikiTarget(inner);
  if (embed && IMAGE_EXT.test(w.note)) return imageHtml(`missing:${encodeURIComponent(w.note)}`, '');
  const heading = w.heading ? ` data-heading="${escapeHtml(w.heading)}"` : '';
  const cls = embed ? 'wikilink wikilink-embed' : 'wikilink';
  const note = w.note ? ` data-note="${escapeHtml(w.note)}"` : '';
  return `<a class="${cls}"${note}${heading}>${escapeHtml(w.text)}</a>`;
}

/** `%%…%%` inside a paragraph: hidden. An unclosed `%%` stays text. */
function commentInline(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax: max } = state;
  if (src.charCodeAt(pos) !== PERCENT || src.charCodeAt(pos + 1) !== PERCENT) return false;
  const close = src.indexOf('%%', pos + 2);
  if (close < 0 || close + 2 > max) return false;
  if (!silent) state.push('comment', '', 0);
  state.pos = close + 2;
  return true;
}

/** A line starting with `%%` opens a comment that may span paragraphs; it ends at the next `%%` (or the end, as in Obsidian). */
function commentBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const src = state.src;
  if (src.charCodeAt(start) !== PERCENT || src.charCodeAt(start + 1) !== PERCENT) return false;
  let line = startLine;
  let from = start + 2;
  for (; line < endLine; line++) {
    const end = state.eMarks[line]!;
    const close = src.indexOf('%%', from);
    if (close >= 0 && close < end) {
      if (line === startLine && src.slice(close + 2, end).trim() !== '') return false; // `%%x%% text`: inline
      break;
    }
    from = state.bMarks[line + 1] ?? end;
  }
  if (silent) return true;
  const t = state.push('comment', '', 0);
  t.map = [startLine, Math.min(line + 1, endLine)];
  state.line = Math.min(line + 1, endLine);
  return true;
}

const CALLOUT = /^\[!([\w-]+)\]([+-]?)[ \t]*(.*)$/;
/** Obsidian's callout types and their aliases → the class that styles them. */
const CALLOUT_KINDS: Record<string, string> = {
  note: 'note', abstract: 'abstract', summary: 'abstract', tldr: 'abstract', info: 'info', todo: 'todo',
  tip: 'tip', hint: 'tip', important: 'tip', success: 'success', check: 'success', done: 'success',
  question: 'question', help: 'question', faq: 'question', warning: 'warning', caution: 'warning',
  attention: 'warning', failure: 'failure', fail: 'failure', missing: 'failure', danger: 'danger',
  error: 'danger', bug: 'bug', example: 'example', quote: 'quote', cite: 'quote',
};

function closingIndex(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

/** `> [!type]± Title` as the first line of a blockquote turns the quote into a callout. */
function callouts(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'blockquote_open' || tokens[i + 1]?.type !== 'paragraph_open') continue;
    const inline = tokens[i + 2]!;
    const nl = inline.content.indexOf('\n');
    const first = nl >= 0 ? inline.content.slice(0, nl) : inline.content;
    const m = CALLOUT.exec(first.trim());
    if (!m) continue;
    const raw = m[1]!.toLowerCase();
    const kind = CALLOUT_KINDS[raw] ?? 'note';
    const title = m[3]!.trim() || raw.charAt(0).toUpperCase() + raw.slice(1);
    const fold = m[2] === '-' ? 'closed' : m[2] === '+' ? 'open' : '';
    const close = tokens[closingIndex(tokens, i)]!;
    t.type = 'callout_open';
    t.meta = { kind, title, fold };
    close.type = 'callout_close';
    close.meta = { fold };
    const body = nl >= 0 ? inline.content.slice(nl + 1) : '';
    if (body.trim() === '') tokens.splice(i + 1, 3);
    else inline.content = body;
  }
}

/** Install the Obsidian rules and their renderers on the card renderer. */
export function obsidianSyntax(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'wikilink', wikilink);
  md.inline.ruler.before('image', 'wiki_embed', wikilink);
  md.inline.ruler.before('text', 'comment', commentInline);
  md.block.ruler.before('paragraph', 'comment', commentBlock, { alt: ['paragraph'] });
  md.core.ruler.before('inline', 'callouts', callouts);
  const rules = md.renderer.rules;
  rules.wikilink = (tokens, idx) => renderWikilink(tokens[idx]!.content, false);
  rules.wiki_embed = (tokens, idx) => renderWikilink(tokens[idx]!.content, true);
  rules.comment = () => '';
  rules.callout_open = (tokens, idx, _o, env) => {
    const { kind, title, fold } = tokens[idx]!.meta as { kind: string; title: string; fold: string };
    const titleHtml = md.renderInline(title, env);
    const cls = `callout callout-${kind}`;
    if (fold) return `<details class="${cls}"${fold === 'open' ? ' open' : ''}><summary class="callout-title">${titleHtml}</summary><div class="callout-body">\n`;
    return `<div class="${cls}"><div class="callout-title">${titleHtml}</div><div class="callout-body">\n`;
  };
  rules.callout_close = (tokens, idx) => ((tokens[idx]!.meta as { fold: string }).fold ? '</div></details>\n' : '</div></div>\n');
}
