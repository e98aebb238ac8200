// esbuild plugin: zod's `locales` namespace (`z.locales.fr()` …) with English
// only. zod re-exports every locale from its index (`export * as locales`), so
// a bundler keeps all ~50 of them — 360 kB of the 750 kB zod chunk the server
// compiles at start-up — although DeepRecall never switches zod's language
// (its API errors are English; the UI translates its own). English stays the
// default zod registers itself (classic/schemas.js imports locales/en.js
// directly).
import path from 'node:path';

export function zodEnglishOnly() {
  return {
    name: 'zod-english-only',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
        if (!/[\\/]zod[\\/]/.test(args.importer)) return undefined;
        return { path: path.join(path.dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' };
      });
      build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
        contents: `export { default as en } from ${JSON.stringify(args.path)};`,
        resolveDir: path.dirname(args.path),
        loader: 'js',
      }));
    },
  };
}
