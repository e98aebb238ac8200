// CSV, JSON and report exports: what is written parses back to what is stored,
// and a failed export leaves no file behind.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVIEWS_HEADER } from '../../../service/export/csv.ts';
import { exportTo } from '../../../service/export/run.ts';
import { StatsService } from '../../../service/stats.ts';
import { parseCsv } from '../../helpers/csv.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { statsProfile } from './setup.ts';

async function profile() {
  const ctx = statsProfile();
  const { api, clock } = ctx;
  await api.answer({ cardId: 'a', quality: 5, elapsedMs: 1234 });
  await api.answer({ cardId: 'b', quality: 2, elapsedMs: 20 });
  await api.answer({ cardId: 'b', quality: 4, elapsedMs: 30 });
  await api.answer({ cardId: 'k', quality: 0, elapsedMs: 40 });
  await api.undo(); // k's answer is undone: not history
  clock.set('2026-03-12T02:00:00Z');
  await api.answer({ cardId: 'a', quality: 3, elapsedMs: 5 });
  return { ...ctx, exportCtx: new StatsService(ctx.app).exportContext() };
}

const read = (file: string) => fs.readFileSync(file, 'utf8');

describe('CSV export', () => {
  it('reviews.csv formats every row as JS would: odd clocks, unrounded ease, quoted ids, in id order', async () => {
    const { exportCtx, store } = await profile();
    // A review from a clock before 1970 and one after 9999, and an EF that 15 digits would round.
    const ids = store.db.prepare('SELECT id FROM reviews WHERE undone_at IS NULL ORDER BY id').pluck().all() as number[];
    store.db.prepare('UPDATE reviews SET reviewed_at = -1500, ease_after = 2.3600000000000003 WHERE id = ?').run(ids[1]);
    store.db.prepare('UPDATE reviews SET reviewed_at = 253402300800001 WHERE id = ?').run(ids[2]);
    const out = path.join(tmpDir(), 'reviews.csv');
    await exportTo('reviews.csv', out, exportCtx);
    const rows = parseCsv(read(out).slice(1)).slice(1);
    const stored = store.db
      .prepare('SELECT id, reviewed_at, ease_after, ease_before, ivl_before FROM reviews WHERE undone_at IS NULL ORDER BY id')
      .all() as { id: number; reviewed_at: number; ease_after: number; ease_before: number | null; ivl_before: number | null }[];
    expect(rows.map((r) => Number(r[0]))).toEqual(stored.map((r) => r.id));
    rows.forEach((r, i) => {
      const s = stored[i]!;
      expect(r[1]).toBe(new Date(s.reviewed_at).toISOString());
      expect(r[11]).toBe(String(s.ease_after));
      expect(r[9]).toBe(s.ease_before === null ? '' : String(s.ease_before));
      expect(r[8]).toBe(s.ivl_before === null ? '' : String(s.ivl_before));
    });
    expect(rows[1]![11]).toBe('2.3600000000000003');
  });

  it('reviews.csv: BOM, header, one row per non-undone review, fields round-trip', async () => {
    const { exportCtx, store } = await profile();
    const out = path.join(tmpDir(), 'reviews.csv');
    expect(await exportTo('reviews.csv', out, exportCtx)).toBe(4);
    const text = read(out);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(REVIEWS_HEADER);
    const body = rows.slice(1).map((r) => Object.fromEntries(REVIEWS_HEADER.map((h, i) => [h, r[i]])));
    expect(body.map((r) => [r.card_id, r.quality, r.mode])).toEqual([['a', '5', 'review'], ['b', '2', 'review'], ['b', '4', 'drill'], ['a', '3', 'review']]);
    const first = body[0]!;
    expect(first.time).toBe('2026-03-10T19:30:00.000Z');
    expect(first.study_day).toBe('2026-03-10');
    expect(first.section).toBe('卷积 › 感受野');
    expect(first.elapsed_ms).toBe('1234');
    expect(first.interval_before).toBe('');
    const last = body[3]!;
    const logged = store.db.prepare("SELECT ivl_before, ease_before, ivl_after, ease_after FROM reviews WHERE card_id = 'a' ORDER BY id DESC LIMIT 1").get() as Record<string, number>;
    expect([Number(last.interval_before), Number(last.ease_before), Number(last.interval_after), Number(last.ease_after)]).toEqual([
      logged.ivl_before, logged.ease_before, logged.ivl_after, logged.ease_after,
    ]);
  });

  it('cards.csv keeps commas, quotes, newlines and Chinese intact', async () => {
    const { exportCtx, store } = await profile();
    store.db.prepare("UPDATE cards SET card_key = ? WHERE id = 'a'").run('键, "引号"\r\n第二行');
    const out = path.join(tmpDir(), 'cards.csv');
    expect(await exportTo('cards.csv', out, exportCtx)).toBe(7);
    const rows = parseCsv(read(out).slice(1));
    const header = rows[0]!;
    const a = rows.find((r) => r[0] === 'a')!;
    expect(a[header.indexOf('key')]).toBe('键, "引号"\r\n第二行');
    expect(a[header.indexOf('state')]).toBe('young');
    expect(a[header.indexOf('due')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows.find((r) => r[0] === 'n')![header.indexOf('state')]).toBe('new');
  });

  it('daily.csv has every day from the first answer to today', async () => {
    const { exportCtx } = await profile();
    const out = path.join(tmpDir(), 'daily.csv');
    await exportTo('daily.csv', out, exportCtx);
    const rows = parseCsv(read(out).slice(1));
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([['2026-03-10', '3', '1'], ['2026-03-11', '0', '0'], ['2026-03-12', '1', '0']]);
  });

  it('an unwritable or missing folder fails clearly and leaves no file', async () => {
    const { exportCtx } = await profile();
    const dir = tmpDir();
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0o500);
    fs.writeFileSync(path.join(dir, 'a-file'), '');
    const targets = [path.join(dir, 'no', 'such', 'dir', 'r.csv'), path.join(dir, 'a-file', 'r.csv'), path.join(locked, 'r.csv')];
    if (process.getuid?.() === 0) targets.pop(); // root writes anywhere
    for (const out of targets) {
      await expect(exportTo('reviews.csv', out, exportCtx)).rejects.toThrow(/cannot write .*r\.csv: (the folder does not exist|a part of the path is not a folder|permission denied)/);
      expect(fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('r.csv'))).toEqual([]);
    }
    await expect(exportTo('json', dir, exportCtx)).rejects.toThrow(/it is a folder/);
    fs.chmodSync(locked, 0o700);
  });

  it('a failure in the middle of writing removes the temp file and keeps the old file', async () => {
    const { exportCtx } = await profile();
    const dir = tmpDir();
    const out = path.join(dir, 'x.json');
    fs.writeFileSync(out, 'old');
    const broken = { ...exportCtx, stats: () => { throw new Error('boom'); } };
    await expect(exportTo('json', out, broken)).rejects.toThrow(/boom/);
    expect(fs.readdirSync(dir)).toEqual(['x.json']);
    expect(read(out)).toBe('old');
  });
});

