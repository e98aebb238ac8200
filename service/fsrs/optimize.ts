// Fit FSRS weights on the learner's own history with the binding. The fit
// runs in fsrs-rs on a native thread (the binding's async API), so the JS
// thread keeps answering; progress comes back through a callback.
import { MIN_ANSWERS_TO_OPTIMISE } from '../../srs/fsrs/config.ts';
import type { BindingStatus } from './binding.ts';

export type FitOutcome =
  | { fitted: true; weights: number[]; items: number }
  | { fitted: false; reason: 'too-few' | 'no-binding' | 'failed'; message: string; items: number };

/** Training items, built on demand so a big log is turned into native objects in slices. */
export type ItemSource = readonly { rating: number; deltaT: number }[][] | { length: number; at(i: number): { rating: number; deltaT: number }[] };

const itemAt = (items: ItemSource, i: number) => ('at' in items && !Array.isArray(items) ? items.at(i)! : (items as readonly { rating: number; deltaT: number }[][])[i]!);

export async function fitWeights(
  binding: BindingStatus,
  items: ItemSource,
  progress?: (done: number, total: number) => void,
): Promise<FitOutcome> {
  if (!binding.available) return { fitted: false, reason: 'no-binding', message: binding.reason, items: items.length };
  if (items.length < MIN_ANSWERS_TO_OPTIMISE) {
    return {
      fitted: false,
      reason: 'too-few',
      message: `Only ${items.length} repeated answers so far; optimising needs about ${MIN_ANSWERS_TO_OPTIMISE}. FSRS keeps its default parameters.`,
      items: items.length,
    };
  }
  const b = binding.binding;
  // Native objects, one per review: built in slices with the event loop let through, never in one long block.
  const set: unknown[] = [];
  let t0 = performance.now();
  for (let i = 0; i < items.length; i++) {
    set.push(new b.FSRSBindingItem(itemAt(items, i).map((r) => new b.FSRSBindingReview(r.rating, r.deltaT))));
    if (performance.now() - t0 > 8) {
      progress?.(0, items.length);
      await new Promise<void>((r) => setImmediate(r));
      t0 = performance.now();
    }
  }
  try {
    const weights = await b.computeParameters(set, {
      enableShortTerm: false,
      progress: (done, total) => {
        progress?.(done, total);
        return true;
      },
    });
    if (weights.length !== 21 || !weights.every(Number.isFinite)) throw new Error(`unexpected parameters (${weights.length})`);
    return { fitted: true, weights, items: items.length };
  } catch (err) {
    return { fitted: false, reason: 'failed', message: `The optimizer failed: ${(err as Error).message}`, items: items.length };
  }
}
