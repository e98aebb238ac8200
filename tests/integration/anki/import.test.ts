// Importing Anki packages: files Anki and AnkiDroid wrote (tests/fixtures/anki,
// see its README), a current-format package (zstd, schema 18), and small
// hand-made packages whose every number is known.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../../srs/day.ts';
import { b64, fixture, handPackage, profile } from './setup.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const at = (iso: string) => Date.parse(iso);

describe('Anki packages written by Anki and AnkiDroid', () => {
  it('AnkiDroid templates deck: note types, deck hierarchy, clozes, history; a second import adds nothing', async () => {
    const { api, store } = profile();
    const r = await api.importAnki({ name: 'ankidroid-templates.apkg', dataBase64: b64(fixture('ankidroid-templates.apkg')) });
    expect(r.format).toBe('anki2');
    expect(r.notes).toEqual({ imported: 48, skipped: 0 });
    expect(r.decks).toContain('1-TEMPLATES::Anatomy');
    expect(r.decks).toContain('1-TEMPLATES::NestedClozes');
    expect(r.cards.added).toBeGreaterThan(100);
    // every revlog row with an answer button became a review, none invented
    expect(r.reviews.added).toBe(95);
    expect(store.db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(95);
    const kinds = store.db.prepare('SELECT kind, count(*) n FROM cards GROUP BY kind ORDER BY kind').all();
    expect(kinds.map((k) => (k as { kind: string }).kind)).toEqual(['cloze', 'qa']);
    const anatomy = store.db.prepare("SELECT section FROM cards WHERE front = 'Deltoid'").pluck().get();
    expect(JSON.parse(anatomy as string)).toEqual(['1-TEMPLATES', 'Anatomy']);
    expect(store.db.prepare("SELECT name FROM decks WHERE id = 'anki:1-TEMPLATES'").pluck().get()).toBe('1-TEMPLATES');
    expect(store.db.prepare("SELECT DISTINCT tags FROM anki_cards WHERE tags LIKE 'Muscle%' ORDER BY 1").pluck().all()).toContain('Muscle UpperEx arm');
    // no HTML survives into card Markdown
    expect(store.db.prepare("SELECT count(*) FROM cards WHERE front LIKE '%<div%' OR back LIKE '%<div%' OR back LIKE '%<span%'").pluck().get()).toBe(0);

    const again = await api.importAnki({ name: 'ankidroid-templates.apkg', dataBase64: b64(fixture('ankidroid-templates.apkg')) });
    expect(again.reviews).toEqual({ added: 0, alreadyHere: 95, skipped: 0 });
    expect(again.cards.added).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(95);
  });

  it('a current package (meta v3, zstd collection.anki21b at schema 18, protobuf media list) reads like its legacy twin', async () => {
    const a = profile();
    const b = profile();
    const legacy = await a.api.importAnki({ name: 'ankidroid-templates.apkg', dataBase64: b64(fixture('ankidroid-templates.apkg')) });
    const latest = await b.api.importAnki({ name: 'synthetic-schema18.colpkg', dataBase64: b64(fixture('synthetic-schema18.colpkg')) });
    expect(latest.format).toBe('anki21b');
    expect(latest.media).toEqual({ added: 1, alreadyHere: 0, skipped: 0 });
    expect({ ...latest.cards }).toEqual(legacy.cards);
    expect(latest.reviews).toEqual(legacy.reviews);
    expect(latest.decks).toEqual(legacy.decks);
    const rows = (s: typeof a.store) => s.db.prepare('SELECT id, kind, section, front, back FROM cards ORDER BY id').all();
    expect(rows(b.store)).toEqual(rows(a.store));
    const png = b.store.db.prepare('SELECT name, mime, size FROM media').get() as { name: string; mime: string };
    expect(png.mime).toBe('image/png');
    expect(png.name).toMatch(/^[0-9a-f]{64}\.png$/);
  });

  it('Anki\'s update1 → AnkiDroid\'s update3: the same note guid updates the card in place', async () => {
    const { api, store } = profile();
    await api.importAnki({ name: 'anki-update1.apkg', dataBase64: b64(fixture('anki-update1.apkg')) });
    const before = store.db.prepare('SELECT id, front, back FROM cards').all() as { id: string; front: string }[];
    expect(before.map((c) => c.front)).toEqual(['hello']);
    const r = await api.importAnki({ name: 'ankidroid-update3.apkg', dataBase64: b64(fixture('ankidroid-update3.apkg')) });
    expect(r.cards).toMatchObject({ added: 0, updated: 1 });
    expect(store.db.prepare('SELECT id, front, back FROM cards').all()).toEqual([{ id: before[0]!.id, front: 'goodbye', back: 'world' }]);
  });

  it('Anki\'s media test package: a sound file is reported as skipped, the note still imports', async () => {
    const { api } = profile();
    const r = await api.importAnki({ name: 'anki-media.apkg', dataBase64: b64(fixture('anki-media.apkg')) });
    expect(r.notes.imported).toBe(1);
    expect(r.skipped).toContainEqual({ what: 'media', id: 'foo.wav', reason: expect.stringContaining('not an image') });
  });
});

describe('mapping, on a package whose numbers are all known', () => {
  // crt: 04:00 on 2 Jan 2026 in UTC+8 — the profile's zone and rollover, so Anki's day 0 is our 2026-01-02.
  const crt = at('2026-01-01T20:00:00Z') / 1000;
  const day0 = isoToDay('2026-01-02');
  const pkg = () =>
    handPackage({
      crt,
      media: { 'sig.png': PNG, 'a.mp3': Buffer.from('x') },
      notes: [
        {
          id: 1, guid: 'g-basic', tags: ' ml  cnn ',
          fields: ['<div>What is \\(\\sigma(x)\\)?</div><script>alert(1)</script><img src="sig.png">', '\\[\\frac{1}{1+e^{-x}}\\]<br>see <a href="https://x.y">link</a> &amp; <b>bold</b>'],
          cards: [
            { id: 11, ord: 0, type: 2, queue: 2, due: 20, ivl: 10, factor: 2450, lapses: 1 },
            { id: 12, ord: 1, type: 0, queue: -1 },
          ],
        },
        { id: 2, guid: 'g-cloze', cloze: true, fields: ['The {{c1::cat}} sat on the {{c2::mat::floor thing}}', ''], cards: [{ id: 21, ord: 0 }, { id: 22, ord: 1 }] },
        { id: 3, guid: 'g-bad', fields: ['only one field'], cards: [{ id: 31, ord: 0 }] },
      ],
      revlog: [
        { id: at('2026-01-03T02:00:00Z'), cid: 11, ease: 3, ivl: 1, lastIvl: 0, factor: 2500, time: 4000, type: 0 },
        { id: at('2026-01-03T03:00:00Z'), cid: 11, ease: 1, ivl: 1, lastIvl: 1, factor: 0, time: 2000, type: 3 }, // filtered, no reschedule
        { id: at('2026-01-10T02:00:00Z'), cid: 11, ease: 1, ivl: 1, lastIvl: 4, factor: 2300, time: 9000, type: 1 }, // a lapse
        { id: at('2026-01-11T02:00:00Z'), cid: 11, ease: 4, ivl: 10, lastIvl: 1, factor: 2450, time: 3_000_000_000, type: 1 },
        { id: at('2026-01-12T02:00:00Z'), cid: 11, ease: 0, ivl: 10, lastIvl: 10, factor: 2450, time: 0, type: 4 }, // "set due date"
      ],
    });

  it('fields: sanitized, MathJax to dollars, images to media: refs, cloze and reversed cards', async () => {
    const { api, store } = profile();
    const r = await api.importAnki({ name: 'hand.apkg', dataBase64: b64(pkg()) });
    const sha = createHash('sha256').update(PNG).digest('hex');
    const card = (ord: number, guid: string) =>
      store.db.prepare('SELECT c.* FROM cards c JOIN anki_cards a ON a.card_id = c.id WHERE a.guid = ? AND a.ord = ?').get(guid, ord) as { front: string; back: string; kind: string; suspended: number; section: string };
    const basic = card(0, 'g-basic');
    expect(basic.front).toBe(`What is $\\sigma(x)$?\n![](media:${sha}.png)`);
    expect(basic.back).toBe('$$\\frac{1}{1+e^{-x}}$$\nsee [link](https://x.y) & **bold**');
    expect(JSON.parse(basic.section)).toEqual(['ML', 'CNN']);
    const reversed = card(1, 'g-basic');
    expect(reversed.front).toBe(basic.back);
    expect(reversed.suspended).toBe(1);
    expect(card(0, 'g-cloze')).toMatchObject({ kind: 'cloze', front: 'The […] sat on the mat', back: 'The ==cat== sat on the mat' });
    expect(card(1, 'g-cloze')).toMatchObject({ front: 'The cat sat on the [floor thing]', back: 'The cat sat on the ==mat==' });
    expect(r.skipped).toContainEqual({ what: 'note', id: 'g-bad', reason: '1 fields, but its note type “Basic (and reversed card)” has 2' });
    expect(r.skipped).toContainEqual({ what: 'media', id: 'a.mp3', reason: expect.stringContaining('not an image') });
    expect(r.skipped).toContainEqual({ what: 'review', id: String(at('2026-01-12T02:00:00Z')), reason: expect.stringContaining('without an answer') });
    expect(store.db.prepare('SELECT tags FROM anki_cards WHERE guid = ?').pluck().get('g-basic')).toBe('ml  cnn');
  });

  it('history through srs/rating.ts, cram answers as drills, the schedule from ivl/factor/due', async () => {
    const { api, store, app } = profile();
    await api.importAnki({ name: 'hand.apkg', dataBase64: b64(pkg()) });
    const id = store.db.prepare("SELECT card_id FROM anki_cards WHERE guid = 'g-basic' AND ord = 0").pluck().get() as string;
    const log = store.db.prepare('SELECT quality, mode, day, elapsed_ms, lapses_after, ivl_after, reps_before FROM reviews WHERE card_id = ? ORDER BY reviewed_at').all(id);
    expect(log).toEqual([
      { quality: 4, mode: 'review', day: day0 + 1, elapsed_ms: 4000, lapses_after: 0, ivl_after: 1, reps_before: null },
      { quality: 1, mode: 'drill', day: day0 + 1, elapsed_ms: 2000, lapses_after: 0, ivl_after: 1, reps_before: 1 },
      { quality: 1, mode: 'review', day: day0 + 8, elapsed_ms: 9000, lapses_after: 1, ivl_after: 1, reps_before: 1 },
      { quality: 5, mode: 'review', day: day0 + 9, elapsed_ms: 86_400_000, lapses_after: 1, ivl_after: 10, reps_before: 0 },
    ]);
    const state = store.db.prepare('SELECT * FROM card_state WHERE card_id = ?').get(id);
    expect(state).toEqual({ card_id: id, repetitions: 2, ease_factor: 2.45, interval_days: 10, due_day: day0 + 20, lapses: 1, last_day: day0 + 9 });
    // the doctor does not report Anki's schedule as a replay mismatch
    const doctor = await api.doctor({});
    expect(doctor.checks.find((c: { name: string }) => c.name === 'states')!.ok).toBe(true);
    void app;
  });
});
