// A long answer that the importer did not split shows its first part; the
// rest sits in a native <details> fold ("more"), which is keyboard-accessible
// and needs no script or inline style. The cut falls between top-level blocks
// (or between the items of a long top-level list), never inside a paragraph,
// formula or table.
import type { Token } from 'markdown-it';

/** Backs with more text than this get a fold (≈ what fits on a card without scrolling). */
export const FOLD_OVER = 1200;
/** The visible part holds at least this much text… */
const SHOW_AT_LEAST = 500;
/** …and folding is only worth it when this much is hidden. */
const HIDE_AT_LEAST = 250;

function textLength(t: Token): number {
  if (t.type === 'inline' || t.type === 'math_block' || t.type === 'fence' || t.type === 'code_block' || t.type === 'html_block') {
    return t.content.length;
  }
  return 0;
}

export interface FoldPlan {
  at: number; // tokens[0, at) are shown, tokens[at, …) folded
  list?: { open: Token; shownItems: number }; // the cut falls inside this top-level list
}

/** Where to fold a token stream, or null when it is short enough (or has no good cut). */
export function foldPoint(tokens: readonly Token[]): FoldPlan | null {
  let total = 0;
  for (const t of tokens) total += textLength(t);
  if (total <= FOLD_OVER) return null;
  let seen = 0;
  let list: Token | null = null;
  let items = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const boundary = (t.level === 0 && t.nesting !== -1) || (list !== null && t.type === 'list_item_open' && t.level === 1);
    if (boundary && i > 0 && seen >= SHOW_AT_LEAST) {
      if (total - seen < HIDE_AT_LEAST) return null;
      return list && t.type === 'list_item_open' ? { at: i, list: { open: list, shownItems: items } } : { at: i };
    }
    if (t.level === 0 && (t.type === 'bullet_list_open' || t.type === 'ordered_list_open')) {
      list = t;
      items = 0;
    } else if (t.level === 0 && t.nesting === -1) list = null;
    if (list && t.type === 'list_item_open' && t.level === 1) items++;
    seen += textLength(t);
  }
  return null;
}

/** The two token streams of a fold; a list cut in two is closed and reopened (numbering continues). */
export function splitTokens(tokens: Token[], plan: FoldPlan): [Token[], Token[]] {
  const shown = tokens.slice(0, plan.at);
  const hidden = tokens.slice(plan.at);
  if (!plan.list) return [shown, hidden];
  const { open, shownItems } = plan.list;
  const TokenCtor = open.constructor as new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;
  const make = (type: string, tag: string, nesting: -1 | 0 | 1) => new TokenCtor(type, tag, nesting);
  const close = make(open.type.replace('_open', '_close'), open.tag, -1);
  const reopen = make(open.type, open.tag, 1);
  reopen.markup = open.markup;
  if (open.type === 'ordered_list_open') reopen.attrSet('start', String(Number(open.attrGet('start') ?? 1) + shownItems));
  return [[...shown, close], [reopen, ...hidden]];
}

const CJK = /[\u3400-\u9fff]/g;

/** The fold's label in the card's language (its text decides when the card does not say). */
export function moreLabel(lang: 'zh' | 'en' | undefined, text: string): string {
  const zh = lang ? lang === 'zh' : (text.match(CJK)?.length ?? 0) * 4 > Math.min(text.length, 2000);
  return zh ? '展开其余部分' : 'Show the rest';
}
