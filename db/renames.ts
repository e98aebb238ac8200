// Which vanished cards are the same card under a new id: a renamed heading or
// a section moved elsewhere in the notes. Pure matching, no SQL; syncDeck
// (cards.ts) applies the result inside its transaction.

export interface RenameCandidate {
  id: string;
  kind: string;
  section: readonly string[];
  key: string;
  back: string;
}

/** Answers above this Dice similarity (character bigrams) under the same parent count as the same card. */
export const RENAME_SIMILARITY = 0.8;
/** Comparisons per kind/parent group before only exact matches are tried (keeps a rewrite of a huge deck linear). */
const MAX_PAIRS = 20_000;
const MIN_SIMILAR_LENGTH = 12;

/** Lower-case, whitespace and Markdown punctuation removed: formatting edits are not content edits. */
export function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s*_`#>~|\-–—.,;:!?，。；：！？、（）()[\]{}"'“”‘’]+/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const chars = Array.from(s);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Sørensen–Dice over character bigram multisets: 1 for equal text, works for CJK without word splitting. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let total = 0;
  for (const n of ga.values()) total += n;
  for (const n of gb.values()) total += n;
  if (total === 0) return 0;
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return (2 * common) / total;
}

const parentKey = (c: RenameCandidate) => JSON.stringify([c.kind, c.section.slice(0, -1)]);

/**
 * Pair each vanished card with at most one new card: first exact content
 * (same kind, key and normalised answer, anywhere in the deck: a moved
 * section), then the most similar answer ≥ RENAME_SIMILARITY of the same kind
 * under the same parent heading (a renamed heading or a lightly edited one).
 * Returns new id → old id.
 */
export function matchRenames(gone: readonly RenameCandidate[], added: readonly RenameCandidate[]): Map<string, string> {
  const out = new Map<string, string>();
  if (gone.length === 0 || added.length === 0) return out;
  const used = new Set<string>();
  const norm = new Map<string, string>();
  const n = (c: RenameCandidate) => {
    let v = norm.get(c.id);
    if (v === undefined) norm.set(c.id, (v = normalise(c.back)));
    return v;
  };
  // 1. exact: same kind + key + answer
  const exact = new Map<string, RenameCandidate[]>();
  for (const g of gone) {
    const k = JSON.stringify([g.kind, normalise(g.key), n(g)]);
    const list = exact.get(k);
    if (list) list.push(g);
    else exact.set(k, [g]);
  }
  for (const a of added) {
    const list = exact.get(JSON.stringify([a.kind, normalise(a.key), n(a)]));
    const g = list?.find((x) => !used.has(x.id));
    if (g && n(a).length > 0) {
      out.set(a.id, g.id);
      used.add(g.id);
    }
  }
  // 2. similar answer under the same parent heading
  const groups = new Map<string, RenameCandidate[]>();
  for (const g of gone) {
    if (used.has(g.id)) continue;
    const k = parentKey(g);
    const list = groups.get(k);
    if (list) list.push(g);
    else groups.set(k, [g]);
  }
  const pending = added.filter((a) => !out.has(a.id));
  const pairsPerGroup = new Map<string, number>();
  for (const a of pending) {
    const k = parentKey(a);
    const list = groups.get(k);
    if (!list) continue;
    const na = n(a);
    // Short answers (placeholders, one word) say too little to call two cards the same.
    if (na.length < MIN_SIMILAR_LENGTH) continue;
    let best: RenameCandidate | null = null;
    let bestScore = RENAME_SIMILARITY;
    for (const g of list) {
      if (used.has(g.id)) continue;
      const pairs = (pairsPerGroup.get(k) ?? 0) + 1;
      pairsPerGroup.set(k, pairs);
      if (pairs > MAX_PAIRS) break;
      const ng = n(g);
      // Dice cannot reach the threshold when lengths differ too much; skip the bigram work.
      const lo = Math.min(na.length, ng.length);
      const hi = Math.max(na.length, ng.length);
      if ((2 * lo) / (lo + hi) < RENAME_SIMILARITY) continue;
      const s = similarity(na, ng);
      if (s >= bestScore) {
        best = g;
        bestScore = s;
      }
    }
    if (best) {
      out.set(a.id, best.id);
      used.add(best.id);
    }
  }
  return out;
}
