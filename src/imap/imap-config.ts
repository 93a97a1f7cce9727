/**
 * IMAP mailbox settings from the environment (called by config.ts; a bad value names its variable):
 *   FAXGATE_IMAP_URL            imaps://user:pass@host:993/INBOX, comma-separated for several
 *                               (percent-encode `@ : / ,` in user and password)
 *   FAXGATE_IMAP_PROCESSED      move:<folder> (default move:Processed) or flag (\Flagged)
 *   FAXGATE_IMAP_RESYNC_SECONDS full re-check besides IDLE (default 300)
 *   FAXGATE_IMAP_TLS_CA         PEM file of extra CA certificates to trust (a server with a private
 *                               or self-signed certificate); the system's CAs stay trusted
 *   XOAUTH2 (Microsoft 365, Google): FAXGATE_IMAP_ACCESS_TOKEN (a fixed token), or
 *   FAXGATE_IMAP_XOAUTH2_TOKEN_URL + FAXGATE_IMAP_CLIENT_ID + FAXGATE_IMAP_CLIENT_SECRET
 *   [+ FAXGATE_IMAP_REFRESH_TOKEN (Google) | FAXGATE_IMAP_OAUTH_SCOPE (Microsoft client credentials)]
 */
import { readFileSync } from 'node:fs';
import { FaxgateError } from '../errors.ts';
import { limits } from '../limits.ts';

export interface MailboxSettings {
  /** user@host:port/folder — for logs, /readyz and the bookkeeping table; never the password. */
  id: string;
  host: string;
  port: number;
  /** imaps:// (TLS from the start); imap:// must upgrade with STARTTLS unless `?starttls=off`. */
  secure: boolean;
  /**
   * For imap://: STARTTLS is required (an attacker on the path cannot strip the offer and read the
   * password), unless the URL says `?starttls=off` — for a server on the same machine only.
   */
  starttls: boolean;
  user: string;
  password: string | null;
  folder: string;
}

export type ImapAuth =
  | { kind: 'password' }
  | { kind: 'xoauth2-static'; accessToken: string }
  | {
      kind: 'xoauth2';
      tokenUrl: string;
      clientId: string;
      clientSecret: string;
      refreshToken: string | null;
      scope: string | null;
    };

export interface ImapConfig {
  mailboxes: MailboxSettings[];
  auth: ImapAuth;
  processed: { kind: 'move'; folder: string } | { kind: 'flag' };
  resyncMs: number;
  retryBaseMs: number;
  /** PEM text from FAXGATE_IMAP_TLS_CA, read at start so a wrong path fails at once; null: system CAs. */
  tlsCa: string | null;
}

type Env = Record<string, string | undefined>;

const fail = (name: string, message: string): never => {
  throw new FaxgateError('CONFIG', `configuration: ${name} ${message}`);
};
const val = (env: Env, name: string) => env[name]?.trim() || null;

function mailbox(raw: string): MailboxSettings {
  const name = 'FAXGATE_IMAP_URL';
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return fail(name, 'entry is not a URL (imaps://user:pass@host:993/INBOX)');
  }
  if (u.protocol !== 'imaps:' && u.protocol !== 'imap:')
    fail(name, `entry must start with imaps:// or imap://, got "${u.protocol}//…"`);
  if (!u.hostname) fail(name, 'entry has no host');
  if (!u.username) fail(name, `entry for ${u.hostname} has no user name`);
  const secure = u.protocol === 'imaps:';
  const port = u.port ? Number(u.port) : secure ? 993 : 143;
  const user = decodeURIComponent(u.username);
  const folder = decodeURIComponent(u.pathname.replace(/^\/+/, '')) || 'INBOX';
  const starttlsParam = u.searchParams.get('starttls');
  if (starttlsParam !== null && starttlsParam !== 'off' && starttlsParam !== 'required') {
    fail(name, `entry for ${u.hostname}: starttls must be "required" or "off", got "${starttlsParam}"`);
  }
  return {
    id: `${user}@${u.hostname}:${port}/${folder}`,
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port,
    secure,
    starttls: !secure && starttlsParam !== 'off',
    user,
    password: u.password ? decodeURIComponent(u.password) : null,
    folder,
  };
}

