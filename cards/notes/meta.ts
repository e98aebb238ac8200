// Note-level metadata: YAML front matter (Obsidian `tags`, `aliases`) and
// inline `#tags`. Both become card tags; neither is ever card text.
import { parse as parseYaml } from 'yaml';

/** `---` … `---` at the very top, as Obsidian / Jekyll write it. */
export const FRONT_MATTER = /^---[ \t]*\n(?:.*\n){0,200}?(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function names(v: unknown): string[] {
  if (typeof v === 'string') return v.split(/[,\s]+/);
  if (typeof v === 'number') return [String(v)];
  if (Array.isArray(v)) return v.flatMap(names);
  return [];
}

const cleanTag = (t: string) => t.trim().replace(/^#/, '').trim();

/** Tags from front matter text (with its `---` fences); [] when it is not YAML. */
export function frontMatterTags(fm: string): string[] {
  const body = fm.replace(/^---[ \t]*\n/, '').replace(/\n?(?:---|\.\.\.)[ \t]*\n?$/, '');
  let data: unknown;
  try {
    data = parseYaml(body, { maxAliasCount: 50 });
  } catch {
    return [];
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  const d = data as Record<string, unknown>;
  const aliases = [d['aliases'], d['alias']].flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []));
  return [...names(d['tags']), ...names(d['tag']), ...aliases].map(cleanTag).filter((t) => t !== '');
}

/**
 * An inline `#tag` (Obsidian: letters, digits, `_ - /`, not only digits),
 * after a space or at the start of a line; never a heading (`# x`), a URL
 * fragment or a hex colour.
 */
const INLINE_TAG = /(^|[\s，,])#([\p{L}_][\p{L}\p{N}_/-]*|\d+[\p{L}_][\p{L}\p{N}_/-]*)(?=$|[\s)），,.。;；:：!?！？])/gu;
const HEX = /^(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

function outsideCode(text: string, f: (chunk: string) => string): string {
  // Fenced blocks, inline code and math keep their `#`s (`#include`, `# comment`).
  // Line by line, so unclosed fences or backticks stay linear.
  let fence: string | null = null;
  return text
    .split('\n')
    .map((line) => {
      const m = /^\s*(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length) fence = null;
        return line;
      }
      if (m) {
        fence = m[1]!;
        return line;
      }
      if (!line.includes('#')) return line;
      return line
        .split(/(`[^`\n]*`|\$\$[^$\n]*\$\$|\$[^$\n]*\$)/)
        .map((chunk, i) => (i % 2 ? chunk : f(chunk)))
        .join('');
    })
    .join('\n');
}

/** Every inline tag in the text, in order, without `#`. */
export function inlineTags(text: string): string[] {
  const out: string[] = [];
  outsideCode(text, (chunk) => {
    for (const m of chunk.matchAll(INLINE_TAG)) if (!HEX.test(m[2]!)) out.push(m[2]!);
    return chunk;
  });
  return out;
}

/** The text without its inline tags (a line left empty by them disappears). */
export function removeInlineTags(text: string): string {
  if (!text.includes('#')) return text;
  return outsideCode(text, (chunk) => chunk.replace(INLINE_TAG, (all, pre: string, tag: string) => (HEX.test(tag) ? all : pre)))
    .replace(/ +(?= {2}$)/gm, '')
    .replace(/^[ \t,;，；、]+$/gm, '') // "#TensorFlow, #GoogleCloud" leaves only its commas
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags) {
    const k = t.toLowerCase();
    if (!seen.has(k)) out.push(t);
    seen.add(k);
  }
  return out;
}
