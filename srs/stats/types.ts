// Vocabulary of the stats core: the aggregate rows db/stats.ts reads (input)
// and the plain-JSON report every host returns (output).

export type ReviewMode = 'review' | 'drill' | 'mock';
export const MODES: readonly ReviewMode[] = ['review', 'drill', 'mock'];
export type StatsRange = '1m' | '3m' | '1y' | 'all';

/** Sums over a set of non-undone answers. Retention counters skip drills. */
export interface Counters {
  n: number;
  ms: number;
  /** First answers ever (a new card learned). */
  learned: number;
  /** Answers by quality 0..5. */
  q: [number, number, number, number, number, number];
  youngN: number; // interval ≥ 1 day before the answer
  youngPass: number; // … and quality ≥ 3
  matureN: number; // interval ≥ 21 days before the answer
  maturePass: number;
  graded: number; // auto-graded problem answers
  correct: number;
}

export interface DayCounters {
  day: number;
  mode: ReviewMode;
  c: Counters;
}

/** A section's answers over the range, all modes summed; mock answers also counted apart. */
export interface SectionCounters {
  sectionId: number;
  c: Counters;
  mockN: number;
  mockPass: number;
}

/** Answers in one UTC quarter-hour of the day (slot 0..95). */
export interface HourRow {
  slot: number;
  n: number;
  pass: number;
}

/** Card count by class: 0 new, 1 learning, 2 young, 3 mature, 4 suspended, 5 retired. */
export interface CardClassRow {
  sectionId: number;
  cls: number;
  n: number;
  /** Sum of ease over the row's reviewed active cards (classes 1–3). */
  easeSum: number;
}

export interface DueRow {
  day: number;
  n: number;
}

export interface MockScoreRow {
  id: number;
  finishedAt: number;
  score: number;
  /** Study day of the mock's last logged answer, when it logged any. */
  day: number | null;
}

// ---- output ----------------------------------------------------------------

export interface Rate {
  n: number;
  pass: number;
  /** pass / n, or null when there is nothing to measure. */
  rate: number | null;
}

export interface DailyPoint {
  day: number;
  iso: string;
  n: number;
  ms: number;
  learned: number;
  byMode: Record<ReviewMode, number>;
  byQuality: number[];
}

export interface CardCounts {
  new: number;
  learning: number;
  young: number;
  mature: number;
  suspended: number;
  retired: number;
  total: number;
}

export interface Bucket {
  label: string;
  from: number;
  /** Upper bound: inclusive for interval days, exclusive for ease; null for the open last bucket. */
  to: number | null;
  n: number;
}

export interface SectionMastery {
  section: string[];
  cards: number;
  learned: number;
  avgEase: number | null;
  reviews: number;
  retention: Rate;
  problems: Rate;
  mock: Rate;
  /** Mean of the available ratios (learned share, retention, problem and mock accuracy), 0..1. */
  mastery: number;
}

export interface MockPoint {
  id: number;
  finishedAt: number;
  day: number;
  iso: string;
  score: number;
}

export interface Stats {
  today: number;
  todayIso: string;
  range: StatsRange;
  section: string[] | null;
  from: number;
  to: number;
  utcOffsetMinutes: number;
  totals: { reviews: number; ms: number; learned: number; activeDays: number; perActiveDay: number; byMode: Record<ReviewMode, number> };
  daily: DailyPoint[];
  answers: { byQuality: number[]; byMode: Record<ReviewMode, number[]> };
  retention: Record<'today' | 'week' | 'month' | 'all', { young: Rate; mature: Rate }>;
  forecast: { overdue: number; days: { day: number; iso: string; n: number }[] };
  intervals: Bucket[];
  ease: Bucket[];
  counts: CardCounts;
  heatmap: { from: number; to: number; days: { day: number; iso: string; n: number }[] };
  streak: { current: number; longest: number };
  hourly: { hour: number; n: number; pass: number; rate: number | null }[];
  sections: SectionMastery[];
  mocks: MockPoint[];
}
