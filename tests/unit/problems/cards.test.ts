import { describe, expect, it } from 'vitest';
import { cardId, stableId } from '../../../cards/id.ts';
import { TEMPLATES } from '../../../cards/problems/catalogue.ts';
import { problemCards } from '../../../cards/problems/cards.ts';

describe('stableId (64-bit FNV-1a)', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(stableId([''])).toBe('cbf29ce484222325');
    expect(stableId(['a'])).toBe('af63dc4c8601ec8c');
    expect(stableId(['foobar'])).toBe('85944171f73967e8');
  });

  it('hashes UTF-8, is 16 hex chars and keeps part boundaries apart', () => {
    expect(stableId(['卷积', '卷积输出大小'])).toMatch(/^[0-9a-f]{16}$/);
    expect(stableId(['a b', 'c'])).not.toBe(stableId(['a', 'b c']));
    expect(stableId(['ab', 'c'])).not.toBe(stableId(['a', 'bc']));
    expect(cardId('d', ['s1', 's2'], 'k')).toBe(stableId(['d', 's1', 's2', 'k']));
  });
});

describe('problemCards', () => {
  const cards = problemCards('dl-interview-notes');

  it('makes one problem card per template under its section', () => {
    expect(cards).toHaveLength(TEMPLATES.length);
    cards.forEach((c, i) => {
      const t = TEMPLATES[i];
      expect(c).toMatchObject({ kind: 'problem', templateId: t?.id, key: t?.id, section: t?.section, deck: 'dl-interview-notes', links: [] });
      expect(c.id).toBe(cardId('dl-interview-notes', c.section, c.key));
      expect(c.front).toContain(t?.title.en);
      expect(c.back).toBe(t?.formula);
    });
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
  });

  it('keeps ids stable across calls and distinct across decks', () => {
    expect(problemCards('dl-interview-notes').map((c) => c.id)).toEqual(cards.map((c) => c.id));
    expect(problemCards('other')[0]?.id).not.toBe(cards[0]?.id);
  });
});
