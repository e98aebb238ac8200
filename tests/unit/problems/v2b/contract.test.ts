// Issue 15's table for the 22 templates of this half: ids, exact parameter
// names, answer kinds, and the table's example parameter sets accepted.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../cards/problems/catalogue.ts';
import { variants } from './helpers.ts';
import { TABLE_B } from './table.ts';

describe('second catalogue contract (issue 15, 22 templates)', () => {
  it.each(Object.entries(TABLE_B))('%s has the table’s parameter names and kind, and accepts its example', (id, row) => {
    const t = getTemplate(id);
    expect(t, id).toBeDefined();
    expect(t?.params.map((p) => p.name)).toEqual(Object.keys(row.example));
    expect(t?.kind).toBe(row.kind);
    expect(t?.reject?.(row.example) ?? null).toBeNull();
    const a = t?.answer(row.example);
    expect(row.kind === 'vector' ? Array.isArray(a) : typeof a === 'number').toBe(true);
  });

  it('draws every enum value and both booleans the table names', () => {
    for (const id of Object.keys(TABLE_B)) {
      const t = getTemplate(id);
      const ps = variants(id, 150).map((v) => v.params);
      for (const spec of t?.params ?? []) {
        const seen = new Set(ps.map((q) => q[spec.name]));
        if (spec.type === 'enum') expect([...seen].sort(), `${id}.${spec.name}`).toEqual([...(spec.values ?? [])].sort());
        if (spec.type === 'boolean') expect(seen, `${id}.${spec.name}`).toEqual(new Set([true, false]));
      }
    }
  });
});
