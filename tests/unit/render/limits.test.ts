// The size guards of the shared notes syntax: bounded work on hostile input,
// no change for real notes.
import { describe, expect, it } from 'vitest';
import { createParser } from '../../../cards/render/markdown.ts';
import { MAX_MARKUP } from '../../../cards/render/syntax.ts';
import { SEED } from '../notes/helpers.ts';

const md = createParser('any');

describe('the per-document markup budget', { timeout: 60_000 }, () => {
  it('parses dense emphasis until the budget is spent, then keeps the rest as text up to each heading', () => {
    const para = '_*_*_*_*_*_*_*a*_*_*_*_*_*_*_\n\n'; // 28 markup characters
    const budgetParas = Math.ceil(MAX_MARKUP / 28);
    const src = para.repeat(budgetParas + 1000) + '# Later heading\n\n' + para.repeat(3);
    const tokens = md.parse(src, {});
    const inlines = tokens.filter((t) => t.type === 'inline');
    expect(inlines[0]!.children!.some((c) => c.type === 'em_open')).toBe(true);
    const held = inlines.filter((t) => t.meta?.dense === true);
    // the paragraph that overspends, the rest before the heading, the rest after it
    expect(held).toHaveLength(3);
    expect(held[0]!.content).toBe(para.trim());
    expect(held[1]!.content.split('\n\n').length).toBeGreaterThan(998);
    expect(held[1]!.children!.map((c) => c.type)).toEqual(['text']);
    expect(held[2]!.content).toBe(para.repeat(3).trim());
    expect(tokens.some((t) => t.type === 'heading_open')).toBe(true);
    expect(inlines.length).toBeLessThan(budgetParas + 10);
  });

  it('never touches the bundled notes, even 100 times over', () => {
    const big = Array.from({ length: 100 }, () => SEED).join('\n');
    expect(md.parse(big, {}).some((t) => t.meta?.tooLong === true)).toBe(false);
  });
});
