// Browse's "next page" token: the last card shown (its list order and id) and
// the total counted on the first page, so later pages neither skip rows with
// OFFSET nor count the whole table again. Opaque to the client (base64url JSON).
import { ApiError } from './contract/apiError.ts';

export interface CardCursor {
  ord: number;
  id: string;
  total: number;
}

export function encodeCursor(c: CardCursor): string {
  return Buffer.from(JSON.stringify([c.ord, c.id, c.total]), 'utf8').toString('base64url');
}

/** The cursor a previous listCards returned; anything else is a 400 naming the argument. */
export function decodeCursor(s: string): CardCursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3 && Number.isSafeInteger(v[0]) && typeof v[1] === 'string' && Number.isSafeInteger(v[2]) && v[2] >= 0) {
      return { ord: v[0] as number, id: v[1] as string, total: v[2] as number };
    }
  } catch {
    // fall through to the error below
  }
  throw new ApiError(400, 'listCards: cursor: not a cursor returned by listCards (start again without one)');
}
