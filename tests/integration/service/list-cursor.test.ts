// Browse pages by cursor (keyset on list order + id): walking the pages
// returns every matching card once, in the order of one big page, with the
// first page's total; offsets still work; a forged cursor is a clear 400.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../service/contract/common.ts';
import { statsProfile } from '../stats/setup.ts';

async function walk(api: ReturnType<typeof statsProfile>['api'], q: Record<string, unknown>, limit: number) {
  const ids: string[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await api.listCards({ ...q, limit, ...(cursor ? { cursor } : {}) } as never);
    ids.push(...page.cards.map((c) => c.id));
    totals.push(page.total);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return { ids, totals };
}

describe('listCards cursor', () => {
  it('walks every card once in list order, keeps the total, ends without a cursor; offsets agree', async () => {
    const { api, store } = statsProfile();
    // Two cards with the same list order: the id breaks the tie, so none is skipped or repeated.
    store.db.prepare("UPDATE cards SET ord = 2 WHERE card_key IN ('b', 's')").run();
    const all = await api.listCards({ limit: 100 });
    expect(all.cards.length).toBe(7);
    expect(all.nextCursor).toBeUndefined();
    for (const limit of [1, 2, 3, 7]) {
      const { ids, totals } = await walk(api, {}, limit);
      expect(ids).toEqual(all.cards.map((c) => c.id));
      expect(new Set(totals)).toEqual(new Set([7]));
      const byOffset: string[] = [];
      for (let off = 0; off < 7; off += limit) byOffset.push(...(await api.listCards({ limit, offset: off })).cards.map((c) => c.id));
      expect(byOffset).toEqual(ids);
    }
    store.close();
  });

  it('a filter carries through the pages (suspended cards only)', async () => {
    const { api, store } = statsProfile();
    const ids = (await api.listCards({ limit: 100 })).cards.map((c) => c.id);
    for (const id of [ids[1]!, ids[3]!, ids[6]!]) await api.setSuspended({ id, suspended: true });
    const { ids: got, totals } = await walk(api, { state: 'suspended' }, 1);
    expect(got).toEqual([ids[1], ids[3], ids[6]]);
    expect(totals).toEqual([3, 3, 3]);
    store.close();
  });

  it('a cursor not made by listCards is refused with a message naming it', async () => {
    const { api, store } = statsProfile();
    for (const cursor of ['nope', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["x","y",1]').toString('base64url')]) {
      const err = await api.listCards({ limit: 2, cursor }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(400);
      expect((err as ApiError).message).toMatch(/^listCards: cursor: /);
    }
    store.close();
  });
});
