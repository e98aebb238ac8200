// Switching scheduler. A backup comes first (the undo: restore it, or switch
// back). SM-2 → FSRS converts every card's memory (srs/fsrs/convert.ts) and
// keeps its due day; FSRS → SM-2 changes only the setting, because card_state
// already holds the due days FSRS set. Neither direction writes card_state or
// the review log, so a round trip leaves both byte-identical.
import fs from 'node:fs';
import path from 'node:path';
import { vacuumInto } from '../../db/backup.ts';
import type { Store } from '../../db/store.ts';
import { convertCard } from '../../srs/fsrs/convert.ts';
import type { FsrsConfig } from '../../srs/fsrs/config.ts';
import type { FsrsMemory } from '../../srs/fsrs/schedule.ts';
import type { Quality } from '../../srs/sm2.ts';
import { atomicFile } from '../export/atomic.ts';
import { retryStep } from '../busy.ts';

export interface SwitchResult {
  scheduler: 'sm2' | 'fsrs';
  /** The copy taken before anything changed; restore it to undo. Null when nothing changed. */
  backup: string | null;
  /** Cards whose FSRS memory came from their own log, and from their SM-2 ease and interval. */
  fromLog: number;
  fromSm2: number;
}

export async function backupBeforeSwitch(store: Store, now: number): Promise<string> {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const base = `${path.resolve(store.file)}.before-scheduler-switch-${stamp}`;
  let file = `${base}.bak`;
  for (let i = 1; fs.existsSync(file); i++) file = `${base}-${i}.bak`;
  await atomicFile(file, (tmp) => vacuumInto(store.db, tmp));
  return file;
}

/** Recompute every card's FSRS memory from its log (or SM-2 state), keeping due days. One transaction. */
export function convertAll(store: Store, cfg: FsrsConfig): { fromLog: number; fromSm2: number } {
  return store.write(() => {
    let fromLog = 0;
    let fromSm2 = 0;
    const out: [string, FsrsMemory][] = [];
    for (const c of store.fsrs.cardsForSwitch()) {
      const r = convertCard(cfg, {
        state: { repetitions: c.repetitions, easeFactor: c.easeFactor, intervalDays: c.intervalDays, dueDay: c.dueDay, lapses: c.lapses },
        lastDay: c.lastDay,
        log: c.log as { day: number; quality: Quality }[],
        complete: c.complete,
      });
      if (r.from === 'log') fromLog++;
      else fromSm2++;
      out.push([c.cardId, r.memory]);
    }
    store.fsrs.replaceAll(out);
    return { fromLog, fromSm2 };
  });
}

export async function switchScheduler(
  store: Store,
  to: 'sm2' | 'fsrs',
  from: 'sm2' | 'fsrs',
  cfg: FsrsConfig,
  now: number,
  save: () => void,
): Promise<SwitchResult> {
  if (to === from) return { scheduler: to, backup: null, fromLog: 0, fromSm2: 0 };
  const backup = await backupBeforeSwitch(store, now);
  // The backup is taken: a whole retry of the request would take a second one, so the write waits for the lock here.
  if (to === 'sm2') {
    await retryStep(save);
    return { scheduler: to, backup, fromLog: 0, fromSm2: 0 };
  }
  // Memories and the setting in one transaction: either both change or neither.
  const counts = await retryStep(() =>
    store.write(() => {
      const c = convertAll(store, cfg);
      save();
      return c;
    }),
  );
  return { scheduler: to, backup, ...counts };
}
