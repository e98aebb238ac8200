// The two tiny protobuf messages of current Anki packages, read without a
// protobuf library: `meta` (PackageMetadata { Version version = 1 }) and the
// `media` list (MediaEntries { repeated MediaEntry entries = 1 } with
// MediaEntry { string name = 1; uint32 size = 2; bytes sha1 = 3;
// optional uint32 legacy_zip_filename = 255 }), as in Anki's
// proto/anki/import_export.proto. Also the `kind` (field 1) of a note type's
// config blob (proto/anki/notetypes.proto: 0 normal, 1 cloze).

interface Field {
  no: number;
  varint?: number;
  bytes?: Uint8Array;
}

function* fields(buf: Uint8Array): IterableIterator<Field> {
  let i = 0;
  const varint = (): number => {
    let out = 0;
    let mul = 1;
    for (;;) {
      if (i >= buf.length) throw new Error('truncated protobuf');
      const b = buf[i++]!;
      out += (b & 0x7f) * mul;
      if (b < 0x80) return out;
      mul *= 128;
      if (mul > 2 ** 63) throw new Error('bad protobuf varint');
    }
  };
  while (i < buf.length) {
    const key = varint();
    const no = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) yield { no, varint: varint() };
    else if (wire === 2) {
      const len = varint();
      if (i + len > buf.length) throw new Error('truncated protobuf');
      yield { no, bytes: buf.subarray(i, i + len) };
      i += len;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
}

/** PackageMetadata.version: 1, 2 legacy; 3 = zstd-compressed collection.anki21b and protobuf media list. */
export function metaVersion(buf: Uint8Array): number {
  for (const f of fields(buf)) if (f.no === 1 && f.varint !== undefined) return f.varint;
  return 0;
}

export interface MediaEntry {
  /** The zip entry holding the file. */
  entry: string;
  name: string;
  size: number;
}

export function mediaEntries(buf: Uint8Array): MediaEntry[] {
  const out: MediaEntry[] = [];
  const dec = new TextDecoder();
  let idx = 0;
  for (const f of fields(buf)) {
    if (f.no !== 1 || !f.bytes) continue;
    let name = '';
    let size = 0;
    let legacy: number | null = null;
    for (const g of fields(f.bytes)) {
      if (g.no === 1 && g.bytes) name = dec.decode(g.bytes);
      else if (g.no === 2 && g.varint !== undefined) size = g.varint;
      else if (g.no === 255 && g.varint !== undefined) legacy = g.varint;
    }
    out.push({ entry: String(legacy ?? idx), name, size });
    idx++;
  }
  return out;
}

/** True when a schema-18 note type config says Cloze. */
export function isClozeConfig(buf: Uint8Array): boolean {
  try {
    for (const f of fields(buf)) if (f.no === 1 && f.varint !== undefined) return f.varint === 1;
  } catch {
    // an unreadable config: decided from the templates instead
  }
  return false;
}
