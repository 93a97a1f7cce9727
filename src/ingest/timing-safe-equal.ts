import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time string comparison that does not leak the length either (both sides hashed first). */
export function timingSafeEqualStrings(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}
