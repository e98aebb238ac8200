import { beforeEach, describe, expect, it } from 'vitest';
import { FIRST_CARD_ELEMENT_ID, noteApiCall, PAGE_SETTINGS_ELEMENT_ID, readFirstCard, resetFirstCard, takeFirstCard, takePageSettings } from '../../../renderer/lib/firstCard.ts';

const REPLY = { card: { id: 'c1', front: '</script>' }, remaining: { review: 0, new: 3, drill: 0 }, done: { total: 0 } };

/** The little of Document the reader uses: one element that may arrive with DOMContentLoaded. */
function fakeDoc(text: string | null, loading = false, id = FIRST_CARD_ELEMENT_ID) {
  let removed = false;
  let listener: (() => void) | null = null;
  const doc = {
    readyState: loading ? 'loading' : 'complete',
    getElementById: (asked: string) => (asked === id && text !== null && !removed ? { textContent: text, remove: () => (removed = true) } : null),
    addEventListener: (type: string, fn: () => void) => {
      if (type === 'DOMContentLoaded') listener = fn;
    },
  };
  return {
    doc: doc as unknown as Document,
    parsed: () => {
      doc.readyState = 'interactive';
      listener?.();
    },
    removed: () => removed,
  };
}

describe('the first card embedded in the page', () => {
  beforeEach(() => resetFirstCard());

  it('is taken once, and its element leaves the DOM', async () => {
    const d = fakeDoc(JSON.stringify(REPLY));
    expect(await takeFirstCard(d.doc, () => 100)).toEqual(REPLY);
    expect(d.removed()).toBe(true);
    expect(await takeFirstCard(d.doc, () => 100)).toBeNull();
  });

  it('waits for the end of the document when the host sends it late', async () => {
    const d = fakeDoc(JSON.stringify(REPLY), true);
    const taken = takeFirstCard(d.doc, () => 100);
    let settled = false;
    void taken.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    d.parsed();
    expect(await taken).toEqual(REPLY);
  });

  it('is dropped after a call that may change the queue, but not after reads', async () => {
    const d = fakeDoc(JSON.stringify(REPLY));
    void readFirstCard(d.doc, () => 100);
    noteApiCall('getSettings');
    noteApiCall('summary');
    expect(await takeFirstCard(d.doc, () => 100)).toEqual(REPLY);

    resetFirstCard();
    const e = fakeDoc(JSON.stringify(REPLY), true);
    const taken = takeFirstCard(e.doc, () => 100);
    noteApiCall('answer'); // sent while the document was still arriving
    e.parsed();
    expect(await taken).toBeNull();
  });

  it('is not used when old, absent or not a nextCard reply', async () => {
    expect(await takeFirstCard(fakeDoc(JSON.stringify(REPLY)).doc, () => 60_000)).toBeNull();
    resetFirstCard();
    expect(await takeFirstCard(fakeDoc(null).doc, () => 100)).toBeNull();
    resetFirstCard();
    expect(await takeFirstCard(fakeDoc('{"card":1}').doc, () => 100)).toBeNull();
    resetFirstCard();
    expect(await takeFirstCard(fakeDoc('not json').doc, () => 100)).toBeNull();
  });
});

describe('the settings embedded beside the first card', () => {
  beforeEach(() => resetFirstCard());
  const SETTINGS = { newPerDay: 20, reviewsPerDay: 200, rolloverHour: 4, language: 'en', theme: 'dark', notesFolders: [], scheduler: 'sm2', desiredRetention: 0.9, maximumInterval: 36500 };

  it('are taken once, after the document is parsed, and their element leaves the DOM', async () => {
    const d = fakeDoc(JSON.stringify(SETTINGS), true, PAGE_SETTINGS_ELEMENT_ID);
    const taken = takePageSettings(d.doc);
    d.parsed();
    expect(await taken).toEqual(SETTINGS);
    expect(d.removed()).toBe(true);
    expect(await takePageSettings(d.doc)).toBeNull();
  });

  it('are ignored when missing, unreadable or not settings', async () => {
    for (const text of [null, '{', JSON.stringify({ language: 'fr', theme: 'dark' }), JSON.stringify({ language: 'en' }), 'null']) {
      resetFirstCard();
      expect(await takePageSettings(fakeDoc(text, false, PAGE_SETTINGS_ELEMENT_ID).doc)).toBeNull();
    }
  });
});
