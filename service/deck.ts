// The bundled default deck: the user's notes plus one problem card per formula template.
import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from './appRoot.ts';

export const DEFAULT_DECK_ID = 'dl-interview-notes';
export const DEFAULT_DECK_NAME = 'DL 面试笔记';

/** The bundled notes, from decks/ at the app root (or $DEEPRECALL_DECKS_DIR). */
export function defaultDeckPath(): string {
  const candidates = [process.env.DEEPRECALL_DECKS_DIR, path.join(appRoot(), 'decks')].filter((p): p is string => !!p);
  for (const dir of candidates) {
    const file = path.join(dir, 'dl-interview-notes.md');
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`bundled deck dl-interview-notes.md not found (looked in ${candidates.join(', ')})`);
}

/** A deck id from a file name: lower-case, safe characters, never empty. */
export function deckIdFromName(name: string): string {
  const base = name.replace(/\.(md|markdown|txt)$/i, '');
  const id = base.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return id || 'notes';
}

const slug = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || '_';

/**
 * A deck id for a note inside an imported folder: the folder's name plus the
 * note's path relative to it (`notes/ch1/readme`), so two README.md in
 * different sub-folders never share a deck.
 */
export function deckIdForFile(rootName: string, rel: string): string {
  const parts = rel.split('/');
  const file = deckIdFromName(parts.pop() ?? '');
  return [slug(rootName), ...parts.map(slug), file].join('/');
}
