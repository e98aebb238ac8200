// Types for data modules that ship without declarations.

/** markdown-it-emoji's shortcode table: GitHub name → emoji (generated data). */
declare module 'markdown-it-emoji/lib/data/full.mjs' {
  const table: Readonly<Record<string, string>>;
  export default table;
}
