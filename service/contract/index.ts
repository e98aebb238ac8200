// AppApi: the one contract every host (IPC, HTTP, CLI) exposes. Each area
// (review, mock, stats) owns a schemas object and an interface; hosts
// dispatch by method name.
import { decksSchemas, type DecksApi } from './decks.ts';
import { ankiSchemas, type AnkiApi } from './anki.ts';
import { doctorSchemas, type DoctorApi } from './doctor.ts';
import { fsrsSchemas, type FsrsApi } from './fsrs.ts';
import { progressSchemas, type ProgressApi } from './progress.ts';
import { mockSchemas, type MockApi } from './mock.ts';
import { reviewSchemas, type ReviewApi } from './review.ts';
import { statsSchemas, type StatsApi } from './stats.ts';

export const schemas = {
  ...reviewSchemas,
  ...mockSchemas,
  ...statsSchemas,
  ...doctorSchemas,
  ...decksSchemas,
  ...ankiSchemas,
  ...fsrsSchemas,
  ...progressSchemas,
} as const;

export type Method = keyof typeof schemas;
export type AppApi = ReviewApi & MockApi & StatsApi & DoctorApi & DecksApi & AnkiApi & FsrsApi & ProgressApi;

export const METHODS = Object.keys(schemas) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(schemas, name);
}

export * from './common.ts';
export type * from './review.ts';
export type * from './mock.ts';
export type * from './stats.ts';
export type * from './doctor.ts';
export type * from './decks.ts';
export type * from './anki.ts';
export type * from './fsrs.ts';
export type * from './progress.ts';
export { DEFAULT_SETTINGS, Settings } from './review.ts';
