// Shared by the notes tests: the bundled deck as the user wrote it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNotes } from '../../../cards/notes/parse.ts';
import type { CardDraft } from '../../../cards/types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SEED = fs.readFileSync(path.join(root, 'decks/dl-interview-notes.md'), 'utf8');
export const fixture = (name: string) => fs.readFileSync(path.join(root, 'tests/fixtures/notes', name), 'utf8');
export const parse = (md: string, deck = 'dl') => parseNotes(md, { deck });
export const seedCards = (): CardDraft[] => parse(SEED).cards;

/** 1-based line of the first line of `md` that starts with `prefix`. */
export function lineOf(md: string, prefix: string): number {
  const i = md.split('\n').findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starting with ${prefix}`);
  return i + 1;
}

export const byKey = (cards: readonly CardDraft[], key: string) => cards.filter((c) => c.key === key);
export const one = (cards: readonly CardDraft[], key: string, kind?: string): CardDraft => {
  const found = byKey(cards, key).filter((c) => !kind || c.kind === kind);
  if (found.length !== 1) throw new Error(`expected one card ${kind ?? ''} "${key}", got ${found.length}`);
  return found[0]!;
};
