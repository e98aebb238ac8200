// Bytes → notes text, for the caller that reads the file. Strict UTF-8: a
// wrong encoding should be a clear message, not mojibake cards.

/** Offset of the first byte that breaks UTF-8, for a message that points at the problem. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0; // overlong/surrogate forms: the decoder knows; point at the start
}

function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < b.length; i++) if (b[i] === 0x0a) line++;
  return line;
}

/**
 * Decode a notes file. Rejects UTF-16 (BOM), NUL bytes and other binary
 * content, and invalid UTF-8, each with the line where it starts.
 * An empty file decodes to '' (parseNotes reports it).
 */
export function decodeNotes(bytes: Uint8Array): { text: string } | { error: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: 'the file is UTF-16; save it as UTF-8' };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { error: `binary file, not Markdown text (NUL byte at line ${lineAt(bytes, nul)}, byte ${nul})` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { error: `not valid UTF-8 (line ${lineAt(bytes, at)}, byte ${at}); save the file as UTF-8` };
  }
  // Control characters other than tab/newline/CR/form feed mean binary data that happens to decode.
  const sample = text.slice(0, 65536);
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 8 && controls > sample.length / 200) return { error: 'binary file, not Markdown text (control characters)' };
  return { text };
}
