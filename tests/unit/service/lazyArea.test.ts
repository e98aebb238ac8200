// service/lazyArea.ts: an area's handlers exist from the start (named by its
// schemas) but its module is loaded at the first call, once.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazyArea } from '../../../service/lazyArea.ts';

const schemas = { ping: z.object({ n: z.number() }), pong: z.object({}) };

describe('lazyArea', () => {
  it('names every method of the area and loads its module only at the first call, once', async () => {
    let loads = 0;
    const h = lazyArea(schemas, async () => {
      loads++;
      return { ping: (a: { n: number }) => a.n + 1, pong: () => 'pong' };
    });
    expect(Object.keys(h).sort()).toEqual(['ping', 'pong']);
    expect(loads).toBe(0);
    expect(await h.ping({ n: 41 })).toBe(42);
    expect(await h.pong({})).toBe('pong');
    await Promise.all([h.ping({ n: 1 }), h.pong({})]);
    expect(loads).toBe(1);
  });

  it('passes a handler error through and retries a load that failed', async () => {
    let loads = 0;
    const h = lazyArea(schemas, async () => {
      if (++loads === 1) throw new Error('chunk missing');
      return {
        ping: () => {
          throw new Error('bad ping');
        },
        pong: () => 'pong',
      };
    });
    await expect(h.pong({})).rejects.toThrow('chunk missing');
    expect(await h.pong({})).toBe('pong');
    await expect(h.ping({ n: 0 })).rejects.toThrow('bad ping');
    expect(loads).toBe(2);
  });
});
