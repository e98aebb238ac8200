// Build an .apkg: collection.anki2 (schema 11) in a temp file, then a zip of
// it, the card images under numbered names and the `media` map, streamed into
// the sink. One note per active card (retired cards are left out), carrying
// its SM-2 state as Anki review scheduling, and the review log as Anki's revlog.
//
// Answers that do not move the schedule (drills: same-day repeats; mock
// interview answers) are written the way Anki writes answers in a filtered
// deck without rescheduling: revlog type 3 with factor 0. Anki's statistics
// and FSRS skip exactly those rows (rslib RevlogEntry::is_cramming), so a
// card never shows two scheduling reviews on one day. `cards.reps` counts
// every revlog row of the card; `cards.lapses` counts its Again answers while
// in review (type 1, ease 1), as Anki counts them.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { qualityToRating } from '../../../srs/rating.ts';
import type { Quality } from '../../../srs/sm2.ts';
import { generate } from '../../../cards/problems/generate.ts';
import type { CardLink } from '../../../cards/types.ts';
import { AnkiCollectionWriter } from '../../../db/anki.ts';
import type { CardExportRow, ExportReader } from '../../../db/export.ts';
import { variantSeed } from '../../review.ts';
import type { Sink } from '../atomic.ts';
import { linksHtml, sectionTag, stripHtml, toAnkiHtml, toAnkiInline, type FieldEnv } from './html.ts';
import { MediaPacker, type MediaLookup } from './media.ts';
import { checksum, conf, DCONF, decks, guidFor, model, MODEL_ID, ROOT_DECK, stableId } from './model.ts';

export interface ApkgOptions {
  now: number;
  today: number;
  /** Epoch ms at which today's study day began; Anki counts due days from here. */
  todayStartMs: number;
  lang: 'zh' | 'en';
  /** The profile's rollover hour, written to col.conf as Anki's `rollover`. */
  rolloverHour?: number;
  /** Card image bytes by `<sha256>.<ext>`; without it images export as their alt text. */
  media?: MediaLookup;
  /** TeX that MathJax may not render, one message per card. */
  onWarning?: (message: string) => void;
  nativeBinding?: string;
  progress?: (done: number) => void;
}

function parse<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

/** Problem cards get one representative variant (the first a learner sees) with its worked solution. */
function sides(c: CardExportRow, lang: 'zh' | 'en', env: FieldEnv): { head: string; front: string; back: string } {
  const section = parse<string[]>(c.section, []);
  // Headings are Markdown too: `$l_1$和$l_2$正则化` must reach Anki as MathJax, not dollars.
  const head = section.map((h) => toAnkiInline(h, env)).join(' › ');
  const links = linksHtml(parse<CardLink[]>(c.links, []));
  if (c.kind === 'problem' && c.template_id) {
    try {
      const p = generate(c.template_id, variantSeed(c.id, 0));
      return {
        head,
        front: `${toAnkiHtml(c.front, env)}<hr>${toAnkiHtml(p.prompt[lang], env)}`,
        back: `${toAnkiHtml(p.solution[lang], env)}<hr>${toAnkiHtml(c.back, env)}${links}`,
      };
    } catch {
      // an unknown template (notes from a newer app): export the card as written
    }
  }
  return { head, front: toAnkiHtml(c.front, env), back: c.kind === 'reading' && links ? links : `${toAnkiHtml(c.back, env)}${links}` };
}

/** Anki's answer buttons (1 Again … 4 Easy), through the one mapping in srs/rating.ts. */
export const ankiEase = (q: number) => qualityToRating(q as Quality);

/** Revlog type: 0 learn (a new card's first answer), 1 review, 3 an answer that left the schedule alone. */
export function revlogType(r: { reps_before: number | null; mode: string }): 0 | 1 | 3 {
  if (r.mode === 'drill' || r.mode === 'mock') return 3;
  return r.reps_before === null ? 0 : 1;
}

