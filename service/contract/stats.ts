// The stats part of AppApi: progress stats, exports and backup restore.
// Exports run as jobs because a million-review CSV takes seconds: the host
// starts a job, polls its progress, then reads the finished file in chunks
// (the browser cannot be handed a path, so bytes travel as base64).
import { z } from 'zod';
import type { Stats } from '../../srs/stats/types.ts';
import { SectionPath } from './common.ts';
import { EXPORT_FORMATS, type ExportFormat } from './exportFormats.ts';

export { EXPORT_FORMATS, type ExportFormat };

const JobId = z.string().regex(/^[a-f0-9]{32}$/, 'an export job id');
/** 4 MiB of file per read keeps one JSON response well under the HTTP host's body and memory limits. */
export const MAX_EXPORT_CHUNK = 4 * 1024 * 1024;
/** A restore upload arrives as base64 in one request body (32 MB cap on the HTTP host). */
export const MAX_RESTORE_BASE64 = 30 * 1024 * 1024;

export const statsSchemas = {
  stats: z
    .object({
      range: z.enum(['1m', '3m', '1y', 'all']).default('3m'),
      section: SectionPath.optional(),
    })
    .strict(),
  exportStart: z
    .object({
      format: z.enum(EXPORT_FORMATS),
      /** Language of the report and of problem prompts in .apkg; the profile's setting when absent. */
      lang: z.enum(['zh', 'en']).optional(),
    })
    .strict(),
  exportStatus: z.object({ id: JobId }).strict(),
  exportRead: z
    .object({
      id: JobId,
      offset: z.number().int().min(0),
      length: z.number().int().min(1).max(MAX_EXPORT_CHUNK).default(MAX_EXPORT_CHUNK),
    })
    .strict(),
  exportFinish: z.object({ id: JobId }).strict(),
  restoreBackup: z
    .object({
      /** The backup file, base64. */
      base64: z.string().min(1).max(MAX_RESTORE_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
      /** Required when the profile already holds cards or reviews; the current data is backed up first. */
      overwrite: z.boolean().default(false),
    })
    .strict(),
} as const;

export type { Stats, StatsRange, SectionMastery, DailyPoint, Bucket, Rate, CardCounts, MockPoint } from '../../srs/stats/types.ts';

export interface ExportJob {
  id: string;
  format: ExportFormat;
  filename: string;
  mime: string;
}

export interface ExportStatus extends ExportJob {
  state: 'running' | 'ready' | 'failed';
  /** Units done and expected (rows, or bytes for backups); total 0 when unknown. */
  done: number;
  total: number;
  /** File size once ready. */
  bytes: number;
  error?: string;
}

export interface ExportChunk {
  base64: string;
  offset: number;
  bytes: number;
  eof: boolean;
}

export interface RestoreResult {
  restored: true;
  schemaVersion: number;
  cards: number;
  reviews: number;
  /** Where the data that was replaced went, when there was any. */
  previousBackup: string | null;
}

type In<K extends keyof typeof statsSchemas> = z.input<(typeof statsSchemas)[K]>;

export interface StatsApi {
  stats(a?: In<'stats'>): Promise<Stats>;
  exportStart(a: In<'exportStart'>): Promise<ExportJob>;
  exportStatus(a: In<'exportStatus'>): Promise<ExportStatus>;
  exportRead(a: In<'exportRead'>): Promise<ExportChunk>;
  exportFinish(a: In<'exportFinish'>): Promise<{ ok: boolean }>;
  restoreBackup(a: In<'restoreBackup'>): Promise<RestoreResult>;
}
