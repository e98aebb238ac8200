// The bundled deck's card sides ship rendered (service/sides.ts, written into
// the prebuilt deck file by service/deckDrafts.ts): a fresh profile's first
// cards are served without loading the Markdown renderer (markdown-it,
// sanitize-html), any other side loads it and is rendered, and what the build
// ships is exactly what the current sources render.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { defaultDeckPath } from '../../../service/deck.ts';
import { defaultDeckDrafts } from '../../../service/deckDrafts.ts';
import { prebuiltDeckJson, readPrebuiltSides } from '../../../service/prebuiltDeck.ts';
import { renderSide } from '../../../service/sideRender.ts';
import { sideRendererLoaded, usePrebuiltSidesFrom } from '../../../service/sides.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';
import { moduleGraph } from '../../helpers/staticGraph.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const deckText = fs.readFileSync(defaultDeckPath(), 'utf8');
const drafts = defaultDeckDrafts(deckText);

describe('prebuilt card sides', () => {
  // First in the file: nothing has loaded the service's renderer yet.
  it("a fresh profile's first cards come from the prebuilt sides, without loading the renderer", async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'deck.json');
    // Marked HTML shows which path each side took.
    const marked: Record<string, string> = {};
    drafts.cards.forEach((c, i) => {
      marked[c.front] ??= `<p>prebuilt front ${i}</p>`;
      marked[c.back] ??= `<p>prebuilt back ${i}</p>`;
    });
    fs.writeFileSync(file, prebuiltDeckJson(sha(deckText), drafts, marked));
    usePrebuiltSidesFrom(() => file);
    const store = Store.open(path.join(dir, 'fresh.db'), { create: true });
    const app = new App(store, fakeClock());
    app.library.prebuiltDeckFile = () => file;
    await app.ensureDefaultDeck();
    const api = app.client();
    for (let i = 0; i < 5; i++) {
      const next = await api.nextCard();
      expect(next.card!.frontHtml).toBe(marked[next.card!.front]);
      if (next.upcoming) expect(next.upcoming.frontHtml).toBe(marked[next.upcoming.front]);
      const r = await api.reveal({ cardId: next.card!.id });
      expect(r.backHtml).toBe(marked[r.back]);
      await api.answer({ cardId: next.card!.id, quality: 5, elapsedMs: 1 });
    }
    expect(sideRendererLoaded()).toBe(false);

    // A side the build did not render (the user's own notes) loads the renderer and is rendered.
    await api.importNotes({ name: 'mine.md', markdown: '# Mine\n\n## What is $x^2$ here?\n\nIt is **the square** of $x$.\n' });
    await api.updateSettings({ newPerDay: 1000 });
    let own = null;
    for (let i = 0; i < 400 && !own; i++) {
      const next = await api.nextCard();
      if (!next.card) break;
      if (next.card.front.includes('$x^2$')) own = next.card;
      else await api.answer({ cardId: next.card.id, quality: 5, elapsedMs: 1 });
    }
    expect(own).not.toBeNull();
    expect(sideRendererLoaded()).toBe(true);
    expect(own!.frontHtml).toBe(renderSide(own!.front));
    expect(own!.frontHtml).toContain('data-tex=');
    const r = await api.reveal({ cardId: own!.id });
    expect(r.backHtml).toBe(renderSide(r.back));
    store.close();
    usePrebuiltSidesFrom(() => null);
  });

  it('are read back only from a whole file that has them', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'deck.json');
    expect(readPrebuiltSides(null)).toBeNull();
    expect(readPrebuiltSides(path.join(dir, 'missing.json'))).toBeNull();
    fs.writeFileSync(file, prebuiltDeckJson(sha(deckText), drafts));
    expect(readPrebuiltSides(file)).toBeNull();
    fs.writeFileSync(file, prebuiltDeckJson(sha(deckText), drafts, { a: '<p>a</p>' }).slice(0, -5));
    expect(readPrebuiltSides(file)).toBeNull();
    fs.writeFileSync(file, prebuiltDeckJson(sha(deckText), drafts, { a: '<p>a</p>' }));
    expect(readPrebuiltSides(file)).toEqual(new Map([['a', '<p>a</p>']]));
  });

  it('the CLI build ships every side of the deck as the current sources render it', (ctx) => {
    const built = path.join(ROOT, 'dist-cli', 'default-deck.json');
    const inputs = path.join(ROOT, 'dist-cli', 'inputs.json');
    if (!fs.existsSync(built) || !fs.existsSync(inputs)) return ctx.skip('no CLI build (node scripts/build-cli.js)');
    const { builtAt, inputs: files } = JSON.parse(fs.readFileSync(inputs, 'utf8')) as { builtAt: number; inputs: string[] };
    if (files.some((f) => (fs.statSync(path.join(ROOT, f), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > builtAt)) return ctx.skip('CLI build older than the sources');
    const sides = readPrebuiltSides(built);
    expect(sides).not.toBeNull();
    const live = new Map(drafts.cards.flatMap((c) => [c.front, c.back]).map((src) => [src, renderSide(src)]));
    expect(live.size).toBeGreaterThan(300);
    expect(new Map([...sides!].sort())).toEqual(new Map([...live].sort()));
  });

  it('keeps markdown-it and sanitize-html out of what service/app.ts loads before it runs', async () => {
    const { static: inputs, all } = await moduleGraph('service/app.ts', { postcss: path.join(ROOT, 'renderer', 'lib', 'noPostcss.ts') });
    expect(inputs.filter((f) => /node_modules\/(markdown-it|sanitize-html)\//.test(f))).toEqual([]);
    expect(inputs.some((f) => f.endsWith('service/sides.ts'))).toBe(true);
    // …and the renderer is still reachable, through import().
    expect(all.some((f) => /node_modules\/markdown-it\//.test(f))).toBe(true);
  });
});
