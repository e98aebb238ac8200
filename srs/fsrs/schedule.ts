// FSRS scheduling through ts-fsrs exactly: this file only converts between the
// app's study days and the Dates ts-fsrs works with. A study day d becomes
// the instant d × 24 h (UTC midnight): day differences stay whole numbers, so
// ts-fsrs's elapsed days equal the app's day gaps whatever the time zone or
// rollover hour (those are already folded into the day number). Fuzz is off
// (pure, reproducible) and short-term steps are off: every answer schedules in
// whole days, like SM-2 here.
import { createEmptyCard, fsrs, generatorParameters, type Card, type FSRS, type Grade } from 'ts-fsrs';
import type { Rating } from '../rating.ts';
import { weightsOf, type FsrsConfig } from './config.ts';

const MS_PER_DAY = 86_400_000;

/** FSRS memory of one card, as stored (fsrs_state) and logged (reviews.fsrs_before). */
export interface FsrsMemory {
  stability: number;
  difficulty: number;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: 0 | 1 | 2 | 3;
  reps: number;
  lapses: number;
  lastDay: number;
  dueDay: number;
}

export const dayToDate = (day: number): Date => new Date(day * MS_PER_DAY);
export const dateToDay = (d: Date): number => Math.floor(d.getTime() / MS_PER_DAY);

// A scheduler per configuration: building one validates 21 weights, answers come one per keypress.
const cache = new Map<string, FSRS>();

export function schedulerFor(cfg: FsrsConfig): FSRS {
  const key = `${cfg.desiredRetention}|${cfg.maximumInterval}|${cfg.weights?.join(',') ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    f = fsrs(generatorParameters({
      request_retention: cfg.desiredRetention,
      maximum_interval: cfg.maximumInterval,
      w: [...weightsOf(cfg)],
      enable_fuzz: false,
      enable_short_term: false,
    }));
    if (cache.size > 16) cache.clear();
    cache.set(key, f);
  }
  return f;
}

export function toCard(m: FsrsMemory | null, today: number): Card {
  if (!m) return createEmptyCard(dayToDate(today));
  return {
    due: dayToDate(m.dueDay),
    stability: m.stability,
    difficulty: m.difficulty,
    elapsed_days: 0,
    scheduled_days: m.dueDay - m.lastDay,
    learning_steps: 0,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state,
    last_review: dayToDate(m.lastDay),
  };
}

export function fromCard(c: Card): FsrsMemory {
  return {
    stability: c.stability,
    difficulty: c.difficulty,
    state: c.state as FsrsMemory['state'],
    reps: c.reps,
    lapses: c.lapses,
    lastDay: dateToDay(c.last_review ?? c.due),
    dueDay: dateToDay(c.due),
  };
}

/** One answer on study day `today`: ts-fsrs's next card, as memory. */
export function fsrsStep(cfg: FsrsConfig, m: FsrsMemory | null, rating: Rating, today: number): FsrsMemory {
  return fromCard(schedulerFor(cfg).next(toCard(m, today), dayToDate(today), rating as Grade).card);
}

/** Days until due for each rating, for labelling the four buttons. */
export function fsrsPreview(cfg: FsrsConfig, m: FsrsMemory | null, today: number): Record<Rating, number> {
  const log = schedulerFor(cfg).repeat(toCard(m, today), dayToDate(today));
  const out = {} as Record<Rating, number>;
  for (const r of [1, 2, 3, 4] as const) out[r] = dateToDay(log[r].card.due) - today;
  return out;
}

/** Predicted recall after `elapsedDays` at `stability` (FSRS-6 forgetting curve with these weights). */
export function retrievability(cfg: Pick<FsrsConfig, 'weights'>, elapsedDays: number, stability: number): number {
  return schedulerFor({ desiredRetention: 0.9, maximumInterval: 36500, weights: cfg.weights }).forgetting_curve(elapsedDays, stability);
}