function buildCollection(reader: ExportReader, file: string, o: ApkgOptions, packer: MediaPacker): number {
  const modSec = Math.floor(o.now / 1000);
  const ourDecks = reader.decks().map((d) => ({ key: d.id, id: stableId(`deeprecall:deck:${d.id}`), name: `${ROOT_DECK}::${d.name}` }));
  const deckOf = new Map(ourDecks.map((d) => [d.key, d.id]));
  const total = reader.counts().cards;
  const writer = new AnkiCollectionWriter(
    file,
    { crt: Math.floor(o.todayStartMs / 1000), mod: o.now, conf: conf(total + 1, o.rolloverHour ?? 4), models: model(ourDecks[0]?.id ?? 1, modSec), decks: decks(ourDecks, modSec), dconf: DCONF },
    o.nativeBinding,
  );
  try {
    // Anki ids are creation times in ms; count back from now so every id is unique and in the past.
    const noteBase = o.now - 2 * total - 1000;
    const cardIds = new Map<string, number>();
    let i = 0;
    for (const c of reader.cards()) {
      i++;
      if (c.retired_at !== null) continue;
      const env: FieldEnv = { media: (name) => packer.use(name), risky: new Set() };
      const { head, front, back } = sides(c, o.lang, env);
      if (env.risky!.size) o.onWarning?.(`card ${c.id}: ${[...env.risky!].map((r) => `\\${r}`).join(', ')} may not render in Anki's MathJax`);
      const nid = noteBase + i;
      const cid = noteBase + total + i;
      cardIds.set(c.id, cid);
      const tags = ` ${sectionTag(ROOT_DECK, parse<string[]>(c.section, []))} `;
      const sort = stripHtml(front);
      writer.note({ id: nid, guid: guidFor(c.id), mid: MODEL_ID, mod: modSec, tags, flds: [front, back, head].join('\x1f'), sfld: sort, csum: checksum(sort) });
      const reviewed = c.interval_days !== null;
      writer.card({
        id: cid, nid, did: deckOf.get(c.deck_id) ?? 1, mod: modSec,
        type: reviewed ? 2 : 0,
        queue: c.suspended ? -1 : reviewed ? 2 : 0,
        due: reviewed ? c.due_day! - o.today : c.ord,
        ivl: reviewed ? Math.max(1, c.interval_days!) : 0,
        factor: reviewed ? Math.round(c.ease_factor! * 1000) : 0,
        reps: 0, // both counted from the revlog once it is written (writer.countFromRevlog)
        lapses: 0,
      });
      if (i % 2000 === 0) o.progress?.(i);
    }
    let last = 0;
    for (const r of reader.revlog()) {
      const cid = cardIds.get(r.card_id);
      if (cid === undefined) continue;
      // Revlog ids are ms timestamps and must be unique; they equal reviewed_at except for
      // two answers in the same millisecond, so an import finds its own answers again by time.
      last = Math.max(last + 1, r.reviewed_at);
      const type = revlogType(r);
      writer.revlog({
        id: last, cid, ease: ankiEase(r.quality), ivl: r.ivl_after, lastIvl: r.ivl_before ?? 0,
        factor: type === 3 ? 0 : Math.round(r.ease_after * 1000), time: Math.min(r.elapsed_ms, 60_000), type,
      });
    }
    writer.countFromRevlog();
    writer.finish();
    o.progress?.(total);
    return cardIds.size;
  } catch (err) {
    writer.abort();
    throw err;
  }
}

async function zipInto(sink: Sink, collection: string, packer: MediaPacker): Promise<void> {
  const pending: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else pending.push(data);
  });
  const drain = async () => {
    if (failure) throw failure;
    while (pending.length) await sink.write(pending.shift()!);
  };
  const entry = new ZipDeflate('collection.anki2', { level: 6 });
  zip.add(entry);
  for await (const chunk of fs.createReadStream(collection, { highWaterMark: 1 << 20 })) {
    entry.push(chunk as Uint8Array);
    await drain();
  }
  entry.push(new Uint8Array(0), true);
  // Images are already compressed: stored, under Anki's numbered names.
  const map: Record<string, string> = {};
  for (const [i, name, bytes] of packer.files()) {
    const f = new ZipPassThrough(String(i));
    zip.add(f);
    f.push(bytes, true);
    map[String(i)] = name;
    await drain();
  }
  const media = new ZipPassThrough('media');
  zip.add(media);
  media.push(strToU8(JSON.stringify(map)), true);
  zip.end();
  await drain();
}

export async function writeApkg(reader: ExportReader, sink: Sink, o: ApkgOptions): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `deeprecall-apkg-${randomBytes(3).toString('hex')}-`));
  try {
    const file = path.join(dir, 'collection.anki2');
    const packer = new MediaPacker(o.media ?? (() => null));
    const notes = buildCollection(reader, file, o, packer);
    await zipInto(sink, file, packer);
    return notes;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
