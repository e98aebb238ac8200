// The stats part of AppApi (placeholder until its issue lands): schemas for
// every argument, and the interface hosts and the renderer see.
import type { z } from 'zod';

export const statsSchemas = {} as const satisfies Record<string, z.ZodType>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StatsApi {}
