/**
 * Access tokens for IMAP XOAUTH2 (Microsoft 365 and Google no longer accept passwords over IMAP).
 * A refresh token (Google, or a delegated Microsoft app) is exchanged with grant_type
 * refresh_token; without one, Microsoft's client-credentials flow for app-only mailbox access
 * (scope https://outlook.office365.com/.default). Tokens are cached until a minute before expiry;
 * a session whose token expires is closed by the server, and the reconnect fetches a new one.
 */
import type { ImapAuth } from './imap-config.ts';

/** A token endpoint answers in well under a second; 20 s means it is down. */
const TOKEN_TIMEOUT_MS = 20_000;
const EARLY_REFRESH_MS = 60_000;

export type AccessTokenSource = () => Promise<string>;

export function createAccessTokenSource(
  auth: Extract<ImapAuth, { kind: 'xoauth2' }>,
  fetchImpl: typeof fetch = fetch,
): AccessTokenSource {
  let cached: { token: string; until: number } | null = null;
  return async () => {
    if (cached && Date.now() < cached.until) return cached.token;
    const form = new URLSearchParams({ client_id: auth.clientId, client_secret: auth.clientSecret });
    if (auth.refreshToken) {
      form.set('grant_type', 'refresh_token');
      form.set('refresh_token', auth.refreshToken);
    } else {
      form.set('grant_type', 'client_credentials');
      form.set('scope', auth.scope ?? 'https://outlook.office365.com/.default');
    }
    const res = await fetchImpl(auth.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
    const body = (await res.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (!res.ok || typeof body.access_token !== 'string') {
      // the endpoint's error code and text only; the request carried secrets, the answer does not
      const why = [body.error, body.error_description].filter(Boolean).join(': ') || `HTTP ${res.status}`;
      throw new Error(`XOAUTH2 token request failed: ${why.slice(0, 300)}`);
    }
    const lifetime = (typeof body.expires_in === 'number' ? body.expires_in : 3600) * 1000;
    cached = { token: body.access_token, until: Date.now() + Math.max(0, lifetime - EARLY_REFRESH_MS) };
    return body.access_token;
  };
}
