// Button labels in FSRS mode: the four ratings' intervals, spread over the
// six qualities through srs/rating.ts so CardView keeps one shape.
import { fsrsPreview, type FsrsMemory } from '../../srs/fsrs/schedule.ts';
import { memoryFromSm2 } from '../../srs/fsrs/convert.ts';
import type { FsrsConfig } from '../../srs/fsrs/config.ts';
import { qualityToRating } from '../../srs/rating.ts';
import { QUALITIES, type Quality, type Sm2State } from '../../srs/sm2.ts';

export function fsrsGradeIntervals(
  cfg: FsrsConfig,
  memory: FsrsMemory | null,
  state: (Sm2State & { lastDay: number }) | null,
  today: number,
): Record<Quality, number> {
  const start = memory ?? (state ? memoryFromSm2(cfg, state, state.lastDay) : null);
  const byRating = fsrsPreview(cfg, start, today);
  const out = {} as Record<Quality, number>;
  for (const q of QUALITIES) out[q] = byRating[qualityToRating(q)];
  return out;
}
