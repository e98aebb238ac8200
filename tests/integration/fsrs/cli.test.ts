// `deeprecall evaluate`: on the profile's history and on a review-log CSV,
// JSON in exactly the documented shape, bad rows named by line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../cli/main.ts';
import { systemClock } from '../../../service/clock.ts';
import { loadBinding } from '../../../service/fsrs/binding.ts';
import { evaluateJson, evaluateLog } from '../../../service/fsrs/evaluate.ts';
import { parseRevlog } from '../../../service/fsrs/revlog.ts';
import { syntheticLog } from '../../../srs/eval/synthetic.ts';
import { qualityToRating } from '../../../srs/rating.ts';
import { tmpDir } from '../../helpers/tmp.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'deeprecall', ...argv], { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

function csv(rows: string[]): string {
  const file = path.join(tmpDir(), 'revlog.csv');
  fs.writeFileSync(file, ['card_id,review_rating,review_time,review_duration', ...rows].join('\n'));
  return file;
}

describe('deeprecall evaluate --revlog', () => {
  it('prints {reviews, cards, items, models[name, logLoss, rmseBins, auc]} and a verdict in text mode', async () => {
    const log = syntheticLog({ seed: 21, cards: 200, reviews: 2500 });
    // Mixed time formats: ISO 8601 and epoch milliseconds.
    const file = csv(log.map((a, i) => `${a.cardId},${qualityToRating(a.quality)},${i % 2 ? new Date(a.at).toISOString() : a.at},4200`));
    const r = await run('evaluate', '--revlog', file, '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(['reviews', 'cards', 'items', 'models']);
    expect(j).toMatchObject({ reviews: 2500, cards: 200 });
    const models = j.models as Record<string, unknown>[];
    expect(models.map((m) => m.name).slice(0, 2)).toEqual(['sm2', 'fsrs-default']);
    for (const m of models) {
      expect(Object.keys(m)).toEqual(['name', 'logLoss', 'rmseBins', 'auc']);
      expect(m.logLoss).toBeGreaterThan(0);
    }
    const text = await run('evaluate', '--revlog', file);
    expect(text.out).toMatch(/predicted whether you would remember/);
  });

  it('runs in the task worker like the Stats panel: the same numbers as in process, and a progress line on a terminal', async () => {
    const log = syntheticLog({ seed: 22, cards: 150, reviews: 1800 });
    const file = csv(log.map((a) => `${a.cardId},${qualityToRating(a.quality)},${a.at},4200`));
    const written: string[] = [];
    const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (written.push(String(s)), true));
    let r: Awaited<ReturnType<typeof run>>;
    try {
      r = await run('evaluate', '--revlog', file);
    } finally {
      write.mockRestore();
      if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
    expect(r.code, r.err).toBe(0);
    expect(written.some((w) => /evaluate revlog\.csv \[[#.?]+\]/.test(w))).toBe(true);
    expect(written.at(-1)).toBe('\r\x1b[K'); // the line is cleared before the result
    const parsed = parseRevlog(fs.readFileSync(file, 'utf8'), { utcOffsetMinutes: systemClock.utcOffsetMinutes, rolloverHour: 4, label: file });
    const json = JSON.parse((await run('evaluate', '--revlog', file, '--json')).out) as unknown;
    expect(json).toEqual(JSON.parse(JSON.stringify(evaluateJson(await evaluateLog(parsed, loadBinding())))));
  });

  it('names the line and field of a bad row', async () => {
    const bad = await run('evaluate', '--revlog', csv(['a,3,2024-01-01T10:00:00Z,1000', 'a,7,2024-01-03T10:00:00Z,1000']));
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/line 3: review_rating: must be 1, 2, 3 or 4/);
    const time = await run('evaluate', '--revlog', csv(['a,3,yesterday,1000']));
    expect(time.err).toMatch(/line 2: review_time: not an ISO 8601 time/);
    const file = path.join(tmpDir(), 'h.csv');
    fs.writeFileSync(file, 'id,rating\n1,3\n');
    expect((await run('evaluate', '--revlog', file)).err).toMatch(/line 1: the header lacks card_id, review_rating, review_time/);
  });

  it('evaluates the profile’s own history', async () => {
    const db = path.join(tmpDir(), 'e.db');
    expect((await run('import', '--db', db)).code).toBe(0);
    const r = await run('evaluate', '--db', db, '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ reviews: 0, cards: 0, items: 0, models: [] });
  });
});
