// The profile's settings as stored, read without zod. `Settings` in
// contract/review.ts is the schema every updateSettings call is validated
// against; this reader applies the same bounds to what the database holds,
// key by key, so a hand-edited value falls back to its default instead of
// breaking the app. It exists so the first card can be computed before zod
// (~65 ms of CPU to load) is (service/earlyCard.ts); a test checks it against
// the schema on thousands of generated values, so the two cannot drift apart.
import { DEFAULT_MAX_INTERVAL, DEFAULT_RETENTION, MAX_RETENTION, MIN_RETENTION } from '../srs/fsrs/config.ts';
import type { Settings } from './contract/review.ts';

export const DEFAULT_SETTINGS: Settings = {
  newPerDay: 20, reviewsPerDay: 200, rolloverHour: 4, language: 'zh', theme: 'system', notesFolders: [],
  scheduler: 'sm2', desiredRetention: DEFAULT_RETENTION, maximumInterval: DEFAULT_MAX_INTERVAL,
};

const int = (min: number, max: number) => (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
const num = (min: number, max: number) => (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const oneOf = (...xs: readonly string[]) => (v: unknown) => typeof v === 'string' && xs.includes(v);
const folders = (v: unknown) => Array.isArray(v) && v.length <= 50 && v.every((f) => typeof f === 'string' && f.length >= 1 && f.length <= 4096);

/** Each setting's check: the bounds of the `Settings` schema. */
const VALID: { readonly [K in keyof Settings]: (v: unknown) => boolean } = {
  newPerDay: int(0, 9999),
  reviewsPerDay: int(0, 99999),
  rolloverHour: int(0, 23),
  language: oneOf('zh', 'en'),
  theme: oneOf('light', 'dark', 'system'),
  notesFolders: folders,
  scheduler: oneOf('sm2', 'fsrs'),
  desiredRetention: num(MIN_RETENTION, MAX_RETENTION),
  maximumInterval: int(1, 36500),
};

/** The settings from the stored key/value rows: each valid value, else its default; other keys are ignored. */
export function readSettings(stored: Readonly<Record<string, unknown>>): Settings {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const v = Object.prototype.hasOwnProperty.call(stored, key) ? stored[key] : undefined;
    out[key] = v !== undefined && VALID[key](v) ? (Array.isArray(v) ? [...v] : v) : DEFAULT_SETTINGS[key];
  }
  return out as Settings;
}
