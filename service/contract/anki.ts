import { z } from 'zod';
import { ProgressId } from './progress.ts';

/** An .apkg/.colpkg sent from the UI as base64; the HTTP body limit (32 MB) caps what fits, this says it first. */
export const MAX_ANKI_BASE64 = 30 * 1024 * 1024;

export const ankiSchemas = {
  importAnki: z
    .object({
      name: z.string().min(1).max(255).regex(/\.(apkg|colpkg)$/i, 'an Anki package name ends in .apkg or .colpkg'),
      dataBase64: z.string().min(4).max(MAX_ANKI_BASE64, 'larger than about 22 MB; import it with `deeprecall import FILE.apkg`').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
      /** Poll `importProgress` with this id while the import runs. */
      progressId: ProgressId.optional(),
    })
    .strict(),
};

export interface AnkiSkip {
  what: 'note' | 'card' | 'review' | 'media';
  /** Anki's note guid, card id, revlog id or media file name. */
  id: string;
  reason: string;
}

export interface AnkiImportReport {
  file: string;
  /** Which collection file the package held. */
  format: 'anki2' | 'anki21' | 'anki21b';
  decks: string[];
  notes: { imported: number; skipped: number };
  cards: { added: number; updated: number; unchanged: number; scheduleFromAnki: number; skipped: number };
  reviews: { added: number; alreadyHere: number; skipped: number };
  media: { added: number; alreadyHere: number; skipped: number };
  /** The first 200 things left out, each with why; the counts above are complete. */
  skipped: AnkiSkip[];
  ms: number;
}

export interface AnkiApi {
  importAnki(a: z.input<(typeof ankiSchemas)['importAnki']>): Promise<AnkiImportReport>;
}
