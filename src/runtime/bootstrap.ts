/**
 * First start: with no API token in the store nobody could upload or review, so one admin
 * token is created and printed once. It is stored hashed; lose it and create another with
 * `faxgate token create --scope admin`.
 */
import type { Logger } from '../logger.ts';
import type { Stores } from '../store/stores.ts';

export async function ensureBootstrapToken(stores: Stores, log: Logger): Promise<void> {
  const existing = await stores.tokens.list();
  if (existing.length > 0) return;
  const { token } = await stores.tokens.create({ scope: 'admin', name: 'bootstrap' });
  // Printed on stderr beside the log, not into the log, so it is not shipped to log storage.
  process.stderr.write(
    [
      '',
      '  First start: an admin API token was created. It is shown only this once:',
      '',
      `    ${token}`,
      '',
      '  Use it as "Authorization: Bearer <token>". More: npx faxgate token create --scope ingest|erp|admin',
      '',
    ].join('\n') + '\n',
  );
  log.info('bootstrap admin token created (printed once on stderr)');
}
