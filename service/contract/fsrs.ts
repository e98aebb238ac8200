// The FSRS part of AppApi: status, switching scheduler, optimising on the
// learner's history, evaluating SM-2 vs FSRS, and the retention simulator.
// Optimise / evaluate / simulate take seconds on a big log, so they run as
// jobs the UI polls for progress.
import { z } from 'zod';
import type { ModelMetrics } from '../../srs/eval/evaluate.ts';
import type { SimulationResult } from '../../srs/fsrs/simulate.ts';
import { Empty } from './common.ts';

export const FSRS_JOB_KINDS = ['optimize', 'evaluate', 'simulate'] as const;
export type FsrsJobKind = (typeof FSRS_JOB_KINDS)[number];

const JobId = z.string().regex(/^[a-f0-9]{32}$/, 'an FSRS job id');

export const fsrsSchemas = {
  fsrsStatus: Empty,
  /** Switch scheduler (a backup is taken first; due days are kept). Same as updateSettings({ scheduler }). */
  switchScheduler: z.object({ scheduler: z.enum(['sm2', 'fsrs']) }).strict(),
  /** Forget fitted parameters: FSRS goes back to its defaults. */
  resetFsrsWeights: Empty,
  fsrsJobStart: z.object({ kind: z.enum(FSRS_JOB_KINDS) }).strict(),
  fsrsJobStatus: z.object({ id: JobId }).strict(),
} as const;

export interface FsrsStatus {
  scheduler: 'sm2' | 'fsrs';
  desiredRetention: number;
  maximumInterval: number;
  optimizer: { available: boolean; reason?: string };
  weights: 'default' | 'optimized';
  fittedAt: number | null;
  /** Repeated answers that training could use, and how many it needs. */
  answers: number;
  minAnswers: number;
}

export interface SwitchResult {
  scheduler: 'sm2' | 'fsrs';
  backup: string | null;
  fromLog: number;
  fromSm2: number;
}

export interface EvaluateResult {
  reviews: number;
  cards: number;
  items: number;
  models: ModelMetrics[];
  testReviews: number;
  trainItems: number;
  /** Training items before the split (absent from older hosts); above `trainItems` when the fit kept only the most recent ones. */
  trainTotal?: number;
  optimizer: { fitted: boolean; message?: string };
  verdict: { en: string; zh: string; best: ModelMetrics['name'] | null };
}

export interface OptimizeResult {
  fitted: boolean;
  message: string;
  items: number;
  weights: number[] | null;
}

export interface FsrsJob {
  id: string;
  kind: FsrsJobKind;
  state: 'running' | 'ready' | 'failed';
  phase: string;
  done: number;
  total: number;
  error?: string;
  optimize?: OptimizeResult;
  evaluate?: EvaluateResult;
  simulate?: SimulationResult[];
}

export type { ModelMetrics, SimulationResult };

type In<K extends keyof typeof fsrsSchemas> = z.input<(typeof fsrsSchemas)[K]>;

export interface FsrsApi {
  fsrsStatus(a?: In<'fsrsStatus'>): Promise<FsrsStatus>;
  switchScheduler(a: In<'switchScheduler'>): Promise<SwitchResult>;
  resetFsrsWeights(a?: In<'resetFsrsWeights'>): Promise<FsrsStatus>;
  fsrsJobStart(a: In<'fsrsJobStart'>): Promise<FsrsJob>;
  fsrsJobStatus(a: In<'fsrsJobStatus'>): Promise<FsrsJob>;
}
