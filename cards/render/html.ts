// Raw HTML in notes. Real notes use a little HTML for layout (`<center>`,
// `<br>`, `<sup>`, `<div align=center><img …></div>`, `<details>`), so the
// card renderer parses it (markdown-it `html: true`) and then:
//  1. per tag, before anything else (`htmlTags`): a tag whose name is not an
//     HTML element (`<EOS>`, `<unk>`, `<s>` as a sentence token…) is text and
//     shown as written; `<img>` becomes the image markup of images.ts (a
//     stored image, a placeholder or a link — never a `src`);
//  2. text inside an HTML block is rendered as inline Markdown, so math,
//     emphasis and rewritten `![](media:…)` images inside `<center>` work;
//  3. the whole card goes through sanitize-html with an allow-list
//     (`sanitizeCard`): known-harmless layout tags render, `<center>` becomes
//     `<div class="center">`, other elements (font, section, …) are unwrapped
//     keeping their text, and script/style/iframe/svg/… are dropped with their
//     content. No `style` attribute survives (the CSP forbids them); no URL
//     other than http(s)/mailto.
import sanitizeHtml from 'sanitize-html';
import { imageHtml } from './images.ts';
import { escapeHtml } from './texSource.ts';

/** Element names of HTML (and a few obsolete ones notes still use). Anything else in `<…>` is text. */
const HTML_ELEMENTS = new Set(
  (
    'a abbr address article aside audio b bdi bdo big blockquote body br button canvas caption center cite code col colgroup ' +
    'data dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 ' +
    'head header hr html i iframe img input ins kbd label legend li link main map mark math meta meter nav noscript object ol ' +
    'optgroup option output p param picture pre progress q rp rt ruby samp script section select small source span strike ' +
    'strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr'
  ).split(' '),
);

/** True for a real HTML element name (`a`, `br`, `center`), false for `<EOS>`, `<unk>`. */
export const isHtmlElement = (name: string): boolean => HTML_ELEMENTS.has(name.toLowerCase());

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>|<!--[\s\S]*?-->/g;
const ATTR = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attrsOf(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** One raw tag as it leaves the Markdown stage (step 1 above). */
function oneTag(whole: string, name: string, rawAttrs: string): string {
  if (whole.startsWith('<!--')) return ''; // HTML comments: hidden, as in the note's own preview
  const tag = name.toLowerCase();
  if (!HTML_ELEMENTS.has(tag) || tag === 's') return escapeHtml(whole); // `<EOS>`, `<s>` …: text
  if (tag === 'img' && !whole.startsWith('</')) {
    const a = attrsOf(rawAttrs);
    return imageHtml(decodeEntities(a.src ?? ''), decodeEntities(a.alt ?? a.title ?? ''));
  }
  return whole;
}

/**
 * Raw HTML from the note, tag by tag; `text` renders what lies between tags
 * (inline Markdown for an HTML block, plain escaping otherwise).
 */
export function htmlTags(raw: string, text: (s: string) => string): string {
  let out = '';
  let last = 0;
  let inPre = 0;
  for (const m of raw.matchAll(TAG)) {
    const between = raw.slice(last, m.index);
    out += inPre > 0 ? escapeHtml(between) : text(between);
    const name = (m[2] ?? '').toLowerCase();
    if (name === 'pre' || name === 'code' || name === 'script' || name === 'style') inPre += m[1] === '/' ? -1 : 1;
    if (inPre < 0) inPre = 0;
    out += oneTag(m[0], m[2] ?? '', m[3] ?? '');
    last = m.index + m[0].length;
  }
  const tail = raw.slice(last);
  return out + (inPre > 0 ? escapeHtml(tail) : text(tail));
}

/** The classes the card renderer itself emits; a note cannot borrow the app's own classes. */
const CARD_CLASSES = [
  'math', 'math-block', 'math-error', 'card-img', 'img-missing', 'img-missing-path', 'img-missing-alt', 'img-link',
  'wikilink', 'wikilink-embed', 'note-link', 'callout', 'callout-*', 'center', 'more', 'more-body', 'card-links',
  'ta-left', 'ta-center', 'ta-right', 'render-error', 'footnote-ref', 'footnote-def',
];

const MEDIA_NAME = /^[0-9a-f]{64}\.(?:png|jpg|jpeg|gif|webp|svg)$/;
const TEXT_ALIGN = /text-align:\s*(left|center|right)/i;

/** Table cells: markdown-it writes `style="text-align:…"` (blocked by the CSP) — a class instead. */
function alignedCell(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const align = TEXT_ALIGN.exec(attribs.style ?? '')?.[1] ?? attribs.align;
  const out: sanitizeHtml.Attributes = { ...attribs };
  delete out.style;
  delete out.align;
  if (align && /^(left|center|right)$/i.test(align)) out.class = `${out.class ? out.class + ' ' : ''}ta-${align.toLowerCase()}`;
  return { tagName, attribs: out };
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 's', 'small',
    'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
  ],
  allowedAttributes: {
    '*': ['class', 'title'],
    a: ['href', 'target', 'rel', 'data-note', 'data-heading'],
    img: ['data-media', 'alt'],
    span: ['data-tex', 'data-display'],
    ol: ['start'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    details: ['open'],
  },
  allowedClasses: { '*': CARD_CLASSES },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  parseStyleAttributes: false,
  disallowedTagsMode: 'discard', // unknown-but-harmless elements are unwrapped, their text kept…
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'title', 'head', 'select', 'button', 'canvas', 'audio', 'video'], // …these go with their content
  transformTags: {
    center: () => ({ tagName: 'div', attribs: { class: 'center' } }),
    strike: 'del',
    tt: 'code',
    td: alignedCell,
    th: alignedCell,
    a: (tagName, attribs) => {
      const out = { ...attribs };
      if (out.href && /^(?:https?:|mailto:)/i.test(out.href.trim())) {
        out.target = '_blank';
        out.rel = 'noopener noreferrer';
      } else {
        delete out.href;
        delete out.target;
        delete out.rel;
      }
      return { tagName, attribs: out };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { class: 'card-img', 'data-media': attribs['data-media'] ?? '', alt: attribs.alt ?? '' } }),
  },
  // Only the renderer's own stored-image markup (data-media, no src) is an image.
  exclusiveFilter: (frame) => frame.tag === 'img' && !MEDIA_NAME.test(frame.attribs['data-media'] ?? ''),
};

/** The last word on what a card's HTML may contain (see the header comment). */
export function sanitizeCard(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
