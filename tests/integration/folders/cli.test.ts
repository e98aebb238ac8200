import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { PNG, writeTree } from './setup.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'deeprecall', ...argv], { out: (s) => (out += s.endsWith('\n') ? s : `${s}\n`), err: (s) => (err += s.endsWith('\n') ? s : `${s}\n`) });
  return { code, out, err };
}

describe('deeprecall import FOLDER / cards --db / decks', () => {
  it('imports files and folders in one process and lists every card with deck, file, line, tags and lang', async () => {
    const dir = tmpDir();
    const db = path.join(dir, 'p.db');
    writeTree(path.join(dir, 'vault'), {
      'a/README.md': '# A\n\n## Part\n\nWhat it is, with a figure ![f](f.png) and enough words.\n',
      'a/f.png': PNG,
      'b/README.md': '# B\n\nQ::A\n',
      'bad.md': Uint8Array.from([0, 1, 2]),
    });
    writeTree(dir, { 'single.md': '# S\n\n**t**：d\n' });
    const imp = await run('import', path.join(dir, 'vault'), path.join(dir, 'single.md'), '--db', db);
    expect(imp.code).toBe(0);
    expect(imp.out).toMatch(/^3 of 4 notes imported, \d+ cards, 1 new images, 1 failed$/m);
    expect(imp.out).toMatch(/^error: bad\.md: binary file/m);
    expect(imp.err).toBe(''); // no progress bar when stderr is not a terminal

    const cards = JSON.parse((await run('cards', '--db', db, '--json', '--html')).out) as Record<string, unknown>[];
    const decks = new Set(cards.map((c) => c.deck));
    expect(decks).toEqual(new Set(['vault/a/readme', 'vault/b/readme', 'single']));
    const fig = cards.find((c) => String(c.back).includes('media:'))!;
    expect(fig).toMatchObject({ deck: 'vault/a/readme', file: 'a/README.md', line: 3, tags: expect.any(Array) });
    expect(['zh', 'en', null]).toContain(fig.lang); // filled by the notes parser where it detects the language
    expect(fig.backHtml).toEqual(expect.any(String));
    expect(cards.find((c) => c.deck === 'single')!.file).toBe('single.md');
    for (const c of cards) expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'kind', 'section', 'front', 'back', 'links', 'deck', 'file', 'line', 'tags', 'lang']));

    const one = JSON.parse((await run('cards', '--db', db, '--deck', 'vault/b/readme', '--json')).out) as { deck: string }[];
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((c) => c.deck === 'vault/b/readme')).toBe(true);

    const list = JSON.parse((await run('decks', '--db', db, '--json')).out) as { id: string; relPath: string | null }[];
    expect(list.map((d) => [d.id, d.relPath])).toEqual([['single', null], ['vault/a/readme', 'a/README.md'], ['vault/b/readme', 'b/README.md']]);
  });

  it('a path that does not exist is one line and exit 2; a single file keeps its one-deck report', async () => {
    const dir = tmpDir();
    const db = path.join(dir, 'p.db');
    const r = await run('import', path.join(dir, 'nope'), '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nope: no such file or folder/);
    writeTree(dir, { 'n.md': '# N\n\nQ::A\n' });
    const one = JSON.parse((await run('import', path.join(dir, 'n.md'), '--db', db, '--json')).out);
    expect(one).toMatchObject({ deck: 'n', counts: { new: 1 } });
  });
});
