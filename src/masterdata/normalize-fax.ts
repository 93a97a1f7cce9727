import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone/fax number as E.164 (`+41445556764`), or null when it is not a plausible number.
 * Swiss numbers are written `044 555 67 64`, `+41 (0)44 …`, `0041 44 …`; the default country is CH
 * because the first market is Switzerland (German numbers carry +49 or 0049).
 */
export function normalizeFax(raw: string, defaultCountry: 'CH' | 'DE' = 'CH'): string | null {
  const cleaned = raw
    .replace(/\(0\)/g, '')
    .replace(/^\s*00(?=\d)/, '+')
    .trim();
  if (!/\d/.test(cleaned)) return null;
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  if (!parsed?.isPossible()) return null;
  return parsed.number;
}
