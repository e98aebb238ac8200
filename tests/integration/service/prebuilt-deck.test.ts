// The bundled deck shipped parsed (service/prebuiltDeck.ts, written by
// scripts/build-cli.js): it must store exactly the cards a parse stores, be
// used only for the text it was made from, and an edited deck must be parsed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { defaultDeckPath } from '../../../service/deck.ts';
import { defaultDeckDrafts } from '../../../service/deckDrafts.ts';
import { prebuiltDeckJson, readPrebuiltDeck } from '../../../service/prebuiltDeck.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const deckText = fs.readFileSync(defaultDeckPath(), 'utf8');

/** Every stored column that comes from the deck, in id order. */
function storedCards(store: Store): unknown[] {
  return store.db.prepare('SELECT * FROM cards ORDER BY id').all().map((r) => {
    const { created_at: _c, updated_at: _u, ...rest } = r as Record<string, unknown>;
    return rest;
  });
}

async function profile(dir: string, name: string, prebuilt: string | null, deck?: string) {
  const store = Store.open(path.join(dir, `${name}.db`), { create: true });
  const app = new App(store, fakeClock());
  app.library.prebuiltDeckFile = () => prebuilt;
  if (deck) app.locateDefaultDeck = () => deck;
  await app.ensureDefaultDeck();
  return { store, app };
}

describe('the prebuilt default deck', () => {
  it('round-trips to exactly the drafts a parse makes, and only for the same text', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'deck.json');
    const parsed = defaultDeckDrafts(deckText);
    expect(parsed.cards.length).toBeGreaterThan(150);
    fs.writeFileSync(file, prebuiltDeckJson(sha(deckText), parsed));
    expect(readPrebuiltDeck(file, sha(deckText))).toEqual(parsed);
    expect(readPrebuiltDeck(file, sha(`${deckText}\n`))).toBeNull();
    expect(readPrebuiltDeck(path.join(dir, 'missing.json'), sha(deckText))).toBeNull();
    fs.writeFileSync(file, '{"version":1,');
    expect(readPrebuiltDeck(file, sha(deckText))).toBeNull();
  });

  it('stores the same cards, ids and content as parsing the deck', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'deck.json');
    fs.writeFileSync(file, prebuiltDeckJson(sha(deckText), defaultDeckDrafts(deckText)));
    const fromPrebuilt = await profile(dir, 'prebuilt', file);
    const fromParse = await profile(dir, 'parsed', null);
    const a = storedCards(fromPrebuilt.store);
    expect(a.length).toBeGreaterThan(150);
    expect(a).toEqual(storedCards(fromParse.store));
    expect(await fromPrebuilt.app.client().nextCard()).toEqual(await fromParse.app.client().nextCard());
    fromPrebuilt.store.close();
    fromParse.store.close();
  });

  it('is used for the text it was made from, and an edited deck is parsed instead', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'deck.json');
    // A marked prebuilt file shows which path the import took.
    const marked = defaultDeckDrafts(deckText);
    marked.cards[0] = { ...marked.cards[0]!, back: 'FROM THE PREBUILT FILE' };
    fs.writeFileSync(file, prebuiltDeckJson(sha(deckText), marked));
    const backs = (store: Store) => store.db.prepare('SELECT back FROM cards').pluck().all() as string[];

    const same = await profile(dir, 'same', file);
    expect(backs(same.store)).toContain('FROM THE PREBUILT FILE');
    same.store.close();

    const edited = path.join(dir, 'dl-interview-notes.md');
    fs.writeFileSync(edited, `${deckText}\n\n# Edited section\n\n**Edited term**: written after the build\n`);
    const changed = await profile(dir, 'edited', file, edited);
    const all = backs(changed.store);
    expect(all).not.toContain('FROM THE PREBUILT FILE');
    expect(all.some((b) => b.includes('written after the build'))).toBe(true);
    changed.store.close();
  });

  it('the CLI build ships the deck as the current sources parse it', (ctx) => {
    const built = path.join(ROOT, 'dist-cli', 'default-deck.json');
    const inputs = path.join(ROOT, 'dist-cli', 'inputs.json');
    if (!fs.existsSync(built) || !fs.existsSync(inputs)) return ctx.skip('no CLI build (node scripts/build-cli.js)');
    // A bundle older than a source file is not run (bin/deeprecall.js falls back to the sources).
    const { builtAt, inputs: files } = JSON.parse(fs.readFileSync(inputs, 'utf8')) as { builtAt: number; inputs: string[] };
    if (files.some((f) => (fs.statSync(path.join(ROOT, f), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > builtAt)) return ctx.skip('CLI build older than the sources');
    expect(readPrebuiltDeck(built, sha(deckText))).toEqual(defaultDeckDrafts(deckText));
  });
});
