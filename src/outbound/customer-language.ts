/**
 * The language of a customer's confirmation: their own setting, else a guess from the address —
 * Swiss postcodes 1000–2999 are mostly Romandie (French), 6500–6999 Ticino (Italian); France,
 * Belgium and Luxembourg French, Italy Italian, Germany/Austria/Liechtenstein German — else the
 * configured default.
 */
import type { Language } from '../erp/outbound-config.ts';

const LANGUAGES: Language[] = ['de', 'fr', 'it', 'en'];

export function customerLanguage(
  setting: string | null,
  country: string | null,
  zip: string | null,
  fallback: Language,
): Language {
  if (setting && LANGUAGES.includes(setting as Language)) return setting as Language;
  const c = (country ?? '').toUpperCase();
  const z = Number.parseInt(zip ?? '', 10);
  if (c === 'CH') {
    if (z >= 1000 && z <= 2999) return 'fr';
    if (z >= 6500 && z <= 6999) return 'it';
    return 'de';
  }
  if (c === 'FR' || c === 'BE' || c === 'LU' || c === 'MC') return 'fr';
  if (c === 'IT' || c === 'SM') return 'it';
  if (c === 'DE' || c === 'AT' || c === 'LI') return 'de';
  if (c === 'GB' || c === 'IE' || c === 'US') return 'en';
  return fallback;
}
