/**
 * The callback URL a confirmation fax's send request carries, so that Sinch or Phaxio reports
 * the fax's result to us (Telnyx reports to its fax application's webhook, no URL needed). Only
 * when the gateway has a public URL and the provider's webhook is configured — otherwise the
 * provider would call a route that answers 404. Sinch signs nothing: its credentials ride in the
 * URL (Sinch masks them when read back), as for the inbound webhook; Phaxio signs the URL.
 */
import type { Config } from '../config.ts';
import { statusCallbackPath } from '../ingest/outbound-fax-status.ts';

export function faxStatusCallbackUrl(config: Config): string | null {
  const provider = config.confirmations.fax.provider;
  if (!config.publicUrl) return null;
  if (provider === 'phaxio') {
    return config.providers.phaxio.callbackToken ? config.publicUrl + statusCallbackPath('phaxio') : null;
  }
  if (provider === 'sinch') {
    const { username, password } = config.providers.sinch;
    if (!username || !password) return null;
    const url = new URL(config.publicUrl + statusCallbackPath('sinch'));
    url.username = username;
    url.password = password;
    return url.toString();
  }
  return null;
}
