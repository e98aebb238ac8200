// Check database runs as two workers at once (service/doctor.ts): SQLite's
// page and index checks in one, the log replay and the other checks in the
// other. Their progress reaches the user as one bar that only moves forward
// and ends at 100 %: each half's own share (by its phase) never goes back,
// and the bar shows their mean. The label names what the log half is doing
// while it runs (the part users recognise), then what the page half is doing.
export type ProgressReport = (phase: string, done: number, total: number) => void;

/** The bar's resolution. */
export const PROGRESS_TOTAL = 1000;

/** Where each phase starts within its half, and how much of the half it spans (roughly its share of the time). */
const SPANS: Record<string, readonly [start: number, span: number]> = {
  integrity: [0, 0.3], // quick_check, or the full integrity_check when the fast path doubts
  indexes: [0.3, 0.7],
  history: [0, 0.9],
  references: [0.9, 0.1],
};

export type Half = 'pages' | 'logic';

export interface MergedProgress {
  pages: ProgressReport;
  logic: ProgressReport;
  /** The half has its answer: its share is full. */
  finish(half: Half): void;
}

export function mergedProgress(report?: ProgressReport): MergedProgress {
  const share: Record<Half, number> = { pages: 0, logic: 0 };
  const phase: Record<Half, string> = { pages: 'integrity', logic: 'history' };
  const running: Record<Half, boolean> = { pages: true, logic: true };
  let shown = -1;
  let label = '';
  const emit = () => {
    const done = Math.min(PROGRESS_TOTAL, Math.floor((PROGRESS_TOTAL * (share.pages + share.logic)) / 2));
    const now = running.logic || !running.pages ? phase.logic : phase.pages;
    if (done === shown && now === label) return;
    shown = Math.max(shown, done);
    label = now;
    report?.(label, shown, PROGRESS_TOTAL);
  };
  const half = (h: Half): ProgressReport => (p, done, total) => {
    if (!running[h]) return;
    const [start, span] = SPANS[p] ?? [0, 0];
    share[h] = Math.max(share[h], Math.min(1, start + span * (total > 0 ? Math.min(done, total) / total : 0)));
    if (SPANS[p]) phase[h] = p;
    emit();
  };
  return {
    pages: half('pages'),
    logic: half('logic'),
    finish(h) {
      running[h] = false;
      share[h] = 1;
      emit();
    },
  };
}
