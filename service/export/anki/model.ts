// The JSON blobs of Anki's `col` row: one Basic-style note type, one deck per
// DeepRecall deck (under a "DeepRecall" parent), Anki's default options.
// Ids are stable hashes so a second import updates notes instead of duplicating them.
import { createHash } from 'node:crypto';

const GUID_PREFIX = 'dr:';

/**
 * The note's guid carries our card id, so a package that went through Anki
 * (which keeps guids) maps its notes, cards and new reviews back to the cards
 * they came from. Anki treats the guid as opaque text.
 */
export function guidFor(cardId: string): string {
  return `${GUID_PREFIX}${cardId}`;
}

/** The card id inside a guid written by guidFor, or null for any other guid. */
export function cardIdFromGuid(guid: string): string | null {
  return guid.startsWith(GUID_PREFIX) && guid.length > GUID_PREFIX.length && guid.length <= 203 ? guid.slice(GUID_PREFIX.length) : null;
}

/** A positive id below 2^53 from a name: stable across exports. */
export function stableId(name: string): number {
  const h = createHash('sha256').update(name).digest().readUIntBE(0, 6);
  return 1_000_000_000_000 + (h % 8_000_000_000_000);
}

/** Anki's note checksum: the first 8 hex digits of SHA-1 of the sort field's text. */
export function checksum(sortText: string): number {
  return Number.parseInt(createHash('sha1').update(sortText).digest('hex').slice(0, 8), 16);
}

export const MODEL_ID = stableId('deeprecall:model:basic');
export const ROOT_DECK = 'DeepRecall';

const CSS = `.card { font-family: -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 20px;
  text-align: left; color: black; background-color: white; line-height: 1.5; }
.nightMode .card, .night_mode .card { color: #eee; background-color: #222; }
.section { font-size: 14px; color: #888; margin-bottom: 0.5em; }`;

/** Field 0 is the front (Anki's sort field and duplicate check), the breadcrumb has its own field. */
export const FIELDS = ['Front', 'Back', 'Section'] as const;

export function model(deckId: number, mod: number): Record<string, unknown> {
  const field = (name: string, ord: number) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] });
  return {
    [MODEL_ID]: {
      id: MODEL_ID,
      name: 'DeepRecall Basic',
      type: 0,
      mod,
      usn: -1,
      sortf: 0,
      did: deckId,
      tmpls: [
        {
          name: 'Card 1',
          ord: 0,
          qfmt: '{{#Section}}<div class="section">{{Section}}</div>{{/Section}}\n{{Front}}',
          afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}',
          bqfmt: '',
          bafmt: '',
          did: null,
          bfont: '',
          bsize: 0,
        },
      ],
      flds: FIELDS.map((f, i) => field(f, i)),
      css: CSS,
      latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
      latexPost: '\\end{document}',
      latexsvg: false,
      req: [[0, 'any', [0]]],
      tags: [],
      vers: [],
    },
  };
}

function deck(id: number, name: string, mod: number): Record<string, unknown> {
  return {
    id, name, mod, usn: -1, desc: '', dyn: 0, conf: 1, collapsed: false, browserCollapsed: false,
    extendNew: 0, extendRev: 0, newToday: [0, 0], revToday: [0, 0], lrnToday: [0, 0], timeToday: [0, 0],
  };
}

export function decks(ours: readonly { id: number; name: string }[], mod: number): Record<string, unknown> {
  const out: Record<string, unknown> = { 1: deck(1, 'Default', mod) };
  out[stableId(`deeprecall:deck-root`)] = deck(stableId(`deeprecall:deck-root`), ROOT_DECK, mod);
  for (const d of ours) out[d.id] = deck(d.id, d.name, mod);
  return out;
}

export const DCONF = {
  1: {
    id: 1, name: 'Default', mod: 0, usn: 0, maxTaken: 60, autoplay: true, timer: 0, replayq: true, dyn: false,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20, separate: true },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    rev: { bury: false, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 200, hardFactor: 1.2 },
  },
};

/**
 * `schedVer: 2` matters: without it Anki takes the package for a V1-scheduler
 * collection and upgrades it, rewriting learning answers (Hard→Good, Good→Easy).
 */
export function conf(nextPos: number, rolloverHour: number): Record<string, unknown> {
  return {
    schedVer: 2, rollover: rolloverHour,
    activeDecks: [1], curDeck: 1, newSpread: 0, collapseTime: 1200, timeLim: 0, estTimes: true, dueCounts: true,
    curModel: String(MODEL_ID), nextPos, sortType: 'noteFld', sortBackwards: false, addToCur: true,
  };
}
