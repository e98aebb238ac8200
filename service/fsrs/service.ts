// FSRS handlers of AppApi over the store: status, switching, optimising,
// evaluating and simulating. Arguments arrive validated (App.dispatch).
import type { App, HandlersFor } from '../app.ts';
import type { Settings } from '../contract/index.ts';
import type { EvaluateResult, FsrsStatus, OptimizeResult, SwitchResult, fsrsSchemas } from '../contract/fsrs.ts';
import { MIN_ANSWERS_TO_OPTIMISE, weightsOf } from '../../srs/fsrs/config.ts';
import { memoryFromSm2 } from '../../srs/fsrs/convert.ts';
import { simulate, SIM_RETENTIONS, type SimCard, type SimulationResult } from '../../srs/fsrs/simulate.ts';
import { cardHistories, type LoggedAnswer } from '../../srs/eval/history.ts';
import { MAX_TRAIN_ITEMS, trainingItems } from '../../srs/eval/evaluate.ts';
import { defaultIsolation, runInWorker } from '../worker/client.ts';
import { Spawner } from '../worker/spawner.ts';
import { loadBinding, requireBinding, type BindingLoader, type BindingStatus } from './binding.ts';
import { fsrsConfig, saveWeights, storedWeights, type StoredWeights } from './config.ts';
import { retryWhileBusy } from '../busy.ts';
import { evaluateLog } from './evaluate.ts';
import { FsrsJobs } from './jobs.ts';
import { fitWeights } from './optimize.ts';
import { convertAll, switchScheduler } from './switch.ts';

export class FsrsService {
  readonly jobs = new FsrsJobs();
  private binding: BindingStatus | null = null;

  /** The task worker's main module instead of the one found beside the service (the bench: the shipped dist-cli/worker.mjs). */
  workerEntry: string | undefined;

  /** Forks the fit's and the evaluation's child processes once started (startSpawner); null: their worker forks them. */
  spawner: Spawner | null = null;

  constructor(private readonly app: App, private readonly loader: BindingLoader = requireBinding) {}

  /**
   * Fork the spawner (service/worker/spawner.ts) now, while this process is
   * small and idle, so a later fit or evaluation does not fork the host.
   * A host calls it once after start-up; nothing to do where the tasks do not
   * run in a process of their own (Electron, an injected binding). Resolves
   * to whether it is ready; a spawner that cannot start leaves the worker path.
   */
  async startSpawner(): Promise<boolean> {
    // One at a time: a second call while the first is still loading waits for that one.
    if (this.spawner?.running) return this.spawner.ready;
    if (!this.inWorker || defaultIsolation('evaluate') !== 'process') return false;
    try {
      this.spawner = Spawner.start(this.workerEntry);
    } catch {
      return false;
    }
    return this.spawner.ready;
  }

  /** End the spawner, if any (the host is closing). */
  close(): void {
    this.spawner?.close();
    this.spawner = null;
  }

  /**
   * Fit and evaluation run in a task worker (service/worker/) with the
   * platform's binding; a loader injected by a test runs them here instead,
   * since a function cannot cross into the worker.
   */
  get inWorker(): boolean {
    return this.loader === requireBinding;
  }

  /** Loaded on first use: a missing binary costs nothing until someone optimises. */
  optimizer(): BindingStatus {
    this.binding ??= loadBinding(this.loader);
    return this.binding;
  }

  private settings(): Settings {
    return this.app.library.getSettings();
  }

  answers(): LoggedAnswer[] {
    return this.app.store.fsrs.answers() as LoggedAnswer[];
  }

  status(): FsrsStatus {
    const s = this.settings();
    const w = storedWeights(this.app.store);
    const b = this.optimizer();
    return {
      scheduler: s.scheduler,
      desiredRetention: s.desiredRetention,
      maximumInterval: s.maximumInterval,
      optimizer: b.available ? { available: true } : { available: false, reason: b.reason },
      weights: w ? 'optimized' : 'default',
      fittedAt: w?.fittedAt ?? null,
      answers: this.app.store.fsrs.repeatedAnswerCount(),
      minAnswers: MIN_ANSWERS_TO_OPTIMISE,
    };
  }

  async switchTo(to: 'sm2' | 'fsrs'): Promise<SwitchResult> {
    const s = this.settings();
    return switchScheduler(this.app.store, to, s.scheduler, fsrsConfig(this.app.store, s), this.app.clock.now(), () =>
      this.app.library.updateSettings({ scheduler: to }),
    );
  }

