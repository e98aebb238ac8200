// The optimiser trains on at most the 20,000 most recent items (srs/eval
// MAX_TRAIN_ITEMS). The evaluation panel says so when it applied, as
// `deeprecall evaluate` does: a learner with a long history should know the
// fitted parameters describe their recent reviews.
import type { EvaluateResult } from '../../../service/contract/index.ts';

export function trainCap(e: Pick<EvaluateResult, 'trainItems' | 'trainTotal'>): { kept: string; total: string } | null {
  if (e.trainTotal === undefined || e.trainTotal <= e.trainItems) return null;
  return { kept: e.trainItems.toLocaleString('en'), total: e.trainTotal.toLocaleString('en') };
}
