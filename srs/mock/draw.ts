// Drawing a mock's question set: weighted toward weak cards, never a card
// twice, deterministic for a seed. Pure: the caller passes every card with its
// stats; nothing here reads a clock or a database.

import { checkLimits, checkSections, inSection, MockConfigError, sectionLabel, type MockConfig } from './config.ts';
import { mockRng, type MockRng } from './rng.ts';

export type QuestionKind = 'concept' | 'problem';

/** How a card has gone so far; all counts are non-negative integers. */
export interface WeakStats {
  /** SM-2 ease; null for a card never answered. */
  easeFactor: number | null;
  lapses: number;
  /** Answers below 3 in the caller's recent window (the service uses 30 days). */
  recentFails: number;
  /** Questions missed (wrong or timed out) in earlier mocks. */
  mockMisses: number;
}

export interface Candidate {
  cardId: string;
  kind: QuestionKind;
  section: string[];
  stats: WeakStats;
}

export interface DrawnQuestion {
  index: number;
  cardId: string;
  kind: QuestionKind;
  section: string[];
  /** Problem cards only: which variant this mock shows, so a replay shows the same numbers. */
  problemSeed?: number;
}

const NEUTRAL_EASE = 2.5;
const MIN_EASE = 1.3;

/**
 * Sampling weight. An untouched card weighs 1; each sign of weakness adds to
 * it, capped so one terrible card cannot crowd out the rest of the deck:
 * low ease up to +2 (at EF 1.3), lapses +0.5 each (≤ 6), recent failures +1
 * each (≤ 4), earlier-mock misses +1.5 each (≤ 4). Max weight 16.
 */
export function weakness(s: WeakStats): number {
  const ease = s.easeFactor === null ? NEUTRAL_EASE : s.easeFactor;
  const lowEase = Math.min(1, Math.max(0, (NEUTRAL_EASE - ease) / (NEUTRAL_EASE - MIN_EASE)));
  return 1 + 2 * lowEase + 0.5 * Math.min(s.lapses, 6) + Math.min(s.recentFails, 4) + 1.5 * Math.min(s.mockMisses, 4);
}

/** k items without replacement, P ∝ weight (Efraimidis–Spirakis keys: largest ln(u)/w wins). */
function weightedSample(pool: readonly Candidate[], k: number, rng: MockRng): Candidate[] {
  const keyed = pool.map((c) => ({ c, key: Math.log(1 - rng.next()) / weakness(c.stats) }));
  keyed.sort((a, b) => b.key - a.key || (a.c.cardId < b.c.cardId ? -1 : 1));
  return keyed.slice(0, k).map((x) => x.c);
}

function shuffle<T>(xs: T[], rng: MockRng): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** How many problems and concepts to draw; fills a short kind from the other unless the mix asked for one kind only. */
export function splitCounts(config: MockConfig, concepts: number, problems: number): { problems: number; concepts: number } {
  const n = config.questions;
  const scope = config.sections.length ? `in ${config.sections.map(sectionLabel).join(', ')}` : 'in the collection';
  if (concepts + problems < n) {
    throw new MockConfigError(`asked for ${n} questions but only ${concepts + problems} cards are available ${scope}`, 'questions');
  }
  if (config.mix === 1 && problems < n) {
    throw new MockConfigError(`mix 1 asks for ${n} problems but only ${problems} problem cards are available ${scope}`, 'mix');
  }
  if (config.mix === 0 && concepts < n) {
    throw new MockConfigError(`mix 0 asks for ${n} concept cards but only ${concepts} are available ${scope}`, 'mix');
  }
  let p = Math.min(Math.round(n * config.mix), problems);
  if (n - p > concepts) p = n - concepts;
  return { problems: p, concepts: n - p };
}

/**
 * The question set for one mock. Throws MockConfigError when the request
 * cannot be met; never returns fewer questions than asked for.
 * @param knownSections every heading path of the collection (for "unknown section")
 */
export function drawQuestions(
  candidates: readonly Candidate[],
  config: MockConfig,
  seed: number,
  knownSections: readonly (readonly string[])[] = candidates.map((c) => c.section),
): DrawnQuestion[] {
  checkLimits(config);
  checkSections(config, knownSections);
  const chosen = config.sections.length ? candidates.filter((c) => config.sections.some((p) => inSection(c.section, p))) : candidates;
  // Sorting by id makes the draw depend on the set of cards, not the order the caller listed them in.
  const byId = (a: Candidate, b: Candidate) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0);
  const unique = [...new Map(chosen.map((c) => [c.cardId, c])).values()].sort(byId);
  const problems = unique.filter((c) => c.kind === 'problem');
  const concepts = unique.filter((c) => c.kind === 'concept');
  const counts = splitCounts(config, concepts.length, problems.length);
  const rng = mockRng(seed);
  const picked = shuffle([...weightedSample(problems, counts.problems, rng), ...weightedSample(concepts, counts.concepts, rng)], rng);
  return picked.map((c, index) => {
    const q: DrawnQuestion = { index, cardId: c.cardId, kind: c.kind, section: [...c.section] };
    if (c.kind === 'problem') q.problemSeed = rng.u32();
    return q;
  });
}
