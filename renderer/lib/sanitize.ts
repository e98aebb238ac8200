// Defence in depth for rendered card HTML. renderMarkdown already escapes raw
// HTML and drops unsafe links; this allowlist pass makes sure that whatever it
// produces, only inert markup reaches the document. It runs on a <template>'s
// content, where nothing loads or executes while we inspect it.

const ALLOWED_TAGS = new Set([
  'A', 'ABBR', 'B', 'BLOCKQUOTE', 'BR', 'CODE', 'DEL', 'DIV', 'EM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'I',
  'LI', 'MARK', 'OL', 'P', 'PRE', 'S', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Elements dropped with everything inside them. */
const DROP_TAGS = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'TEMPLATE', 'SVG', 'MATH', 'LINK', 'META', 'BASE', 'FORM', 'NOSCRIPT', 'FRAME', 'FRAMESET']);
const ALLOWED_ATTRS: Record<string, ReadonlySet<string>> = {
  '*': new Set(['class', 'title', 'data-tex', 'data-display']),
  A: new Set(['href', 'target', 'rel']),
  OL: new Set(['start']),
  TD: new Set(['colspan', 'rowspan']),
  TH: new Set(['colspan', 'rowspan']),
};

const MEDIA_NAME = /^[0-9a-f]{64}\.(png|jpg|gif|webp|svg)$/;

export const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

function cleanElement(el: Element): void {
  const tag = el.tagName.toUpperCase();
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase();
    if (!ALLOWED_ATTRS['*']!.has(name) && !ALLOWED_ATTRS[tag]?.has(name)) el.removeAttribute(attr.name);
  }
  if (tag === 'A') {
    const href = el.getAttribute('href');
    if (href === null || !SAFE_HREF.test(href.trim())) {
      el.removeAttribute('href');
    } else {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    }
  }
}

/** Sanitize `root` in place (a template's content or a detached fragment). */
export function sanitize(root: DocumentFragment | Element): void {
  const walk = (parent: ParentNode) => {
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === 3) continue; // text
      if (node.nodeType !== 1) {
        node.parentNode?.removeChild(node); // comments, processing instructions
        continue;
      }
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (DROP_TAGS.has(tag)) {
        el.remove();
        continue;
      }
      if (tag === 'IMG' && MEDIA_NAME.test(el.getAttribute('data-media') ?? '')) {
        // An image stored with the notes: kept without src (lib/media.ts fills it with a data: URL).
        for (const attr of Array.from(el.attributes)) if (!['data-media', 'alt', 'class'].includes(attr.name.toLowerCase())) el.removeAttribute(attr.name);
        continue;
      }
      if (tag === 'IMG') {
        // Remote images are blocked by the CSP anyway; show what they were.
        const alt = el.getAttribute('alt') ?? '';
        const span = el.ownerDocument.createElement('span');
        span.className = 'img-alt';
        span.textContent = alt ? `🖼 ${alt}` : '🖼';
        el.replaceWith(span);
        continue;
      }
      if (!ALLOWED_TAGS.has(tag)) {
        walk(el);
        el.replaceWith(...Array.from(el.childNodes)); // unwrap unknown elements, keep their text
        continue;
      }
      cleanElement(el);
      walk(el);
    }
  };
  walk(root);
}
