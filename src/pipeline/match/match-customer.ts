/**
 * Who ordered. Transport facts first (caller fax number, sender mailbox, sender domain), then what
 * the document says (printed customer number, printed fax/phone numbers, e-mail domains, the
 * letterhead/stamp name). Relays such as fax2mail@… and free-mail domains never identify a customer.
 */
import { normalizeFax } from '../../masterdata/normalize-fax.ts';
import { boundedDistance } from '../extract/fuzzy-label.ts';
import type { Customer, DraftCustomer, InboundMeta } from '../types.ts';
import type { CatalogIndex } from './catalog-index.ts';

const RELAY_LOCAL = /^(fax2mail|faxmail|fax2email|fax|efax|noreply|no-reply|mailer-daemon|postmaster)$/i;
const FREEMAIL =
  /^(gmail\.com|gmx\.(ch|de|net)|bluewin\.ch|hotmail\.com|outlook\.com|yahoo\.com|web\.de|t-online\.de)$/i;
const NAME_NOISE = new Set([
  'ag',
  'gmbh',
  'sa',
  'sarl',
  'srl',
  'sagl',
  'kg',
  'co',
  'gebr',
  'und',
  'the',
  'de',
  'di',
  'la',
  'le',
  'et',
]);

export interface CustomerMatch {
  customer: DraftCustomer;
  warnings: string[];
}

const none = (): DraftCustomer => ({ id: null, name: null, matchedBy: null, confidence: 0 });
const as = (c: Customer, matchedBy: DraftCustomer['matchedBy'], confidence: number): DraftCustomer => ({
  id: c.id,
  name: c.name,
  matchedBy,
  confidence,
});

function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9@.]+/g, ' ');
}

/** Phone-number-like strings anywhere in the text, normalised to E.164. */
export function phoneNumbersIn(text: string): string[] {
  const out = new Set<string>();
  const re =
    /(?:\+|00)\s?\d{2}(?:\s?\(0\))?[\d\s/.-]{7,16}\d|\b0\d{2}[\s/.-]?\d{3}[\s.-]?\d{2}[\s.-]?\d{2}\b/g;
  for (const m of text.matchAll(re)) {
    const e = normalizeFax(m[0].replace(/[/.-]/g, ' '));
    if (e) out.add(e);
  }
  return [...out];
}

function byCustomerNumber(text: string, idx: CatalogIndex): Customer | null {
  const re =
    /(?:kunden[\s-]*n(?:r|ummer)|kd[.\s-]*nr|customer\s*(?:no|number|id)|client\s*n|n[°o]\s*client|cliente\s*n|codice\s*cliente)[.:\s°]*([A-Z]{0,2}[\s-]?\d{3,6})/gi;
  for (const m of text.matchAll(re)) {
    const raw = m[1]!.replace(/\s/g, '');
    const digits = raw.replace(/\D/g, '');
    const hit = idx.customers.find((c) => c.id === raw || c.id.replace(/\D/g, '') === digits);
    if (hit) return hit;
  }
  // the customer id written bare, e.g. "C-1001"
  for (const c of idx.customers) {
    if (
      /[A-Z]-\d/.test(c.id) &&
      new RegExp(`(?<![\\w-])${c.id.replace('-', '[-\\s]?')}(?![\\w-])`).test(text)
    )
      return c;
  }
  return null;
}

function tokenFound(token: string, words: Set<string>, text: string): boolean {
  if (words.has(token)) return true;
  if (token.length < 5) return false;
  // tolerate one OCR error in long name parts: a letter misread, lost or added, or an umlaut read
  // as two strokes ("Miiller" for Müller)
  for (const w of words)
    if (boundedDistance(w.replace(/ii/g, 'u'), token, 1) <= 1 || boundedDistance(w, token, 1) <= 1)
      return true;
  return text.includes(token);
}

/** The customer's street (with its number) and postcode both stand in the text. */
function addressFound(c: Customer, text: string): boolean {
  if (!c.street || !c.zip) return false;
  const norm = (s: string) => fold(s.replace(/ß/g, 'ss')).replace(/\./g, ' ');
  const folded = ` ${norm(text)} `;
  const street = norm(c.street).trim();
  // "Heilbronner Straße" is often written "Heilbronner Str." or "Heilbronnerstrasse"
  const loose = (s: string) => s.replace(/\s+/g, '').replace(/(?:strasse|str|stra)(?=\d|$)/g, 'str');
  const hasStreet = loose(folded).includes(loose(street));
  return hasStreet && folded.includes(` ${fold(c.zip).trim()} `);
}

