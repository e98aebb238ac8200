// Daily review over db + srs + cards. Arguments arrive validated (see dispatch.ts).
import { createHash } from 'node:crypto';
import { generate } from '../cards/problems/generate.ts';
import { grade } from '../cards/answer/grade.ts';
import { applyAnswer } from '../srs/answer.ts';
import { dayToIso } from '../srs/day.ts';
import { buildQueue } from '../srs/queue.ts';
import { newState, previewIntervals, type Quality } from '../srs/sm2.ts';
import { streak } from '../srs/streak.ts';
import type { StoredCard } from '../db/rows.ts';
import type { Store } from '../db/store.ts';
import { ApiError } from './contract/common.ts';
import type { AnswerResult, CardListItem, CardView, NextCard, Reveal, Settings, Summary, UndoResult } from './contract/index.ts';
import { todayOf, type Clock } from './clock.ts';

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

export class ReviewService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: () => Settings,
  ) {}

  today(ms = this.clock.now()): number {
    return todayOf(this.clock, this.settings().rolloverHour, ms);
  }

  private queue(today: number) {
    const s = this.settings();
    return buildQueue({
      due: this.store.reviews.dueIds(today, s.reviewsPerDay),
      fresh: this.store.reviews.freshIds(s.newPerDay),
      todayLog: this.store.reviews.today(today),
      limits: { newPerDay: s.newPerDay, reviewsPerDay: s.reviewsPerDay },
    });
  }

  summary(): Summary {
    const today = this.today();
    const q = this.queue(today);
    return {
      today,
      todayIso: dayToIso(today),
      due: q.remaining.review,
      new: q.remaining.new,
      drill: q.remaining.drill,
      reviewedToday: q.done.total,
      learnedToday: q.done.new,
      streak: streak(this.store.reviews.activeDays(), today),
      totalCards: this.store.reviews.freshCount() + this.store.db.prepare('SELECT count(*) AS n FROM card_state').pluck().get() as number,
      hasCards: this.store.cards.sections().length > 0,
    };
  }

  private requireCard(id: string): StoredCard {
    const card = this.store.cards.byId(id);
    if (!card) throw new ApiError(404, `no card with id ${id}`);
    return card;
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
    if (card.kind === 'problem' && card.templateId) {
      const p = generate(card.templateId, this.seedFor(card));
      view.problem = { templateId: p.template, seed: p.seed, prompt: p.prompt, answerKind: p.answerKind, targetSeconds: p.targetSeconds };
    }
    return view;
  }

  nextCard(): NextCard {
    const today = this.today();
    const q = this.queue(today);
    let card: CardView | null = null;
    if (q.next) {
      const stored = this.store.cards.byId(q.next.cardId);
      if (stored) card = this.view(stored, q.next.tag, today);
    }
    return { card, remaining: q.remaining, done: { total: q.done.total } };
  }

  reveal(cardId: string, seed?: number): Reveal {
    const card = this.requireCard(cardId);
    const out: Reveal = { cardId, back: card.back, links: card.links };
    if (card.kind === 'problem' && card.templateId) {
      const p = generate(card.templateId, seed ?? this.seedFor(card));
      out.solution = p.solution;
      out.answer = p.answer;
    }
    return out;
  }

  answer(a: { cardId: string; quality?: Quality; typed?: string; seed?: number; elapsedMs: number }, mockId?: number): AnswerResult {
    const card = this.requireCard(a.cardId);
    if (card.retiredAt !== null) throw new ApiError(409, `card ${card.id} is retired; restore it first`);
    const now = this.clock.now();
    const today = this.today(now);
    let quality = a.quality;
    let verdict: AnswerResult['verdict'];
    let solution: AnswerResult['solution'];
    let seed: number | null = null;
    if (a.typed !== undefined) {
      if (card.kind !== 'problem' || !card.templateId) throw new ApiError(422, 'a typed answer is only graded for problem cards');
      seed = a.seed ?? this.seedFor(card);
      const problem = generate(card.templateId, seed);
      verdict = grade(problem, a.typed, a.elapsedMs);
      solution = problem.solution;
      if (verdict.status === 'unparseable') return { recorded: false, verdict, solution };
      quality ??= verdict.quality as Quality;
    }
    if (quality === undefined) throw new ApiError(400, 'give a quality or a typed answer');
    const state = this.store.reviews.state(card.id);
    const effect = applyAnswer({ state, quality, today, answeredToday: state?.lastDay === today, mock: mockId !== undefined });
    const reviewId = this.store.reviews.record({
      cardId: card.id,
      reviewedAt: now,
      day: today,
      quality,
      elapsedMs: a.elapsedMs,
      mode: effect.mode,
      before: effect.before,
      lastDayBefore: state?.lastDay ?? null,
      after: effect.after,
      answer: a.typed ?? null,
      seed,
      correct: verdict ? verdict.status === 'right' : null,
      mockId: mockId ?? null,
    });
    return {
      recorded: true,
      reviewId,
      mode: effect.mode,
      quality,
      ...(verdict ? { verdict, solution } : {}),
      nextDueInDays: effect.after.dueDay - today,
    };
  }

  undo(): UndoResult {
    const row = this.store.reviews.undoLast(this.today(), this.clock.now());
    return row ? { undone: true, cardId: row.card_id } : { undone: false };
  }
}