describe('JSON and report', () => {
  it('JSON holds every table, parsed JSON columns, and the all-time stats', async () => {
    const { exportCtx } = await profile();
    const out = path.join(tmpDir(), 'all.json');
    await exportTo('json', out, exportCtx);
    const j = JSON.parse(read(out));
    expect(j.format).toBe('deeprecall-export');
    expect(j.schemaVersion).toBeGreaterThanOrEqual(3);
    expect(Object.keys(j.tables)).toEqual(expect.arrayContaining(['decks', 'cards', 'card_state', 'reviews', 'mocks', 'settings']));
    expect(Object.keys(j.tables).some((t) => t.startsWith('stat_'))).toBe(false);
    expect(j.tables.reviews).toHaveLength(5); // the undone one too, marked
    expect(j.tables.reviews.filter((r: { undone_at: number | null }) => r.undone_at !== null)).toHaveLength(1);
    expect(j.tables.cards.find((c: { id: string }) => c.id === 'a').section).toEqual(['卷积', '感受野']);
    expect(j.stats.totals.reviews).toBe(4);
  });

  it('the report is one printable HTML page per section, in either language', async () => {
    const { exportCtx } = await profile();
    for (const lang of ['zh', 'en'] as const) {
      const out = path.join(tmpDir(), 'r.html');
      await exportTo('report', out, { ...exportCtx, lang });
      const html = read(out);
      expect(html).toContain(lang === 'zh' ? '各章节掌握度' : 'Mastery by section');
      expect(html.match(/<section class="page">/g)).toHaveLength(6);
      expect(html).toContain('break-after: page');
      expect(html).toContain('data:image/svg+xml;base64,');
      expect(html).not.toMatch(/<script/i);
    }
  });
});
