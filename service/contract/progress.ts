// Progress of long imports (Anki packages, folders) in AppApi. The caller
// names the import with a fresh random `progressId` (an optional field of
// importAnki / importFolder / importPaths) and polls `importProgress` with it
// while the import call is still waiting for its report; the import call
// returns exactly what it returned before. Polling is answered even while an
// Anki import holds its write transaction (every other call waits for it).
import { z } from 'zod';

export const ProgressId = z.string().regex(/^[a-f0-9]{32}$/, 'a progress id (32 lowercase hex digits)');

export const progressSchemas = {
  importProgress: z.object({ id: ProgressId }).strict(),
} as const;

/** What an import is doing: unpacking and reading an Anki package, its media, its notes; a folder's files; the final commit. */
export type ImportPhase = 'unpack' | 'read' | 'media' | 'notes' | 'files' | 'finish' | 'done';

export interface ImportProgress {
  id: string;
  /** `unknown`: no import with this id has started yet (its request may still be uploading) or it was forgotten. */
  state: 'unknown' | 'running' | 'done' | 'failed';
  phase: ImportPhase | null;
  /** Units of the current phase (notes, files, media files), and how many there are. */
  done: number;
  total: number;
  /** The whole import, 0–100; never goes down; 100 exactly when it finished. */
  percent: number;
  /** The file being imported (folders). */
  file?: string;
  error?: string;
}

type In<K extends keyof typeof progressSchemas> = z.input<(typeof progressSchemas)[K]>;

export interface ProgressApi {
  importProgress(a: In<'importProgress'>): Promise<ImportProgress>;
}
