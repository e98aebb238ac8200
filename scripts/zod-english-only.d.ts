import type { Plugin } from 'esbuild';
/** esbuild plugin: zod's `locales` namespace with English only (see zod-english-only.js). */
export function zodEnglishOnly(): Plugin;
