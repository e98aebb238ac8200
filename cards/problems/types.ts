// Vocabulary of the formula core. A Problem is plain JSON so it can be stored,
// sent over IPC/HTTP and printed by the CLI unchanged.
import type { Rng } from './rng.ts';

export interface Lang {
  zh: string;
  en: string;
}

export type Answer = number | number[];
export type AnswerKind = 'int' | 'real' | 'vector';

/** A value v is right when |v − e| ≤ max(rel·|e|, abs) (element-wise for vectors). */
export interface Tolerance {
  rel: number;
  abs: number;
}

export type Layer = Record<string, number>;
// Matrices (boxes, GroupNorm inputs) and word lists (BLEU) came with the second catalogue.
export type ParamValue = number | boolean | string | number[] | number[][] | string[] | Layer[];
export type Params = Record<string, ParamValue>;

export interface ParamSpec {
  name: string;
  type: 'int' | 'real' | 'boolean' | 'enum' | 'vector' | 'matrix' | 'words' | 'layers';
  min?: number;
  max?: number;
  values?: readonly string[];
  note?: string;
}

export interface Mistake<P = Params> {
  id: string;
  hint: Lang;
  value: (p: P) => Answer;
}

export interface Template<P = Params> {
  id: string;
  /** Heading path in the notes, outermost first. */
  section: readonly string[];
  /** One-line description: the front of the problem card. */
  title: Lang;
  /** The general formula (Markdown with $…$): the back of the problem card. */
  formula: string;
  params: readonly ParamSpec[];
  kind: AnswerKind;
  tolerance: Tolerance;
  targetSeconds: number;
  /** Draws a candidate variant; `reject` filters the degenerate ones. */
  sample: (rng: Rng) => P;
  /** Why a drawn variant is unusable (division by zero, kernel larger than input, …), or null. */
  reject?: (p: P) => string | null;
  /** Mistakes that must be distinguishable from the answer, else the variant is redrawn. */
  mustDiffer?: readonly string[];
  answer: (p: P) => Answer;
  prompt: (p: P) => Lang;
  solution: (p: P) => Lang;
  mistakes: readonly Mistake<P>[];
}

export interface Problem {
  template: string;
  seed: number;
  params: Params;
  prompt: Lang;
  answer: Answer;
  answerKind: AnswerKind;
  solution: Lang;
  targetSeconds: number;
  tolerance: Tolerance;
}
