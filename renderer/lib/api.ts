// The renderer's only door to the app: the typed AppApi from the contract,
// carried by Electron's preload bridge when present, else by HTTP to the
// browser-mode host (POST /api/<method> with the per-launch token).
import type { AppApi } from '../../service/contract/index.ts';
import { noteApiCall } from './firstCard.ts';

export type Transport = (method: string, args: unknown) => Promise<unknown>;

export interface DeepRecallBridge {
  invoke(method: string, args: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    deeprecall?: DeepRecallBridge;
  }
}

/** An API call that failed: `status` is the HTTP status (0 for network / IPC failures). */
export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly method: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

export const TOKEN_KEY = 'deeprecall.token';
export const TOKEN_HEADER = 'x-deeprecall-token';

/**
 * Take the token from `?token=…` (like Jupyter), keep it for this tab in
 * sessionStorage, and drop it from the address bar so it is not left in
 * history or shown on screen. Falls back to the stored one on reload.
 */
export function takeToken(loc: Pick<Location, 'search' | 'pathname' | 'hash'> = location, storage: Storage | null = safeSession(), replace = (url: string) => history.replaceState(history.state, '', url)): string | null {
  const params = new URLSearchParams(loc.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage?.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    replace(`${loc.pathname}${rest ? `?${rest}` : ''}${loc.hash}`);
    return fromUrl;
  }
  return storage?.getItem(TOKEN_KEY) ?? null;
}

function safeSession(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled
  }
}

interface ReplyBody {
  result?: unknown;
  error?: string;
  details?: unknown;
}

export function httpTransport(token: string | null, fetchImpl: typeof fetch = (...a) => fetch(...a), base = './api/'): Transport {
  return async (method, args) => {
    let res: Response;
    try {
      res = await fetchImpl(`${base}${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token ?? '' },
        body: JSON.stringify(args ?? {}),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (err) {
      throw new ApiCallError(`cannot reach DeepRecall (${(err as Error).message})`, method, 0);
    }
    let body: ReplyBody | null = null;
    try {
      body = (await res.json()) as ReplyBody;
    } catch {
      body = null;
    }
    if (!res.ok || body === null) {
      throw new ApiCallError(body?.error ?? `HTTP ${res.status}`, method, res.status, body?.details);
    }
    return body.result;
  };
}

export function ipcTransport(bridge: DeepRecallBridge): Transport {
  return async (method, args) => {
    try {
      return await bridge.invoke(method, args ?? {});
    } catch (err) {
      // Electron prefixes IPC errors with "Error invoking remote method '…': Error: ".
      const raw = err instanceof Error ? err.message : String(err);
      const message = raw.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
      throw new ApiCallError(message, method, 0);
    }
  };
}

/** A typed AppApi over any transport; every method is `(args?) => Promise<result>`. */
export function createApi(transport: Transport): AppApi {
  return new Proxy({} as AppApi, {
    get(_target, name) {
      // Not a thenable, not iterable: only string method names are calls.
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (args?: unknown) => transport(name, args ?? {});
    },
  });
}

let transport: Transport | null = null;

/** The transport chosen on first use: the preload bridge in Electron, else HTTP with the page token. */
export function currentTransport(): Transport {
  if (!transport) {
    const bridge = typeof window !== 'undefined' ? window.deeprecall : undefined;
    transport = bridge && typeof bridge.invoke === 'function' ? ipcTransport(bridge) : httpTransport(takeToken());
  }
  return transport;
}

/** For tests: replace the transport. */
export function setTransport(t: Transport | null): void {
  transport = t;
}

export const api: AppApi = createApi((method, args) => {
  noteApiCall(method); // a write makes the card embedded in index.html stale (firstCard.ts)
  return currentTransport()(method, args);
});

export const isElectron = (): boolean => typeof window !== 'undefined' && !!window.deeprecall;
