import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { normalizeFax } from '../masterdata/normalize-fax.ts';

/**
 * A provider's phone number as E.164, or null. Providers send E.164 already, but Telnyx has sent
 * `" 13122010119"` — a `+` that became a space through URL decoding — so a leading space before
 * digits is read as `+`. Numbers without any prefix fall back to the national rules of normalizeFax.
 */
export function toE164(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.replace(/^\s+(?=\d)/, '+').trim();
  if (!/\d/.test(s)) return null;
  if (s.startsWith('+') || s.startsWith('00')) {
    const parsed = parsePhoneNumberFromString(s.replace(/^00/, '+'));
    return parsed?.isPossible() ? parsed.number : null;
  }
  return normalizeFax(s);
}
