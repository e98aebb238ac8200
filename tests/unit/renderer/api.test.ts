import { describe, expect, it } from 'vitest';
import { ApiCallError, createApi, httpTransport, ipcTransport, takeToken, TOKEN_HEADER } from '../../../renderer/lib/api.ts';

class MemoryStorage {
  private m = new Map<string, string>();
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}

describe('token handling', () => {
  it('takes ?token= from the URL, keeps it for the tab and removes it from the address bar', () => {
    const store = new MemoryStorage() as unknown as Storage;
    let replaced = '';
    const tok = takeToken({ search: '?token=abc&x=1', pathname: '/', hash: '#/review' }, store, (u) => (replaced = u));
    expect(tok).toBe('abc');
    expect(replaced).toBe('/?x=1#/review');
    expect(store.getItem('deeprecall.token')).toBe('abc');
    // a reload without the query still has it
    expect(takeToken({ search: '', pathname: '/', hash: '' }, store, () => undefined)).toBe('abc');
  });
});

describe('HTTP transport', () => {
  it('POSTs JSON with the token header and unwraps { result }', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ result: { ok: 1 } }), { status: 200 });
    }) as unknown as typeof fetch;
    const api = createApi(httpTransport('tok', fetchImpl));
    expect(await api.summary()).toEqual({ ok: 1 });
    expect(calls[0]!.url).toBe('./api/summary');
    expect(calls[0]!.init.method).toBe('POST');
    expect((calls[0]!.init.headers as Record<string, string>)[TOKEN_HEADER]).toBe('tok');
    expect(calls[0]!.init.body).toBe('{}');
  });

  it('turns { error } replies into ApiCallError with the status', async () => {
    const fetchImpl = (async () => new Response(JSON.stringify({ error: 'answer: cardId: too short' }), { status: 400 })) as unknown as typeof fetch;
    const api = createApi(httpTransport('tok', fetchImpl));
    const err = await api.answer({ cardId: '', quality: 3, elapsedMs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiCallError);
    expect((err as ApiCallError).status).toBe(400);
    expect((err as ApiCallError).message).toBe('answer: cardId: too short');
  });

  it('network failures say so', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const err = await createApi(httpTransport(null, fetchImpl)).summary().catch((e: unknown) => e);
    expect((err as ApiCallError).status).toBe(0);
    expect((err as Error).message).toMatch(/cannot reach/);
  });
});

describe('IPC transport and the API proxy', () => {
  it('strips Electron’s remote-method prefix from errors', async () => {
    const bridge = { invoke: async () => Promise.reject(new Error("Error invoking remote method 'api': ApiError: no card with id x")) };
    const err = await createApi(ipcTransport(bridge)).cardDetail({ id: 'x' }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('no card with id x');
  });

  it('passes method and args through', async () => {
    const seen: unknown[] = [];
    const api = createApi(async (m, a) => {
      seen.push([m, a]);
      return 'r';
    });
    expect(await api.setSuspended({ id: 'c1', suspended: true })).toBe('r');
    expect(seen).toEqual([['setSuspended', { id: 'c1', suspended: true }]]);
  });

  it('is not a thenable (awaiting the api object itself is harmless)', async () => {
    const api = createApi(async () => 'x');
    expect((api as unknown as { then?: unknown }).then).toBeUndefined();
    expect(await Promise.resolve(api)).toBe(api);
  });
});
