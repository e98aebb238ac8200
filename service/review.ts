// Daily review over db + srs + cards. Arguments arrive validated (see dispatch.ts).
import { createHash } from 'node:crypto';
import { currentTemplateId } from '../cards/problems/ids.ts';
import type { Problem } from '../cards/problems/types.ts';
import type { grade as GradeFn } from '../cards/answer/grade.ts';
import { alreadyMoved, applyAnswer } from '../srs/answer.ts';
import { dayToIso } from '../srs/day.ts';
import { buildQueue, type QueueInput } from '../srs/queue.ts';
import { newState, previewIntervals, type Quality } from '../srs/sm2.ts';
import { streak } from '../srs/streak.ts';
import { applyFsrsAnswer, type FsrsAnswerEffect } from '../srs/fsrs/answer.ts';
import { fsrsGradeIntervals } from './fsrs/intervals.ts';
import { fsrsConfig } from './fsrs/config.ts';
import type { StoredCard } from '../db/rows.ts';
import type { Store } from '../db/store.ts';
import { ApiError } from './contract/apiError.ts';
import type { AnswerResult, CardListItem, CardView, AnswerCheck, NextCard, Reveal, Settings, Summary, UndoResult } from './contract/index.ts';
import { todayOf, type Clock } from './clock.ts';
import { sideHtml } from './sides.ts';

export function cardStateLabel(c: Pick<StoredCard, 'retiredAt' | 'suspended'>, intervalDays: number | null): CardListItem['state'] {
  if (c.retiredAt !== null) return 'retired';
  if (c.suspended) return 'suspended';
  if (intervalDays === null) return 'new';
  if (intervalDays < 1) return 'learning';
  return intervalDays >= 21 ? 'mature' : 'young';
}

/** Each review of a problem card shows a fresh variant, reproducible from the card and its review count. */
export function variantSeed(cardId: string, reviewCount: number): number {
  return createHash('sha256').update(`${cardId}:${reviewCount}`).digest().readUInt32LE(0);
}

// The answer parser is mathjs (~700 kB of the bundle): it loads at the first
// typed answer, not with the service, so start-up and the first card never pay
// for it. Hosts await `loadGrader()` before a call that grades (App.dispatch's
// checkAnswer / answer handlers, the mock area's loader).
let gradeFn: typeof GradeFn | null = null;

/** Load the grader (and with it mathjs' parser); resolves at once when loaded. */
export async function loadGrader(): Promise<void> {
  gradeFn ??= (await import('../cards/answer/grade.ts')).grade;
}

/** Whether a typed answer can be graded without waiting (tests: the service starts without mathjs). */
export const graderLoaded = (): boolean => gradeFn !== null;

function grade(...args: Parameters<typeof GradeFn>): ReturnType<typeof GradeFn> {
  if (!gradeFn) throw new Error('the grader is not loaded: await loadGrader() before grading a typed answer');
  return gradeFn(...args);
}

/** The formula core's generator (cards/problems/generate.ts): the same (template, seed) always gives the same problem. */
export type GenerateProblem = (templateId: string, seed: number) => Problem;

/** A call needed a problem card's variant from a ReviewService made without the generator (service/earlyCard.ts loads it and asks again). */
export class GeneratorNotLoadedError extends Error {
  constructor() {
    super('the problem generator is not loaded');
    this.name = 'GeneratorNotLoadedError';
  }
}

// Card sides go out as HTML (service/sides.ts: prebuilt for the bundled deck,
// else rendered as renderer/lib/markdown.ts renders them): the review screen's
// first bundle then carries neither markdown-it nor sanitize-html, and the UI
// still passes the HTML through its own DOM allow-list. A side left without
// HTML (the renderer not loaded yet, outside App.dispatch) is rendered by the page.

