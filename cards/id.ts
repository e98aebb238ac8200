// Stable card identity shared by notes cards and problem cards. FNV-1a is
// tiny, dependency-free and identical in Node and browsers; 64 bits keeps
// accidental collisions negligible for decks of any realistic size. It runs
// on 32-bit halves rather than BigInt because an import hashes every card and
// BigInt made hashing the slowest step on large files.

// Unit separator: cannot appear in headings or keys typed by a person, so
// ['a b', 'c'] and ['a', 'b c'] never hash the same input.
const SEP = 0x1f;

/** 64-bit FNV-1a over the UTF-8 bytes of `parts` joined by U+001F, as 16 lowercase hex chars. */
export function stableId(parts: readonly string[]): string {
  // offset basis 0xcbf29ce484222325, prime 0x100000001b3 = 2^40 + 0x1b3
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  const step = (byte: number) => {
    lo = (lo ^ byte) >>> 0;
    // (hi·2^32 + lo) · (2^40 + 0x1b3) mod 2^64; lo · 0x1b3 < 2^41 is exact in a double
    const p = lo * 0x1b3;
    const carry = Math.floor(p / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = p >>> 0;
  };
  parts.forEach((part, i) => {
    if (i > 0) step(SEP);
    for (let k = 0; k < part.length; k++) {
      let c = part.charCodeAt(k);
      if (c < 0x80) step(c);
      else if (c < 0x800) {
        step(0xc0 | (c >> 6));
        step(0x80 | (c & 63));
      } else {
        if (c >= 0xd800 && c < 0xdc00 && k + 1 < part.length) {
          const d = part.charCodeAt(k + 1);
          if (d >= 0xdc00 && d < 0xe000) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            k++;
            step(0xf0 | (c >> 18));
            step(0x80 | ((c >> 12) & 63));
            step(0x80 | ((c >> 6) & 63));
            step(0x80 | (c & 63));
            continue;
          }
        }
        // lone surrogates encode as U+FFFD, like TextEncoder
        if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
        step(0xe0 | (c >> 12));
        step(0x80 | ((c >> 6) & 63));
        step(0x80 | (c & 63));
      }
    }
  });
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** The id of a card: deck, heading path (outermost first), then the card key. */
export function cardId(deck: string, section: readonly string[], key: string): string {
  return stableId([deck, ...section, key]);
}
