/** The opaque review-list cursor: base64url of [created_at, id] of the page's last order. */
import { HttpError } from '../errors.ts';

export const encodeCursor = (createdAt: string, id: string) =>
  Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');

export function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') {
      return [v[0], v[1]];
    }
  } catch {
    // fall through to the 400 below
  }
  throw new HttpError(400, 'BAD_REQUEST', 'invalid cursor');
}
