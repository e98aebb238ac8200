// Stands in for postcss in the renderer, CLI and Electron bundles (vite.config.ts, scripts/build-*.js aliases).
// sanitize-html imports postcss only to parse `style` attributes, and
// cards/render/html.ts sets parseStyleAttributes: false and allows no style
// attribute, so it is never called; shipping it (with source-map-js) cost
// ~100 KB of the first script. Should a config ever reach it, sanitize-html
// catches the error and drops the attribute: the safe outcome.
export function parse(): never {
  throw new Error('postcss is not bundled in the renderer: style attributes are never kept');
}

export default { parse };
