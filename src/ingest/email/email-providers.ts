/**
 * The e-mail webhook providers this configuration enables; one without settings is left out and
 * its route answers 404.
 */
import type { Config } from '../../config.ts';
import type { Database } from '../../store/database.ts';
import type { EmailProvider, EmailProviderName } from './email-provider.ts';
import { createMailgunProvider } from './mailgun.ts';
import { createPostmarkProvider } from './postmark.ts';
import { createSendGridProvider } from './sendgrid.ts';
import { createWebhookTokenStore } from './webhook-token-store.ts';

export type EnabledEmailProviders = Partial<Record<EmailProviderName, EmailProvider>>;

export function createEmailProviders(
  config: Config,
  database: Database,
  opts: { now?: () => number } = {},
): EnabledEmailProviders {
  const p = config.providers;
  const enabled: EnabledEmailProviders = {};
  if (p.mailgun.signingKey) {
    enabled.mailgun = createMailgunProvider({
      signingKey: p.mailgun.signingKey,
      tokens: createWebhookTokenStore(database),
      ...opts,
    });
  }
  if (p.sendgrid.username && p.sendgrid.password)
    enabled.sendgrid = createSendGridProvider({
      username: p.sendgrid.username,
      password: p.sendgrid.password,
    });
  if (p.postmark.username && p.postmark.password)
    enabled.postmark = createPostmarkProvider({
      username: p.postmark.username,
      password: p.postmark.password,
    });
  return enabled;
}
