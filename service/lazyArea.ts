// Handlers of an API area whose module is loaded at its first call, not at
// start: the stats/export, mock, folders and Anki areas pull in KaTeX,
// sanitize-html, fflate and the notes parser, which a server that has just
// started (and most sessions) never needs. The method names come from the
// area's schemas, which the contract has loaded anyway. esbuild's code
// splitting (scripts/build-cli.js) turns each `import()` into a chunk; the
// Electron CJS bundle inlines it, so both hosts run the same code.
import type { z } from 'zod';
import type { HandlersFor } from './app.ts';

export function lazyArea<S extends Record<string, z.ZodType>>(schemas: S, load: () => Promise<HandlersFor<S>>): HandlersFor<S> {
  let loaded: Promise<HandlersFor<S>> | null = null;
  const out: Partial<Record<keyof S, (a: unknown) => Promise<unknown>>> = {};
  for (const method of Object.keys(schemas) as (keyof S)[]) {
    out[method] = async (args) => {
      // A failed load is retried on the next call rather than cached as a rejection forever.
      loaded ??= load().catch((err: unknown) => {
        loaded = null;
        throw err;
      });
      const handlers = await loaded;
      return (handlers[method] as (a: unknown) => unknown)(args);
    };
  }
  return out as HandlersFor<S>;
}
