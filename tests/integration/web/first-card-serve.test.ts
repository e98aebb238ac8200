// `deeprecall serve` itself (not the e2e harness) puts the first card in the
// page it serves with the token, computed per request, and nothing without it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi, kill9, spawnServe } from '../../helpers/serve.ts';
import { tmpDir } from '../../helpers/tmp.ts';

const ELEMENT = /<script type="application\/json" id="deeprecall-first-card">([^<]*)<\/script>/;
const SETTINGS = /<script type="application\/json" id="deeprecall-settings">([^<]*)<\/script>/;

describe('serve: the first card inside index.html', () => {
  it('a fresh profile: the page with the token carries nextCard\'s reply; after an answer, the next one; no token, no card', async () => {
    const served = spawnServe(path.join(tmpDir(), 'f.db'));
    try {
      const info = await served.ready;
      const page = await (await fetch(info.url)).text();
      // The first page is made before the service has loaded (service/earlyCard.ts): same replies as the API's.
      const embedded = JSON.parse(ELEMENT.exec(page)![1]!) as { card: { id: string } };
      const settings: unknown = JSON.parse(SETTINGS.exec(page)![1]!);
      const api = await callApi(info, 'nextCard');
      expect(embedded).toEqual(api.body.result);
      expect(settings).toEqual((await callApi(info, 'getSettings')).body.result);

      const plain = await (await fetch(`http://127.0.0.1:${info.port}/`)).text();
      expect(plain).not.toMatch(ELEMENT);
      expect(plain).not.toMatch(SETTINGS);
      expect(plain).toContain('<div id="app">');

      expect((await callApi(info, 'answer', { cardId: embedded.card.id, quality: 5, elapsedMs: 1000 })).status).toBe(200);
      const again = JSON.parse(ELEMENT.exec(await (await fetch(info.url)).text())![1]!) as { card: { id: string } };
      expect(again.card.id).not.toBe(embedded.card.id);
      expect(again).toEqual((await callApi(info, 'nextCard')).body.result);
      // Made by the loaded service now, and per request: a changed setting shows in the next page.
      expect((await callApi(info, 'updateSettings', { language: 'en' })).status).toBe(200);
      const later = await (await fetch(info.url)).text();
      expect(JSON.parse(SETTINGS.exec(later)![1]!)).toMatchObject({ language: 'en' });
    } finally {
      await kill9(served);
    }
  });
});