  /** updateSettings with a scheduler change goes through the switch (backup + conversion) first. */
  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const { scheduler, ...rest } = patch;
    if (scheduler !== undefined) await this.switchTo(scheduler);
    return this.app.library.updateSettings(rest);
  }

  resetWeights(): FsrsStatus {
    this.saveWeightsAndMemories(null);
    return this.status();
  }

  /**
   * New weights and the memories they give in one transaction: a lock met
   * between the two would otherwise leave weights saved and memories from
   * the old ones (the optimize job is not retried by the request path).
   */
  private saveWeightsAndMemories(w: StoredWeights | null): void {
    this.app.store.write(() => {
      saveWeights(this.app.store, w);
      this.refreshMemories();
    });
  }

  /** After the weights change, FSRS memories are recomputed from the log (due days kept). */
  private refreshMemories(): void {
    const s = this.settings();
    if (s.scheduler === 'fsrs') convertAll(this.app.store, fsrsConfig(this.app.store, s));
  }

  async optimize(progress: (done: number, total: number) => void): Promise<OptimizeResult> {
    const fit = this.inWorker
      ? await runInWorker({ kind: 'optimize', file: this.app.store.file }, { onProgress: (_phase, d, t) => progress(d, t), entry: this.workerEntry, spawner: this.spawner })
      : await fitWeights(this.optimizer(), trainingItems(cardHistories(this.answers()), Number.POSITIVE_INFINITY), progress);
    if (!fit.fitted) return { fitted: false, message: fit.message, items: fit.items, weights: null };
    // A background job: nothing retries it, so it waits for another process's lock itself (one transaction: safe to repeat).
    const fittedAt = this.app.clock.now();
    await retryWhileBusy(() => this.saveWeightsAndMemories({ weights: fit.weights, fittedAt, answers: fit.items }));
    const capped = fit.items >= MAX_TRAIN_ITEMS ? ` (the ${MAX_TRAIN_ITEMS.toLocaleString('en')} most recent: training is capped there)` : '';
    return { fitted: true, message: `Fitted on ${fit.items} repeated answers${capped}.`, items: fit.items, weights: fit.weights };
  }

  evaluate(log: readonly LoggedAnswer[], progress?: (phase: string, done: number, total: number) => void): Promise<EvaluateResult> {
    return evaluateLog(log, this.optimizer(), { progress });
  }

  /** The retention chart: the profile's cards and daily new-card limit, one seeded run per retention. */
  async simulate(days = 365, progress?: (done: number, total: number) => void): Promise<SimulationResult[]> {
    const { store } = this.app;
    const s = this.settings();
    const cfg = fsrsConfig(store, s);
    const today = this.app.review.today();
    const cards: SimCard[] = [];
    for (const c of store.fsrs.cardsForSwitch()) {
      const m = store.fsrs.get(c.cardId) ?? memoryFromSm2(cfg, c, c.lastDay);
      cards.push({ stability: m.stability, difficulty: m.difficulty, lastDay: c.lastDay - today, dueDay: c.dueDay - today });
    }
    const newCards = store.reviews.freshCount();
    const out: SimulationResult[] = [];
    for (const [i, r] of SIM_RETENTIONS.entries()) {
      out.push(simulate({ weights: weightsOf(cfg), desiredRetention: r, maximumInterval: s.maximumInterval, days, cards, newPerDay: s.newPerDay, newCards, seed: 20_251_130 }));
      progress?.(i + 1, SIM_RETENTIONS.length);
      await new Promise((res) => setImmediate(res));
    }
    return out;
  }
}

export function fsrsHandlers(app: App, svc: FsrsService): HandlersFor<typeof fsrsSchemas> {
  return {
    fsrsStatus: () => svc.status(),
    switchScheduler: (a) => svc.switchTo(a.scheduler),
    resetFsrsWeights: () => svc.resetWeights(),
    fsrsJobStart: (a) =>
      svc.jobs.start(a.kind, async (job) => {
        const tick = (phase: string) => (done: number, total: number) => Object.assign(job, { phase, done, total });
        if (a.kind === 'optimize') return { optimize: await svc.optimize(tick('fit')) };
        if (a.kind === 'simulate') return { simulate: await svc.simulate(365, tick('simulate')) };
        const progress = (phase: string, d: number, t: number) => tick(phase)(d, t);
        if (svc.inWorker) return { evaluate: await runInWorker({ kind: 'evaluate', file: app.store.file, log: null }, { onProgress: progress, entry: svc.workerEntry, spawner: svc.spawner }) };
        return { evaluate: await svc.evaluate(svc.answers(), progress) };
      }),
    fsrsJobStatus: (a) => svc.jobs.status(a.id),
  };
}
