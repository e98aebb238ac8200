import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotesImporter } from '../../../service/importer.ts';
import { answer, liveCards, PNG, setup, writeTree } from './setup.ts';

describe('renamed headings keep their cards', () => {
  it('a renamed section and a section moved elsewhere keep id, reviews and schedule, reported as renamed', async () => {
    const { dir, store } = setup();
    const root = path.join(dir, 'notes');
    const body = 'Batch normalization normalises each feature over the mini-batch, then scales and shifts it.';
    const moved = 'Dropout zeroes activations at random during training so units cannot co-adapt.';
    writeTree(root, { 'dl.md': `# DL\n\n## BatchNorm\n\n${body}\n\n## Regularisation\n\n### Dropout\n\n${moved}\n\n## Other\n\nUnrelated words about optimisers and learning rates.\n` });
    const imp = new NotesImporter(store, () => 1);
    imp.importPaths([root]);
    const before = liveCards(store, 'notes/dl');
    const bn = before.find((c) => c.back === body)!;
    const dr = before.find((c) => c.back === moved)!;
    answer(store, bn.id, 5, 100);
    answer(store, dr.id, 4, 100);
    const stateBn = store.reviews.state(bn.id);
    // Rename "BatchNorm" and lightly edit its text; move Dropout under another parent.
    writeTree(root, { 'dl.md': `# DL\n\n## Batch Normalization\n\n${body.replace('then', 'and then')}\n\n## Other\n\nUnrelated words about optimisers and learning rates.\n\n### Dropout\n\n${moved}\n` });
    const r = imp.importPaths([root]);
    const f = r.files[0]!;
    expect(f.counts).toMatchObject({ renamed: 2, retired: 0, new: 0 });
    expect(f.renamed!.map((m) => m.id).sort()).toEqual([bn.id, dr.id].sort());
    expect(f.renamed!.find((m) => m.id === bn.id)!.to).toContain('Batch Normalization');
    const after = liveCards(store, 'notes/dl');
    expect(after.map((c) => c.id)).toContain(bn.id);
    expect(JSON.parse(after.find((c) => c.id === bn.id)!.section)).toContain('Batch Normalization');
    expect(store.reviews.state(bn.id)).toEqual(stateBn);
    expect(store.reviews.history(dr.id)).toHaveLength(1);
    // The next import finds them through their aliases: nothing changes.
    const again = imp.importPaths([root]);
    expect(again.files[0]!.counts).toMatchObject({ renamed: 0, new: 0, retired: 0, updated: 0 });
  });

  it('a heading whose text changed completely is retired + new, not a rename', async () => {
    const { dir, store } = setup();
    const root = path.join(dir, 'notes');
    writeTree(root, { 'x.md': '# X\n\n## A\n\nThe first answer talks about convolutions and kernels.\n' });
    const imp = new NotesImporter(store, () => 1);
    imp.importPaths([root]);
    writeTree(root, { 'x.md': '# X\n\n## B\n\nSomething else entirely: transformers use attention over tokens.\n' });
    expect(imp.importPaths([root]).files[0]!.counts).toMatchObject({ renamed: 0, new: 1, retired: 1 });
  });
});

describe('deck controls', () => {
  it('rename, suspend (cards leave the queue), remove (retired, restorable)', async () => {
    const { dir, api, store } = setup();
    const root = path.join(dir, 'notes');
    writeTree(root, { 'a.md': '# A\n\nQ1::A1\n\nQ2::A2\n', 'b.md': '# B\n\nQ3::A3\n' });
    await api.importPaths({ paths: [root] });
    const one = liveCards(store, 'notes/a')[0]!.id;
    await api.setSuspended({ id: one, suspended: true });
    expect((await api.summary()).new).toBe(3 - 1);
    expect(await api.renameDeck({ id: 'notes/a', name: 'Deck A' })).toEqual({ ok: true });
    expect((await api.listDecks()).find((d) => d.id === 'notes/a')).toMatchObject({ name: 'Deck A', importedName: 'a.md', cards: 2, fresh: 1 });
    // A re-import keeps the user's name.
    await api.importPaths({ paths: [root] });
    expect((await api.listDecks()).find((d) => d.id === 'notes/a')!.name).toBe('Deck A');

    expect(await api.setDeckSuspended({ id: 'notes/a', suspended: true })).toEqual({ ok: true, cards: 1 });
    expect((await api.summary()).new).toBe(1);
    expect(await api.setDeckSuspended({ id: 'notes/a', suspended: false })).toEqual({ ok: true, cards: 1 });
    // The card suspended on its own stays suspended.
    expect((await api.cardDetail({ id: one })).card.state).toBe('suspended');
    expect((await api.summary()).new).toBe(2);

    expect(await api.removeDeck({ id: 'notes/b' })).toEqual({ ok: true, cards: 1 });
    expect((await api.summary()).new).toBe(1);
    // A folder re-import leaves a removed deck removed.
    const r = await api.importPaths({ paths: [root] });
    expect(r.files.find((f) => f.file === 'b.md')!.skipped).toBe('removed');
    expect(liveCards(store, 'notes/b')).toEqual([]);
    expect(await api.restoreDeck({ id: 'notes/b' })).toEqual({ ok: true, cards: 1 });
    expect((await api.summary()).new).toBe(2);
    await expect(api.removeDeck({ id: 'nope' })).rejects.toThrow(/no deck with id "nope"/);
  });
});

