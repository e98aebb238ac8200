// Handlers for the mock part of AppApi (placeholder until its issue lands).
import type { App, HandlersFor } from './app.ts';
import type { mockSchemas } from './contract/mock.ts';

export function mockHandlers(_app: App): HandlersFor<typeof mockSchemas> {
  return {};
}
