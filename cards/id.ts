// Stable card identity shared by notes cards and problem cards. FNV-1a is
// tiny, dependency-free and identical in Node and browsers; 64 bits keeps
// accidental collisions negligible for decks of any realistic size.

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;
// Unit separator: cannot appear in headings or keys typed by a person, so
// ['a b', 'c'] and ['a', 'b c'] never hash the same input.
const SEP = '\u001f';

/** 64-bit FNV-1a over the UTF-8 bytes of `parts` joined by U+001F, as 16 lowercase hex chars. */
export function stableId(parts: readonly string[]): string {
  const bytes = new TextEncoder().encode(parts.join(SEP));
  let h = FNV_OFFSET;
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * FNV_PRIME) & MASK;
  }
  return h.toString(16).padStart(16, '0');
}

/** The id of a card: deck, heading path (outermost first), then the card key. */
export function cardId(deck: string, section: readonly string[], key: string): string {
  return stableId([deck, ...section, key]);
}
