// reviews.csv is formatted by SQLite in batches and spliced with each card's
// label in JS (service/export/csv.ts): whatever the batch boundaries, odd
// clocks, quoted or non-ASCII card ids and unrounded EFs, the file must be
// exactly what the plain JS formatter (reviewLine) writes for the same rows.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_BATCH, ExportReader } from '../../../db/export.ts';
import { BOM, csvField, csvLine, isoFormatter, REVIEWS_HEADER, reviewLine, SECTION_SEPARATOR } from '../../../service/export/csv.ts';
import { exportTo } from '../../../service/export/run.ts';
import { streamSink } from '../../../service/export/atomic.ts';
import { pipeReviewsCsv } from '../../../service/worker/reviewsCsvPipe.ts';
import { Store } from '../../../db/store.ts';
import { fillStatsFixture } from '../../../bench/statsFixture.ts';
import { StatsService } from '../../../service/stats.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { statsProfile } from './setup.ts';

const ODD_IDS = new Set([6, CSV_BATCH, CSV_BATCH + 1, 2 * CSV_BATCH + 7]);

function profile() {
  const ctx = statsProfile();
  const db = ctx.store.db;
  const card = db.prepare(
    `INSERT INTO cards (id, deck_id, kind, section, card_key, front, back, ord, content_hash, created_at, updated_at)
     VALUES (?, 'd', 'term', ?, ?, 'f', 'b', 100, 'h', 0, 0)`,
  );
  // Ids and sections that need quoting or are not ASCII.
  card.run('x,"y"', JSON.stringify(['Quote "me"', 'a,b']), 'k1');
  card.run('卡片', JSON.stringify(['中文', '节']), 'k2');
  card.run('line\nbreak', JSON.stringify(['One']), 'k3');
  // A plain id in the same (section, kind) group as a quoted one: that group's labels are built id by id.
  card.run('plain-mate', JSON.stringify(['Quote "me"', 'a,b']), 'k4');
  const ids = ['a', 'b', 'x,"y"', '卡片', 'line\nbreak', 'plain-mate'].map((k) => (k.length > 1 ? k : (db.prepare('SELECT id FROM cards WHERE card_key = ?').pluck().get(k) as string)));
  const review = db.prepare(
    `INSERT INTO reviews (id, card_id, reviewed_at, day, quality, elapsed_ms, mode, reps_before, ease_before, ivl_before, due_before, lapses_before,
       reps_after, ease_after, ivl_after, due_after, lapses_after, correct, mock_id, undone_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 1, ?, ?, 0, 0, ?, NULL, ?)`,
  );
  const eases = [2.5, 2.3600000000000003, 0.1 + 0.2, 1.3, 2.2800000000000002, 2.5 + 0.1 - 0.14];
  ctx.store.stats.bulk(() => {
    for (let i = 1; i <= 2 * CSV_BATCH + 500; i++) {
      const odd = ODD_IDS.has(i);
      const at = odd ? (i % 2 ? -86_400_000 * 3 - 1234 : 253402300800000 + i) : 1_700_000_000_000 + i * 3_600_123;
      const first = i % 7 === 0;
      review.run(i, ids[i % ids.length], at, Math.floor(at / 86_400_000), i % 6, i * 13, i % 5 ? 'review' : 'drill', first ? null : 2,
        first ? null : eases[i % eases.length], first ? null : i % 40, eases[(i + 1) % eases.length], i % 50, i % 3 ? null : i % 2, i === 1500 ? 1 : null);
    }
  });
  return ctx;
}

/** The file as the per-row JS formatter writes it. */
function expected(file: string): string {
  const reader = ExportReader.open(file);
  try {
    const labels = new Map<string, { section: string; kind: string }>();
    for (const [id, l] of reader.cardLabels()) labels.set(id, { section: csvField((JSON.parse(l.section) as string[]).join(SECTION_SEPARATOR)), kind: csvField(l.kind) });
    const iso = isoFormatter();
    const study = isoFormatter();
    let text = BOM + csvLine(REVIEWS_HEADER);
    for (const r of reader.reviews()) text += reviewLine(r, labels.get(r[3]), iso, study);
    return text;
  } finally {
    reader.close();
  }
}

