// The bundled deck parsed at build time (scripts/build-cli.js writes
// dist-cli/default-deck.json): a fresh profile stores its 172 cards without
// loading the notes parser, and shows them without loading the Markdown
// renderer (their sides rendered too, `sides`, read by service/sides.ts). The file is keyed by the sha256 of the deck text
// it was made from; any other text (an edited deck, $DEEPRECALL_DECKS_DIR) is
// parsed as before. It is only used by the bundle that was built with it —
// from the TypeScript sources there is none — so parser or template changes in
// a checkout can never be hidden behind an old prebuilt file.
import fs from 'node:fs';
import path from 'node:path';
import type { CardDraft, ParseResult } from '../cards/types.ts';
import { appRoot } from './appRoot.ts';

/** Defined by the CLI build (esbuild `define`) as the JSON's path relative to the app root. */
declare const __DEEPRECALL_PREBUILT_DECK__: string | undefined;

export const PREBUILT_DECK_VERSION = 1;

export interface PrebuiltDeck extends ParseResult {
  version: number;
  /** sha256 (hex) of the deck Markdown these cards were parsed from. */
  sourceSha256: string;
  /** Each card's front and back Markdown → its HTML as nextCard/reveal send it (service/sides.ts). */
  sides?: Record<string, string>;
}

/** Where this build's prebuilt deck is, or null when running from sources. */
export function prebuiltDeckFile(): string | null {
  return typeof __DEEPRECALL_PREBUILT_DECK__ === 'string' ? path.join(appRoot(), __DEEPRECALL_PREBUILT_DECK__) : null;
}

const isDraft = (c: unknown): c is CardDraft => {
  const d = c as Partial<CardDraft> | null;
  return !!d && typeof d.id === 'string' && typeof d.deck === 'string' && typeof d.kind === 'string' && Array.isArray(d.section) && typeof d.front === 'string' && typeof d.back === 'string';
};

// A fresh profile asks for the cards (import) and then the sides (first card) of the same file: it is read and parsed once.
let lastRead: { file: string; mtimeMs: number; data: Partial<PrebuiltDeck> | null } | null = null;

/** The file's JSON, or null when there is no file or it is unreadable or not JSON. */
function readFile(file: string | null): Partial<PrebuiltDeck> | null {
  if (!file) return null;
  try {
    const mtimeMs = fs.statSync(file).mtimeMs;
    if (lastRead?.file !== file || lastRead.mtimeMs !== mtimeMs) {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      lastRead = { file, mtimeMs, data: parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Partial<PrebuiltDeck>) : null };
    }
    return lastRead.data;
  } catch {
    return null;
  }
}

/**
 * The prebuilt cards of `file` if they were made from text with this sha256;
 * null when there is no file, it is unreadable or damaged, or the deck changed
 * (the caller then parses).
 */
export function readPrebuiltDeck(file: string | null, sourceSha256: string): ParseResult | null {
  const data = readFile(file);
  if (!data || data.version !== PREBUILT_DECK_VERSION || data.sourceSha256 !== sourceSha256) return null;
  if (!Array.isArray(data.cards) || !data.cards.every(isDraft) || !Array.isArray(data.warnings)) return null;
  return { cards: data.cards, warnings: data.warnings };
}

/**
 * The prebuilt sides of `file` (Markdown → HTML); null when there is no file,
 * it is unreadable, or it has none. Keyed by the text itself, they hold for
 * any card with that text, whatever the deck's version.
 */
export function readPrebuiltSides(file: string | null): Map<string, string> | null {
  const data = readFile(file);
  const sides = data?.version === PREBUILT_DECK_VERSION ? data.sides : undefined;
  if (!sides || typeof sides !== 'object' || Array.isArray(sides)) return null;
  const out = new Map<string, string>();
  for (const [src, html] of Object.entries(sides)) if (typeof html === 'string') out.set(src, html);
  return out;
}

export function prebuiltDeckJson(sourceSha256: string, parsed: ParseResult, sides?: Record<string, string>): string {
  const out: PrebuiltDeck = { version: PREBUILT_DECK_VERSION, sourceSha256, cards: parsed.cards, warnings: parsed.warnings, ...(sides ? { sides } : {}) };
  return JSON.stringify(out);
}
