// Folders, decks and images in AppApi: importing a whole folder (uploaded by
// the browser, or read on the host from a path), the deck list with its
// controls, and the images stored with the notes.
import { z } from 'zod';
import type { SourceWarning } from '../../cards/types.ts';
import type { ImportCounts, RenamedCard } from '../../db/cards.ts';
import type { DeckSummary } from '../../db/decks.ts';
import { ProgressId } from './progress.ts';

/** A path inside an uploaded folder: relative, '/'-separated, no '..' segment. */
const RelPath = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => !p.startsWith('/') && !/^[a-z]:/i.test(p) && !p.split(/[\\/]/).includes('..'), { message: 'must be a relative path inside the folder' });

export const DeckId = z.string().min(1).max(1000);

/** Per upload: what a browser folder may send in one call (the HTTP body cap is 32 MB). */
export const MAX_UPLOAD_FILES = 20_000;
export const MAX_UPLOAD_IMAGES = 2_000;

export const decksSchemas = {
  /** A folder picked in the browser: notes with their paths relative to the folder, images as base64. */
  importFolder: z
    .object({
      root: z.string().min(1).max(255),
      files: z.array(z.object({ path: RelPath, markdown: z.string().max(25 * 1024 * 1024) }).strict()).max(MAX_UPLOAD_FILES),
      images: z.array(z.object({ path: RelPath, dataBase64: z.string().max(7 * 1024 * 1024) }).strict()).max(MAX_UPLOAD_IMAGES).optional(),
      /** Poll `importProgress` with this id while the import runs. */
      progressId: ProgressId.optional(),
    })
    .strict(),
  /** Files and folders on the host (CLI, Electron's folder dialog, the "Notes folders" setting). */
  importPaths: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100), progressId: ProgressId.optional() }).strict(),
  /** The desktop app's folder dialog; browser mode has none (it uploads with a directory picker). */
  pickFolder: z.object({}).strict(),
  listDecks: z.object({}).strict(),
  renameDeck: z.object({ id: DeckId, name: z.string().trim().min(1).max(200).nullable() }).strict(),
  setDeckSuspended: z.object({ id: DeckId, suspended: z.boolean() }).strict(),
  removeDeck: z.object({ id: DeckId }).strict(),
  restoreDeck: z.object({ id: DeckId }).strict(),
  getMedia: z.object({ name: z.string().regex(/^[0-9a-f]{64}\.(png|jpg|gif|webp|svg)$/, 'must be <sha256>.<png|jpg|gif|webp|svg>') }).strict(),
} as const;

/** One note file of a folder import. */
export interface FileImport {
  file: string; // relative to its root (the file name for a single file)
  root: string | null;
  deck: string | null;
  cards: number;
  counts?: ImportCounts;
  byKind?: Record<string, number>;
  warnings: SourceWarning[];
  renamed?: RenamedCard[];
  /** Why nothing was imported from this file; its existing cards are left as they were. */
  error?: string;
  /** The deck was removed by the user; a folder re-import leaves it removed. */
  skipped?: 'removed';
}

export interface ImportBatchReport {
  roots: string[];
  files: FileImport[];
  /** Decks whose file disappeared from an imported folder: their cards were retired (restorable). */
  gone: { file: string; root: string; deck: string; retired: number }[];
  /** Folder-level problems (symlink loops, unreadable folders, too many files). */
  errors: { root: string; path: string; message: string }[];
  totals: ImportCounts & { files: number; imported: number; failed: number; cards: number; images: number };
}

export type { DeckSummary, ImportCounts, RenamedCard };

export interface Media {
  mime: string;
  dataBase64: string;
}

type In<K extends keyof typeof decksSchemas> = z.input<(typeof decksSchemas)[K]>;

export interface DecksApi {
  importFolder(a: In<'importFolder'>): Promise<ImportBatchReport>;
  importPaths(a: In<'importPaths'>): Promise<ImportBatchReport>;
  pickFolder(a?: In<'pickFolder'>): Promise<{ path: string | null }>;
  listDecks(a?: In<'listDecks'>): Promise<DeckSummary[]>;
  renameDeck(a: In<'renameDeck'>): Promise<{ ok: boolean }>;
  setDeckSuspended(a: In<'setDeckSuspended'>): Promise<{ ok: boolean; cards: number }>;
  removeDeck(a: In<'removeDeck'>): Promise<{ ok: boolean; cards: number }>;
  restoreDeck(a: In<'restoreDeck'>): Promise<{ ok: boolean; cards: number }>;
  getMedia(a: In<'getMedia'>): Promise<Media>;
}
