// Watch notes folders and re-import what changed: the CLI's `import --watch`
// and the app's "Notes folders" setting share this. Host-neutral: the file
// watcher and the timers are injected, so tests drive it with fakes; the
// default uses chokidar (Node 20 on Linux has no recursive fs.watch).
import path from 'node:path';
import { watch as chokidarWatch } from 'chokidar';
import type { ImportBatchReport } from './contract/decks.ts';
import { busyBackoffMs, isBusy } from './busy.ts';
import { isSkippedDir, NOTE_EXT } from './folder.ts';

export type WatchEvent = 'add' | 'change' | 'unlink';

export interface WatchDeps {
  /** Start watching `dir` recursively; `onEvent` gets absolute paths. */
  watch(dir: string, onEvent: (event: WatchEvent, file: string) => void, onError: (err: unknown) => void): { close(): Promise<void> | void };
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Re-import the files of `root` (relative paths) that changed; in time slices when it returns a promise. */
export type Reimport = (root: string, changed: ReadonlySet<string>) => ImportBatchReport | Promise<ImportBatchReport>;

export const DEBOUNCE_MS = 300;

const skipped = (root: string, p: string) => path.relative(root, p).split(path.sep).some((s) => s !== '..' && isSkippedDir(s));

export const chokidarDeps: WatchDeps = {
  watch(dir, onEvent, onError) {
    const w = chokidarWatch(dir, {
      ignoreInitial: true,
      // Hidden folders, .obsidian/, .trash/, node_modules: never note sources.
      ignored: (p, stats) => skipped(dir, p) || (!!stats?.isFile() && !NOTE_EXT.test(p)),
      awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 50 },
    });
    w.on('add', (f) => onEvent('add', f));
    w.on('change', (f) => onEvent('change', f));
    w.on('unlink', (f) => onEvent('unlink', f));
    w.on('error', onError);
    return { close: () => w.close() };
  },
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

interface Watched {
  handle: { close(): Promise<void> | void };
  pending: Set<string>;
  timer: unknown;
  /** A re-import in slices is under way: events meanwhile wait for the next flush. */
  running: boolean;
  /** Attempts in a row that met another process's write lock. */
  busyTries: number;
}

/**
 * One watcher per folder. Events are collected per folder and, after
 * `debounceMs` of quiet, the changed notes are re-imported in one go (an
 * editor's save-rename-save burst is one import). Reports go to `onReport`,
 * failures to `onError`; neither stops the watching. A re-import that meets
 * another process's write lock (SQLITE_BUSY: a CLI import is writing) keeps
 * its files pending and tries again on a timer, with growing waits, until the
 * lock is free: the edit is imported without waiting for another file event,
 * and the event loop is never held while it waits.
 */
export class FolderWatcher {
  private readonly folders = new Map<string, Watched>();

  constructor(
    private readonly reimport: Reimport,
    private readonly opts: {
      deps?: WatchDeps;
      debounceMs?: number;
      onReport?: (root: string, r: ImportBatchReport) => void;
      onError?: (root: string, err: unknown) => void;
      /** The first time in a row a re-import of `root` meets the lock (it will be tried again). */
      onBusy?: (root: string) => void;
    } = {},
  ) {}

  private get deps(): WatchDeps {
    return this.opts.deps ?? chokidarDeps;
  }

  roots(): string[] {
    return [...this.folders.keys()];
  }

  add(root: string): void {
    if (this.folders.has(root)) return;
    const w: Watched = { handle: { close: () => {} }, pending: new Set(), timer: null, running: false, busyTries: 0 };
    this.folders.set(root, w);
    w.handle = this.deps.watch(
      root,
      (_event, file) => {
        if (!NOTE_EXT.test(file) || skipped(root, file)) return;
        w.pending.add(path.relative(root, file).split(path.sep).join('/'));
        if (w.timer !== null) this.deps.clearTimer(w.timer);
        w.timer = this.deps.setTimer(() => this.flush(root), this.opts.debounceMs ?? DEBOUNCE_MS);
      },
      (err) => this.opts.onError?.(root, err),
    );
  }

  /** Re-import now whatever is pending for `root` (after the re-import under way, if one is). */
  flush(root: string): void {
    const w = this.folders.get(root);
    if (!w) return;
    w.timer = null;
    if (w.running || w.pending.size === 0) return;
    const changed = new Set(w.pending);
    w.pending.clear();
    const done = (report: ImportBatchReport) => {
      w.busyTries = 0;
      this.opts.onReport?.(root, report);
    };
    const failed = (err: unknown) => {
      if (!isBusy(err)) {
        w.busyTries = 0;
        this.opts.onError?.(root, err);
        return;
      }
      if (this.folders.get(root) !== w) return; // no longer watched
      // Nothing of a busy batch was written: keep its files and come back when the lock may be free.
      for (const f of changed) w.pending.add(f);
      if (w.busyTries === 0) this.opts.onBusy?.(root);
      if (w.timer !== null) this.deps.clearTimer(w.timer);
      w.timer = this.deps.setTimer(() => this.flush(root), busyBackoffMs(w.busyTries++));
    };
    let out: ImportBatchReport | Promise<ImportBatchReport>;
    try {
      out = this.reimport(root, changed); // not inside `onReport?.(…)`: that would skip the import without a listener
    } catch (err) {
      failed(err);
      return;
    }
    if (!(out instanceof Promise)) {
      done(out);
      return;
    }
    w.running = true;
    void out.then(done, failed).finally(() => {
      w.running = false;
      // Events that came while it ran: their debounce timer found it running; flush them now.
      if (this.folders.get(root) === w && w.pending.size > 0 && w.timer === null) w.timer = this.deps.setTimer(() => this.flush(root), 0);
    });
  }

  async remove(root: string): Promise<void> {
    const w = this.folders.get(root);
    if (!w) return;
    this.folders.delete(root);
    if (w.timer !== null) this.deps.clearTimer(w.timer);
    await w.handle.close();
  }

  /** Watch exactly these folders (the setting changed). */
  async set(roots: readonly string[]): Promise<void> {
    const want = new Set(roots);
    for (const r of this.roots()) if (!want.has(r)) await this.remove(r);
    for (const r of want) this.add(r);
  }

  async close(): Promise<void> {
    for (const r of this.roots()) await this.remove(r);
  }
}
