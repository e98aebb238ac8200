// A small profile for the stats tests: hand-made cards in three sections and
// a clock whose time zone can change mid-history.
import path from 'node:path';
import { TEMPLATES } from '../../../cards/problems/catalogue.ts';
import type { CardDraft } from '../../../cards/types.ts';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { draft } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

export const CONV_RF = ['卷积', '感受野'];
export const CONV_OUT = ['卷积', '输出'];
export const KL = ['KL散度'];

export function statsDrafts(): CardDraft[] {
  return [
    draft('a', { section: CONV_RF, order: 1, front: 'a, "quoted"\nline two — 中文', back: '$x^2$, done' }),
    draft('b', { section: CONV_RF, order: 2 }),
    draft('s', { section: CONV_RF, order: 3 }),
    draft('p', { section: CONV_OUT, order: 4, kind: 'problem', templateId: TEMPLATES[0]!.id, front: 'conv out', back: '$\\lfloor$$\\frac{n-k}{s}$$\\rfloor$ + 1' }),
    draft('k', { section: KL, order: 5 }),
    draft('n', { section: KL, order: 6 }),
    draft('r', { section: KL, order: 7 }),
  ];
}

export function zoneClock(iso: string, offsetMin: number) {
  let now = Date.parse(iso);
  let offset = offsetMin;
  return {
    now: () => now,
    utcOffsetMinutes: () => offset,
    set(at: string, off = offset) {
      now = Date.parse(at);
      offset = off;
    },
  };
}

export function statsProfile(file = path.join(tmpDir(), 'p.db'), clock = zoneClock('2026-03-10T19:30:00Z', 480)) {
  const store = Store.open(file, { create: true });
  const app = new App(store, clock);
  store.cards.syncDeck({ id: 'd', name: 'Deck', sourcePath: null, sourceHash: 'h' }, statsDrafts(), clock.now());
  return { store, app, api: app.client(), clock, file };
}
