import { z } from 'zod';

export const Quality = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export const CardId = z.string().min(1).max(200);
export const Empty = z.object({}).strict();
export const SectionPath = z.array(z.string().min(1).max(500)).max(20);

// In its own zod-free file so the HTTP host can start without loading zod (apiError.ts).
export { ApiError } from './apiError.ts';
