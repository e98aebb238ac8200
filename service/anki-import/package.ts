// An Anki package (.apkg / .colpkg) opened in memory, with limits: a zip
// whose entries inflate past `maxTotalBytes` is refused (zip bomb), a media
// file past `maxMediaBytes` is skipped with a reason. Formats, as Anki's
// rslib/src/import_export/package/meta.rs reads them:
//   - legacy 1: collection.anki2, `media` = JSON {"0": "name.png", …}
//   - legacy 2: collection.anki21 (same, newer schema inside)
//   - latest (3, `meta` present): collection.anki21b, zstd-compressed, and a
//     zstd-compressed protobuf media list; media files zstd-compressed too.
//     Such packages also hold a dummy collection.anki2 for old clients.
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { Decompress } from 'fzstd';
import { AnkiImportError } from '../../db/ankiErrors.ts';
import { mediaEntries, metaVersion } from './proto.ts';

export interface PackageLimits {
  maxTotalBytes: number;
  maxMediaBytes: number;
}

export const DEFAULT_LIMITS: PackageLimits = { maxTotalBytes: 1024 * 1024 * 1024, maxMediaBytes: 50 * 1024 * 1024 };

export interface MediaFile {
  name: string;
  bytes: Uint8Array;
}

export interface AnkiPackage {
  format: 'anki2' | 'anki21' | 'anki21b';
  /** The SQLite bytes of the collection. */
  collection: Uint8Array;
  media: MediaFile[];
  /** Media not imported, with why. */
  skippedMedia: { name: string; reason: string }[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const SQLITE_MAGIC = 'SQLite format 3\u0000';
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

const mb = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`);

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/** zstd → bytes, refusing output past `cap`. */
export function unzstd(buf: Uint8Array, cap: number, what: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const d = new Decompress((chunk) => {
    size += chunk.length;
    if (size > cap) throw new AnkiImportError(`${what} inflates past ${mb(cap)}; refusing it`);
    chunks.push(chunk);
  });
  try {
    d.push(buf, true);
  } catch (err) {
    if (err instanceof AnkiImportError) throw err;
    throw new AnkiImportError(`${what} is not valid zstd data (${(err as Error).message})`);
  }
  return concat(chunks, size);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const WANTED = /^(collection\.anki2|collection\.anki21|collection\.anki21b|media|meta|\d+)$/;

/** Inflate the entries we use; every byte counts against the total cap, media entries also against the per-file cap. */
function unzip(buf: Uint8Array, limits: PackageLimits): { entries: Map<string, Uint8Array>; tooBig: Set<string> } {
  const entries = new Map<string, Uint8Array>();
  const tooBig = new Set<string>();
  let total = 0;
  const uz = new Unzip((file: UnzipFile) => {
    if (!WANTED.test(file.name)) return;
    const isMedia = /^\d+$/.test(file.name);
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (err) throw new AnkiImportError(`damaged zip entry ${file.name}: ${err.message}`);
      total += chunk.length;
      size += chunk.length;
      if (total > limits.maxTotalBytes) throw new AnkiImportError(`the package inflates past ${mb(limits.maxTotalBytes)} (a zip bomb, or far larger than any deck); refusing it`);
      if (isMedia && size > limits.maxMediaBytes) {
        tooBig.add(file.name);
        chunks.length = 0;
      } else if (!tooBig.has(file.name)) chunks.push(chunk);
      if (final && !tooBig.has(file.name)) entries.set(file.name, concat(chunks, size));
    };
    try {
      file.start();
    } catch {
      throw new AnkiImportError(`zip entry ${file.name} uses an unsupported compression method (${file.compression})`);
    }
  });
  uz.register(UnzipInflate);
  try {
    uz.push(buf, true);
  } catch (err) {
    if (err instanceof AnkiImportError) throw err;
    throw new AnkiImportError(`not a readable zip file (${(err as Error).message})`);
  }
  return { entries, tooBig };
}

export function openPackage(buf: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): AnkiPackage {
  if (!startsWith(buf, ZIP_MAGIC)) {
    if (Buffer.from(buf.subarray(0, 16)).toString('latin1') === SQLITE_MAGIC) {
      throw new AnkiImportError('a bare SQLite file, not an Anki package; export from Anki with File → Export (.apkg or .colpkg)');
    }
    throw new AnkiImportError('not an Anki package (an .apkg/.colpkg is a zip file; this one is not)');
  }
  const { entries, tooBig } = unzip(buf, limits);
  const meta = entries.get('meta');
  const version = meta ? safeMeta(meta) : entries.has('collection.anki21') ? 2 : 1;
  if (version < 1 || version > 3) throw new AnkiImportError(`made by a newer Anki (package version ${version}); update DeepRecall or export from Anki with "Support older Anki versions"`);
  const format = version === 3 ? 'anki21b' : entries.has('collection.anki21') ? 'anki21' : 'anki2';
  const file = entries.get(`collection.${format}`);
  if (!file) throw new AnkiImportError(`no collection.${format} inside (a package holds collection.anki2, .anki21 or .anki21b)`);
  const zstd = version === 3;
  const collection = zstd ? unzstd(file, limits.maxTotalBytes, `collection.${format}`) : file;

  const map = readMediaMap(entries.get('media'), zstd, limits);
  const media: MediaFile[] = [];
  const skippedMedia: { name: string; reason: string }[] = [];
  for (const { entry, name } of map) {
    if (tooBig.has(entry)) skippedMedia.push({ name, reason: `larger than ${mb(limits.maxMediaBytes)}` });
    else {
      const raw = entries.get(entry);
      if (!raw) skippedMedia.push({ name, reason: 'listed in the media map but missing from the package' });
      else {
        try {
          const bytes = zstd && startsWith(raw, ZSTD_MAGIC) ? unzstd(raw, limits.maxMediaBytes, `media file ${name}`) : raw;
          media.push({ name, bytes });
        } catch (err) {
          skippedMedia.push({ name, reason: (err as Error).message });
        }
      }
    }
  }
  return { format, collection, media, skippedMedia };
}

function safeMeta(buf: Uint8Array): number {
  try {
    return metaVersion(buf);
  } catch {
    throw new AnkiImportError('the package metadata (meta) is unreadable');
  }
}

function readMediaMap(raw: Uint8Array | undefined, zstd: boolean, limits: PackageLimits): { entry: string; name: string }[] {
  if (!raw || raw.length === 0) return [];
  if (zstd) {
    try {
      return mediaEntries(unzstd(raw, limits.maxMediaBytes, 'the media list')).map((e) => ({ entry: e.entry, name: e.name }));
    } catch (err) {
      if (err instanceof AnkiImportError) throw err;
      throw new AnkiImportError(`the media list is unreadable (${(err as Error).message})`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw new AnkiImportError('the media map is not JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new AnkiImportError('the media map is not a JSON object');
  return Object.entries(parsed as Record<string, unknown>)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([entry, name]) => ({ entry, name }));
}
