// Build an .apkg: collection.anki2 (schema 11) in a temp file, then a zip of
// it plus an empty `media` map, streamed into the sink. One note per active
// card (retired cards are left out), carrying its SM-2 state as Anki review
// scheduling, and the review log as Anki's revlog.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { generate } from '../../../cards/problems/generate.ts';
import { escapeHtml } from '../../../cards/render/tex.ts';
import type { CardLink } from '../../../cards/types.ts';
import { AnkiCollectionWriter } from '../../../db/anki.ts';
import type { CardExportRow, ExportReader } from '../../../db/export.ts';
import { variantSeed } from '../../review.ts';
import type { Sink } from '../atomic.ts';
import { linksHtml, sectionTag, stripHtml, toAnkiHtml } from './html.ts';
import { checksum, conf, DCONF, decks, guidFor, model, MODEL_ID, ROOT_DECK, stableId } from './model.ts';

export interface ApkgOptions {
  now: number;
  today: number;
  /** Epoch ms at which today's study day began; Anki counts due days from here. */
  todayStartMs: number;
  lang: 'zh' | 'en';
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
function sides(c: CardExportRow, lang: 'zh' | 'en'): { head: string; front: string; back: string } {
  const section = parse<string[]>(c.section, []);
  const head = section.length ? `<div class="section">${escapeHtml(section.join(' › '))}</div>` : '';
  const links = linksHtml(parse<CardLink[]>(c.links, []));
  if (c.kind === 'problem' && c.template_id) {
    try {
      const p = generate(c.template_id, variantSeed(c.id, 0));
      return {
        head,
        front: `${toAnkiHtml(c.front)}<hr>${toAnkiHtml(p.prompt[lang])}`,
        back: `${toAnkiHtml(p.solution[lang])}<hr>${toAnkiHtml(c.back)}${links}`,
      };
    } catch {
      // an unknown template (notes from a newer app): export the card as written
    }
  }
  return { head, front: toAnkiHtml(c.front), back: c.kind === 'reading' && links ? links : `${toAnkiHtml(c.back)}${links}` };
}

/** Anki's answer buttons: Again, Hard, Good, Easy. */
export const ankiEase = (q: number) => (q < 3 ? 1 : q - 1);

function buildCollection(reader: ExportReader, file: string, o: ApkgOptions): number {
  const modSec = Math.floor(o.now / 1000);
  const ourDecks = reader.decks().map((d) => ({ key: d.id, id: stableId(`deeprecall:deck:${d.id}`), name: `${ROOT_DECK}::${d.name}` }));
  const deckOf = new Map(ourDecks.map((d) => [d.key, d.id]));
  const total = reader.counts().cards;
  const writer = new AnkiCollectionWriter(
    file,
    { crt: Math.floor(o.todayStartMs / 1000), mod: o.now, conf: conf(total + 1), models: model(ourDecks[0]?.id ?? 1, modSec), decks: decks(ourDecks, modSec), dconf: DCONF },
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
      const { head, front, back } = sides(c, o.lang);
      const nid = noteBase + i;
      const cid = noteBase + total + i;
      cardIds.set(c.id, cid);
      const tags = ` ${sectionTag(ROOT_DECK, parse<string[]>(c.section, []))} `;
      writer.note({ id: nid, guid: guidFor(c.id), mid: MODEL_ID, mod: modSec, tags, flds: `${head}${front}\x1f${back}`, sfld: stripHtml(front), csum: checksum(stripHtml(front)) });
      const reviewed = c.interval_days !== null;
      writer.card({
        id: cid, nid, did: deckOf.get(c.deck_id) ?? 1, mod: modSec,
        type: reviewed ? 2 : 0,
        queue: c.suspended ? -1 : reviewed ? 2 : 0,
        due: reviewed ? c.due_day! - o.today : c.ord,
        ivl: reviewed ? Math.max(1, c.interval_days!) : 0,
        factor: reviewed ? Math.round(c.ease_factor! * 1000) : 0,
        reps: c.repetitions ?? 0,
        lapses: c.lapses ?? 0,
      });
      if (i % 2000 === 0) o.progress?.(i);
    }
    let last = 0;
    for (const r of reader.revlog()) {
      const cid = cardIds.get(r.card_id);
      if (cid === undefined) continue;
      last = Math.max(last + 1, r.reviewed_at); // revlog ids are ms timestamps and must be unique
      writer.revlog({
        id: last, cid, ease: ankiEase(r.quality), ivl: r.ivl_after, lastIvl: r.ivl_before ?? 0,
        factor: Math.round(r.ease_after * 1000), time: Math.min(r.elapsed_ms, 60_000),
        type: r.reps_before === null ? 0 : r.mode === 'drill' ? 2 : 1,
      });
    }
    writer.finish();
    o.progress?.(total);
    return cardIds.size;
  } catch (err) {
    writer.abort();
    throw err;
  }
}

async function zipInto(sink: Sink, collection: string): Promise<void> {
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
  const media = new ZipPassThrough('media');
  zip.add(media);
  media.push(strToU8('{}'), true);
  zip.end();
  await drain();
}

export async function writeApkg(reader: ExportReader, sink: Sink, o: ApkgOptions): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `deeprecall-apkg-${randomBytes(3).toString('hex')}-`));
  try {
    const file = path.join(dir, 'collection.anki2');
    const notes = buildCollection(reader, file, o);
    await zipInto(sink, file);
    return notes;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
