// Pandoc/Typora subscript and superscript: `w~i~`, `x^2^` (lhy notes:
// "**w~i~**：weight of x~i~"). Typora shows them as sub/sup, so a card must
// too. Conservative, because `~` also means "about" or a range ("0~9的数字",
// "~5 ms") and `^` appears in ASCII math: the mark must follow a letter,
// digit or bracket, hold 1–12 characters of letters, digits and `+-*,.'()`
// (no space, no CJK), and close on the same run. `~~strike~~` is untouched.
// Renderer only: the importer keeps the text as written.
import type { MarkdownIt, StateInline } from 'markdown-it';

const BODY = /^[A-Za-z0-9\u0370-\u03ff+\-*,.'()]{1,12}/;
const BEFORE = /[A-Za-z0-9\u0370-\u03ff)\]}*]/;

function subSup(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  const mark = src[start];
  if (mark !== '~' && mark !== '^') return false;
  if (start === 0 || !BEFORE.test(src[start - 1]!)) return false;
  if (src[start + 1] === mark) return false; // `~~` is strikethrough
  const body = BODY.exec(src.slice(start + 1, start + 14));
  if (!body) return false;
  const close = start + 1 + body[0].length;
  if (src[close] !== mark || src[close + 1] === mark) return false;
  // "1~3~5" (a chain of ranges) is not a subscript.
  if (mark === '~' && /^[0-9]/.test(body[0]) && /[0-9]/.test(src[start - 1]!)) return false;
  if (!silent) {
    const tag = mark === '~' ? 'sub' : 'sup';
    state.push(`${tag}_open`, tag, 1).markup = mark;
    const t = state.push('text', '', 0);
    t.content = body[0];
    state.push(`${tag}_close`, tag, -1).markup = mark;
  }
  state.pos = close + 1;
  return true;
}

export function subSuperscript(md: MarkdownIt): void {
  md.inline.ruler.before('strikethrough', 'sub_sup', subSup);
}
