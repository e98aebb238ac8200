// Which study days a range covers. Ranges end today; 'all' starts at the
// first day with an answer (or today when there is none).
import type { StatsRange } from './types.ts';

export const RANGE_DAYS: Record<Exclude<StatsRange, 'all'>, number> = { '1m': 30, '3m': 90, '1y': 365 };

export function rangeDays(range: StatsRange, today: number, firstActiveDay: number | null): { from: number; to: number } {
  if (range === 'all') return { from: Math.min(firstActiveDay ?? today, today), to: today };
  return { from: today - RANGE_DAYS[range] + 1, to: today };
}

/** The section itself and everything below it, matched on whole headings. */
export function isUnder(path: readonly string[], filter: readonly string[]): boolean {
  if (path.length < filter.length) return false;
  return filter.every((h, i) => path[i] === h);
}

export function sectionIds(all: readonly { id: number; path: readonly string[] }[], filter: readonly string[] | null): number[] | null {
  if (filter === null || filter.length === 0) return null;
  return all.filter((s) => isUnder(s.path, filter)).map((s) => s.id);
}
