// The mock part of AppApi (placeholder until its issue lands): schemas for
// every argument, and the interface hosts and the renderer see.
import type { z } from 'zod';

export const mockSchemas = {} as const satisfies Record<string, z.ZodType>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MockApi {}
