// `deeprecall import FILE.apkg [--json]`: the report on stdout, a bad package as one line on stderr.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { FIXTURES } from './setup.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'deeprecall', ...argv], { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

describe('deeprecall import FILE.apkg', () => {
  it('prints notes, cards, reviews and media imported and skipped, as text and as JSON', async () => {
    const db = path.join(tmpDir(), 'p.db');
    const text = await run('import', path.join(FIXTURES, 'ankidroid-templates.apkg'), '--db', db);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^notes: 48 imported, 0 skipped$/m);
    expect(text.out).toMatch(/^reviews: 95 added, 0 already here, 0 skipped$/m);
    expect(text.out).toMatch(/^skipped card \d+: /m);
    const json = await run('import', path.join(FIXTURES, 'ankidroid-templates.apkg'), '--db', db, '--json');
    const r = JSON.parse(json.out);
    expect(r.reviews).toEqual({ added: 0, alreadyHere: 95, skipped: 0 });
    expect(r.cards.added).toBe(0);
  });

  it('a file that is not a package: one line on stderr naming it, non-zero exit', async () => {
    const dir = tmpDir();
    const bad = path.join(dir, 'bad.apkg');
    fs.writeFileSync(bad, 'not a zip');
    const r = await run('import', bad, '--db', path.join(dir, 'p.db'));
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n').pop()).toMatch(/bad\.apkg: not an Anki package/);
  });
});
