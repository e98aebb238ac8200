// `cards` lists the cards a learner reviews; reading lists (references, never
// scheduled) only with --all or --kind reading, and says how many it left out.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import { tmpDir } from '../../helpers/tmp.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'deeprecall', ...argv], { out: (s) => (out += s.endsWith('\n') ? s : `${s}\n`), err: (s) => (err += s.endsWith('\n') ? s : `${s}\n`) });
  return { code, out, err };
}

const NOTES = [
  '# Decision trees',
  '',
  '## Splitting',
  'A split picks the feature and threshold that most reduce impurity.',
  '',
  '## References',
  '- [CART](https://example.org/cart)',
  '- [ID3](https://example.org/id3)',
  '',
].join('\n');

describe('deeprecall cards: review cards by default, reading lists on request', () => {
  it('hides reading lists unless --all or --kind reading, and counts them on stderr', async () => {
    const file = path.join(tmpDir(), 'trees.md');
    fs.writeFileSync(file, NOTES);
    const def = await run('cards', '--notes', file, '--json');
    expect(def.code, def.err).toBe(0);
    const kinds = (r: { out: string }) => (JSON.parse(r.out) as { kind: string }[]).map((c) => c.kind);
    expect(kinds(def)).toEqual(['section']);
    expect(def.err).toMatch(/^1 reading list not shown .*--all/m);

    const all = await run('cards', '--notes', file, '--json', '--all');
    expect(kinds(all).sort()).toEqual(['reading', 'section']);
    expect(all.err).toBe('');
    const only = await run('cards', '--notes', file, '--json', '--kind', 'reading');
    expect(kinds(only)).toEqual(['reading']);

    const bad = await run('cards', '--notes', file, '--json', '--kind', 'readings');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/--kind: unknown kind "readings"/);
  });
});
