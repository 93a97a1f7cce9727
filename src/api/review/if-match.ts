import { HttpError } from '../../errors.ts';

/** `If-Match` carries the bare version; tolerate quotes and the weak prefix browsers may add. */
export function ifMatch(header: string | undefined): number | null {
  if (!header) return null;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!m) throw new HttpError(400, 'BAD_REQUEST', 'If-Match must carry the order version, e.g. If-Match: 3');
  return Number(m[1]);
}
