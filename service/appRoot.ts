import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/**
 * The folder holding package.json, decks/ and dist/. Found by walking up from
 * this module, because it runs from source (tsx), from the CLI bundle in
 * dist-cli/ and from Electron's bundle in dist-electron/ (or an asar).
 */
export function appRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'decks', 'dl-interview-notes.md'))) return (cached = dir);
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return (cached = process.cwd());
}
