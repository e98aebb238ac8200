// Pure queue arithmetic for the review screen (tested in tests/unit/renderer).
import type { CardView, NextCard } from '../../service/contract/index.ts';
import type { Quality } from './keys.ts';

type Remaining = NextCard['remaining'];

/**
 * Queue counts right after answering a card with `q`, shown until the host's
 * own numbers arrive: the card leaves its pile, and a grade below 4 puts it
 * on the drill pile (it comes back this session).
 */
export function remainingAfter(r: Remaining, tag: CardView['tag'], q: Quality): Remaining {
  const out = { ...r };
  if (tag === 'new') out.new = Math.max(0, out.new - 1);
  else if (tag === 'review') out.review = Math.max(0, out.review - 1);
  else if (q >= 4) out.drill = Math.max(0, out.drill - 1);
  if (q < 4 && tag !== 'drill') out.drill += 1;
  return out;
}
