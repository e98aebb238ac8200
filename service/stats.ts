// Handlers for the stats part of AppApi (placeholder until its issue lands).
import type { App, HandlersFor } from './app.ts';
import type { statsSchemas } from './contract/stats.ts';

export function statsHandlers(_app: App): HandlersFor<typeof statsSchemas> {
  return {};
}
