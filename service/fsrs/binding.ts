// The optional FSRS optimizer (@open-spaced-repetition/binding, a napi build
// of fsrs-rs). It ships a binary for a few platforms only, so it is loaded
// lazily through an injectable loader: when require fails the app says so in
// plain words and keeps FSRS's default parameters — nothing else depends on it.
import { createRequire } from 'node:module';

/** The part of the binding DeepRecall uses (declared here so a missing package never breaks type-checking). */
export interface FsrsBinding {
  FSRSBindingItem: new (reviews: unknown[]) => unknown;
  FSRSBindingReview: new (rating: number, deltaT: number) => unknown;
  computeParameters(
    items: unknown[],
    options?: { enableShortTerm: boolean; progress?: (current: number, total: number) => boolean | undefined | void; timeout?: number },
  ): Promise<number[]>;
}

export type BindingLoader = () => FsrsBinding;

const MODULE = '@open-spaced-repetition/binding';

export const requireBinding: BindingLoader = () => createRequire(import.meta.url)(MODULE) as FsrsBinding;

export type BindingStatus = { available: true; binding: FsrsBinding } | { available: false; reason: string };

export function loadBinding(loader: BindingLoader = requireBinding): BindingStatus {
  try {
    const b = loader();
    if (typeof b?.computeParameters !== 'function') throw new Error('it has no computeParameters');
    return { available: true, binding: b };
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return {
      available: false,
      reason: `The FSRS optimizer is not available on this platform (${process.platform}-${process.arch}: ${why}). FSRS keeps its default parameters.`,
    };
  }
}
