// One review session: the card on screen, its phase, and the answers given.
// The server owns the queue (nextCard after every answer), so the session
// survives reloads and undo; this class sequences the calls and keeps the
// next thing the user will want ready (the back, the next card).
//
// Writes (answer, undo) and the reads that must follow them go through one
// promise chain, so they reach the host in the order the keys were pressed
// even when the screen has already moved on. When the host tells us which
// card follows the current one (`upcoming` on nextCard), a grade key shows
// that card at once and the answer commits behind it; the host's nextCard
// then confirms (or, rarely, replaces) it. Without `upcoming` the next card
// appears when the answer has committed and nextCard has returned.
import { tick } from 'svelte';
import type { AnswerCheck, CardView, NextCard, Reveal } from '../../service/contract/index.ts';
import { api } from './api.ts';
import { takeFirstCard } from './firstCard.ts';
import type { Phase, Quality } from './keys.ts';
import { prerender } from './markdown.ts';
import { markCardShown } from './perf.ts';
import { remainingAfter } from './remaining.ts';

export interface SessionAnswer {
  cardId: string;
  quality: Quality;
  tag: CardView['tag'];
  correct?: boolean;
}

/** nextCard's reply, with the optional look-ahead a host may add. */
export type NextCardReply = NextCard;

/** Self-graded cards: time beyond this is a coffee break, not thinking (Anki caps at 60 s). */
const MAX_SELF_ELAPSED = 5 * 60_000;
const MAX_ELAPSED = 24 * 3600 * 1000 - 1; // the API's limit

type Remaining = NextCard['remaining'];

export class ReviewSession {
  phase = $state<Phase>('loading');
  card = $state<CardView | null>(null);
  remaining = $state<Remaining>({ review: 0, new: 0, drill: 0 });
  doneToday = $state(0);
  revealed = $state<Reveal | null>(null);
  result = $state<AnswerCheck | null>(null);
  typed = $state('');
  /** Problem cards: the grade Enter would give (the auto-grade until overridden). */
  selected = $state<Quality | null>(null);
  /** The typed answer could not be read: why, and the box is open again. */
  retype = $state<string | null>(null);
  error = $state<string | null>(null);
  notice = $state<{ text: 'undone' | 'nothingToUndo' | 'overridden'; at: number } | null>(null);
  answers = $state<SessionAnswer[]>([]);
  readonly startedAt = Date.now();
  endedAt = $state<number | null>(null);
  /** Counts every card (or end of queue) put on screen; tests wait on it. */
  shownSeq = $state(0);
  /** Writes not yet acknowledged by the host. */
  pending = $state(0);

  left = $derived(this.remaining.review + this.remaining.new + this.remaining.drill);
  progress = $derived(this.doneToday + this.left === 0 ? 1 : this.doneToday / (this.doneToday + this.left));

  private shownAt = 0;
  /** Names this showing of the card: a repeated send (double click, retry) is stored once by the host. */
  private answerId = '';
  private typedElapsed = 0;
  private revealFor: { cardId: string; promise: Promise<Reveal | null>; value: Reveal | null } | null = null;
  /** The card the host says follows the one on screen; undefined when it did not say. */
  private upcoming: CardView | null | undefined = undefined;
  private chain: Promise<unknown> = Promise.resolve();

