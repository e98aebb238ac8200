// Issue 12.5: the notes-folder watcher's re-imports meet another process's
// write lock too (a CLI import). Browser mode opens the profile with a 25 ms
// busy timeout, so before, such a re-import failed at once and the edit was
// only imported at the next file event. Now the change waits for the lock on
// timers and is imported once a child process that holds BEGIN IMMEDIATE
// lets go, without another file event. File events are emitted by hand (the
// watcher's deps), timers are real.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { SHORT_BUSY_TIMEOUT_MS } from '../../../service/busy.ts';
import { watchNotesFolders } from '../../../service/notesFolders.ts';
import type { WatchDeps, WatchEvent } from '../../../service/watch.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { holdWriteLock } from '../../helpers/writeLock.ts';
import { liveCards, writeTree } from '../folders/setup.ts';

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** File events by hand, timers for real. */
function handEvents() {
  const listeners = new Map<string, (e: WatchEvent, f: string) => void>();
  const deps: WatchDeps = {
    watch(dir, onEvent) {
      listeners.set(dir, onEvent);
      return { close: () => void listeners.delete(dir) };
    },
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  return { deps, emit: (dir: string, e: WatchEvent, file: string) => listeners.get(dir)!(e, file), watching: () => [...listeners.keys()] };
}

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function browserModeApp() {
  const dir = tmpDir();
  const file = path.join(dir, 'app.db');
  const store = Store.open(file, { create: true });
  store.setBusyTimeout(SHORT_BUSY_TIMEOUT_MS);
  const app = new App(store, fakeClock(), { busyRetryMs: 10_000 });
  cleanup.push(() => store.close());
  return { dir, file, store, app, api: app.client() };
}

const backs = (store: Store, deck: string) => liveCards(store, deck).map((c) => c.back);

describe('notes-folder watcher while another process holds the write lock', () => {
  it('a change made while locked is imported once the lock is released, without another file event', async () => {
    const { dir, file, store, app, api } = browserModeApp();
    const root = path.join(dir, 'notes');
    writeTree(root, { 'a.md': '# A\n\nQ1::A1\n' });
    const h = handEvents();
    const logs: string[] = [];
    const w = watchNotesFolders(app, { deps: h.deps, debounceMs: 20, log: (l) => logs.push(l) });
    cleanup.push(() => w.close());
    await api.updateSettings({ notesFolders: [root] });
    await until(() => h.watching().length === 1);
    expect(backs(store, 'notes/a')).toEqual(['A1']);

    const lock = await holdWriteLock(file);
    cleanup.push(() => lock.child.exitCode === null && lock.child.kill('SIGKILL'));
    writeTree(root, { 'a.md': '# A\n\nQ1::A1 edited while locked\n' });
    h.emit(root, 'change', path.join(root, 'a.md'));
    // Several lock attempts pass (debounce 20 ms, then waits of 10–200 ms); the edit must still be pending, not dropped.
    await new Promise((r) => setTimeout(r, 600));
    expect(backs(store, 'notes/a')).toEqual(['A1']);
    expect(logs.filter((l) => /locked|busy/i.test(l))).toEqual([]);

    await lock.release();
    await until(() => backs(store, 'notes/a')[0] === 'A1 edited while locked');
    await until(() => logs.some((l) => l.includes('1 changed, 0 new, 1 updated')));
  }, 30_000);

  it('a listed folder whose import at start meets the lock is imported once the lock is released', async () => {
    const { dir, file, store, app, api } = browserModeApp();
    const root = path.join(dir, 'notes');
    writeTree(root, { 'b.md': '# B\n\nQ2::A2\n' });
    await api.updateSettings({ notesFolders: [root] }); // no watcher yet: as if set in an earlier session
    const lock = await holdWriteLock(file);
    cleanup.push(() => lock.child.exitCode === null && lock.child.kill('SIGKILL'));
    const h = handEvents();
    const logs: string[] = [];
    const w = watchNotesFolders(app, { deps: h.deps, debounceMs: 20, log: (l) => logs.push(l) });
    cleanup.push(() => w.close());
    expect(backs(store, 'notes/b')).toEqual([]);
    expect(logs.some((l) => l.includes('another process is writing'))).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(backs(store, 'notes/b')).toEqual([]);
    await lock.release();
    await until(() => backs(store, 'notes/b').length === 1);
    expect(backs(store, 'notes/b')).toEqual(['A2']);
  }, 30_000);
});
