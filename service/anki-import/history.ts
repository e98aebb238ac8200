// Anki's revlog → our review log, and an Anki card's scheduling → our SM-2
// card_state. Pure. Ratings map to qualities through srs/rating.ts (the one
// table both directions use). The schedule is taken from Anki's own ivl,
// factor and due, never replayed: our SM-2 would not reach the same state.
import type { AnkiCardRow, AnkiRevlogRow } from '../../db/ankiRead.ts';
import type { ImportReview, ImportState } from '../../db/ankiImport.ts';
import { ratingToQuality, type Rating } from '../../srs/rating.ts';
import { INITIAL_EASE, MIN_EASE } from '../../srs/sm2.ts';

const DAY_MS = 86_400_000;
const MAX_ELAPSED = 24 * 3600 * 1000;

export interface DayClock {
  /** Study day of an instant (the profile's time zone and rollover). */
  dayOf(ms: number): number;
}

/** Revlog rows with a button (1–4) are answers; 0 marks reschedules and resets, which carry no answer. */
export const isAnswer = (r: AnkiRevlogRow) => r[2] >= 1 && r[2] <= 4;
/** Answers in a filtered deck that left the schedule alone (type 3, factor 0): our drills. */
export const isCram = (r: AnkiRevlogRow) => r[7] === 3 && r[5] === 0;

/**
 * The log of one card, oldest first, with before/after fields filled the way
 * our own log has them. Learning steps (negative ivl: seconds) count as 0 days.
 */
export function reviewsOf(cardId: string, rows: readonly AnkiRevlogRow[], clock: DayClock): ImportReview[] {
  const out: ImportReview[] = [];
  let reps = 0;
  let ease = INITIAL_EASE;
  let lapses = 0;
  let ivl = 0;
  let due: number | null = null;
  let lastDay: number | null = null;
  let first = true;
  for (const r of rows) {
    if (!isAnswer(r)) continue;
    const [id, , button, ivlAfter, lastIvl, factor, time, type] = r;
    const day = clock.dayOf(id);
    const cram = isCram(r);
    const before = { repsB: first ? null : reps, easeB: first ? null : ease, ivlB: first ? null : Math.max(0, lastIvl), dueB: first ? null : due, lapsesB: first ? null : lapses, lastDayBefore: lastDay };
    if (!cram) {
      if (button === 1) {
        reps = 0;
        if (type === 1) lapses++; // a failure in review, as Anki counts lapses
      } else reps++;
      if (factor > 0) ease = Math.max(MIN_EASE, factor / 1000);
      ivl = Math.max(0, ivlAfter);
      due = day + ivl;
      lastDay = day;
    }
    out.push({
      cardId, reviewedAt: id, day, quality: ratingToQuality(button as Rating), elapsedMs: Math.min(Math.max(0, Math.round(time)), MAX_ELAPSED),
      mode: cram ? 'drill' : 'review', ...before,
      repsA: reps, easeA: ease, ivlA: ivl, dueA: due ?? day, lapsesA: lapses,
    });
    first = false;
  }
  return out;
}

/** The day Anki's due numbers count from: the study day holding the middle of the collection's first day. */
export const crtDay = (crtSec: number, clock: DayClock) => clock.dayOf(crtSec * 1000 + DAY_MS / 2);

/** Anki card → SM-2 state; null for a card Anki has never shown. */
export function stateOf(cardId: string, c: AnkiCardRow, log: readonly ImportReview[], crt: number, clock: DayClock): ImportState | null {
  const [, , , , type, , due, ivl, factor, , lapses, odue, odid] = c;
  if (type === 0) return null;
  // In a filtered deck the home schedule is in odue; due numbers above 10^8 are epoch seconds (learning queue).
  const raw = odid !== 0 && odue !== 0 ? odue : due;
  const dueDay = raw > 100_000_000 ? clock.dayOf(raw * 1000) : crtDay(crt, clock) + raw;
  const counted = log.filter((r) => r.mode === 'review');
  let streak = 0;
  for (let i = counted.length - 1; i >= 0 && counted[i]!.quality >= 3; i--) streak++;
  const review = type === 2;
  const intervalDays = type === 1 ? 0 : Math.max(1, ivl);
  // SM-2 grows an interval by EF only from the third success on: a review card needs repetitions ≥ 2 for that.
  const repetitions = review ? Math.max(intervalDays >= 2 ? 2 : 1, streak) : 0;
  const last = counted.length ? counted[counted.length - 1]!.day : dueDay - intervalDays;
  return {
    cardId, repetitions, easeFactor: factor > 0 ? Math.max(MIN_EASE, factor / 1000) : INITIAL_EASE,
    intervalDays, dueDay, lapses, lastDay: Math.min(last, dueDay),
  };
}
