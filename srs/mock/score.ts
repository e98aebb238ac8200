// The mock report's numbers, pure. Score definition (also in the README of
// this folder): each planned question earns a credit — 1 for quality 5, 0.85
// for 4, 0.7 for 3 (right but slow or hesitant), 0 for 0–2, for a time-out and
// for a question never reached — and score = round(100 × mean credit over all
// planned questions). Correct means quality ≥ 3, the SM-2 pass mark.

import { sectionLabel } from './config.ts';

export type Outcome = 'answered' | 'timeout' | 'unreached';

export interface ScoredQuestion {
  section: readonly string[];
  outcome: Outcome;
  /** null when unreached; 0 for a time-out. */
  quality: number | null;
}

export const CREDIT: Readonly<Record<number, number>> = { 5: 1, 4: 0.85, 3: 0.7, 2: 0, 1: 0, 0: 0 };

export function credit(q: ScoredQuestion): number {
  if (q.outcome !== 'answered' || q.quality === null) return 0;
  return CREDIT[q.quality] ?? 0;
}

export function isCorrect(q: ScoredQuestion): boolean {
  return q.outcome === 'answered' && q.quality !== null && q.quality >= 3;
}

export function mockScore(qs: readonly ScoredQuestion[]): number {
  if (qs.length === 0) return 0;
  return Math.round((100 * qs.reduce((s, q) => s + credit(q), 0)) / qs.length);
}

export interface MockCounts {
  planned: number;
  answered: number;
  correct: number;
  wrong: number;
  timedOut: number;
  unreached: number;
}

export function mockCounts(qs: readonly ScoredQuestion[]): MockCounts {
  const answered = qs.filter((q) => q.outcome === 'answered').length;
  const correct = qs.filter(isCorrect).length;
  const timedOut = qs.filter((q) => q.outcome === 'timeout').length;
  return { planned: qs.length, answered, correct, wrong: answered - correct, timedOut, unreached: qs.length - answered - timedOut };
}

export interface SectionAccuracy {
  section: string[];
  label: string;
  asked: number;
  correct: number;
  accuracy: number; // 0..1
}

/**
 * Accuracy per section over the questions actually put (unreached ones are
 * left out), weakest first. `depth` is how many heading levels form a group:
 * top-level headings normally, one level deeper when the mock covered a single section.
 */
export function sectionAccuracy(qs: readonly ScoredQuestion[], depth = 1): SectionAccuracy[] {
  const groups = new Map<string, SectionAccuracy>();
  for (const q of qs) {
    if (q.outcome === 'unreached') continue;
    const section = q.section.slice(0, Math.max(1, depth));
    const label = sectionLabel(section);
    const g = groups.get(label) ?? { section, label, asked: 0, correct: 0, accuracy: 0 };
    g.asked++;
    if (isCorrect(q)) g.correct++;
    g.accuracy = g.correct / g.asked;
    groups.set(label, g);
  }
  return [...groups.values()].sort((a, b) => a.accuracy - b.accuracy || b.asked - a.asked || a.label.localeCompare(b.label));
}

export interface PastScore {
  mockId: number;
  finishedAt: number;
  score: number;
}

export interface ScoreTrend {
  /** Earlier ended mocks, oldest first (at most `keep`). */
  previous: PastScore[];
  /** This score minus the previous mock's; null for a first mock. */
  delta: number | null;
  best: number | null;
  mean: number | null;
}

export function scoreTrend(earlier: readonly PastScore[], current: number, keep = 10): ScoreTrend {
  const previous = [...earlier].sort((a, b) => a.finishedAt - b.finishedAt || a.mockId - b.mockId).slice(-keep);
  const last = previous[previous.length - 1];
  if (!last) return { previous, delta: null, best: null, mean: null };
  const scores = previous.map((p) => p.score);
  return {
    previous,
    delta: current - last.score,
    best: Math.max(...scores),
    mean: Math.round(scores.reduce((a, b) => a + b, 0) / scores.length),
  };
}