  /** Run `fn` after every earlier write; the returned promise settles with it. */
  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    this.pending++;
    const p = this.chain.then(fn);
    this.chain = p.catch(() => undefined);
    return p.finally(() => {
      this.pending--;
    });
  }

  /** The host's next card, after every write sent so far. */
  private fetchNext(): Promise<NextCardReply> {
    return this.enqueue(() => api.nextCard() as Promise<NextCardReply>);
  }

  async start(): Promise<void> {
    this.phase = 'loading';
    this.error = null;
    // The host may have put this card in the page already (browser mode's index.html): it is shown
    // without a round trip, and nextCard, asked behind it, confirms it (or, if another tab or
    // process answered meanwhile, replaces it), as for a look-ahead card.
    const embedded = await takeFirstCard();
    if (!embedded) {
      await this.run(async () => this.apply(await this.fetchNext()));
      return;
    }
    await this.apply(embedded);
    const seq = this.shownSeq;
    const next = this.fetchNext();
    await this.run(async () => {
      const n = await next;
      if (this.shownSeq !== seq) return; // the user has moved on; their action owns the screen
      if (n.card?.id === embedded.card?.id) {
        this.remaining = n.remaining;
        this.doneToday = n.done.total;
        this.upcoming = n.upcoming;
      } else {
        await this.apply(n);
      }
    }, this.phase);
  }

  /** Put a card (or the end of the queue) on screen. */
  private async apply(n: NextCardReply, optimistic = false): Promise<void> {
    const arrived = performance.now();
    const card = n.card;
    this.card = card;
    this.remaining = n.remaining;
    this.doneToday = n.done.total;
    this.revealed = null;
    this.result = null;
    this.typed = '';
    this.selected = null;
    this.retype = null;
    this.revealFor = null;
    this.upcoming = optimistic ? undefined : n.upcoming;
    this.shownSeq++;
    if (!card) {
      this.phase = 'done';
      this.endedAt = Date.now();
      await tick();
      return;
    }
    this.endedAt = null;
    this.phase = card.problem ? 'typing' : 'front';
    this.shownAt = performance.now();
    this.answerId = crypto.randomUUID();
    await tick();
    markCardShown(arrived);
    if (!card.problem) this.fetchReveal(card.id);
    if (n.upcoming) prerender(n.upcoming.problem ? null : n.upcoming.front, n.upcoming.frontHtml);
  }

  /** While the front is read: fetch and pre-render the back, so Space shows it without a round trip. */
  private fetchReveal(cardId: string): void {
    const entry: NonNullable<typeof this.revealFor> = { cardId, value: null, promise: Promise.resolve(null) };
    entry.promise = api.reveal({ cardId }).then(
      (r) => {
        entry.value = r;
        prerender(r.back, r.backHtml);
        return r;
      },
      () => null,
    );
    this.revealFor = entry;
  }

  async reveal(): Promise<void> {
    const card = this.card;
    if (!card || (this.phase !== 'front' && this.phase !== 'typing')) return;
    const ready = this.revealFor?.cardId === card.id ? this.revealFor : null;
    if (ready?.value) {
      this.revealed = ready.value;
      this.phase = 'back';
      return;
    }
    this.phase = 'checking';
    await this.run(async () => {
      const r = (await ready?.promise) ?? (await api.reveal({ cardId: card.id, ...(card.problem ? { seed: card.problem.seed } : {}) }));
      if (this.card !== card) return;
      this.revealed = r;
      this.phase = 'back';
    }, card.problem ? 'typing' : 'front');
  }

  private elapsed(cap = MAX_SELF_ELAPSED): number {
    return Math.max(0, Math.min(cap, Math.round(performance.now() - this.shownAt)));
  }

  /** A self-grade on the back, or an override of a problem's auto-grade. */
  async grade(q: Quality): Promise<void> {
    const card = this.card;
    if (!card) return;
    if (this.phase === 'verdict') return this.override(q);
    if (this.phase !== 'back') return;
    const entry: SessionAnswer = { cardId: card.id, quality: q, tag: card.tag };
    this.answers.push(entry);
    // Read now: the closure runs after the next card (and its answerId) may already be on screen.
    const answer = { cardId: card.id, quality: q, elapsedMs: this.elapsed(), answerId: this.answerId };
    const answered = this.enqueue(() => api.answer(answer));
    const next = this.fetchNext();
    next.catch(() => undefined);
    const upcoming = this.upcoming;
    if (upcoming !== undefined && upcoming?.id !== card.id) {
      answered.catch((err: unknown) => this.answerFailed(card.id, err));
      // Show the known next card now; the host's reply confirms it.
      const optimistic: NextCardReply = { card: upcoming, remaining: remainingAfter(this.remaining, card.tag, q), done: { total: this.doneToday + 1 } };
      await this.apply(optimistic, true);
      const seq = this.shownSeq;
      await this.run(async () => {
        const n = await next;
        if (this.shownSeq !== seq) return; // the user has moved on (or undone); their action owns the screen
        if (n.card?.id === upcoming?.id) {
          this.remaining = n.remaining;
          this.doneToday = n.done.total;
          this.upcoming = n.upcoming;
          if (n.upcoming && !n.upcoming.problem) prerender(n.upcoming.front, n.upcoming.frontHtml);
        } else {
          await this.apply(n);
        }
      }, this.phase);
      return;
    }
    this.phase = 'saving';
    await this.run(async () => {
      try {
        await answered;
      } catch (err) {
        const i = this.answers.findLastIndex((a) => a.cardId === entry.cardId);
        if (i >= 0) this.answers.splice(i, 1);
        throw err;
      }
      await this.apply(await next);
    }, 'back');
  }

  /** A write the screen had moved past did not commit: say so and show the host's truth again. */
  private answerFailed(cardId: string, err: unknown): void {
    const i = this.answers.findLastIndex((a) => a.cardId === cardId);
    if (i >= 0) this.answers.splice(i, 1);
    void this.start().then(() => {
      this.error = `${err instanceof Error ? err.message : String(err)}`;
    });
  }

  /** Check a typed answer: nothing is recorded until the learner accepts or overrides the verdict's grade. */
  async submitTyped(): Promise<void> {
    const card = this.card;
    if (!card?.problem || this.phase !== 'typing') return;
    const typed = this.typed.trim();
    if (!typed) return;
    this.typedElapsed = Math.min(MAX_ELAPSED, Math.round(performance.now() - this.shownAt));
    this.phase = 'checking';
    await this.run(async () => {
      const r = await this.enqueue(() => api.checkAnswer({ cardId: card.id, typed, seed: card.problem!.seed, elapsedMs: this.typedElapsed }));
      if (r.verdict.status === 'unparseable') {
        this.retype = r.verdict.reason ?? '';
        this.phase = 'typing';
        return;
      }
      this.result = r;
      this.retype = null;
      this.selected = (r.quality ?? null) as Quality | null;
      this.phase = 'verdict';
    }, 'typing');
  }

  /** Enter on a verdict: record the auto-grade and move on. */
  async accept(): Promise<void> {
    if (this.phase !== 'verdict' || this.selected === null) return;
    await this.recordTyped(this.selected);
  }

  /** The learner disagrees with the auto-grade: their grade is the one recorded. */
  private async override(q: Quality): Promise<void> {
    if (!this.result) return;
    await this.recordTyped(q);
  }

  private async recordTyped(q: Quality): Promise<void> {
    const card = this.card;
    const check = this.result;
    if (!card?.problem || !check) return;
    this.phase = 'saving';
    this.selected = q;
    const typed = this.typed.trim();
    await this.run(async () => {
      const answer = { cardId: card.id, typed, seed: card.problem!.seed, quality: q, elapsedMs: this.typedElapsed, answerId: this.answerId };
      const r = await this.enqueue(() => api.answer(answer));
      this.answers.push({ cardId: card.id, quality: (r.quality ?? q) as Quality, tag: card.tag, correct: check.verdict.status === 'right' });
      if (q !== check.quality) this.flash('overridden');
      await this.apply(await this.fetchNext());
    }, 'verdict');
  }

  async undo(): Promise<void> {
    if (this.phase === 'loading' || this.phase === 'saving' || this.phase === 'checking') return;
    const back = this.phase;
    this.phase = 'saving';
    await this.run(async () => {
      const r = await this.enqueue(() => api.undo());
      if (!r.undone) {
        this.phase = back;
        this.flash('nothingToUndo');
        return;
      }
      const i = this.answers.findLastIndex((a) => a.cardId === r.cardId);
      if (i >= 0) this.answers.splice(i, 1);
      this.flash('undone');
      await this.apply(await this.fetchNext());
    }, back);
  }

  private flash(text: 'undone' | 'nothingToUndo' | 'overridden'): void {
    const at = Date.now();
    this.notice = { text, at };
    setTimeout(() => {
      if (this.notice?.at === at) this.notice = null;
    }, 2200);
  }

  /** Run a step; on failure show the error and return to `fallback` (the card stays on screen). */
  private async run(step: () => Promise<void>, fallback?: Phase): Promise<void> {
    try {
      this.error = null;
      await step();
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
      this.phase = fallback ?? 'error';
    }
  }

  /** Session summary numbers. */
  get stats() {
    const n = this.answers.length;
    const good = this.answers.filter((a) => a.quality >= 3).length;
    const byGrade = [0, 0, 0, 0, 0, 0];
    for (const a of this.answers) byGrade[a.quality]!++;
    const learned = this.answers.filter((a) => a.tag === 'new').length;
    return { count: n, good, byGrade, learned, ms: (this.endedAt ?? Date.now()) - this.startedAt };
  }
}
