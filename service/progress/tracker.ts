// One percentage for a whole import out of its phases: each phase has a
// share of the bar (by how long it takes on a large import, measured with
// bench/anki.ts); the percentage never goes down and is 100 only at the end.
import type { ImportPhase, ImportProgress } from '../contract/progress.ts';

export type PhaseShares = readonly (readonly [ImportPhase, number])[];

/** Anki: unpack ≈ 9 % of the CPU time, read the collection ≈ 17 %, media, the notes ≈ 60 %, stats and commit ≈ 10 %. */
export const ANKI_PHASES: PhaseShares = [['unpack', 9], ['read', 17], ['media', 4], ['notes', 60], ['finish', 10]];
/** Folders: reading, parsing and storing the files is nearly all of it; retiring vanished decks the rest. */
export const FOLDER_PHASES: PhaseShares = [['files', 97], ['finish', 3]];

export type ProgressFn = (phase: ImportPhase, done: number, total: number, file?: string) => void;
export type ProgressView = Omit<ImportProgress, 'id' | 'state' | 'error'>;

export class ProgressTracker {
  private best = 0;
  private readonly sum: number;

  constructor(
    private readonly shares: PhaseShares,
    private readonly out: (p: ProgressView) => void,
  ) {
    this.sum = shares.reduce((n, [, w]) => n + w, 0);
  }

  readonly report: ProgressFn = (phase, done, total, file) => {
    let before = 0;
    let share = 0;
    for (const [p, w] of this.shares) {
      if (p === phase) {
        share = w;
        break;
      }
      before += w;
    }
    const frac = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
    // 99.9 at most while running: 100 means finished, and a poller may stop at it.
    const pct = Math.min(99.9, (100 * (before + share * frac)) / this.sum);
    this.best = Math.max(this.best, Math.round(pct * 10) / 10);
    this.out({ phase, done, total, percent: this.best, ...(file !== undefined ? { file } : {}) });
  };

  /** The end: 100 %. */
  done(): void {
    this.best = 100;
    this.out({ phase: 'done', done: 1, total: 1, percent: 100 });
  }
}
