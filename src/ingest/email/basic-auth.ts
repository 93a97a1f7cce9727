/** HTTP basic-auth check in constant time (SendGrid and Postmark put credentials in the URL). */
import { pass, type RawRequest, reject, type Verdict } from '../provider.ts';
import { timingSafeEqualStrings } from '../timing-safe-equal.ts';

export function checkBasicAuth(raw: RawRequest, username: string, password: string): Verdict {
  const header = raw.headers.authorization;
  const m = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!m) return reject('missing basic-auth credentials');
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  const pw = colon < 0 ? '' : decoded.slice(colon + 1);
  // both compared every time, so the answer time does not tell which one was wrong
  const userOk = timingSafeEqualStrings(user, username);
  const pwOk = timingSafeEqualStrings(pw, password);
  return userOk && pwOk ? pass : reject('wrong basic-auth credentials');
}