describe('reviews.csv batches', () => {
  it('equals the JS formatter byte for byte across batch boundaries, odd clocks at the edges, quoted and Chinese ids', async () => {
    const { store, app, file } = profile();
    const out = path.join(tmpDir(), 'reviews.csv');
    const progress: number[] = [];
    const n = await exportTo('reviews.csv', out, new StatsService(app).exportContext(), (d) => progress.push(d));
    const want = expected(file);
    expect(n).toBe(2 * CSV_BATCH + 500 - 1); // one undone
    expect(fs.readFileSync(out, 'utf8')).toBe(want);
    expect(progress.at(-1)).toBe(n);
    // The odd rows really are outside SQLite's date range, and the quoted id really is quoted.
    expect(want).toContain('\r\n6,+010000-01-01T00:00:00.006Z,');
    expect(want).toContain('\r\n1001,1969-12-28T23:59:58.766Z,');
    expect(want).toContain(',"x,""y""","Quote ""me"" › a,b",term,');
    expect(want).toContain(',plain-mate,"Quote ""me"" › a,b",term,');
    expect(want).toContain(',卡片,中文 › 节,term,');
    store.close();
  });
});

/** The file written on this thread (writeReviewsCsv, the fallback), via exportTo with the pipeline off. */
async function inProcess(app: StatsService, out: string): Promise<Buffer> {
  await exportTo('reviews.csv', out, { ...app.exportContext(), pipeline: false });
  return fs.readFileSync(out);
}

/** The file written by the worker + splice pipeline, asserting the worker really ran (null means it fell back). */
async function piped(file: string, out: string, progress?: (n: number) => void): Promise<{ bytes: Buffer; rows: number | null; total: number }> {
  const stream = fs.createWriteStream(out);
  const sink = streamSink(stream);
  let total = -1;
  const rows = await pipeReviewsCsv(file, sink, { progress, onTotal: (t) => (total = t) });
  await sink.flush();
  stream.end();
  await new Promise<void>((resolve) => stream.on('close', () => resolve()));
  return { bytes: fs.readFileSync(out), rows, total };
}

describe('reviews.csv pipelined through a worker', () => {
  it('gives the in-process bytes on the odd-data fixture (odd clocks, quoted and Chinese ids, unrounded EFs)', async () => {
    const { store, app, file } = profile();
    const dir = tmpDir();
    const want = await inProcess(new StatsService(app), path.join(dir, 'a.csv'));
    const progress: number[] = [];
    const got = await piped(file, path.join(dir, 'b.csv'), (n) => progress.push(n));
    expect(got.rows).toBe(2 * CSV_BATCH + 500 - 1);
    expect(got.total).toBe(got.rows);
    expect(progress.at(-1)).toBe(got.rows);
    expect(got.bytes.equals(want)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'a.csv'), 'utf8')).toBe(expected(file));
    store.close();
  });

  it('gives the in-process bytes on a larger seeded profile, through exportTo, and falls back to this thread when the worker cannot start', async () => {
    const { store, app, file } = profile();
    fillStatsFixture(store, { cards: 3000, reviews: 40_000, today: 20_500, seed: 7 });
    const dir = tmpDir();
    const service = new StatsService(app);
    const want = await inProcess(service, path.join(dir, 'a.csv'));
    expect(want.toString('utf8').split('\r\n').length).toBeGreaterThan(40_000);
    const got = await piped(file, path.join(dir, 'b.csv'));
    expect(got.rows).not.toBeNull();
    expect(got.bytes.equals(want)).toBe(true);
    // exportTo's default (the pipeline), and its fallback when no worker file exists.
    const done: [number, number][] = [];
    const n = await exportTo('reviews.csv', path.join(dir, 'c.csv'), service.exportContext(), (d, t) => done.push([d, t]));
    expect(fs.readFileSync(path.join(dir, 'c.csv')).equals(want)).toBe(true);
    expect(done.at(-1)).toEqual([n, n]);
    const missing = path.join(dir, 'no-such-worker.mjs');
    expect(await pipeReviewsCsv(file, { write: () => undefined }, { entry: missing })).toBeNull();
    await exportTo('reviews.csv', path.join(dir, 'e.csv'), { ...service.exportContext(), pipeline: { entry: missing } });
    expect(fs.readFileSync(path.join(dir, 'e.csv')).equals(want)).toBe(true);
    store.close();
  });

  it('a write that fails once the worker is streaming fails the export with its error (no fallback, no hang)', async () => {
    const { store, file } = profile();
    let writes = 0;
    const failing = {
      write: () => {
        writes++;
        throw new Error('no space left on the device');
      },
    };
    await expect(pipeReviewsCsv(file, failing)).rejects.toThrow('no space left on the device');
    expect(writes).toBe(1);
    store.close();
  });
});
