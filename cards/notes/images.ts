// Local image references in a note: find them and rewrite them into the
// canonical forms the renderer knows (`media:<sha>.<ext>` for a stored image,
// `missing:<path>` for one that was not found). Pure: the service resolves and
// reads the files between `findImageRefs` and `rewriteImageRefs`.
//
// Forms: Markdown `![alt](rel/x.png "title")` / `![alt](<rel/x y.png>)`,
// HTML `<img src="rel/x.png" alt="…">` (on one line), Obsidian `![[x.png]]` /
// `![[x.png|300]]` / `![[x.png|alt]]`. Remote (`http:`, `https:`, `//host`)
// and other schemes (`data:`, `media:`) are left alone, as is anything inside
// code fences or inline code. Replacements never contain a newline, so the
// note's line numbers stay valid for the parser's warnings.

export interface ImageRef {
  form: 'markdown' | 'html' | 'wiki';
  /** Offsets into the note text: [start, end) is replaced by the rewrite. */
  start: number;
  end: number;
  line: number; // 1-based
  alt: string;
  /** The path as it should be looked up: percent-decoded, without `?query`/`#fragment`. */
  path: string;
  /** The reference as written, for messages. */
  raw: string;
}

const IMAGE_EXT = /\.(png|jpe?g|gif|webp|svg|bmp|avif|tiff?)$/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** True for targets that are not files next to the note: remote URLs, data:, media:, anchors. */
export function isLocalTarget(target: string): boolean {
  const t = target.trim();
  if (!t || t.startsWith('#') || t.startsWith('//')) return false;
  // A Windows drive path (C:\x.png) is local; any other scheme is not.
  if (SCHEME.test(t) && !/^[a-z]:[\\/]/i.test(t)) return false;
  return true;
}

function cleanPath(target: string): string {
  let t = target.trim();
  if (t.startsWith('<') && t.endsWith('>')) t = t.slice(1, -1);
  t = t.replace(/[?#].*$/, '');
  try {
    t = decodeURIComponent(t);
  } catch {
    /* a literal % in a file name */
  }
  return t.replace(/\\/g, '/');
}

/** Replace inline code spans with spaces of the same length, so offsets stay put and code is never matched. */
function maskInlineCode(line: string): string {
  return line.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (m) => ' '.repeat(m.length));
}

const MD_IMAGE = /!\[((?:[^\]\\]|\\.)*)\]\(\s*(<[^>\n]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const HTML_IMG = /<img\b[^>]*>/gi;
const WIKI_IMAGE = /!\[\[([^\]|\n]+)(?:\|([^\]\n]*))?\]\]/g;

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** Every local image reference, in text order. */
export function findImageRefs(markdown: string): ImageRef[] {
  const out: ImageRef[] = [];
  let fence: string | null = null;
  let offset = 0;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineStart = offset;
    offset += raw.length + 1;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && raw.trim() === f[1]) fence = null;
      continue;
    }
    if (f) {
      fence = f[1]!;
      continue;
    }
    if (!raw.includes('![') && !/<img/i.test(raw)) continue;
    const line = maskInlineCode(raw);
    const found: ImageRef[] = [];
    for (const m of line.matchAll(WIKI_IMAGE)) {
      const target = m[1]!.trim();
      if (!IMAGE_EXT.test(target.replace(/[?#].*$/, ''))) continue; // ![[note]] embeds a note, not an image
      const extra = (m[2] ?? '').trim();
      const alt = /^\d+(x\d+)?$/.test(extra) ? '' : extra;
      found.push({ form: 'wiki', start: m.index!, end: m.index! + m[0].length, line: i + 1, alt, path: cleanPath(target), raw: m[0] });
    }
    for (const m of line.matchAll(MD_IMAGE)) {
      const target = m[2]!;
      if (!isLocalTarget(target.replace(/^<|>$/g, ''))) continue;
      found.push({ form: 'markdown', start: m.index!, end: m.index! + m[0].length, line: i + 1, alt: m[1]!.replace(/\\(.)/g, '$1'), path: cleanPath(target), raw: m[0] });
    }
    for (const m of line.matchAll(HTML_IMG)) {
      const src = attr(m[0], 'src');
      if (src === null || !isLocalTarget(src)) continue;
      found.push({ form: 'html', start: m.index!, end: m.index! + m[0].length, line: i + 1, alt: attr(m[0], 'alt') ?? '', path: cleanPath(src), raw: m[0] });
    }
    // Overlaps (a wiki embed also matches nothing else, but be safe): keep the first by position.
    found.sort((a, b) => a.start - b.start);
    let last = -1;
    for (const r of found) {
      if (r.start < last) continue;
      last = r.end;
      out.push({ ...r, start: r.start + lineStart, end: r.end + lineStart });
    }
  }
  return out;
}

const altText = (alt: string) => alt.replace(/[\r\n]+/g, ' ').replace(/([\\[\]])/g, '\\$1');

/** `![alt](media:<name>)` for a stored image. */
export function mediaImage(alt: string, name: string): string {
  return `![${altText(alt)}](media:${name})`;
}

/** `![alt](missing:<percent-encoded path>)` for an image that could not be stored. */
export function missingImage(alt: string, path: string): string {
  return `![${altText(alt)}](missing:${encodeURIComponent(path)})`;
}

/** Apply replacements (by ref index); a ref without one is left as written. */
export function rewriteImageRefs(markdown: string, refs: readonly ImageRef[], replace: (ref: ImageRef, index: number) => string | null): string {
  let out = '';
  let at = 0;
  refs.forEach((r, i) => {
    const rep = replace(r, i);
    if (rep === null || r.start < at) return;
    out += markdown.slice(at, r.start) + rep;
    at = r.end;
  });
  return out + markdown.slice(at);
}
