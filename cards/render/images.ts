// Images on cards. The service rewrites every local image of a note into
// `![alt](media:<sha256>.<ext>)` (stored in the profile) or
// `![alt](missing:<percent-encoded path>)` before parsing; this file turns
// those into markup the UI can fill (see docs/ARCHITECTURE.md, "images").
// Nothing here ever makes the page load a URL: a stored image carries only
// `data-media` (the UI sets `src` to a data: URL it fetched through the API),
// remote images become links, and anything else is a visible placeholder —
// never the raw `![…](…)` source.
import type { StateInline } from 'markdown-it';
import { escapeHtml } from './texSource.ts';

const MEDIA = /^media:([0-9a-f]{64}\.(?:png|jpg|jpeg|gif|webp|svg))$/i;
const REMOTE = /^https?:\/\//i;

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/** A visible stand-in for an image that is not in the profile, naming what the note pointed at. */
export function missingImage(path: string, alt: string): string {
  const short = path.startsWith('data:') ? 'data:…' : path.length > 120 ? `${path.slice(0, 60)}…${path.slice(-40)}` : path;
  const name = escapeHtml(short);
  const label = alt && alt !== path ? ` <span class="img-missing-alt">${escapeHtml(alt)}</span>` : '';
  return `<span class="img-missing" title="image not found: ${name}">🖼 <span class="img-missing-path">${name}</span>${label}</span>`;
}

/** The HTML for one image reference, from its (normalized) URL and alt text. */
export function imageHtml(src: string, alt: string): string {
  const url = src.trim();
  const media = MEDIA.exec(url);
  if (media) return `<img class="card-img" data-media="${escapeHtml(media[1]!.toLowerCase())}" alt="${escapeHtml(alt)}">`;
  if (url.startsWith('missing:')) return missingImage(decodePath(url.slice('missing:'.length)), alt);
  if (REMOTE.test(url)) {
    const label = alt || decodePath(url.replace(/[?#].*$/, '').split('/').pop() ?? '') || url;
    return `<a class="img-link" href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">🖼 ${escapeHtml(label)}</a>`;
  }
  return missingImage(decodePath(url), alt);
}

/**
 * `![alt](anything)` that markdown-it's own image rule refused (a path with
 * spaces, a `javascript:` URL, an unterminated title…): still an image
 * reference, so it becomes the missing-image placeholder instead of raw text.
 * Runs after the `image` rule, so valid images never get here.
 */
const LOOSE_IMAGE = /^!\[([^\]\n]*)\]\(((?:[^()\n]|\([^()\n]*\))*)\)/;
const LOOSE_REF_IMAGE = /^!\[([^\]\n]*)\]\[([^\]\n]*)\]/;

export function looseImage(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x21 || src.charCodeAt(pos + 1) !== 0x5b) return false;
  const rest = src.slice(pos, Math.min(state.posMax, pos + 2000));
  const m = LOOSE_IMAGE.exec(rest) ?? LOOSE_REF_IMAGE.exec(rest);
  if (!m) return false;
  if (!silent) {
    const target = m[2]!.trim().replace(/^<(.*)>$/, '$1').replace(/\s+["'(].*$/, '') || m[1]!;
    const t = state.push('image_loose', '', 0);
    t.content = m[1]!;
    t.meta = { src: target };
  }
  state.pos = pos + m[0].length;
  return true;
}
