// Hook for the formula core: it knows which note formulas it can verify
// numerically; the notes parser only calls it and records what it says.
import type { CardDraft, SourceWarning } from '../types.ts';

/** Returns warnings (e.g. code 'formula-mismatch') for a card whose formula disagrees with the verified one. */
export type FormulaChecker = (card: CardDraft) => SourceWarning[];
