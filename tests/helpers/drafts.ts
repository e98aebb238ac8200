import type { CardDraft } from '../../cards/types.ts';

export function draft(id: string, over: Partial<CardDraft> = {}): CardDraft {
  return {
    id, deck: 'd', kind: 'term', section: ['S'], key: id, front: `front ${id}`, back: `back ${id}`,
    links: [], order: 0, line: 1, ...over,
  };
}

export function drafts(n: number): CardDraft[] {
  return Array.from({ length: n }, (_, i) => draft(`c${i}`, { order: i, line: i + 1 }));
}

/** A controllable clock in a fixed zone (UTC+8 by default). */
export function fakeClock(startIso = '2026-11-27T02:00:00Z', offsetMin = 480) {
  let now = Date.parse(startIso);
  return {
    now: () => now,
    utcOffsetMinutes: () => offsetMin,
    advance(ms: number) {
      now += ms;
    },
    set(iso: string) {
      now = Date.parse(iso);
    },
  };
}