function byName(text: string, idx: CatalogIndex): { c: Customer; score: number; also?: Customer[] } | null {
  const folded = fold(text);
  const words = new Set(folded.split(/\s+/).filter(Boolean));
  const scored = idx.customers
    .map((c) => {
      // "Co." and "Gebr." are name noise however OCR renders the dot
      const parts = fold(c.name)
        .replace(/\./g, ' ')
        .split(/\s+/)
        .filter((t) => t.length >= 3 && !NAME_NOISE.has(t));
      if (parts.length === 0) return { c, score: 0, at: -1 };
      const found = parts.filter((t) => tokenFound(t, words, folded)).length;
      return { c, score: found / parts.length, at: folded.indexOf(parts[0]!) };
    })
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || best.score < 0.99) return null;
  const tied = scored.filter((s) => s.score >= best.score);
  if (tied.length === 1) return best;
  // several customers named in full ("Lieferadresse: Garage Steiner AG" on Hofmann's order): the
  // one named first, in the letterhead, likely ordered; the others stand where the goods go
  const located = tied.filter((s) => s.at >= 0).sort((a, b) => a.at - b.at);
  if (located.length !== tied.length) return null;
  return { ...located[0]!, also: located.slice(1).map((s) => s.c) };
}

/**
 * `text` is the document's text (all pages, including fax header lines, which carry the sending
 * machine's number); `supplierFaxes` are the receiving numbers, never a customer's.
 */
export function matchCustomer(meta: InboundMeta, text: string, idx: CatalogIndex): CustomerMatch {
  const warnings: string[] = [];
  const from = meta.from?.trim() ?? '';
  const supplier = new Set([meta.to ? normalizeFax(meta.to) : null].filter(Boolean));
  if (from.includes('@')) {
    const addr = from.toLowerCase().replace(/^.*</, '').replace(/>.*$/, '');
    const [local = '', domain = ''] = addr.split('@');
    const exact = idx.customers.find((c) => c.email === addr);
    if (exact) return { customer: as(exact, 'email', 0.97), warnings };
    if (!RELAY_LOCAL.test(local) && !FREEMAIL.test(domain)) {
      const dom = idx.customers.filter((c) => c.email?.split('@')[1] === domain);
      if (dom.length === 1) return { customer: as(dom[0]!, 'domain', 0.92), warnings };
    }
  } else if (from) {
    const e164 = normalizeFax(from);
    const hit = e164 ? idx.customers.filter((c) => c.fax === e164) : [];
    if (hit.length === 1) return { customer: as(hit[0]!, 'fax', 0.97), warnings };
    if (e164)
      warnings.push(`sender number ${e164} is not in the customer master; customer taken from the document`);
  }
  const num = byCustomerNumber(text, idx);
  if (num) return { customer: as(num, 'customer-number', 0.9), warnings };
  const phones = phoneNumbersIn(text).filter((p) => !supplier.has(p));
  const byPhone = [...new Set(phones.flatMap((p) => idx.customers.filter((c) => c.fax === p)))];
  if (byPhone.length === 1) return { customer: as(byPhone[0]!, 'phone', 0.85), warnings };
  const mails = [...text.matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g)].map((m) => m[1]!.toLowerCase());
  const byMail = [
    ...new Set(mails.flatMap((d) => idx.customers.filter((c) => c.email?.split('@')[1] === d))),
  ];
  if (byMail.length === 1) return { customer: as(byMail[0]!, 'domain', 0.8), warnings };
  const named = byName(text, idx);
  if (named?.also) {
    warnings.push(
      `the document names several customers (${[named.c, ...named.also].map((c) => c.id).join(', ')}); took ${named.c.id}, named first, please check`,
    );
    return { customer: as(named.c, 'name', 0.6), warnings };
  }
  // its name and its own street and postcode on the page: a letterhead, as sure as a printed phone
  // number; the name alone may be a namesake or a delivery site
  if (named) return { customer: as(named.c, 'name', addressFound(named.c, text) ? 0.85 : 0.7), warnings };
  if (byPhone.length > 1) {
    warnings.push(
      `several customers' fax numbers on the document (${byPhone.map((c) => c.id).join(', ')}); choose one`,
    );
  }
  warnings.push('customer not identified; please choose the customer');
  return { customer: none(), warnings };
}
