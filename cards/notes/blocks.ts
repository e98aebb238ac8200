// markdown-it token stream → sections of source lines. A "line" is one
// visual line of a paragraph (split at soft/hard breaks, as the notes put one
// fact per line with trailing-two-space breaks) or one display-math block.
import type { Token } from 'markdown-it';
import { createParser } from '../render/markdown.ts';
import { strayDollars } from '../render/syntax.ts';
import { cleanHeadingMd, crumbText, stripEmoji } from './crumbs.ts';
import { stripNumbering } from './numbering.ts';

export interface Line {
  line: number; // 0-based first source line
  end: number; // 0-based exclusive end line
  block: number; // blocks are numbered document-wide; lines of one paragraph share it
  tokens: Token[]; // inline tokens of this line (empty for display math / code / tables)
  tex?: string; // display math content
  other?: boolean; // code block or table: kept as prose, never split
  item?: ItemInfo; // the innermost list item holding this line
  first?: boolean; // the first line of its item's first paragraph
  table?: string[][]; // a table's cells as inline Markdown, header row first
  code?: boolean; // a code block
}

/** A list item, so questions written as list items can take their sub-items along. */
export interface ItemInfo {
  id: number; // document-wide
  parent: ItemInfo | null; // the enclosing list item, for nested items
  list: number; // document-wide id of the list it belongs to
  index: number; // 0-based position in that list
  end: number; // 0-based exclusive last source line of the item
  ordered: boolean;
}

export interface Section {
  level: number; // 1–6; 0 for text before the first heading
  title: string; // plain text, math kept as `$…$`, outline numbering ("3.2.1", "一、") stripped
  titleMd: string; // heading source (inline Markdown), numbering stripped
  path: string[]; // headings as written, outermost first (ids derive from these)
  crumbs: string[]; // the same headings as shown: anchors, emoji, badges, HTML and `[[…]]` removed (crumbs.ts)
  parentMd?: string; // the enclosing heading (numbering stripped), for generic headings like "Definition"
  line: number; // 0-based heading line
  lines: Line[];
  hasChildren: boolean;
}

export interface Document {
  sections: Section[];
  srcLines: string[];
  /** Every inline / display math token with its 0-based line, for KaTeX warnings. */
  mathTokens: { token: Token; line: number }[];
  strays: number[]; // 0-based lines with an unmatched `$`
  tooLong: number[]; // 0-based first lines of paragraphs kept as plain text (see syntax.ts)
}

const parser = createParser('any');

/** Plain text of inline tokens: emphasis dropped, math and code kept as written. */
export function plainText(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'code_inline') out += t.content;
    else if (t.type === 'math_inline') out += t.markup + t.content + t.markup;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += ' ';
    else if (t.type === 'image') out += plainText(t.children ?? []);
  }
  return out;
}

const isBreak = (t: Token) => t.type === 'softbreak' || t.type === 'hardbreak';

/** A list made only of in-page anchor links is a table of contents, never card material. */
function isTocList(tokens: readonly Token[], open: number, close: number): boolean {
  let links = 0;
  for (let i = open; i < close; i++) {
    const t = tokens[i]!;
    if (t.type !== 'inline') continue;
    let inLink = false;
    for (const c of t.children ?? []) {
      if (c.type === 'link_open') {
        if (!String(c.attrGet('href') ?? '').startsWith('#')) return false;
        inLink = true;
        links++;
      } else if (c.type === 'link_close') inLink = false;
      else if (!inLink && c.content.trim() !== '') return false;
    }
  }
  return links > 0;
}

