/**
 * The fax providers this configuration enables. A provider whose settings (DESIGN.md's
 * configuration table) are absent is left out, and its webhook route answers 404.
 */
import type { Config } from '../config.ts';
import type { FaxProvider, FaxProviderName } from './provider.ts';
import { createPhaxioProvider } from './providers/phaxio.ts';
import { createSignalWireProvider } from './providers/signalwire.ts';
import { createSinchProvider } from './providers/sinch.ts';
import { createTelnyxProvider } from './providers/telnyx.ts';

export type EnabledFaxProviders = Partial<Record<FaxProviderName, FaxProvider>>;

export function createFaxProviders(config: Config, opts: { now?: () => number } = {}): EnabledFaxProviders {
  const p = config.providers;
  const enabled: EnabledFaxProviders = {};
  if (p.telnyx.publicKey) enabled.telnyx = createTelnyxProvider({ publicKey: p.telnyx.publicKey, ...opts });
  if (p.sinch.username && p.sinch.password) {
    enabled.sinch = createSinchProvider({ username: p.sinch.username, password: p.sinch.password });
  }
  if (p.phaxio.callbackToken)
    enabled.phaxio = createPhaxioProvider({ callbackToken: p.phaxio.callbackToken });
  if (p.signalwire.signingKey)
    enabled.signalwire = createSignalWireProvider({ signingKey: p.signalwire.signingKey });
  return enabled;
}
