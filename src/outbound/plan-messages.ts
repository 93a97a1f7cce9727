/**
 * What to send for a newly confirmed order, from the configuration and the customer's
 * settings: the ERP push when a push URL is set; the confirmation on the channel the order came
 * by (fax → the number that faxed, e-mail → the sender), when confirmations are on globally or
 * for this customer. A confirmation that cannot go anywhere is recorded as failed, visibly.
 */
import type { Config } from '../config.ts';
import type { ConfirmationMode } from '../erp/outbound-config.ts';
import type { ConfirmedOrderFacts, PlannedMessage } from '../store/outbound-store.ts';
import { customerLanguage } from './customer-language.ts';

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export function planPush(config: Config): PlannedMessage | null {
  return config.erpPush.url
    ? { kind: 'erp-push', channel: 'webhook', target: config.erpPush.url, language: null }
    : null;
}

export function planConfirmation(config: Config, f: ConfirmedOrderFacts): PlannedMessage | null {
  const mode = (f.confirmations ?? config.confirmations.mode) as ConfirmationMode;
  if (mode === 'off') return null;
  const language = customerLanguage(
    f.language,
    f.customerCountry,
    f.customerZip,
    config.confirmations.defaultLanguage,
  );
  const faxTo =
    f.source.channel === 'fax' && f.source.from && E164.test(f.source.from) ? f.source.from : f.customerFax;
  const mailTo =
    f.source.channel === 'email' && f.source.from && EMAIL.test(f.source.from)
      ? f.source.from
      : f.customerEmail;
  const wantFax = mode === 'fax' || (mode === 'both' && (f.source.channel !== 'email' || !mailTo));
  if (wantFax) {
    if (faxTo) return { kind: 'confirmation', channel: 'fax', target: faxTo, language };
    if (mode === 'fax') {
      return {
        kind: 'confirmation',
        channel: 'fax',
        target: null,
        language,
        failReason: 'no fax number for this customer',
      };
    }
  }
  if (mailTo) return { kind: 'confirmation', channel: 'email', target: mailTo, language };
  return {
    kind: 'confirmation',
    channel: wantFax ? 'fax' : 'email',
    target: null,
    language,
    failReason: 'no e-mail address or fax number for this customer',
  };
}

export function planMessages(config: Config, f: ConfirmedOrderFacts): PlannedMessage[] {
  return [planPush(config), planConfirmation(config, f)].filter((m): m is PlannedMessage => m !== null);
}
