// Images of a note → stored media + the note rewritten to `media:`/`missing:`
// references (see cards/notes/images.ts). Files are looked up next to the
// note, then from the imported root, then (Obsidian) by file name anywhere in
// the folder. Only real png/jpg/gif/webp (checked by their first bytes) up to
// MAX_IMAGE_BYTES are kept; SVG only after sanitizing (svg.ts).
import { createHash } from 'node:crypto';
import type { SourceWarning } from '../cards/types.ts';
import { findImageRefs, mediaImage, missingImage, rewriteImageRefs } from '../cards/notes/images.ts';
import { sanitizeSvg } from './svg.ts';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MEDIA_NAME = /^[0-9a-f]{64}\.(png|jpg|gif|webp|svg)$/;

export const MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml' };

/** The image type from its first bytes, or null. */
export function sniffImage(b: Uint8Array): 'png' | 'jpg' | 'gif' | 'webp' | null {
  const at = (i: number) => b[i] ?? -1;
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47 && at(4) === 0x0d && at(5) === 0x0a) return 'png';
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpg';
  if (at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46 && at(3) === 0x38) return 'gif';
  if (at(0) === 0x52 && at(1) === 0x49 && at(2) === 0x46 && at(3) === 0x46 && at(8) === 0x57 && at(9) === 0x45 && at(10) === 0x42 && at(11) === 0x50) return 'webp';
  return null;
}

/** Where images come from: the disk for path imports, the uploaded entries for a browser folder. */
export interface ImageSource {
  /** Candidate locations, most specific first, for `ref` written in the note at `notePath`. */
  candidates(notePath: string, ref: string): string[];
  /** Bytes of a file, null when absent; throws for a file that exists but cannot be read. */
  read(p: string): Uint8Array | null;
  /** Size without reading, null when absent. */
  size(p: string): number | null;
}

export interface StoredImage {
  name: string;
  mime: string;
  data: Uint8Array;
}

type Resolved = { ok: StoredImage } | { missing: string; code: string };

/** One per import: caches each file's result so a logo used by 50 notes is read and hashed once. */
export class ImageResolver {
  private readonly cache = new Map<string, Resolved>();
  /** Images to write, by name; the caller stores them in the same transaction as the cards. */
  readonly pending = new Map<string, StoredImage>();

  constructor(private readonly source: ImageSource) {}

  private load(p: string): Resolved | null {
    const hit = this.cache.get(p);
    if (hit) return hit;
    const size = this.source.size(p);
    if (size === null) return null;
    let r: Resolved;
    if (size > MAX_IMAGE_BYTES) {
      r = { missing: `image is ${(size / 1024 / 1024).toFixed(1)} MB (limit ${MAX_IMAGE_BYTES / 1024 / 1024} MB)`, code: 'missing-image' };
    } else {
      let data: Uint8Array | null;
      try {
        data = this.source.read(p);
      } catch (err) {
        data = null;
        r = { missing: `cannot read the image (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, code: 'missing-image' };
        this.cache.set(p, r);
        return r;
      }
      if (!data) return null;
      const ext = sniffImage(data);
      if (!ext) {
        const head = Buffer.from(data.subarray(0, 2048)).toString('utf8');
        const svg = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg\b/i.test(head);
        const clean = svg ? sanitizeSvg(Buffer.from(data).toString('utf8')) : null;
        if (clean) {
          const bytes = Buffer.from(clean, 'utf8');
          const name = `${createHash('sha256').update(bytes).digest('hex')}.svg`;
          const img = { name, mime: MIME.svg!, data: bytes };
          this.pending.set(name, img);
          r = { ok: img };
        } else {
          r = svg
            ? { missing: 'an SVG with nothing drawable left after removing scripts and external references', code: 'missing-image' }
            : { missing: 'not a PNG, JPEG, GIF, WebP or SVG image', code: 'missing-image' };
        }
      } else {
        const name = `${createHash('sha256').update(data).digest('hex')}.${ext}`;
        const img = { name, mime: MIME[ext]!, data };
        this.pending.set(name, img);
        r = { ok: img };
      }
    }
    this.cache.set(p, r);
    return r;
  }

  /** The note with every local image rewritten, plus a warning per image that is not shown. */
  rewrite(notePath: string, markdown: string): { markdown: string; warnings: SourceWarning[]; images: string[] } {
    const refs = findImageRefs(markdown);
    if (refs.length === 0) return { markdown, warnings: [], images: [] };
    const warnings: SourceWarning[] = [];
    const images: string[] = [];
    const out = rewriteImageRefs(markdown, refs, (ref) => {
      let found: Resolved | null = null;
      for (const c of this.source.candidates(notePath, ref.path)) {
        found = this.load(c);
        if (found) break;
      }
      if (found && 'ok' in found) {
        images.push(found.ok.name);
        return mediaImage(ref.alt, found.ok.name);
      }
      const why = found ? found.missing : 'file not found';
      warnings.push({ line: ref.line, code: found ? found.code : 'missing-image', message: `image ${ref.path}: ${why}` });
      return missingImage(ref.alt, ref.path);
    });
    return { markdown: out, warnings, images };
  }
}
