/**
 * Fax-to-e-mail relays (eFax, Retarus, Sinch, Fax.Plus, RingCentral, mail gateways of fax
 * servers…) deliver a received fax as an e-mail. The relay's own address says nothing about who
 * ordered; the sender's fax number in the subject (or the first lines of the body) does, and it
 * becomes the caller number for customer matching.
 */
import { normalizeFax } from '../../masterdata/normalize-fax.ts';

/** Sender domains of fax-to-e-mail services (the domain or any subdomain of it). */
const RELAY_DOMAINS = [
  'efax.com',
  'j2.com',
  'j2noc.com',
  'retarus.com',
  'retarus.de',
  'retarus.net',
  'rfax.net',
  'sinch.com',
  'fax.plus',
  'alohi.com',
  'ringcentral.com',
  'srfax.com',
  'myfax.com',
  'metrofax.com',
  'faxage.com',
  'hellofax.com',
  'documo.com',
  'mfax.io',
  'interfax.net',
  'faxmaker.com',
  'ecall.ch',
  'swisscom.com',
];
/** Local parts that fax servers and gateways send from. */
const RELAY_LOCAL = /^(fax|fax2mail|faxmail|fax2email|faxserver|efax|telefax|faxgateway|fax-noreply)$/i;
/** Subjects of fax notifications: "Fax from +41 44…", "Corporate eFax message from "314…" - 2 page(s)". */
const RELAY_SUBJECT =
  /\b(e?fax|telefax)\b[^\n]{0,40}\b(from|von|de|da|received|empfangen|reçu|ricevuto)\b|\bfax\s*(?:message|nachricht|n°|nr)\b|\b(fax2mail|faxmail|neues?\s+fax|new\s+fax)\b/i;
/** A fax number: international (+41…, 0041…), or national with a trunk 0, or a US 10-digit group. */
const FAX_NUMBER =
  /(?:\+|\b00)\d[\d\s()/.-]{7,18}\d|\b0\d{1,3}[\s/.-]?\d{3}[\s.-]?\d{2}[\s.-]?\d{2}\b|\b\d{3}[\s.-]\d{3}[\s.-]\d{4}\b|\b\d{2}\s\d{6,10}\b/;
const NUMBER_LINE =
  /\b(fax|from|von|de|da|absender|sender|caller|calling|csid|tsid|kennung|numéro|numero)\b/i;

export interface RelayVerdict {
  relay: boolean;
  /** The sender's fax number in E.164 when the relay names one. */
  faxNumber: string | null;
}

function relayDomain(address: string | undefined): boolean {
  if (!address) return false;
  const [local = '', domain = ''] = address.toLowerCase().split('@');
  if (RELAY_LOCAL.test(local)) return true;
  return RELAY_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`));
}

function toNumber(raw: string): string | null {
  const cleaned = raw.replace(/[()/.-]/g, ' ').trim();
  // a US-style 10-digit number without a country code ("314 994 7202") is North American
  if (/^\d{3}\s\d{3}\s\d{4}$/.test(cleaned)) return normalizeFax(`+1 ${cleaned}`);
  return normalizeFax(cleaned);
}

export function detectFaxRelay(fromAddress: string | undefined, subject: string, body: string): RelayVerdict {
  const relay = relayDomain(fromAddress) || RELAY_SUBJECT.test(subject);
  if (!relay) return { relay: false, faxNumber: null };
  // the subject first; then only the first lines of the body that talk about the sender
  const lines = body
    .split(/\r?\n/)
    .slice(0, 15)
    .filter((l) => NUMBER_LINE.test(l));
  for (const src of [subject, ...lines]) {
    for (const m of src.matchAll(new RegExp(FAX_NUMBER.source, 'g'))) {
      const n = toNumber(m[0]);
      if (n) return { relay, faxNumber: n };
    }
  }
  return { relay, faxNumber: null };
}
