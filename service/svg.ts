// SVG images from notes, made inert before they are stored: only drawing
// elements and presentation attributes survive (no script, foreignObject,
// event handlers, external or data: references). They are shown only
// through <img src="data:…">, where browsers never run scripts anyway; this
// is the second lock.
import sanitizeHtml from 'sanitize-html';

const TAGS = [
  'svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath', 'defs', 'use', 'symbol',
  'marker', 'clipPath', 'mask', 'linearGradient', 'radialGradient', 'stop', 'pattern', 'title', 'desc', 'style', 'filter',
  'feGaussianBlur', 'feOffset', 'feBlend', 'feColorMatrix', 'feFlood', 'feComposite', 'feMerge', 'feMergeNode', 'feDropShadow',
];
const ATTRS = [
  'id', 'class', 'style', 'd', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'dx', 'dy', 'width', 'height', 'viewBox',
  'transform', 'fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-miterlimit', 'stroke-opacity', 'fill-opacity', 'fill-rule', 'clip-rule', 'opacity', 'points', 'font-family', 'font-size',
  'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'alignment-baseline', 'letter-spacing', 'xmlns', 'xmlns:xlink', 'version',
  'preserveAspectRatio', 'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'patternUnits', 'patternTransform',
  'markerWidth', 'markerHeight', 'markerUnits', 'refX', 'refY', 'orient', 'clip-path', 'clipPathUnits', 'mask', 'marker-end', 'marker-start',
  'marker-mid', 'filter', 'stdDeviation', 'in', 'in2', 'result', 'mode', 'values', 'type', 'flood-color', 'flood-opacity', 'operator',
  'href', 'xlink:href', 'startOffset', 'lengthAdjust', 'textLength', 'visibility', 'display', 'overflow', 'color', 'direction',
];

/** The sanitized SVG text, or null when what is left is not an SVG drawing. */
export function sanitizeSvg(text: string): string | null {
  const clean = sanitizeHtml(text, {
    allowedTags: TAGS,
    // <style> only styles the drawing: the SVG is shown as an image, never as a document.
    allowVulnerableTags: true,
    allowedAttributes: { '*': ATTRS },
    // Only in-document references (#id) survive: no http:, data:, javascript: anywhere.
    allowedSchemes: [],
    allowedSchemesAppliedToAttributes: ['href', 'xlink:href'],
    allowProtocolRelative: false,
    parser: { xmlMode: true, lowerCaseTags: false, lowerCaseAttributeNames: false },
    nonTextTags: ['script', 'foreignObject', 'iframe', 'noscript'],
  });
  // url(...) in styles may point outside; keep only url(#id).
  const noUrls = clean.replace(/url\(\s*(['"]?)(?!#)[^)]*\1\s*\)/gi, 'none').replace(/@import[^;]*;?/gi, '');
  return /<svg[\s>]/.test(noUrls) ? noUrls : null;
}
