// Footnotes as people write them (Pandoc / GitHub / Obsidian): `FM模型[^4]是…`
// and, usually at the end of the note, `[^4]: Rendle, Factorization Machines`.
// A card holds one section, so the two rarely meet: a reference shows as a
// small superscript mark, a definition as a paragraph led by that mark — never
// the raw `[^4]` (renderer only; the importer sees text and never makes a
// footnote a term).
import type { MarkdownIt, StateInline } from 'markdown-it';
import { escapeHtml } from './texSource.ts';

const OPEN = 0x5b; // [
const CARET = 0x5e; // ^
const LABEL = /^[^\]\s^[]{1,40}$/;

function footnote(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax: max } = state;
  if (src.charCodeAt(pos) !== OPEN || src.charCodeAt(pos + 1) !== CARET) return false;
  const close = src.indexOf(']', pos + 2);
  if (close < 0 || close >= max || close - pos > 42) return false;
  const label = src.slice(pos + 2, close);
  if (!LABEL.test(label)) return false;
  // `[^4]:` opening a paragraph (or a line of it) is the definition.
  const lineStart = pos === 0 || src.charCodeAt(pos - 1) === 0x0a;
  const definition = lineStart && src.charCodeAt(close + 1) === 0x3a;
  if (!silent) {
    const t = state.push(definition ? 'footnote_def_mark' : 'footnote_ref', '', 0);
    t.content = label;
  }
  state.pos = definition ? close + 2 : close + 1;
  return true;
}

export function footnotes(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'footnote_ref', footnote);
  md.renderer.rules.footnote_ref = (tokens, idx) => `<sup class="footnote-ref">${escapeHtml(tokens[idx]!.content)}</sup>`;
  md.renderer.rules.footnote_def_mark = (tokens, idx) => `<sup class="footnote-def">${escapeHtml(tokens[idx]!.content)}</sup>`;
}