function closingIndex(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Split a paragraph's inline children into lines; fall back to one line when a token spans a newline. */
function paragraphLines(inline: Token, block: number, out: Line[]): void {
  const [start, end] = inline.map ?? [0, 1];
  const children = inline.children ?? [];
  const groups: Token[][] = [[]];
  for (const c of children) {
    if (isBreak(c)) groups.push([]);
    else groups[groups.length - 1]!.push(c);
  }
  if (groups.length !== end - start) {
    out.push({ line: start, end, block, tokens: children });
    return;
  }
  groups.forEach((tokens, i) => out.push({ line: start + i, end: start + i + 1, block, tokens }));
}

/** Parse normalised Markdown into sections. Pure and linear in the input size. */
export function readDocument(src: string): Document {
  const env = {};
  const tokens = parser.parse(src, env);
  const srcLines = src.split('\n');
  const root: Section = { level: 0, title: '', titleMd: '', path: [], crumbs: [], line: 0, lines: [], hasChildren: false };
  const sections: Section[] = [root];
  const stack: Section[] = [];
  const mathTokens: Document['mathTokens'] = [];
  const strays: number[] = [];
  const tooLong: number[] = [];
  const listSizes = new Map<number, number>();
  const items: (ItemInfo & { seen: boolean })[] = [];
  const lists: { id: number; ordered: boolean }[] = [];
  let listId = 0;
  let itemId = 0;
  let current = root;
  let block = 0;
  const inItem = (from: number) => {
    const item = items[items.length - 1];
    for (let k = from; k < current.lines.length; k++) {
      const l = current.lines[k]!;
      if (!item) continue;
      l.item = item;
      if (!item.seen) l.first = true;
      item.seen = true;
    }
  };

  const noteMath = (inline: Token, lines: readonly Line[] | null) => {
    const base = inline.map?.[0] ?? 0;
    if (inline.meta?.tooLong === true) tooLong.push(base);
    let nl = 0;
    let seen = 0;
    for (const at of strayDollars(env, inline)) {
      for (; seen < at; seen++) if (inline.content.charCodeAt(seen) === 10) nl++;
      if (strays[strays.length - 1] !== base + nl) strays.push(base + nl); // one warning per line
    }
    if (!lines) {
      for (const c of inline.children ?? []) if (c.type.startsWith('math')) mathTokens.push({ token: c, line: base });
      return;
    }
    for (const l of lines) for (const c of l.tokens) if (c.type.startsWith('math')) mathTokens.push({ token: c, line: l.line });
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open') {
      const inline = tokens[i + 1]!;
      const level = Number(t.tag.slice(1));
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.hasChildren = true;
      const written = plainText(inline.children ?? []).trim();
      // "<a name="x"></a> Coding :computer:": anchors and emoji shortcodes are not the topic.
      const clean = (s: string) => stripEmoji(s.replace(/<a\s[^>]{0,200}>\s*<\/a>/gi, '').replace(/(^|\s):[a-z0-9_+-]{1,30}:(?=\s|$)/g, '$1')).trim();
      const title = stripNumbering(clean(written)).replace(/\s*[:：]$/, '');
      current = {
        level,
        title,
        titleMd: stripNumbering(cleanHeadingMd(inline.content).replace(/^(\*\*|__)([^*_]+)\1$/, '$2')).replace(/\s*[:：]$/, ''),
        path: [...stack.map((s) => s.path[s.path.length - 1]!), written],
        crumbs: [...stack.map((s) => s.crumbs[s.crumbs.length - 1]!), crumbText(inline.children ?? []) || written],
        ...(parent ? { parentMd: parent.titleMd } : {}),
        line: t.map?.[0] ?? 0,
        lines: [],
        hasChildren: false,
      };
      stack.push(current);
      sections.push(current);
      noteMath(inline, null);
      i += 2;
    } else if ((t.type === 'bullet_list_open' || t.type === 'ordered_list_open') && isTocList(tokens, i, closingIndex(tokens, i))) {
      i = closingIndex(tokens, i);
    } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      lists.push({ id: listId++, ordered: t.type === 'ordered_list_open' });
    } else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') {
      lists.pop();
    } else if (t.type === 'list_item_open') {
      const list = lists[lists.length - 1] ?? { id: -1, ordered: false };
      const index = listSizes.get(list.id) ?? 0;
      listSizes.set(list.id, index + 1);
      items.push({ id: itemId++, parent: items[items.length - 1] ?? null, list: list.id, index, end: t.map?.[1] ?? 0, ordered: list.ordered, seen: false });
    } else if (t.type === 'list_item_close') {
      items.pop();
    } else if (t.type === 'inline') {
      const before = current.lines.length;
      if (/^\[(?:toc|\[_toc_\])\]$/i.test(t.content.trim())) continue;
      paragraphLines(t, block++, current.lines);
      inItem(before);
      noteMath(t, current.lines.slice(before));
    } else if (t.type === 'math_block') {
      const [line, end] = t.map ?? [0, 1];
      current.lines.push({ line, end, block: block++, tokens: [], tex: t.content });
      inItem(current.lines.length - 1);
      mathTokens.push({ token: t, line });
    } else if (t.type === 'fence' || t.type === 'code_block' || t.type === 'table_open') {
      const [line, end] = t.map ?? [0, 1];
      const l: Line = { line, end, block: block++, tokens: [], other: true, ...(t.type === 'table_open' ? {} : { code: true }) };
      current.lines.push(l);
      inItem(current.lines.length - 1);
      if (t.type !== 'table_open') continue;
      // The table's cells, for one card per row; its formulas still get checked.
      const close = closingIndex(tokens, i);
      const rows: string[][] = [];
      for (; i < close; i++) {
        const c = tokens[i]!;
        if (c.type === 'tr_open') rows.push([]);
        else if (c.type === 'inline') {
          rows[rows.length - 1]?.push(c.content.trim());
          noteMath(c, null);
        }
      }
      l.table = rows;
    }
  }
  return { sections, srcLines, mathTokens, strays, tooLong };
}
