// Import an Anki package into the profile: notes become cards (decks and
// their hierarchy kept), the revlog becomes review history, each card's
// schedule comes from Anki. Idempotent: a card's identity derives from its
// note guid and template ord (or is the card id our own export put in the
// guid), and a revlog row already in the history (same card, same time —
// revlog ids are answer times in ms) is not added again. Everything is
// written in one transaction: a failure changes nothing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stableId } from '../../cards/id.ts';
import { AnkiImportRepo, type ImportCard } from '../../db/ankiImport.ts';
import { readAnkiCollection, type AnkiCardRow, type AnkiCollection, type AnkiRevlogRow } from '../../db/ankiRead.ts';
import type { Store } from '../../db/store.ts';
import type { AnkiImportReport, AnkiSkip } from '../contract/anki.ts';
import { cardIdFromGuid } from '../export/anki/model.ts';
import { clozeNumbers, clozeSides, fieldToMarkdown } from './fields.ts';
import { isAnswer, reviewsOf, stateOf, type DayClock } from './history.ts';
import { DEFAULT_LIMITS, openPackage, type AnkiPackage, type PackageLimits } from './package.ts';
import { isClozeConfig } from './proto.ts';
import { runSteps, runStepsAsync } from '../progress/steps.ts';
import type { ProgressFn } from '../progress/tracker.ts';

export interface AnkiImportOptions extends DayClock {
  now: number;
  /** Called at each phase and every few notes (service/progress/tracker.ts turns it into a percentage). */
  onProgress?: ProgressFn;
  file: string;
  limits?: PackageLimits;
  nativeBinding?: string;
}

const IMAGE_MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml' };
const MAX_SKIPS = 200;

