// Read a review log in the fsrs-rs / py-fsrs CSV format, so any history (an
// Anki export, a benchmark file) can be evaluated like the learner's own:
//   card_id, review_rating (1–4), review_time (ISO 8601 or epoch ms), review_duration
// Columns are found by header name (other columns are ignored); each row is
// validated with zod and a bad one is reported by its line number.
import { z } from 'zod';
import { studyDay } from '../../srs/day.ts';
import type { LoggedAnswer } from '../../srs/eval/history.ts';
import { ratingToQuality, type Rating } from '../../srs/rating.ts';
import { ApiError } from '../contract/common.ts';

const Time = z.string().trim().min(1, 'empty').transform((s, ctx) => {
  const ms = /^\d+(\.\d+)?$/.test(s) ? Number(s) : Date.parse(s);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: 'custom', message: `not an ISO 8601 time or epoch milliseconds: ${JSON.stringify(s.slice(0, 40))}` });
    return z.NEVER;
  }
  return ms;
});

export const RevlogRow = z.object({
  card_id: z.string().trim().min(1, 'empty').max(200),
  review_rating: z.string().trim().regex(/^[1-4]$/, 'must be 1, 2, 3 or 4').transform((s) => Number(s) as Rating),
  review_time: Time,
  review_duration: z.string().trim().regex(/^\d*(\.\d+)?$/, 'must be a number of milliseconds').optional(),
});

const REQUIRED = ['card_id', 'review_rating', 'review_time'] as const;

/** Split one CSV line (RFC 4180 quotes; no newlines inside fields in these files). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

export interface RevlogOptions {
  /** Minutes east of UTC at an instant (the study day's local calendar). */
  utcOffsetMinutes: (ms: number) => number;
  rolloverHour: number;
  label?: string;
}

export function parseRevlog(text: string, o: RevlogOptions): LoggedAnswer[] {
  const label = o.label ?? 'the review log';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) throw new ApiError(422, `${label}: line 1: the header lacks ${missing.join(', ')} (expected card_id, review_rating, review_time, review_duration)`);
  const col = Object.fromEntries([...REQUIRED, 'review_duration'].map((c) => [c, header.indexOf(c)]));
  const out: LoggedAnswer[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (!line.trim()) continue;
    const cells = splitCsvLine(line);
    const raw: Record<string, string | undefined> = {};
    for (const [c, i] of Object.entries(col)) if (i! >= 0) raw[c] = cells[i!];
    const parsed = RevlogRow.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ApiError(422, `${label}: line ${n + 1}: ${issue.path.join('.') || 'row'}: ${issue.message}`);
    }
    const r = parsed.data;
    out.push({ cardId: r.card_id, at: r.review_time, day: studyDay(r.review_time, o.utcOffsetMinutes(r.review_time), o.rolloverHour), quality: ratingToQuality(r.review_rating) });
  }
  if (out.length === 0) throw new ApiError(422, `${label}: no reviews after the header`);
  return out;
}
