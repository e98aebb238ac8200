/**
 * Consecutive study days with at least one answer, ending today — or ending
 * yesterday when today has none yet, so a streak is not "lost" before the
 * learner has had a chance to study today.
 * @param activeDays distinct days, any order
 */
export function streak(activeDays: readonly number[], today: number): number {
  const set = new Set(activeDays);
  let day = set.has(today) ? today : today - 1;
  let n = 0;
  while (set.has(day)) {
    n++;
    day--;
  }
  return n;
}
