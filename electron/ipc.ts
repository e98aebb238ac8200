// The single IPC entry point: sender check, then App.dispatch (which validates
// every argument with the contract's schemas). Errors travel back as data with
// the same status and message browser mode would send over HTTP.
import { DbError } from '../db/errors.ts';
import { ApiError } from '../service/contract/common.ts';
import { MAX_METHOD_LENGTH, type InvokeReply } from './bridge.ts';
import type { SenderFrame } from './security.ts';

export type Dispatch = (method: string, args: unknown) => Promise<unknown>;

export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

/** Thrown (so the invoke rejects) for a message from anything but our own top-level page. */
export class ForeignSenderError extends Error {
  constructor(url: string | undefined) {
    super(`deeprecall: IPC refused for ${url === undefined ? 'a destroyed frame' : JSON.stringify(url.slice(0, 200))}`);
    this.name = 'ForeignSenderError';
  }
}

export function errorReply(method: string, err: unknown): InvokeReply {
  if (err instanceof ApiError) return { ok: false, error: { status: err.status, message: err.message } };
  if (err instanceof DbError) return { ok: false, error: { status: 503, message: err.message } };
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, error: { status: 500, message: `internal error in ${method}: ${message}` } };
}

export function createInvokeHandler(
  dispatch: Dispatch,
  isTrusted: (frame: SenderFrame | null) => boolean,
  log: (line: string) => void = () => {},
): (event: InvokeEvent, method: unknown, args: unknown) => Promise<InvokeReply> {
  return async (event, method, args) => {
    const frame = event.senderFrame;
    if (!isTrusted(frame)) {
      log(`refused IPC from ${frame?.url ?? '(no frame)'}`);
      throw new ForeignSenderError(frame?.url);
    }
    if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
      return { ok: false, error: { status: 400, message: 'method must be a non-empty string' } };
    }
    try {
      return { ok: true, value: await dispatch(method, args) };
    } catch (err) {
      const reply = errorReply(method, err);
      if (!reply.ok && reply.error.status >= 500) log(`error in ${method}: ${(err as Error)?.stack ?? String(err)}`);
      return reply;
    }
  };
}
