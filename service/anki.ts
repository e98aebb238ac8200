// The AppApi handler for Anki packages: decode, import in one transaction,
// and turn a package we cannot read into a 422 naming why. Through the API
// the import runs in time slices (progress polls are answered meanwhile and
// every other call waits for it); the CLI and the bench run it straight.
import { AnkiImportError } from '../db/ankiErrors.ts';
import { studyDay } from '../srs/day.ts';
import type { App } from './app.ts';
import { importAnkiPackage, importAnkiPackageAsync, type AnkiImportOptions } from './anki-import/index.ts';
import type { AnkiImportReport } from './contract/anki.ts';
import { ApiError } from './contract/common.ts';
import { ANKI_PHASES } from './progress/tracker.ts';

function options(app: App, name: string, extra: Partial<AnkiImportOptions>): AnkiImportOptions {
  const rollover = app.library.getSettings().rolloverHour;
  return {
    now: app.clock.now(),
    file: name,
    dayOf: (ms) => studyDay(ms, app.clock.utcOffsetMinutes(ms), rollover),
    ...extra,
  };
}

function explainAnki(name: string, err: unknown): unknown {
  return err instanceof AnkiImportError ? new ApiError(422, `${name}: ${err.message}`) : err;
}

export function importAnki(app: App, name: string, bytes: Uint8Array, extra: Partial<AnkiImportOptions> = {}): AnkiImportReport {
  try {
    return importAnkiPackage(app.store, bytes, options(app, name, extra));
  } catch (err) {
    throw explainAnki(name, err);
  }
}

/** The same import in time slices, one at a time, its progress under `progressId`. */
export function importAnkiAsync(app: App, name: string, bytes: Uint8Array, progressId?: string): Promise<AnkiImportReport> {
  return app.imports.run(progressId, ANKI_PHASES, true, async (onProgress) => {
    app.store.busyWith = `the Anki import of ${name}`;
    try {
      return await importAnkiPackageAsync(app.store, bytes, options(app, name, { onProgress }));
    } catch (err) {
      throw explainAnki(name, err);
    } finally {
      app.store.busyWith = null;
    }
  });
}

export function ankiHandlers(app: App) {
  return {
    importAnki: (a: { name: string; dataBase64: string; progressId?: string }) => importAnkiAsync(app, a.name, Buffer.from(a.dataBase64, 'base64'), a.progressId),
  };
}
