// Folder import in the browser (directory picker → importFolder) and the
// Decks screen: rename, suspend (cards leave the queue), remove and restore.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchApp, skipReason, type Harness } from './harness.ts';

describe.skipIf(!browserAvailable)(`folders and decks ${skipReason}`, () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deeprecall-e2e-folder-'));
    const root = path.join(dir, 'vault');
    const files: Record<string, string | Uint8Array> = {
      'a/README.md': '# Alpha\n\nQ1::A1\n\nQ2::A2 ![fig](img/f.png)\n',
      'a/img/f.png': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      'b/README.md': '# Beta\n\nQ3::A3\n',
      '.obsidian/skip.md': '# no\n\nQ::A\n',
    };
    for (const [rel, body] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), body);
    }
    h = await launchApp({ defaultDeck: false });
  });
  afterAll(async () => {
    await h?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a picked folder: one deck per file, same-name files apart, images stored', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/import`);
    await page.setInputFiles('[data-testid=folder-input]', path.join(dir, 'vault'));
    await page.waitForSelector('[data-testid=folder-report]');
    expect(await page.textContent('[data-testid=folder-summary]')).toMatch(/2.*2.*3|2 of 2 notes imported: 3 cards/);
    expect(await page.textContent('[data-testid=batch-new]')).toContain('3');
    const media = h.store.db.prepare('SELECT count(*) FROM media').pluck().get();
    expect(media).toBe(1);
    await h.shot('import-folder');
  });

  it('lists the decks and renames, suspends, removes and restores one', async () => {
    const { page } = h;
    await page.goto(`${h.url}#/decks`);
    await page.waitForSelector('[data-testid=deck-table]');
    const rows = page.locator('[data-testid=deck-row]');
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-deck')))).toEqual(['vault/a/readme', 'vault/b/readme']);
    const a = page.locator('[data-deck="vault/a/readme"]');
    await a.locator('[data-testid=deck-rename]').click();
    await a.locator('[data-testid=deck-name-input]').fill('Alpha deck');
    await a.locator('[data-testid=deck-name-save]').click();
    await page.waitForSelector('[data-deck="vault/a/readme"] [data-testid=deck-name]:text("Alpha deck")');
    expect((await h.app.client().summary()).new).toBe(3);

    await a.locator('[data-testid=deck-suspend]').click();
    await page.waitForSelector('[data-deck="vault/a/readme"].suspended');
    expect((await h.app.client().summary()).new).toBe(1);
    await a.locator('[data-testid=deck-suspend]').click();
    await page.waitForSelector('[data-deck="vault/a/readme"]:not(.suspended)');

    h.acceptNextDialog();
    await page.locator('[data-deck="vault/b/readme"] [data-testid=deck-remove]').click();
    await page.waitForSelector('[data-deck="vault/b/readme"].removed');
    expect((await h.app.client().summary()).new).toBe(2);
    await h.shot('decks');
    await page.locator('[data-deck="vault/b/readme"] [data-testid=deck-restore]').click();
    await page.waitForSelector('[data-deck="vault/b/readme"]:not(.removed)');
    expect((await h.app.client().summary()).new).toBe(3);
  });
});
