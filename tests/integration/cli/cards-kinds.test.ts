// `cards` lists every card, reading lists (references, never scheduled) included;
// --review leaves them out, --kind keeps the named kinds.
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

describe('deeprecall cards: every card by default, filters on request', () => {
  it('lists reading lists by default, leaves them out with --review, keeps named kinds with --kind', async () => {
    const file = path.join(tmpDir(), 'trees.md');
    fs.writeFileSync(file, NOTES);
    const kinds = (r: { out: string }) => (JSON.parse(r.out) as { kind: string }[]).map((c) => c.kind);
    // Beside an explanation, the references are the links of the "Decision trees" card, not a card.
    const beside = await run('cards', '--notes', file, '--json');
    expect(beside.code, beside.err).toBe(0);
    expect(JSON.parse(beside.out)).toMatchObject([{ kind: 'section', links: [{ url: 'https://example.org/cart' }, { url: 'https://example.org/id3' }] }]);
    // A note of references only keeps its reading list, listed by default.
    fs.writeFileSync(file, NOTES.replace('## Splitting\nA split picks the feature and threshold that most reduce impurity.\n\n', ''));
    const def = await run('cards', '--notes', file, '--json');
    expect(def.code, def.err).toBe(0);
    expect(kinds(def)).toEqual(['reading']);
    expect(def.err).toBe('');

    const review = await run('cards', '--notes', file, '--json', '--review');
    expect(kinds(review)).toEqual([]);
    const both = await run('cards', '--notes', file, '--json', '--review', '--kind', 'reading');
    expect(both.code).not.toBe(0);
    const only = await run('cards', '--notes', file, '--json', '--kind', 'reading');
    expect(kinds(only)).toEqual(['reading']);

    const bad = await run('cards', '--notes', file, '--json', '--kind', 'readings');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/--kind: unknown kind "readings"/);
  });
});
