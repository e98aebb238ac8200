import fs from 'node:fs';
import path from 'node:path';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { applyAnswer } from '../../../srs/answer.ts';
import type { Quality } from '../../../srs/sm2.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

export function setup() {
  const dir = tmpDir();
  const store = Store.open(path.join(dir, 'app.db'), { create: true });
  const clock = fakeClock();
  const app = new App(store, clock);
  return { dir, app, api: app.client(), store, clock };
}

/** Write files under `root`: path → text or bytes. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, body] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, body);
  }
}

/** Record one answer straight into the log, as the review service would. */
export function answer(store: Store, cardId: string, quality: Quality, day: number): void {
  const state = store.reviews.state(cardId);
  const e = applyAnswer({ state, quality, today: day, answeredToday: state?.lastDay === day });
  store.reviews.record({
    cardId, reviewedAt: day * 86_400_000, day, quality, elapsedMs: 1000, mode: e.mode,
    before: e.before, lastDayBefore: state?.lastDay ?? null, after: e.after,
  });
}

export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);

export const liveCards = (store: Store, deck: string) =>
  store.db.prepare('SELECT id, card_key AS key, section, back FROM cards WHERE deck_id = ? AND retired_at IS NULL ORDER BY ord').all(deck) as {
    id: string; key: string; section: string; back: string;
  }[];
