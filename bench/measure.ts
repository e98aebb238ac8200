// Timing helpers shared by every bench suite. Benchmarks measure; tests assert.
import v8 from 'node:v8';
import vm from 'node:vm';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  floor?: number;
  ratio?: number;
  /** Human-readable target, e.g. "≤ 1.5× floor" or "< 10 ms". */
  target?: string;
  pass?: boolean;
  note?: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median wall time in ms of `fn` over `runs` runs after `warmup` runs. `fn` gets the run index. */
export function timeMedian(fn: (i: number) => void, runs: number, warmup = Math.min(20, runs)): number {
  for (let i = 0; i < warmup; i++) fn(i);
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn(warmup + i);
    xs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(xs);
}

/** Interleave app and floor runs so drift (page cache, CPU clock) hits both alike. */
export function timePair(app: (i: number) => void, floor: (i: number) => void, runs: number): { app: number; floor: number } {
  const a: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = process.hrtime.bigint();
    app(i);
    a.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    floor(i);
    f.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { app: median(a), floor: median(f) };
}

/**
 * As timePair, but CPU time (process.cpuUsage, µs) instead of wall time: for
 * millisecond-scale work with no I/O wait, where on a loaded machine the
 * wall-time median mostly measures how long the process waited for a core
 * (the queue row swung 1.2–2.9× between runs; its CPU ratio stays within ±0.05).
 */
export function cpuPair(app: (i: number) => void, floor: (i: number) => void, runs: number): { app: number; floor: number } {
  const cpu = () => {
    const c = process.cpuUsage();
    return c.user + c.system;
  };
  const a: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = cpu();
    app(i);
    a.push((cpu() - t) / 1000);
    t = cpu();
    floor(i);
    f.push((cpu() - t) / 1000);
  }
  return { app: median(a), floor: median(f) };
}

export function ratioRow(name: string, m: { app: number; floor: number }, maxRatio: number, extra?: { maxMs?: number; note?: string }): BenchRow {
  const ratio = m.app / m.floor;
  const pass = ratio <= maxRatio && (extra?.maxMs === undefined || m.app < extra.maxMs);
  const target = `≤ ${maxRatio}× floor${extra?.maxMs !== undefined ? `, < ${extra.maxMs} ms` : ''}`;
  return { name, value: m.app, unit: 'ms', floor: m.floor, ratio, target, pass, ...(extra?.note ? { note: extra.note } : {}) };
}

let gc: (() => void) | null | undefined;

/** A full garbage collection (works without --expose-gc); false where V8 refuses the flag. */
export function collectGarbage(): boolean {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
  return gc !== null;
}
