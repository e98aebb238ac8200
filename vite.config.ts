// Builds the Svelte renderer into dist/. `base: './'` keeps every asset URL
// relative so Electron can load dist/index.html from file:// and the web host
// can serve it from /. KaTeX's CSS and fonts are bundled as files (no CDN, no
// network at runtime) and nothing is inlined, so the strict CSP holds.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * KaTeX is a lazy chunk (renderer/lib/math.ts), but most cards have math:
 * a modulepreload hint lets the browser fetch and compile it beside the main
 * bundle, without running it, so the first card's formulas do not wait for a
 * second round of fetch + compile.
 */
function preloadKatex(): Plugin {
  return {
    name: 'deeprecall-preload-katex',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'katex' && !c.isEntry);
        if (!chunk) throw new Error('vite: no katex chunk to preload (renderer/lib/math.ts must import() katex)');
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

/**
 * The entry script is `async`: browser mode sends index.html's end (with the
 * first card, web/firstCard.ts) only once the service has computed it, and
 * the app should start meanwhile instead of waiting for the whole document.
 */
function asyncEntry(): Plugin {
  return {
    name: 'deeprecall-async-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const out = html.replace(/<script type="module" crossorigin src=/, '<script type="module" async crossorigin src=');
        if (out === html) throw new Error('vite: no entry module script to mark async');
        return out;
      },
    },
  };
}

export default defineConfig({
  root: `${here}renderer`,
  base: './',
  plugins: [svelte(), preloadKatex(), asyncEntry()],
  // sanitize-html's postcss is only for style attributes, which cards never keep (renderer/lib/noPostcss.ts).
  resolve: { alias: { postcss: `${here}renderer/lib/noPostcss.ts` } },
  build: {
    outDir: `${here}dist`,
    emptyOutDir: true,
    target: 'es2022',
    // Inlined assets would become data: URLs; fonts as data: are allowed by the
    // CSP, but separate files cache better and keep the CSS small.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false }, // the polyfill is an inline script
    cssCodeSplit: false,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  server: { port: 5173, strictPort: false },
});