export class ReviewService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: () => Settings,
    // The generator and its templates are passed in, not imported: this module loads without them, so browser
    // mode can compute its first card before they are loaded (service/earlyCard.ts). App always passes it.
    private readonly generator: GenerateProblem | null = null,
  ) {}

  private generate(templateId: string, seed: number): Problem {
    if (!this.generator) throw new GeneratorNotLoadedError();
    return this.generator(templateId, seed);
  }

  today(ms = this.clock.now()): number {
    return todayOf(this.clock, this.settings().rolloverHour, ms);
  }

  /** Today's queue (public for the benchmark, which compares it with its raw SQL floor). */
  todayQueue(today = this.today()) {
    return this.queue(today);
  }

  private missing: ReadonlySet<string> | null = null;

  /**
   * Problem cards whose template this version no longer has (a rename without
   * an alias, a downgrade, a hand-edited file). They are left out of the queue
   * and mocks so one of them cannot block review; Today shows how many, and
   * Check database offers to suspend them. Computed once, and again after
   * anything that changes cards (`forgetTemplates`).
   */
  missingTemplateCards(): ReadonlySet<string> {
    this.missing ??= new Set(this.store.cards.problemTemplates().filter((r) => !r.templateId || currentTemplateId(r.templateId) === undefined).map((r) => r.id));
    return this.missing;
  }

  forgetTemplates(): void {
    this.missing = null;
  }

  private queueInput(today: number): QueueInput {
    const s = this.settings();
    const missing = this.missingTemplateCards();
    const usable = (id: string) => !missing.has(id);
    return {
      due: missing.size ? this.store.reviews.dueIds(today, s.reviewsPerDay + missing.size).filter(usable).slice(0, s.reviewsPerDay) : this.store.reviews.dueIds(today, s.reviewsPerDay),
      fresh: missing.size ? this.store.reviews.freshIds(s.newPerDay + missing.size).filter(usable).slice(0, s.newPerDay) : this.store.reviews.freshIds(s.newPerDay),
      todayLog: missing.size ? this.store.reviews.today(today).filter((r) => usable(r.cardId)) : this.store.reviews.today(today),
      limits: { newPerDay: s.newPerDay, reviewsPerDay: s.reviewsPerDay },
    };
  }

  private queue(today: number) {
    return buildQueue(this.queueInput(today));
  }

  summary(): Summary {
    const today = this.today();
    const q = this.queue(today);
    const active = this.store.reviews.activeCount();
    return {
      today,
      todayIso: dayToIso(today),
      due: q.remaining.review,
      new: q.remaining.new,
      drill: q.remaining.drill,
      reviewedToday: q.done.total,
      learnedToday: q.done.new,
      streak: streak(this.store.stats.activeDays(null), today),
      totalCards: active,
      hasCards: active > 0,
      templateMissing: this.missingTemplateCards().size,
    };
  }

  private requireCard(id: string): StoredCard {
    const card = this.store.cards.byId(id);
    if (!card) throw new ApiError(404, `no card with id ${id}`);
    return card;
  }

  /** The card's problem generator, or a clear 409 when its template is gone (never a 500). */
  private problemOf(card: StoredCard, seed?: number) {
    if (!card.templateId) throw new ApiError(422, 'only problem cards take a typed answer');
    if (currentTemplateId(card.templateId) === undefined) {
      throw new ApiError(409, `card ${card.id} uses problem template "${card.templateId}", which this version no longer has; Check database can suspend it`);
    }
    return this.generate(card.templateId, seed ?? this.seedFor(card));
  }

  private seedFor(card: StoredCard): number {
    return variantSeed(card.id, this.store.reviews.history(card.id).length);
  }

  view(card: StoredCard, tag: CardView['tag'], today: number): CardView {
    const state = this.store.reviews.state(card.id);
    const view: CardView = {
      id: card.id,
      kind: card.kind,
      section: card.section,
      front: card.front,
      links: card.links,
      warnings: card.warnings,
      tag,
      intervals: previewIntervals(state ?? newState(today), today),
    };
    const frontHtml = sideHtml(card.front);
    if (frontHtml !== undefined) view.frontHtml = frontHtml;
    const settings = this.settings();
    if (settings.scheduler === 'fsrs') {
      view.scheduler = 'fsrs';
      view.intervals = fsrsGradeIntervals(fsrsConfig(this.store, settings), this.store.fsrs.get(card.id), state, today);
    }
    if (card.kind === 'problem') {
      if (card.templateId && currentTemplateId(card.templateId) !== undefined) {
        const p = this.generate(card.templateId, this.seedFor(card));
        view.problem = { templateId: p.template, seed: p.seed, prompt: p.prompt, answerKind: p.answerKind, targetSeconds: p.targetSeconds };
      } else {
        view.templateMissing = true;
      }
    }
    return view;
  }

  nextCard(): NextCard {
    const today = this.today();
    const input = this.queueInput(today);
    const q = buildQueue(input);
    if (!q.next) return { card: null, upcoming: null, remaining: q.remaining, done: { total: q.done.total } };
    const stored = this.store.cards.byId(q.next.cardId);
    const card = stored ? this.view(stored, q.next.tag, today) : null;
    // The queue as it will be once this card is answered well: same rows plus one hypothetical answer.
    const hypothetical = {
      seq: Number.MAX_SAFE_INTEGER,
      cardId: q.next.cardId,
      quality: 4 as const,
      wasNew: q.next.tag === 'new',
      mode: q.next.tag === 'drill' ? ('drill' as const) : ('review' as const),
    };
    const after = buildQueue({ ...input, todayLog: [...input.todayLog, hypothetical] }).next;
    const afterCard = after ? this.store.cards.byId(after.cardId) : null;
    const upcoming = after && afterCard ? this.view(afterCard, after.tag, today) : null;
    return { card, upcoming, remaining: q.remaining, done: { total: q.done.total } };
  }

  /** Grade without recording, so the learner can see the verdict before choosing the grade to record. */
  checkAnswer(a: { cardId: string; typed: string; seed?: number; elapsedMs: number }): AnswerCheck {
    const card = this.requireCard(a.cardId);
    if (card.kind !== 'problem') throw new ApiError(422, 'only problem cards take a typed answer');
    const problem = this.problemOf(card, a.seed);
    const verdict = grade(problem, a.typed, a.elapsedMs);
    return { verdict, solution: problem.solution, ...(verdict.quality !== undefined ? { quality: verdict.quality } : {}) };
  }

  reveal(cardId: string, seed?: number): Reveal {
    const card = this.requireCard(cardId);
    const backHtml = sideHtml(card.back);
    const out: Reveal = { cardId, back: card.back, ...(backHtml !== undefined ? { backHtml } : {}), links: card.links };
    if (card.kind === 'problem' && card.templateId && currentTemplateId(card.templateId) !== undefined) {
      const p = this.generate(card.templateId, seed ?? this.seedFor(card));
      out.solution = p.solution;
      out.answer = p.answer;
    }
    return out;
  }

  answer(a: { cardId: string; quality?: Quality; typed?: string; seed?: number; elapsedMs: number; answerId?: string }, mockId?: number): AnswerResult {
    if (a.answerId !== undefined) {
      const first = this.store.reviews.byClientId(a.answerId);
      if (first) return this.repeatedAnswer(first, a.cardId);
    }
    const card = this.requireCard(a.cardId);
    if (card.retiredAt !== null) throw new ApiError(409, `card ${card.id} is retired; restore it first`);
    const now = this.clock.now();
    const today = this.today(now);
    let quality = a.quality;
    let verdict: AnswerResult['verdict'];
    let solution: AnswerResult['solution'];
    let seed: number | null = null;
    if (a.typed !== undefined) {
      if (card.kind !== 'problem') throw new ApiError(422, 'a typed answer is only graded for problem cards');
      const problem = this.problemOf(card, a.seed);
      seed = problem.seed;
      verdict = grade(problem, a.typed, a.elapsedMs);
      solution = problem.solution;
      if (verdict.status === 'unparseable') return { recorded: false, verdict, solution };
      quality ??= verdict.quality as Quality;
    }
    if (quality === undefined) throw new ApiError(400, 'give a quality or a typed answer');
    const q = quality;
    // Read the state and write the answer under one write lock: another process answering the same card must wait.
    const written = this.store.write(() => {
      // Checked again under the write lock: two copies of one answer may race from two connections.
      const first = a.answerId !== undefined ? this.store.reviews.byClientId(a.answerId) : null;
      if (first) return { first };
      const state = this.store.reviews.state(card.id);
      const settings = this.settings();
      const answeredToday = alreadyMoved(state?.lastDay, today);
      const fsrs: FsrsAnswerEffect | null = settings.scheduler === 'fsrs'
        ? applyFsrsAnswer({
          cfg: fsrsConfig(this.store, settings), state, lastDay: state?.lastDay ?? null, memory: this.store.fsrs.get(card.id),
          quality: q, today, answeredToday, mock: mockId !== undefined,
        })
        : null;
      const effect = fsrs ?? applyAnswer({ state, quality: q, today, answeredToday, mock: mockId !== undefined });
      const reviewId = this.store.reviews.record({
        cardId: card.id,
        reviewedAt: now,
        day: today,
        quality: q,
        elapsedMs: a.elapsedMs,
        mode: effect.mode,
        before: effect.before,
        lastDayBefore: state?.lastDay ?? null,
        after: effect.after,
        answer: a.typed ?? null,
        seed,
        correct: verdict ? verdict.status === 'right' : null,
        mockId: mockId ?? null,
        clientId: a.answerId ?? null,
      });
      if (fsrs?.memoryAfter && fsrs.memoryAfter !== fsrs.memoryBefore) {
        this.store.fsrs.markReview(reviewId, fsrs.memoryBefore);
        this.store.fsrs.put(card.id, fsrs.memoryAfter);
      }
      return { reviewId, effect };
    });
    if ('first' in written) return this.repeatedAnswer(written.first!, a.cardId);
    const { reviewId, effect } = written;
    return {
      recorded: true,
      reviewId,
      mode: effect.mode,
      quality,
      ...(verdict ? { verdict, solution } : {}),
      nextDueInDays: effect.after.dueDay - today,
    };
  }

  private repeatedAnswer(first: { id: number; card_id: string; mode: 'review' | 'drill' | 'mock'; quality: number; day: number; due_after: number }, cardId: string): AnswerResult {
    if (first.card_id !== cardId) throw new ApiError(409, `answerId was already used for another card`);
    return { recorded: true, repeated: true, reviewId: first.id, mode: first.mode, quality: first.quality, nextDueInDays: first.due_after - first.day };
  }

  undo(): UndoResult {
    // One write: the card's SM-2 row and, for an FSRS answer, its FSRS memory go back together.
    const row = this.store.write(() => {
      const r = this.store.reviews.undoLast(this.today(), this.clock.now());
      if (r?.sched === 'fsrs' && r.mode !== 'drill') this.store.fsrs.restore(r.card_id, r.fsrs_before ? JSON.parse(r.fsrs_before) : null);
      return r;
    });
    return row ? { undone: true, cardId: row.card_id } : { undone: false };
  }
}
