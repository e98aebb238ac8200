// service/settings.ts reads stored settings without zod (the first card is
// computed before zod loads). It must agree with the zod schema that
// validates updateSettings, on valid, boundary and broken values alike: the
// reference below is how LibraryService read settings until round 9.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Settings } from '../../../service/contract/review.ts';
import { DEFAULT_SETTINGS, readSettings } from '../../../service/settings.ts';
import { parseStoredWeights } from '../../../service/fsrs/config.ts';
import { z } from 'zod';

function zodReference(stored: Record<string, unknown>): Settings {
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  const parsed = Settings.safeParse(merged);
  if (parsed.success) return parsed.data;
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const one = Settings.shape[key].safeParse(merged[key]);
    if (one.success) out[key] = one.data;
  }
  return out as Settings;
}

// Values near every bound of every field, plus the wrong types a hand edit can leave.
const edgeNumber = fc.constantFrom(-1, 0, 0.5, 0.69, 0.7, 0.9, 0.97, 0.971, 1, 4, 22.5, 23, 24, 9999, 10000, 36500, 36501, 99999, 100000, 2 ** 53, NaN, Infinity, -Infinity, -0);
const anyValue = fc.oneof(
  edgeNumber,
  fc.integer({ min: -5, max: 200000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom('zh', 'en', 'fr', 'light', 'dark', 'system', 'sm2', 'fsrs', '', '20', null, true, false),
  fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constant(''), fc.constant('x'.repeat(4097)), fc.integer()), { maxLength: 3 }),
  fc.array(fc.constant('/notes'), { minLength: 49, maxLength: 52 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);
const keys = [...Object.keys(DEFAULT_SETTINGS), 'fsrsWeights', 'unknownKey'];
const storedRows = fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: keys.length });

describe('stored settings without zod', () => {
  it('read exactly as the Settings schema reads them, for 5,000 generated profiles', () => {
    fc.assert(
      fc.property(storedRows, (stored) => {
        expect(readSettings(stored)).toStrictEqual(zodReference(stored));
      }),
      { numRuns: 5000 },
    );
  });

  it('keep every valid value, drop only the broken ones, and ignore other keys', () => {
    const s = readSettings({ newPerDay: 35, language: 'en', rolloverHour: 24, theme: 'neon', fsrsWeights: [1], notesFolders: ['/a', '/b'] });
    expect(s).toStrictEqual({ ...DEFAULT_SETTINGS, newPerDay: 35, language: 'en', notesFolders: ['/a', '/b'] });
  });

  it('the schema and the reader know the same settings', () => {
    expect(Object.keys(Settings.shape).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });
});

describe('stored FSRS weights without zod', () => {
  const reference = z.object({ weights: z.array(z.number()).length(21), fittedAt: z.number(), answers: z.number().int().min(0) });
  const weightsLike = fc.oneof(
    fc.record({ weights: fc.array(fc.oneof(fc.double({ noNaN: false }), fc.integer(), fc.constant('1')), { minLength: 19, maxLength: 22 }), fittedAt: fc.oneof(fc.double({ noNaN: false }), fc.constant('now')), answers: fc.oneof(fc.integer({ min: -3, max: 5000 }), fc.double({ noNaN: false })) }, { requiredKeys: [] }),
    fc.record({ weights: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 21, maxLength: 21 }), fittedAt: fc.integer({ min: 0 }), answers: fc.nat() }),
    fc.constantFrom(null, 7, 'w', [], [1, 2]),
  );

  it('read exactly as their zod schema reads them', () => {
    fc.assert(
      fc.property(weightsLike, (v) => {
        const parsed = reference.safeParse(v);
        expect(parseStoredWeights(v)).toStrictEqual(parsed.success ? parsed.data : null);
      }),
      { numRuns: 3000 },
    );
  });
});
