// Which cards a wikilink opens in Browse: the note's deck by file name (or
// path end), a heading's own subtree, a text search when nothing matches.
import { describe, expect, it } from 'vitest';
import { browseHash, findDeck, resolveTarget, targetFromHash, type DeckRef } from '../../../renderer/lib/wikilinks.ts';

const deck = (id: string, rel: string | null, name = rel ?? id): DeckRef => ({ id, name, importedName: name, relPath: rel });
const DECKS = [deck('v/attention', 'Attention.md'), deck('v/ml/transformer', 'ML/Transformer.md'), deck('v/old/transformer', 'Old/Transformer v1.md'), deck('single', null, 'Bayes rule')];
const SECTIONS = [
  { section: ['Attention'], count: 1 },
  { section: ['Transformer'], count: 1 },
  { section: ['Transformer', 'Encoder'], count: 2 },
  { section: ['Transformer', 'Encoder', 'Self-attention'], count: 1 },
  { section: ['Other', 'Encoder'], count: 1 },
  { section: ['Transformer', '2. Decoder'], count: 1 },
];

describe('wikilink targets', () => {
  it('round-trips through the Browse hash', () => {
    const h = browseHash({ note: 'Transformer v1', heading: 'A › B & C' });
    expect(h.startsWith('#/browse?')).toBe(true);
    expect(targetFromHash(h)).toEqual({ note: 'Transformer v1', heading: 'A › B & C' });
    expect(targetFromHash('#/browse')).toBeNull();
    expect(targetFromHash('#/review?note=x')).toBeNull();
  });

  it('finds the deck by file name, case-insensitively, or by the end of a path', () => {
    expect(findDeck('attention', DECKS)?.id).toBe('v/attention');
    expect(findDeck('Transformer', DECKS)?.id).toBe('v/ml/transformer');
    expect(findDeck('ML/Transformer', DECKS)?.id).toBe('v/ml/transformer');
    expect(findDeck('Transformer v1.md', DECKS)?.id).toBe('v/old/transformer');
    expect(findDeck('Bayes rule', DECKS)?.id).toBe('single');
    expect(findDeck('Missing', DECKS)).toBeNull();
  });

  it('a heading opens its own subtree under the note, outline numbers ignored', () => {
    expect(resolveTarget({ note: 'Transformer', heading: 'Encoder' }, DECKS, SECTIONS)).toEqual({
      deck: 'v/ml/transformer', section: ['Transformer', 'Encoder'], label: 'Transformer › Encoder', found: true,
    });
    expect(resolveTarget({ note: 'Transformer', heading: 'decoder' }, DECKS, SECTIONS).section).toEqual(['Transformer', '2. Decoder']);
    expect(resolveTarget({ note: '', heading: 'Self-attention' }, DECKS, SECTIONS)).toMatchObject({ section: ['Transformer', 'Encoder', 'Self-attention'], found: true });
  });

  it('a whole note opens its deck; an unknown note or heading falls back to a search', () => {
    expect(resolveTarget({ note: 'Attention', heading: '' }, DECKS, SECTIONS)).toEqual({ deck: 'v/attention', label: 'Attention', found: true });
    expect(resolveTarget({ note: 'Nowhere', heading: 'X' }, DECKS, SECTIONS)).toEqual({ text: 'Nowhere', label: 'Nowhere › X', found: false });
    expect(resolveTarget({ note: 'Attention', heading: 'Not there' }, DECKS, SECTIONS)).toEqual({ deck: 'v/attention', label: 'Attention › Not there', found: true });
    expect(resolveTarget({ note: '', heading: 'Not there' }, DECKS, SECTIONS)).toMatchObject({ text: 'Not there', found: false });
  });
});
