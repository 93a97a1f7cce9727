/**
 * First start: with no API token in the store nobody could upload or review, so one admin
 * token is created and printed once. It is stored hashed; lose it and create another with
 * `faxgate token create --scope admin`.
 */
import { generatePassword, hashPassword } from '../auth/password.ts';
import type { Logger } from '../logger.ts';
import { createSessionStore } from '../store/session-store.ts';
import type { Stores } from '../store/stores.ts';

/**
 * First start, for people: with no user account nobody could log in to the clerk's desk, so an
 * `admin` user is created with a one-time password, printed once; the first login must replace it.
 */
export async function ensureBootstrapAdmin(stores: Stores, log: Logger): Promise<void> {
  if ((await stores.users.count()) > 0) return;
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  let id: string;
  try {
    ({ id } = await stores.users.create({
      username: 'admin',
      passwordHash,
      role: 'admin',
    }));
  } catch (err) {
    // Another API process won the race and printed its own password.
    if ((await stores.users.count()) > 0) return;
    throw err;
  }
  await createSessionStore(stores.database).setPassword(id, passwordHash, true);
  process.stderr.write(
    [
      '',
      '  First start: user "admin" was created for the web UI. Its one-time password is shown only now:',
      '',
      `    ${password}`,
      '',
      '  Log in and choose a new password. More users: npx faxgate user add NAME --role clerk|admin',
      '',
    ].join('\n') + '\n',
  );
  log.info('bootstrap admin user created (one-time password printed once on stderr)');
}

export async function ensureBootstrapToken(stores: Stores, log: Logger): Promise<void> {
  await ensureBootstrapAdmin(stores, log);
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
