// The AppApi handler for Anki packages: decode, import in one transaction,
// and turn a package we cannot read into a 422 naming why.
import { AnkiImportError } from '../db/ankiErrors.ts';
import { studyDay } from '../srs/day.ts';
import type { App } from './app.ts';
import { importAnkiPackage, type AnkiImportOptions } from './anki-import/index.ts';
import type { AnkiImportReport } from './contract/anki.ts';
import { ApiError } from './contract/common.ts';

export function importAnki(app: App, name: string, bytes: Uint8Array, extra: Partial<AnkiImportOptions> = {}): AnkiImportReport {
  const rollover = app.library.getSettings().rolloverHour;
  try {
    return importAnkiPackage(app.store, bytes, {
      now: app.clock.now(),
      file: name,
      dayOf: (ms) => studyDay(ms, app.clock.utcOffsetMinutes(ms), rollover),
      ...extra,
    });
  } catch (err) {
    if (err instanceof AnkiImportError) throw new ApiError(422, `${name}: ${err.message}`);
    throw err;
  }
}

export function ankiHandlers(app: App) {
  return {
    importAnki: (a: { name: string; dataBase64: string }) => importAnki(app, a.name, Buffer.from(a.dataBase64, 'base64')),
  };
}
