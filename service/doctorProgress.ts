// Check database runs as two workers sharing one job list (service/doctor.ts,
// service/worker/doctorShare.ts). Each reports the whole list's progress as
// it sees it (the jobs either finished plus its own share of the job it
// runs), so their reports interleave and one can be behind the other. The
// user sees one bar that only moves forward and ends at 100 % when the check
// has its answer. The label names the log replay while a worker runs it (the
// part users recognise), otherwise what the last report was doing.
export type ProgressReport = (phase: string, done: number, total: number) => void;

/** The bar's resolution. */
export const PROGRESS_TOTAL = 1000;

const LOG_PHASE = 'history';

export interface SharedProgress {
  /** Worker `i`'s reports. */
  worker(i: number): ProgressReport;
  /** Worker `i` has answered: its phase no longer names the bar. */
  idle(i: number): void;
  /** The check has its answer: the bar is full. */
  finish(): void;
}

export function sharedProgress(report?: ProgressReport): SharedProgress {
  const phase = new Map<number, string>();
  let shown = -1;
  let label = '';
  let finished = false;
  const emit = (done: number, last: string) => {
    const now = [...phase.values()].includes(LOG_PHASE) ? LOG_PHASE : last;
    const d = Math.max(shown, done);
    if (d === shown && now === label) return;
    shown = d;
    label = now;
    report?.(label, shown, PROGRESS_TOTAL);
  };
  return {
    worker: (i) => (p, done, total) => {
      if (finished) return;
      phase.set(i, p);
      // Full only at finish: the answer is not there until the host has put it together.
      const share = total > 0 ? Math.floor((PROGRESS_TOTAL * Math.min(Math.max(done, 0), total)) / total) : 0;
      emit(Math.min(PROGRESS_TOTAL - 1, share), p);
    },
    idle(i) {
      phase.delete(i);
    },
    finish() {
      if (finished) return;
      finished = true;
      emit(PROGRESS_TOTAL, label || 'references');
    },
  };
}