describe('images', () => {
  it('stores local images once by content, rewrites refs, warns about missing ones and serves them through getMedia', async () => {
    const { dir, api, store } = setup();
    const root = path.join(dir, 'vault');
    writeTree(root, {
      'ch1/note.md': [
        '# Note',
        '',
        '## Figures',
        '',
        'Relative ![a](img/a.png) and from root ![b](/assets/a-copy.png)',
        'Obsidian ![[deep.png|300]] and html <img src="img/a.png" alt="h">',
        'Missing ![m](img/none.png) and svg ![s](img/x.svg) and fake ![f](img/fake.png)',
        'Remote ![r](https://example.com/r.png) stays, `![code](img/a.png)` too.',
        '',
      ].join('\n'),
      'ch1/img/a.png': PNG,
      'assets/a-copy.png': PNG,
      'attachments/deep/deep.png': Uint8Array.from([...PNG, 9]),
      'ch1/img/x.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="4" height="4" style="fill:url(http://evil/x)"/><foreignObject><p>x</p></foreignObject></svg>',
      'ch1/img/fake.png': 'not an image',
    });
    const r = await api.importPaths({ paths: [root] });
    expect(r.totals.images).toBe(3);
    const f = r.files[0]!;
    expect(f.warnings.filter((w) => w.code === 'missing-image').map((w) => [w.line, w.message])).toEqual([
      [7, 'image img/none.png: file not found'],
      [7, expect.stringMatching(/img\/fake\.png: not a PNG/)],
    ]);
    // The SVG is stored sanitized: the drawing stays, scripts, handlers and external references go.
    const svg = store.db.prepare("SELECT mime, data FROM media WHERE name LIKE '%.svg'").get() as { mime: string; data: Buffer };
    expect(svg.mime).toBe('image/svg+xml');
    expect(svg.data.toString()).toMatch(/<rect width="4" height="4"/);
    expect(svg.data.toString()).not.toMatch(/script|alert|onload|evil|foreignObject/);
    const back = liveCards(store, 'vault/ch1/note').map((c) => c.back).join('\n');
    const names = [...back.matchAll(/media:([0-9a-f]{64}\.png)/g)].map((m) => m[1]);
    expect(names).toHaveLength(4);
    expect(new Set(names).size).toBe(2);
    expect(back).toMatch(/!\[s\]\(media:[0-9a-f]{64}\.svg\)/);
    expect(back).toContain('![m](missing:img%2Fnone.png)');
    expect(back).toContain('![r](https://example.com/r.png)');
    expect(back).toContain('`![code](img/a.png)`');
    expect(back).toContain('![h](media:');
    const media = await api.getMedia({ name: names[0]! });
    expect(media.mime).toBe('image/png');
    expect(Buffer.from(media.dataBase64, 'base64').subarray(0, 4)).toEqual(Buffer.from(PNG.subarray(0, 4)));
    await expect(api.getMedia({ name: '../etc/passwd' })).rejects.toThrow(/getMedia: name: must be <sha256>/);
    await expect(api.getMedia({ name: `${'0'.repeat(64)}.png` })).rejects.toThrow(/no image/);
    // A second import stores nothing new.
    const again = await api.importPaths({ paths: [root] });
    expect(again.totals.images).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM media').pluck().get()).toBe(3);
    expect(fs.existsSync(root)).toBe(true);
  });
});
