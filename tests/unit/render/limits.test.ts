// The size guards of the shared notes syntax: bounded work on hostile input,
// no change for real notes.
import { describe, expect, it } from 'vitest';
import { createParser } from '../../../cards/render/markdown.ts';
import { MAX_MARKUP } from '../../../cards/render/syntax.ts';
import { SEED } from '../notes/helpers.ts';

const md = createParser('any');

describe('the per-document markup budget', { timeout: 60_000 }, () => {
  it('parses dense emphasis until the budget is spent, then keeps paragraphs as text', () => {
    const para = '_*_*_*_*_*_*_*a*_*_*_*_*_*_*_\n\n'; // 28 markup characters
    const src = para.repeat(Math.ceil(MAX_MARKUP / 28) + 1000);
    const inlines = md.parse(src, {}).filter((t) => t.type === 'inline');
    const held = inlines.filter((t) => t.meta?.dense === true);
    expect(held.length).toBeGreaterThanOrEqual(1000);
    expect(held.length).toBeLessThan(1100);
    expect(inlines[0]!.children!.some((c) => c.type === 'em_open')).toBe(true);
    const last = inlines[inlines.length - 1]!;
    expect(last.meta).toMatchObject({ tooLong: true, dense: true });
    expect(last.children!.map((c) => c.type)).toEqual(['text']);
    expect(last.content).toBe(para.trim());
  });

  it('never touches the bundled notes, even 100 times over', () => {
    const big = Array.from({ length: 100 }, () => SEED).join('\n');
    expect(md.parse(big, {}).some((t) => t.meta?.tooLong === true)).toBe(false);
  });
});