function collectionOf(pkg: AnkiPackage, nativeBinding?: string): AnkiCollection {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-anki-'));
  try {
    const file = path.join(dir, 'collection.sqlite');
    fs.writeFileSync(file, pkg.collection);
    return readAnkiCollection(file, isClozeConfig, nativeBinding);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Images become content-addressed `<sha256>.<ext>`; other media (sound, video) is skipped. */
function mediaOf(pkg: AnkiPackage, skip: (s: AnkiSkip) => void) {
  const byAnkiName = new Map<string, { name: string; mime: string; bytes: Uint8Array }>();
  for (const m of pkg.media) {
    const ext = /\.([a-z0-9]+)$/i.exec(m.name)?.[1]?.toLowerCase() ?? '';
    const mime = IMAGE_MIME[ext];
    if (!mime) {
      skip({ what: 'media', id: m.name, reason: 'not an image (sound and video stay in Anki)' });
      continue;
    }
    const sha = createHash('sha256').update(m.bytes).digest('hex');
    byAnkiName.set(m.name, { name: `${sha}.${ext === 'jpeg' ? 'jpg' : ext}`, mime, bytes: m.bytes });
  }
  return byAnkiName;
}

function groupRevlog(rows: AnkiRevlogRow[]): Map<number, AnkiRevlogRow[]> {
  const out = new Map<number, AnkiRevlogRow[]>();
  for (const r of rows) {
    let list = out.get(r[1]);
    if (!list) out.set(r[1], (list = []));
    list.push(r);
  }
  return out;
}

const hashOf = (front: string, back: string) => createHash('sha1').update(`${front}\x1f${back}`).digest('hex');

/** Import straight through (CLI, bench). */
export function importAnkiPackage(store: Store, bytes: Uint8Array, o: AnkiImportOptions): AnkiImportReport {
  return runSteps(ankiImportSteps(store, bytes, o));
}

/** Import in time slices, giving the event loop back between them (a host answering progress polls). */
export function importAnkiPackageAsync(store: Store, bytes: Uint8Array, o: AnkiImportOptions): Promise<AnkiImportReport> {
  return runStepsAsync(ankiImportSteps(store, bytes, o));
}

/** Notes between two yields: small enough for smooth progress, large enough that yielding costs nothing. */
const NOTES_PER_STEP = 100;

/**
 * The import as steps: it yields between phases and every NOTES_PER_STEP
 * notes. The write transaction is opened by hand (StatsRepo.bulkBegin) and
 * rolled back on any error, or if the steps are abandoned unfinished.
 */
export function* ankiImportSteps(store: Store, bytes: Uint8Array, o: AnkiImportOptions): Generator<void, AnkiImportReport> {
  const t0 = performance.now();
  const progress = o.onProgress ?? (() => {});
  progress('unpack', 0, 1);
  yield;
  const pkg = openPackage(bytes, o.limits ?? DEFAULT_LIMITS);
  progress('read', 0, 1);
  yield;
  const col = collectionOf(pkg, o.nativeBinding);
  progress('media', 0, pkg.media.length);
  yield;
  const report: AnkiImportReport = {
    file: o.file, format: pkg.format, decks: [],
    notes: { imported: 0, skipped: 0 },
    cards: { added: 0, updated: 0, unchanged: 0, scheduleFromAnki: 0, skipped: 0 },
    reviews: { added: 0, alreadyHere: 0, skipped: 0 },
    media: { added: 0, alreadyHere: 0, skipped: 0 },
    skipped: [], ms: 0,
  };
  const skip = (s: AnkiSkip) => {
    const key = s.what === 'note' ? 'notes' : s.what === 'card' ? 'cards' : s.what === 'review' ? 'reviews' : 'media';
    report[key].skipped++;
    if (report.skipped.length < MAX_SKIPS) report.skipped.push(s);
  };
  for (const m of pkg.skippedMedia) skip({ what: 'media', id: m.name, reason: m.reason });
  const media = mediaOf(pkg, skip);
  progress('media', pkg.media.length, pkg.media.length);
  const resolve = (name: string) => media.get(name)?.name ?? null;
  const md = (html: string) => fieldToMarkdown(html, resolve);

  const cardsOfNote = new Map<number, AnkiCardRow[]>();
  for (const c of col.cards) {
    let list = cardsOfNote.get(c[1]);
    if (!list) cardsOfNote.set(c[1], (list = []));
    list.push(c);
  }
  const revlog = groupRevlog(col.revlog);
  const decks = new Set<string>();

  const tx = store.stats.bulkBegin();
  let committed = false;
  try {
    const repo = new AnkiImportRepo(store.db);
    for (const m of media.values()) {
      if (repo.media(m.name, m.mime, m.bytes)) report.media.added++;
      else report.media.alreadyHere++;
    }
    let ord = repo.nextOrd();
    const total = col.notes.length;
    progress('notes', 0, total);
    let seen = 0;
    for (const [nid, guid, mid, mod, tags, flds] of col.notes) {
      if (seen > 0 && seen % NOTES_PER_STEP === 0) {
        progress('notes', seen, total);
        yield;
      }
      seen++;
      const nt = col.noteTypes.get(mid);
      const cards = cardsOfNote.get(nid) ?? [];
      if (!nt) {
        skip({ what: 'note', id: guid, reason: `unknown note type ${mid}` });
        continue;
      }
      const fields = flds.split('\x1f');
      if (fields.length !== nt.fields.length) {
        skip({ what: 'note', id: guid, reason: `${fields.length} fields, but its note type “${nt.name}” has ${nt.fields.length}` });
        continue;
      }
      report.notes.imported++;
      const own = cardIdFromGuid(guid);
      for (const c of cards) {
        const [cid, , did, cardOrd, type, queue, , , , , , , odid] = c;
        let sides: { front: string; back: string };
        if (nt.cloze) {
          // A cloze note type may hold its deletions in any field: the card's number picks the field.
          const n = cardOrd + 1;
          const at = fields.findIndex((f) => f.includes(`{{c${n}::`));
          const text = at >= 0 ? md(fields[at]!) : '';
          if (!clozeNumbers(text).includes(n)) {
            skip({ what: 'card', id: String(cid), reason: `cloze card ${n} has no {{c${n}::…}} in its fields` });
            continue;
          }
          sides = clozeSides(text, n);
          const extra = at === 0 && fields.length > 1 ? md(fields[1]!) : '';
          if (extra) sides.back += `\n\n${extra}`;
        } else {
          const f0 = md(fields[0]!);
          const f1 = fields.length > 1 ? md(fields[1]!) : '';
          const reversed = cardOrd === 1 && nt.templates >= 2;
          sides = reversed ? { front: f1, back: f0 } : { front: f0, back: f1 };
        }
        // Our own card, back from Anki: its content lives in the notes, only history and schedule come home.
        const existingOwn = own !== null && cardOrd === 0 ? repo.card(own) : null;
        const id = existingOwn ? own! : (repo.cardByGuid(guid, cardOrd) ?? stableId(['anki', guid, String(cardOrd)]));
        const existing = existingOwn ?? repo.card(id);
        if (!existingOwn) {
          if (!sides.front.trim()) {
            skip({ what: 'card', id: String(cid), reason: 'empty front' });
            continue;
          }
          const deck = col.decks.get(odid || did)?.path ?? ['Default'];
          const top = deck[0] || 'Default';
          const deckName = deck.join('::');
          if (!decks.has(deckName)) {
            decks.add(deckName);
            repo.deck(`anki:${top}`, top, o.now);
          }
          const card: ImportCard = {
            id, deckId: `anki:${top}`, kind: nt.cloze ? 'cloze' : 'qa', section: deck, key: `${guid}:${cardOrd}`,
            front: sides.front, back: sides.back, hash: hashOf(sides.front, sides.back), ord: 0,
          };
          if (!existing) {
            repo.insertCard({ ...card, ord: ord++ }, queue === -1, o.now);
            report.cards.added++;
          } else if (existing.content_hash !== card.hash) {
            repo.updateCard(card, o.now);
            report.cards.updated++;
          } else report.cards.unchanged++;
        } else report.cards.unchanged++;

        // History: every answer not already here; the schedule when Anki's is newer than ours.
        const rows = revlog.get(cid) ?? [];
        for (const r of rows) if (!isAnswer(r)) skip({ what: 'review', id: String(r[0]), reason: 'a reschedule or reset without an answer' });
        const log = reviewsOf(id, rows, o);
        const known = existing ? [...repo.reviewTimes(id)] : [];
        const localLast = existing ? repo.lastLocalReview(id) : null;
        const hadState = existing ? repo.hasState(id) : false;
        let newest: number | null = null;
        for (const r of log) {
          // Our export writes revlog id = answer time, nudged up a few ms only when two answers share a
          // millisecond (ids are unique in Anki); so "already here" is an answer of this card at most 1 s earlier.
          if (known.some((t) => t <= r.reviewedAt && r.reviewedAt - t < 1000)) report.reviews.alreadyHere++;
          else {
            repo.review(r);
            report.reviews.added++;
            newest = r.reviewedAt;
          }
        }
        // Anki's schedule wins when Anki has an answer newer than any here (or we have no schedule at all).
        const takeAnki = type !== 0 && (!hadState || (newest !== null && newest > (localLast ?? -Infinity)));
        const state = takeAnki ? stateOf(id, c, log, col.crt, o) : null;
        if (state) {
          repo.state(state);
          report.cards.scheduleFromAnki++;
          if (existing) repo.setSuspended(id, queue === -1, o.now);
        }
        if (!existingOwn || state) repo.ankiCard({ cardId: id, guid, ord: cardOrd, tags: tags.trim(), mod, sched: state !== null });
      }
    }
    progress('finish', 0, 1);
    yield;
    tx.commit();
    committed = true;
  } finally {
    // An error, or steps abandoned half-way: nothing of this import stays.
    if (!committed) tx.rollback();
  }
  report.decks = [...decks].sort();
  report.ms = Math.round(performance.now() - t0);
  return report;
}
