// deeprecall stats / export / restore, run in-process like the CLI tests.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import { tmpDir } from '../../helpers/tmp.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'deeprecall', ...argv], { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

describe('stats, export and restore commands', () => {
  it('stats --json, exports of every format, restore into a new profile', async () => {
    const dir = tmpDir();
    const db = path.join(dir, 'a.db');
    expect((await run('import', '--db', db)).code).toBe(0);
    const stats = await run('stats', '--db', db, '--json', '--range', 'all', '--section', 'CNN的训练 › 正则化');
    expect(stats.code).toBe(0);
    const s = JSON.parse(stats.out);
    expect(s.section).toEqual(['CNN的训练', '正则化']);
    expect(s.counts.new).toBeGreaterThan(0);
    expect((await run('stats', '--db', db)).out).toMatch(/retention young/);

    const csv = await run('export', '--db', db, '--format', 'csv', '--out', path.join(dir, 'csv'), '--json');
    expect(csv.code, csv.err).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'csv')).sort()).toEqual(['cards.csv', 'daily.csv', 'reviews.csv']);
    for (const f of ['json', 'apkg', 'backup', 'report', 'reviews.csv']) {
      const r = await run('export', '--db', db, '--format', f, '--out', path.join(dir, `out.${f}`));
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain(`wrote ${path.join(dir, `out.${f}`)}`);
    }

    const fresh = path.join(dir, 'new', 'b.db');
    const restored = await run('restore', path.join(dir, 'out.backup'), '--db', fresh, '--json');
    expect(restored.code, restored.err).toBe(0);
    expect(JSON.parse(restored.out)).toMatchObject({ restored: true, previousBackup: null });
    const again = await run('restore', path.join(dir, 'out.backup'), '--db', fresh);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already has cards.*--force/);
    const forced = await run('restore', path.join(dir, 'out.backup'), '--db', fresh, '--force');
    expect(forced.code, forced.err).toBe(0);
    expect(forced.out).toMatch(/previous data saved to .*before-restore/);
    const a = JSON.parse((await run('stats', '--db', db, '--json', '--range', 'all')).out);
    const b = JSON.parse((await run('stats', '--db', fresh, '--json', '--range', 'all')).out);
    expect(b).toEqual(a);
  });

  it('bad input: clear one-line errors, no files left behind', async () => {
    const dir = tmpDir();
    const db = path.join(dir, 'a.db');
    await run('import', '--db', db);
    const fmt = await run('export', '--db', db, '--format', 'xlsx', '--out', path.join(dir, 'x'));
    expect(fmt.code).not.toBe(0);
    expect(fmt.err).toMatch(/Allowed choices are csv, reviews.csv/);
    const nowhere = await run('export', '--db', db, '--format', 'json', '--out', path.join(dir, 'missing', 'x.json'));
    expect(nowhere.code).toBe(1);
    expect(nowhere.err).toMatch(/cannot write .*x\.json: the folder does not exist/);
    fs.writeFileSync(path.join(dir, 'junk.sqlite'), 'junk');
    const junk = await run('restore', path.join(dir, 'junk.sqlite'), '--db', db, '--force');
    expect(junk.code).toBe(1);
    expect(junk.err).toMatch(/not a SQLite database.*nothing was changed/);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.db', 'a.db-shm', 'a.db-wal', 'junk.sqlite'].filter((f) => fs.existsSync(path.join(dir, f))));
  });
});