export function loadImapConfig(env: Env): ImapConfig {
  const urls = (val(env, 'FAXGATE_IMAP_URL') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const mailboxes = urls.map(mailbox);
  const ids = new Set(mailboxes.map((m) => m.id));
  if (ids.size !== mailboxes.length) fail('FAXGATE_IMAP_URL', 'lists the same mailbox twice');

  let auth: ImapAuth = { kind: 'password' };
  const accessToken = val(env, 'FAXGATE_IMAP_ACCESS_TOKEN');
  const tokenUrl = val(env, 'FAXGATE_IMAP_XOAUTH2_TOKEN_URL');
  if (tokenUrl) {
    if (!/^https?:\/\//i.test(tokenUrl)) fail('FAXGATE_IMAP_XOAUTH2_TOKEN_URL', 'must be an https:// URL');
    const clientId =
      val(env, 'FAXGATE_IMAP_CLIENT_ID') ??
      fail('FAXGATE_IMAP_CLIENT_ID', 'is required with FAXGATE_IMAP_XOAUTH2_TOKEN_URL');
    const clientSecret =
      val(env, 'FAXGATE_IMAP_CLIENT_SECRET') ??
      fail('FAXGATE_IMAP_CLIENT_SECRET', 'is required with FAXGATE_IMAP_XOAUTH2_TOKEN_URL');
    auth = {
      kind: 'xoauth2',
      tokenUrl,
      clientId,
      clientSecret,
      refreshToken: val(env, 'FAXGATE_IMAP_REFRESH_TOKEN'),
      scope: val(env, 'FAXGATE_IMAP_OAUTH_SCOPE'),
    };
  } else if (accessToken) {
    auth = { kind: 'xoauth2-static', accessToken };
  } else {
    for (const m of mailboxes)
      if (m.password === null)
        fail(
          'FAXGATE_IMAP_URL',
          `entry for ${m.id} has no password (or set FAXGATE_IMAP_XOAUTH2_TOKEN_URL for XOAUTH2)`,
        );
  }

  const processedRaw = val(env, 'FAXGATE_IMAP_PROCESSED') ?? 'move:Processed';
  let processed: ImapConfig['processed'];
  if (processedRaw === 'flag') processed = { kind: 'flag' };
  else if (/^move:.+/.test(processedRaw)) processed = { kind: 'move', folder: processedRaw.slice(5).trim() };
  else processed = fail('FAXGATE_IMAP_PROCESSED', `must be "move:<folder>" or "flag", got "${processedRaw}"`);

  const seconds = (name: string, def: number, min: number, max: number) => {
    const raw = val(env, name);
    if (raw === null) return def;
    if (!/^\d+$/.test(raw)) fail(name, `must be a whole number, got "${raw}"`);
    const n = Number(raw);
    if (n < min || n > max) fail(name, `must be between ${min} and ${max}, got ${n}`);
    return n;
  };
  const caPath = val(env, 'FAXGATE_IMAP_TLS_CA');
  let tlsCa: string | null = null;
  if (caPath) {
    try {
      tlsCa = readFileSync(caPath, 'utf8');
    } catch (err) {
      fail('FAXGATE_IMAP_TLS_CA', `cannot be read: ${(err as Error).message}`);
    }
    if (!tlsCa?.includes('-----BEGIN CERTIFICATE-----'))
      fail('FAXGATE_IMAP_TLS_CA', `must name a PEM file of certificates, ${caPath} holds none`);
  }
  return {
    mailboxes,
    auth,
    processed,
    tlsCa,
    resyncMs: seconds('FAXGATE_IMAP_RESYNC_SECONDS', 300, 1, 86_400) * 1000,
    retryBaseMs: seconds('FAXGATE_IMAP_RETRY_BASE_MS', limits.imapRetryBaseMs, 1, 600_000),
  };
}
