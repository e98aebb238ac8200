// One progress line on a terminal's stderr (`\r` rewrites it in place, and
// it is cleared when the work ends); nothing at all when stderr is a file or
// a pipe, or with --json, so scripts and logs never see it.

export interface ProgressStream {
  isTTY?: boolean;
  write(s: string): unknown;
}

export interface ProgressLine {
  /** `fraction` 0–1, or null while the amount is unknown. */
  update(fraction: number | null, detail?: string): void;
  end(): void;
}

const WIDTH = 24;
/** Repaints at most this often: a terminal redrawn per row slows the work it reports. */
const EVERY_MS = 80;

export function progressLine(stream: ProgressStream, label: string, opts: { json?: boolean; now?: () => number } = {}): ProgressLine | null {
  if (!stream.isTTY || opts.json) return null;
  const now = opts.now ?? Date.now;
  let last = -Infinity;
  let shown = false;
  return {
    update(fraction, detail) {
      const t = now();
      if (t - last < EVERY_MS) return;
      last = t;
      shown = true;
      const f = fraction === null ? null : Math.min(1, Math.max(0, fraction));
      const bar = f === null ? '?'.repeat(WIDTH) : `${'#'.repeat(Math.round(f * WIDTH))}${'.'.repeat(WIDTH - Math.round(f * WIDTH))}`;
      const pct = f === null ? '' : ` ${Math.floor(f * 100)}%`;
      const tail = detail ? ` ${detail.length > 40 ? `…${detail.slice(-39)}` : detail}` : '';
      stream.write(`\r\x1b[K${label} [${bar}]${pct}${tail}`);
    },
    end() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
