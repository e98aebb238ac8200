// The mock-interview part of AppApi: schemas for every argument, and the
// types hosts and the renderer see. Limits are deliberately loose here (only
// types and sanity caps): whether a configuration can be satisfied is the
// engine's call, answered with ApiError 422 and a message naming the problem.
import { z } from 'zod';
import type { CardKind, CardLink } from '../../cards/types.ts';
import type { MockCounts, ScoreTrend, SectionAccuracy } from '../../srs/mock/score.ts';
import { Empty, Quality, SectionPath } from './common.ts';
import type { Verdict } from './review.ts';

const Seed = z.number().int().min(0).max(2 ** 32 - 1);
const MockId = z.number().int().min(1);
const Index = z.number().int().min(0).max(10_000);
const Notes = z.string().max(20_000);
const Lang = z.enum(['zh', 'en']);

export const MockConfigArgs = z
  .object({
    /** Fills the fields below that are not given. */
    preset: z.enum(['quick', 'standard', 'full']).optional(),
    questions: z.number().int().max(1000).optional(),
    totalSeconds: z.number().max(24 * 3600).optional(),
    perQuestionSeconds: z.number().max(24 * 3600).optional(),
    sections: z.array(SectionPath).max(200).optional(),
    /** Share of problem cards, 0..1. */
    mix: z.number().optional(),
    feedSrs: z.boolean().optional(),
    /** Replays an earlier mock's draw (given the same cards); random when absent. */
    seed: Seed.optional(),
  })
  .strict();

export const mockSchemas = {
  mockDraw: MockConfigArgs,
  mockStart: MockConfigArgs,
  mockCurrent: Empty,
  mockReveal: z.object({ mockId: MockId, index: Index, notes: Notes.optional() }).strict(),
  mockAnswer: z
    .object({
      mockId: MockId,
      index: Index,
      /** Concept cards: the self-grade after reveal. Problems: overrides the auto-grade (alone it gives up with that grade). */
      quality: Quality.optional(),
      /** Problems: the typed answer, graded by the formula core. */
      typed: z.string().max(10_000).optional(),
      /** Concept cards: what the learner wrote before revealing. */
      notes: Notes.optional(),
      /** Client-measured time; advisory only — the server's clock decides time-outs and what is logged. */
      elapsedMs: z.number().int().min(0).max(24 * 3600 * 1000),
    })
    .strict()
    .refine((a) => a.quality !== undefined || a.typed !== undefined, { message: 'give a quality or a typed answer' }),
  mockFinish: z.object({ mockId: MockId }).strict(),
  mockAbandon: z.object({ mockId: MockId }).strict(),
  mockReport: z.object({ id: MockId }).strict(),
  mockHistory: z.object({ limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).default(0) }).strict(),
  mockExportHtml: z.object({ id: MockId, lang: Lang.default('zh') }).strict(),
} as const;

export type MockStatus = 'active' | 'finished' | 'abandoned' | 'expired';
export type MockQuestionKind = 'concept' | 'problem';

export interface MockConfigOut {
  questions: number;
  totalSeconds: number;
  perQuestionSeconds: number;
  sections: string[][];
  mix: number;
  feedSrs: boolean;
}

export interface MockProblemView {
  templateId: string;
  seed: number;
  prompt: { zh: string; en: string };
  answerKind: string;
  targetSeconds: number;
}

export interface MockQuestionView {
  index: number;
  cardId: string;
  kind: MockQuestionKind;
  cardKind: CardKind;
  section: string[];
  front: string; // Markdown with $math$
  links: CardLink[];
  problem?: MockProblemView;
  /** Concept cards after mockReveal (also after a reload). */
  revealed: { back: string; links: CardLink[]; notes: string | null } | null;
}

/** The running mock as the server sees it now; times are relative so client clock skew does not matter. */
export interface MockView {
  mockId: number;
  status: 'active';
  seed: number;
  config: MockConfigOut;
  count: number;
  index: number;
  done: { answered: number; timedOut: number };
  question: MockQuestionView;
  remainingMs: { question: number; total: number };
  limitsMs: { question: number; total: number };
  serverNow: number;
}

/** A drawn question set, for previews and scripts (nothing is stored). */
export interface MockDraw {
  seed: number;
  config: MockConfigOut;
  questions: { index: number; cardId: string; kind: MockQuestionKind; section: string[]; front: string; problem?: MockProblemView }[];
}

export interface MockRevealResult {
  index: number;
  back: string;
  links: CardLink[];
}

export interface MockAnswerResult {
  /** False: nothing recorded — the typed answer could not be parsed (retype it) or the question had already timed out. */
  recorded: boolean;
  timedOut?: boolean;
  quality?: number;
  correct?: boolean;
  verdict?: Verdict;
  solution?: { zh: string; en: string };
  /** The running mock after this answer; null once it has ended. */
  next: MockView | null;
  /** Set when this answer (or a time-out) ended the mock. */
  report: MockReport | null;
}

export interface MockReportQuestion {
  index: number;
  cardId: string;
  kind: MockQuestionKind;
  section: string[];
  front: string;
  /** The notes' answer (concept cards). */
  back: string;
  problem?: MockProblemView & { answer: number | number[]; solution: { zh: string; en: string } };
  outcome: 'answered' | 'timeout' | 'unreached';
  quality: number | null;
  correct: boolean;
  credit: number;
  elapsedMs: number | null;
  typed: string | null;
  notes: string | null;
  verdict: Verdict | null;
}

export interface MockReport {
  version: 1;
  mockId: number;
  status: Exclude<MockStatus, 'active'>;
  seed: number;
  config: MockConfigOut;
  startedAt: number;
  finishedAt: number;
  durationMs: number;
  /** 0–100; see scoreDefinition. */
  score: number;
  scoreDefinition: string;
  counts: MockCounts;
  questions: MockReportQuestion[];
  /** Weakest first. */
  sections: SectionAccuracy[];
  /** Wrong or timed-out questions, with the notes' answer or the worked solution. */
  misses: MockReportQuestion[];
  trend: ScoreTrend;
}

export interface MockHistoryItem {
  id: number;
  status: MockStatus;
  startedAt: number;
  finishedAt: number | null;
  score: number | null;
  questions: number;
  answered: number;
  correct: number;
  timedOut: number;
  sections: string[][];
}

export interface MockHtml {
  filename: string;
  html: string;
}

type In<K extends keyof typeof mockSchemas> = z.input<(typeof mockSchemas)[K]>;

export interface MockApi {
  mockDraw(a: In<'mockDraw'>): Promise<MockDraw>;
  mockStart(a: In<'mockStart'>): Promise<MockView>;
  mockCurrent(a?: In<'mockCurrent'>): Promise<MockView | null>;
  mockReveal(a: In<'mockReveal'>): Promise<MockRevealResult>;
  mockAnswer(a: In<'mockAnswer'>): Promise<MockAnswerResult>;
  mockFinish(a: In<'mockFinish'>): Promise<MockReport>;
  mockAbandon(a: In<'mockAbandon'>): Promise<MockReport>;
  mockReport(a: In<'mockReport'>): Promise<MockReport>;
  mockHistory(a?: In<'mockHistory'>): Promise<MockHistoryItem[]>;
  mockExportHtml(a: In<'mockExportHtml'>): Promise<MockHtml>;
}
