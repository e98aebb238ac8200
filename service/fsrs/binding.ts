// The optional FSRS optimizer (@open-spaced-repetition/binding-<platform>, the
// napi build of fsrs-rs). It ships a binary for a few platforms only, so it is loaded
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

/**
 * The binary package of this platform, required directly. The umbrella
 * package (@open-spaced-repetition/binding) only picks one of these and
 * re-exports it, but it lists eleven platform packages of which the registry
 * serves this version for linux-x64 only, so a lock file with it cannot pass
 * `npm ci`. The platform package alone (an optional dependency with os/cpu
 * fields) installs where it exists and is skipped elsewhere.
 */
export function bindingModule(platform: string = process.platform, arch: string = process.arch): string {
  const abi = platform === 'linux' ? '-gnu' : platform === 'win32' ? '-msvc' : '';
  return `@open-spaced-repetition/binding-${platform}-${arch}${abi}`;
}

export const requireBinding: BindingLoader = () => createRequire(import.meta.url)(bindingModule()) as FsrsBinding;

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
