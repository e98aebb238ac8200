// The running mock on the client. The server owns the clock: every reply
// carries the remaining time, and the countdown here only interpolates
// between replies. When a countdown reaches zero the runner asks the server
// (mockCurrent), which records the time-out and hands over the next question.
import type { CardLink } from '../../../cards/types.ts';
import type { MockAnswerResult, MockReport, MockView } from '../../../service/contract/index.ts';
import { api } from '../../lib/api.ts';
import type { Quality, RunPhase } from './logic.ts';

const MAX_ELAPSED = 24 * 3600 * 1000 - 1;
const MIN_POLL_GAP_MS = 300;

export type Flash = { kind: 'right' | 'wrong' | 'recorded' | 'timeout'; at: number };

export class MockRunner {
  view = $state<MockView | null>(null);
  phase = $state<RunPhase>('question');
  revealed = $state<{ back: string; links: CardLink[] } | null>(null);
  notes = $state('');
  typed = $state('');
  retype = $state<string | null>(null);
  error = $state<string | null>(null);
  flash = $state<Flash | null>(null);
  now = $state(0);
  private anchor = $state({ at: 0, question: 0, total: 0 });

  questionLeft = $derived(Math.max(0, this.anchor.question - (this.now - this.anchor.at)));
  totalLeft = $derived(Math.max(0, this.anchor.total - (this.now - this.anchor.at)));

  private timer: ReturnType<typeof setInterval> | null = null;
  private polling = false;
  private lastPoll = 0;
  private shownAt = 0;
  private beforeConfirm: RunPhase = 'question';
  private ended = false;

  constructor(private readonly onEnd: (report: MockReport) => void) {}

  begin(v: MockView): void {
    this.ended = false;
    this.apply(v);
    this.stop();
    this.timer = setInterval(() => void this.tick(), 200);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private apply(v: MockView): void {
    const fresh = !this.view || this.view.mockId !== v.mockId || this.view.index !== v.index;
    this.view = v;
    this.now = performance.now();
    this.anchor = { at: this.now, question: v.remainingMs.question, total: v.remainingMs.total };
    if (!fresh) return;
    this.shownAt = this.now;
    const r = v.question.revealed;
    this.revealed = r ? { back: r.back, links: r.links } : null;
    this.notes = r?.notes ?? '';
    this.typed = '';
    this.retype = null;
    this.phase = r ? 'revealed' : 'question';
  }

  private async tick(): Promise<void> {
    this.now = performance.now();
    if (!this.view || this.polling || this.ended) return;
    if ((this.questionLeft <= 0 || this.totalLeft <= 0) && this.now - this.lastPoll >= MIN_POLL_GAP_MS) await this.poll(true);
  }

  /** Ask the server where the mock stands (after a countdown ran out, or a refused call). */
  async poll(fromTimer = false): Promise<void> {
    const v = this.view;
    if (!v || this.polling) return;
    this.polling = true;
    this.lastPoll = performance.now();
    try {
      const next = await api.mockCurrent();
      if (!next || next.mockId !== v.mockId) return void (await this.end(v.mockId));
      if (fromTimer && next.index !== v.index) this.showFlash('timeout');
      if (this.phase === 'sending' || this.phase === 'confirm') this.phase = 'question';
      this.apply(next);
    } catch (err) {
      this.error = (err as Error).message;
    } finally {
      this.polling = false;
    }
  }

  private async end(mockId: number, report?: MockReport | null): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.stop();
    this.onEnd(report ?? (await api.mockReport({ id: mockId })));
  }

  private flashTimer: ReturnType<typeof setTimeout> | null = null;

  private showFlash(kind: Flash['kind']): void {
    this.flash = { kind, at: Date.now() };
    if (this.flashTimer) clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => (this.flash = null), 1800);
  }

  private elapsed(): number {
    return Math.min(MAX_ELAPSED, Math.max(0, Math.round(performance.now() - this.shownAt)));
  }

  /**
   * Run a call. On failure, resynchronise first: usually the question timed
   * out or the mock ended meanwhile (a 409 over HTTP; over IPC the status is
   * lost, so the server's state decides), and then there is nothing to report.
   */
  private async send<T>(fn: (v: MockView) => Promise<T>, onOk: (r: T) => void | Promise<void>, back: RunPhase): Promise<void> {
    const v = this.view;
    if (!v || this.phase === 'sending') return;
    this.phase = 'sending';
    this.error = null;
    try {
      await onOk(await fn(v));
    } catch (err) {
      this.phase = back;
      await this.poll();
      if (this.ended || this.view?.mockId !== v.mockId || this.view.index !== v.index) return;
      this.error = (err as Error).message;
    }
  }

  private async after(r: MockAnswerResult): Promise<void> {
    if (r.timedOut) this.showFlash('timeout');
    else if (r.verdict) this.showFlash(r.correct ? 'right' : 'wrong');
    else this.showFlash('recorded');
    if (r.report) return this.end(r.report.mockId, r.report);
    if (!r.next) return this.end(this.view!.mockId);
    this.phase = 'question';
    this.apply(r.next);
  }

  reveal(): Promise<void> {
    return this.send(
      (v) => api.mockReveal({ mockId: v.mockId, index: v.index, ...(this.notes.trim() ? { notes: this.notes } : {}) }),
      (r) => {
        this.revealed = { back: r.back, links: r.links };
        this.phase = 'revealed';
      },
      'question',
    );
  }

  grade(quality: Quality): Promise<void> {
    if (this.phase !== 'revealed') return Promise.resolve();
    return this.send(
      (v) => api.mockAnswer({ mockId: v.mockId, index: v.index, quality, elapsedMs: this.elapsed(), ...(this.notes.trim() ? { notes: this.notes } : {}) }),
      (r) => this.after(r),
      'revealed',
    );
  }

  submitTyped(): Promise<void> {
    if (!this.typed.trim() || this.phase !== 'question') return Promise.resolve();
    return this.send(
      (v) => api.mockAnswer({ mockId: v.mockId, index: v.index, typed: this.typed, elapsedMs: this.elapsed() }),
      (r) => {
        if (!r.recorded && !r.timedOut) {
          this.retype = r.verdict?.reason ?? '';
          this.phase = 'question';
          return;
        }
        return this.after(r);
      },
      'question',
    );
  }

  /** Give up on a problem: recorded as quality 0, and the interview moves on. */
  skip(): Promise<void> {
    if (this.phase !== 'question') return Promise.resolve();
    return this.send((v) => api.mockAnswer({ mockId: v.mockId, index: v.index, quality: 0, elapsedMs: this.elapsed() }), (r) => this.after(r), 'question');
  }

  askEnd(): void {
    if (this.phase === 'sending' || this.phase === 'confirm') return;
    this.beforeConfirm = this.phase;
    this.phase = 'confirm';
  }

  cancelEnd(): void {
    if (this.phase === 'confirm') this.phase = this.beforeConfirm;
  }

  endNow(how: 'finish' | 'abandon'): Promise<void> {
    return this.send(
      (v) => (how === 'finish' ? api.mockFinish({ mockId: v.mockId }) : api.mockAbandon({ mockId: v.mockId })),
      (r) => this.end(r.mockId, r),
      this.beforeConfirm,
    );
  }
}
