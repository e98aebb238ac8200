import { z } from 'zod';

export const Quality = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export const CardId = z.string().min(1).max(200);
export const Empty = z.object({}).strict();
export const SectionPath = z.array(z.string().min(1).max(500)).max(20);

/** An error the host sends back as 4xx (the caller's input was wrong or the state forbids it) or 503 (this installation cannot serve it). */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 413 | 422 | 503,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
