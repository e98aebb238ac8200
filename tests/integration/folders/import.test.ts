import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotesImporter } from '../../../service/importer.ts';
import { liveCards, setup, writeTree } from './setup.ts';

const NOTE = (t: string) => `# ${t}\n\n## Part\n\n**${t} term**：a definition of ${t}\n\nSome explanation about ${t} that is long enough.\n`;

describe('importing a folder', () => {
  it('gives one deck per note with ids from the relative path, so same-name files never collide', async () => {
    const { dir, api, store } = setup();
    const root = path.join(dir, 'vault');
    writeTree(root, {
      'a/README.md': NOTE('alpha'),
      'b/README.md': NOTE('beta'),
      'top.markdown': NOTE('gamma'),
      'notes.txt': 'not a note',
      '.obsidian/workspace.md': NOTE('hidden'),
      '.trash/old.md': NOTE('trash'),
      'node_modules/pkg/README.md': NOTE('dep'),
      '.hidden/x.md': NOTE('hidden2'),
    });
    const r = await api.importPaths({ paths: [root] });
    expect(r.files.map((f) => f.file)).toEqual(['a/README.md', 'b/README.md', 'top.markdown']);
    expect(r.files.map((f) => f.deck)).toEqual(['vault/a/readme', 'vault/b/readme', 'vault/top']);
    expect(r.totals).toMatchObject({ files: 3, imported: 3, failed: 0 });
    expect(liveCards(store, 'vault/a/readme').length).toBeGreaterThan(0);
    expect(liveCards(store, 'vault/b/readme').length).toBe(liveCards(store, 'vault/a/readme').length);
    const decks = await api.listDecks();
    expect(decks.map((d) => [d.id, d.relPath])).toEqual([['vault/a/readme', 'a/README.md'], ['vault/b/readme', 'b/README.md'], ['vault/top', 'top.markdown']]);
    // Re-importing unchanged writes nothing.
    const before = store.db.prepare('SELECT total_changes()').pluck().get();
    const again = await api.importPaths({ paths: [root] });
    expect(again.totals).toMatchObject({ new: 0, updated: 0, retired: 0, unchanged: r.totals.cards });
    expect(store.db.prepare('SELECT total_changes()').pluck().get()).toBe(before);
  });

  it('reports binary files, invalid UTF-8, oversized notes and symlink loops per file and imports the rest', async () => {
    const { dir, store } = setup();
    const root = path.join(dir, 'notes');
    writeTree(root, {
      'good.md': NOTE('good'),
      'binary.md': Uint8Array.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x02]),
      'latin1.md': Uint8Array.from([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'sub/also-good.md': NOTE('also'),
    });
    fs.symlinkSync('..', path.join(root, 'sub', 'loop'));
    fs.symlinkSync('self.md', path.join(root, 'self.md'));
    const big = path.join(root, 'big.md');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 20 * 1024 * 1024); // 20 MB (sparse): reported, never read
    const r = new NotesImporter(store, () => 1).importPaths([root]);
    const byFile = Object.fromEntries(r.files.map((f) => [f.file, f]));
    expect(byFile['good.md']!.error).toBeUndefined();
    expect(byFile['sub/also-good.md']!.error).toBeUndefined();
    expect(byFile['binary.md']!.error).toMatch(/binary file/);
    expect(byFile['latin1.md']!.error).toMatch(/not valid UTF-8 \(line 1/);
    expect(byFile['big.md']!.error).toMatch(/20\.0 MB is too large/);
    expect(r.errors.map((e) => e.path).sort()).toEqual(['self.md', 'sub/loop']);
    expect(r.errors.find((e) => e.path === 'sub/loop')!.message).toMatch(/symlink loop/);
    expect(r.totals).toMatchObject({ imported: 2, failed: 3 });
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file and keeps its cards from the last import', async () => {
    const { dir, store } = setup();
    const root = path.join(dir, 'notes');
    writeTree(root, { 'a.md': NOTE('a'), 'b.md': NOTE('b') });
    const imp = new NotesImporter(store, () => 1);
    imp.importPaths([root]);
    const n = liveCards(store, 'notes/a').length;
    fs.chmodSync(path.join(root, 'a.md'), 0o000);
    try {
      const r = imp.importPaths([root]);
      expect(r.files.find((f) => f.file === 'a.md')!.error).toMatch(/permission denied/);
      expect(r.gone).toEqual([]);
      expect(liveCards(store, 'notes/a').length).toBe(n);
    } finally {
      fs.chmodSync(path.join(root, 'a.md'), 0o644);
    }
  });

  it('retires the cards of a file that disappeared, and restores them with their history when it returns', async () => {
    const { dir, store } = setup();
    const root = path.join(dir, 'notes');
    writeTree(root, { 'a.md': NOTE('a'), 'b.md': NOTE('b') });
    const imp = new NotesImporter(store, () => 1);
    imp.importPaths([root]);
    const ids = liveCards(store, 'notes/b').map((c) => c.id);
    fs.renameSync(path.join(root, 'b.md'), path.join(dir, 'b.md'));
    const r = imp.importPaths([root]);
    expect(r.gone).toEqual([{ file: 'b.md', root: fs.realpathSync(root), deck: 'notes/b', retired: ids.length }]);
    expect(liveCards(store, 'notes/b')).toEqual([]);
    expect(liveCards(store, 'notes/a').length).toBeGreaterThan(0);
    fs.renameSync(path.join(dir, 'b.md'), path.join(root, 'b.md'));
    const back = imp.importPaths([root]);
    expect(back.totals.restored).toBe(ids.length);
    expect(liveCards(store, 'notes/b').map((c) => c.id)).toEqual(ids);
  });

  it('imports a folder of 10,000 small notes in one pass', async () => {
    const { dir, store } = setup();
    const root = path.join(dir, 'many');
    fs.mkdirSync(root);
    for (let i = 0; i < 10_000; i++) fs.writeFileSync(path.join(root, `n${i}.md`), `Q${i}::A${i}\n`);
    const r = new NotesImporter(store, () => 1).importPaths([root]);
    expect(r.totals).toMatchObject({ files: 10_000, imported: 10_000, failed: 0, new: 10_000 });
    expect(store.db.prepare('SELECT count(*) FROM decks').pluck().get()).toBe(10_000);
  });

  it('offers new cards one note at a time, and a forced re-import of unchanged notes writes nothing', async () => {
    const { dir, store } = setup();
    const root = path.join(dir, 'notes');
    writeTree(root, { 'a.md': '# A\n\nQa1::x\n\nQa2::y\n\nQa3::z\n', 'b.md': '# B\n\nQb1::x\n\nQb2::y\n' });
    const imp = new NotesImporter(store, () => 1);
    imp.importPaths([root]);
    const keys = (store.reviews.freshIds(10) as string[]).map((id) => store.cards.byId(id)!.key);
    expect(keys).toEqual(['Qa1', 'Qa2', 'Qa3', 'Qb1', 'Qb2']);
    const before = store.db.prepare('SELECT total_changes()').pluck().get();
    const again = imp.importPaths([root], { force: true });
    expect(again.totals).toMatchObject({ unchanged: 5, moved: 0, updated: 0, new: 0 });
    expect(store.db.prepare('SELECT total_changes()').pluck().get()).toBe(before);
  });

  it('keeps two folders with the same name apart', async () => {
    const { dir, api } = setup();
    writeTree(path.join(dir, 'x', 'notes'), { 'README.md': NOTE('x') });
    writeTree(path.join(dir, 'y', 'notes'), { 'README.md': NOTE('y') });
    const a = await api.importPaths({ paths: [path.join(dir, 'x', 'notes')] });
    const b = await api.importPaths({ paths: [path.join(dir, 'y', 'notes')] });
    expect(a.files[0]!.deck).toBe('notes/readme');
    expect(b.files[0]!.deck).toMatch(/^notes\/readme~[0-9a-f]{6}$/);
    expect(b.gone).toEqual([]);
    const again = await api.importPaths({ paths: [path.join(dir, 'y', 'notes')] });
    expect(again.files[0]!.deck).toBe(b.files[0]!.deck);
    expect(again.totals.unchanged).toBe(b.totals.cards);
  });

  it('imports a folder uploaded by the browser, with images, and refuses paths outside it', async () => {
    const { api, store } = setup();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');
    const r = await api.importFolder({
      root: 'up',
      files: [
        { path: 'a/README.md', markdown: '# A\n\n## S\n\nText with ![fig](img/f.png) and more words here.\n' },
        { path: 'b/README.md', markdown: NOTE('b') },
        { path: '.obsidian/x.md', markdown: NOTE('skip') },
      ],
      images: [{ path: 'a/img/f.png', dataBase64: png }],
    });
    expect(r.files.map((f) => f.deck)).toEqual(['up/a/readme', 'up/b/readme']);
    expect(r.totals.images).toBe(1);
    expect(liveCards(store, 'up/a/readme')[0]!.back).toMatch(/!\[fig\]\(media:[0-9a-f]{64}\.png\)/);
    await expect(api.importFolder({ root: 'up', files: [{ path: '../etc/x.md', markdown: '' }] })).rejects.toThrow(/files\.0\.path: must be a relative path/);
    await expect(api.importPaths({ paths: ['relative/path'] })).rejects.toThrow(/absolute path/);
  });
});
