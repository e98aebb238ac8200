// What a reader sees of a rendered card side, as plain text, without the
// parts where literal `$`, `**` or `[[` are legitimate: typeset math (KaTeX
// output, its MathML copy of the source), math shown as source because it
// failed (`.math-error`, counted separately), and code. Pure: string in,
// string out, so the metrics built on it can be unit-tested.

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SKIP_TAGS = new Set(['code', 'pre', 'script', 'style', 'math', 'annotation', 'svg']);
const SKIP_CLASS = /(^|\s)(katex|katex-display|katex-error|math|math-error|math-display)(\s|$)/;
const BLOCK = new Set(['p', 'div', 'li', 'ul', 'ol', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'br', 'hr', 'details', 'summary', 'center', 'figure']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ENTITIES[lower] ?? m;
  });
}

export interface HtmlParts {
  /** Visible text outside math and code, entities decoded, blocks separated by newlines. */
  text: string;
  /** Raw HTML of the same visible parts (entities kept), to find escaped tags like `&lt;br`. */
  html: string;
}

/** Split rendered HTML into what is shown as prose (outside math/code). Tolerates unbalanced tags. */
export function visibleParts(html: string): HtmlParts {
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->/g;
  const stack: { name: string; skip: boolean }[] = [];
  let skipDepth = 0;
  let text = '';
  let raw = '';
  let last = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const chunk = html.slice(last, m.index);
    if (skipDepth === 0) {
      text += chunk;
      raw += chunk;
    }
    last = m.index + m[0].length;
    if (m[0].startsWith('<!--')) continue;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    const attrs = m[3] ?? '';
    if (closing) {
      // Pop to the matching open tag; an unmatched close is ignored.
      const at = stack.map((s) => s.name).lastIndexOf(name);
      if (at >= 0) {
        for (let i = stack.length - 1; i >= at; i--) if (stack[i]!.skip) skipDepth--;
        stack.length = at;
      }
      if (skipDepth === 0 && BLOCK.has(name)) text += '\n';
      continue;
    }
    const cls = /\bclass\s*=\s*"([^"]*)"|\bclass\s*=\s*'([^']*)'/i.exec(attrs);
    const skip = SKIP_TAGS.has(name) || (cls !== null && SKIP_CLASS.test(cls[1] ?? cls[2] ?? ''));
    if (skipDepth === 0 && BLOCK.has(name)) text += '\n';
    if (VOID.has(name) || attrs.trimEnd().endsWith('/')) continue;
    stack.push({ name, skip });
    if (skip) skipDepth++;
  }
  if (skipDepth === 0) {
    text += html.slice(last);
    raw += html.slice(last);
  }
  return { text: decodeEntities(text).replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim(), html: raw };
}

/** `html` without KaTeX's visual copy (`span.katex-html`, nested spans): the MathML next to it carries the source. */
function dropKatexHtml(html: string): string {
  const open = /<span[^>]*\bclass="katex-html"[^>]*>/g;
  let out = '';
  let last = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const span = /<span\b[^>]*>|<\/span>/g;
    span.lastIndex = m.index + m[0].length;
    let depth = 1;
    let end = html.length;
    for (let t = span.exec(html); t; t = span.exec(html)) {
      depth += t[0] === '</span>' ? -1 : 1;
      if (depth === 0) {
        end = t.index + t[0].length;
        break;
      }
    }
    out += html.slice(last, m.index);
    last = end;
    open.lastIndex = end;
  }
  return out + html.slice(last);
}

/**
 * Plain text of everything, math as its TeX source between `$` (`$$` for
 * display math), for language detection and excerpts. KaTeX writes each
 * formula twice (MathML for readers, HTML for the eye); taking the text of
 * both read "calculate $w^1$" as "calculate w 1 w 1".
 */
export function allText(html: string): string {
  const math = dropKatexHtml(html).replace(/<math\b([^>]*)>([\s\S]*?)<\/math>/g, (_, attrs: string, body: string) => {
    const tex = /<annotation[^>]*>([\s\S]*?)<\/annotation>/.exec(body)?.[1];
    if (tex === undefined) return ' ';
    const d = /display="block"/.test(attrs) ? '$$' : '$';
    return ` ${d}${tex.trim()}${d} `;
  });
  return decodeEntities(math.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
}
