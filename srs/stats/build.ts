// Assemble the whole report from aggregate rows. Pure: `today` and the UTC
// offset are passed in, so the same input always gives the same report.
import { dayToIso, studyDay } from '../day.ts';
import { cardCounts, easeBuckets, forecast, intervalBuckets } from './cards.ts';
import { answers, dailySeries, heatmap, streaks, totals } from './daily.ts';
import { hourly } from './hourly.ts';
import { rangeDays } from './range.ts';
import { retention } from './retention.ts';
import { mastery } from './sections.ts';
import type { CardClassRow, DayCounters, DueRow, HourRow, MockScoreRow, SectionCounters, Stats, StatsRange } from './types.ts';

export interface StatsInput {
  today: number;
  range: StatsRange;
  section: string[] | null;
  utcOffsetMinutes: number;
  rolloverHour: number;
  /** All-time (day, mode) rows for the filtered sections. */
  daily: readonly DayCounters[];
  /** Days with answers in any section, newest first (the streak is a habit, not a topic). */
  activeDays: readonly number[];
  hourly: readonly HourRow[];
  bySection: readonly SectionCounters[];
  sections: readonly { id: number; path: string[] }[];
  cardClasses: readonly CardClassRow[];
  due: readonly DueRow[];
  intervals: readonly { ivl: number; n: number }[];
  ease: readonly { bin: number; n: number }[];
  mocks: readonly MockScoreRow[];
}

export function firstDay(daily: readonly DayCounters[]): number | null {
  let first: number | null = null;
  for (const r of daily) if (r.c.n > 0 && (first === null || r.day < first)) first = r.day;
  return first;
}

export function buildStats(i: StatsInput): Stats {
  const { from, to } = rangeDays(i.range, i.today, firstDay(i.daily));
  const series = dailySeries(i.daily, from, to);
  return {
    today: i.today,
    todayIso: dayToIso(i.today),
    range: i.range,
    section: i.section,
    from,
    to,
    utcOffsetMinutes: i.utcOffsetMinutes,
    totals: totals(series),
    daily: series,
    answers: answers(i.daily, from, to),
    retention: retention(i.daily, i.today),
    forecast: forecast(i.due, i.today),
    intervals: intervalBuckets(i.intervals),
    ease: easeBuckets(i.ease),
    counts: cardCounts(i.cardClasses),
    heatmap: heatmap(i.daily, i.today),
    streak: streaks(i.activeDays, i.today),
    hourly: hourly(i.hourly, i.utcOffsetMinutes),
    sections: mastery(i.sections, i.cardClasses, i.bySection),
    mocks: i.mocks
      .map((m) => {
        const day = m.day ?? studyDay(m.finishedAt, i.utcOffsetMinutes, i.rolloverHour);
        return { id: m.id, finishedAt: m.finishedAt, day, iso: dayToIso(day), score: m.score };
      })
      .filter((m) => m.day >= from && m.day <= to),
  };
}
