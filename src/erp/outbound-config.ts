/**
 * Configuration of the ERP hand-off and of the answers to customers: supplier letterhead, the
 * optional signed push, order confirmations by fax or e-mail. Built by config.ts from the same
 * environment record (this module never reads process.env itself); a bad value stops start-up
 * with a message naming the variable, like every other setting.
 */
import { FaxgateError } from '../errors.ts';

type Env = Record<string, string | undefined>;

export type PushFormat = 'json' | 'opentrans' | 'ubl';
export type ConfirmationMode = 'off' | 'fax' | 'email' | 'both';
export type FaxSendProvider = 'telnyx' | 'sinch' | 'phaxio';
export type Language = 'de' | 'fr' | 'it' | 'en';

export interface SupplierConfig {
  /** Our id in the exports (openTRANS SUPPLIER_IDREF, UBL seller); a GLN when one is set. */
  id: string;
  gln: string | null;
  name: string;
  /** Letterhead address lines, in print order. */
  addressLines: string[];
  phone: string | null;
  fax: string | null;
  email: string | null;
  currency: string;
}

export interface OutboundConfig {
  supplier: SupplierConfig;
  erpPush: {
    url: string | null;
    /** HMAC key bytes (Standard Webhooks: `whsec_` + base64, or any other string used as is). */
    secret: Buffer | null;
    format: PushFormat;
    attempts: number;
  };
  confirmations: {
    mode: ConfirmationMode;
    /** Language when the customer has none set and the country does not tell. */
    defaultLanguage: Language;
    attempts: number;
    fax: {
      provider: FaxSendProvider | null;
      /** Our sending number (E.164). */
      from: string | null;
      telnyx: { apiUrl: string; apiKey: string | null; connectionId: string | null };
      sinch: { apiUrl: string; projectId: string | null; keyId: string | null; keySecret: string | null };
      phaxio: { apiUrl: string; apiKey: string | null; apiSecret: string | null };
    };
    email: { smtpUrl: string | null; from: string | null };
    /** Signed, expiring URLs for documents a provider fetches (Telnyx media_url). */
    urlSigningKey: string | null;
    urlTtlSeconds: number;
  };
  /** How often a worker looks for newly confirmed orders to push or confirm. */
  outboundScanIntervalMs: number;
  /** First retry delay of a failed push or confirmation; doubles each attempt. */
  outboundRetryBaseMs: number;
}

function fail(name: string, message: string): never {
  throw new FaxgateError('CONFIG', `configuration: ${name} ${message}`);
}

function str(env: Env, name: string): string | null {
  const v = env[name]?.trim();
  return v ? v : null;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], def: T): T {
  const v = (str(env, name) ?? def).toLowerCase() as T;
  if (!values.includes(v)) fail(name, `must be one of ${values.join(', ')}, got "${v}"`);
  return v;
}

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === null) return def;
  if (!/^\d+$/.test(raw)) fail(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) fail(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function httpUrl(env: Env, name: string, def: string | null = null): string | null {
  const raw = str(env, name) ?? def;
  if (raw === null) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    fail(name, `must be an http(s) URL, got "${raw}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') fail(name, 'must start with http:// or https://');
  return raw.replace(/\/+$/, '');
}

function e164(env: Env, name: string): string | null {
  const v = str(env, name);
  if (v !== null && !/^\+[1-9]\d{6,14}$/.test(v))
    fail(name, `must be an E.164 number like +41445550000, got "${v}"`);
  return v;
}

/** Standard Webhooks secrets are `whsec_<base64>`; anything else is used as raw bytes. */
function pushSecret(env: Env): Buffer | null {
  const v = str(env, 'FAXGATE_ERP_PUSH_SECRET');
  if (v === null) return null;
  if (v.startsWith('whsec_')) {
    const b = Buffer.from(v.slice(6), 'base64');
    if (b.length < 16)
      fail('FAXGATE_ERP_PUSH_SECRET', 'whsec_ secret must carry at least 16 bytes of base64');
    return b;
  }
  if (v.length < 16) fail('FAXGATE_ERP_PUSH_SECRET', 'must be at least 16 characters');
  return Buffer.from(v, 'utf8');
}

export function loadOutboundConfig(env: Env): OutboundConfig {
  const pushUrl = httpUrl(env, 'FAXGATE_ERP_PUSH_URL');
  const secret = pushSecret(env);
  if (pushUrl && !secret) fail('FAXGATE_ERP_PUSH_SECRET', 'is required when FAXGATE_ERP_PUSH_URL is set');

  const mode = oneOf(env, 'FAXGATE_CONFIRMATIONS', ['off', 'fax', 'email', 'both'] as const, 'off');
  const providerRaw = str(env, 'FAXGATE_CONFIRMATION_FAX_PROVIDER');
  const provider = providerRaw
    ? oneOf(env, 'FAXGATE_CONFIRMATION_FAX_PROVIDER', ['telnyx', 'sinch', 'phaxio'] as const, 'telnyx')
    : null;
  const smtpUrl = str(env, 'FAXGATE_SMTP_URL');
  if (smtpUrl !== null && !/^smtps?:\/\//i.test(smtpUrl)) {
    fail('FAXGATE_SMTP_URL', 'must start with smtp:// or smtps://');
  }
  const confirmations: OutboundConfig['confirmations'] = {
    mode,
    defaultLanguage: oneOf(env, 'FAXGATE_CONFIRMATION_LANGUAGE', ['de', 'fr', 'it', 'en'] as const, 'de'),
    attempts: int(env, 'FAXGATE_CONFIRMATION_ATTEMPTS', 8, 1, 50),
    fax: {
      provider,
      from: e164(env, 'FAXGATE_FAX_FROM'),
      telnyx: {
        apiUrl: httpUrl(env, 'FAXGATE_TELNYX_API_URL', 'https://api.telnyx.com')!,
        apiKey: str(env, 'FAXGATE_TELNYX_API_KEY'),
        connectionId: str(env, 'FAXGATE_TELNYX_CONNECTION_ID'),
      },
      sinch: {
        apiUrl: httpUrl(env, 'FAXGATE_SINCH_API_URL', 'https://fax.api.sinch.com')!,
        projectId: str(env, 'FAXGATE_SINCH_PROJECT_ID'),
        keyId: str(env, 'FAXGATE_SINCH_KEY_ID'),
        keySecret: str(env, 'FAXGATE_SINCH_KEY_SECRET'),
      },
      phaxio: {
        apiUrl: httpUrl(env, 'FAXGATE_PHAXIO_API_URL', 'https://api.phaxio.com')!,
        apiKey: str(env, 'FAXGATE_PHAXIO_API_KEY'),
        apiSecret: str(env, 'FAXGATE_PHAXIO_API_SECRET'),
      },
    },
    email: { smtpUrl, from: str(env, 'FAXGATE_SMTP_FROM') },
    urlSigningKey: str(env, 'FAXGATE_URL_SIGNING_KEY'),
    urlTtlSeconds: int(env, 'FAXGATE_CONFIRMATION_URL_TTL_SECONDS', 3600, 60, 7 * 86_400),
  };

  if (mode === 'fax' || mode === 'both') {
    const name = 'FAXGATE_CONFIRMATION_FAX_PROVIDER';
    if (!provider) fail(name, `is required when FAXGATE_CONFIRMATIONS=${mode}`);
    if (!confirmations.fax.from) fail('FAXGATE_FAX_FROM', `is required when FAXGATE_CONFIRMATIONS=${mode}`);
    const need = (v: string | null, n: string) => {
      if (!v) fail(n, `is required to send confirmations through ${provider}`);
    };
    if (provider === 'telnyx') {
      need(confirmations.fax.telnyx.apiKey, 'FAXGATE_TELNYX_API_KEY');
      need(confirmations.fax.telnyx.connectionId, 'FAXGATE_TELNYX_CONNECTION_ID');
      // Telnyx fetches the PDF from us: it needs a public URL and a key to sign it.
      need(str(env, 'FAXGATE_PUBLIC_URL'), 'FAXGATE_PUBLIC_URL');
      need(confirmations.urlSigningKey, 'FAXGATE_URL_SIGNING_KEY');
    } else if (provider === 'sinch') {
      need(confirmations.fax.sinch.projectId, 'FAXGATE_SINCH_PROJECT_ID');
      need(confirmations.fax.sinch.keyId, 'FAXGATE_SINCH_KEY_ID');
      need(confirmations.fax.sinch.keySecret, 'FAXGATE_SINCH_KEY_SECRET');
    } else {
      need(confirmations.fax.phaxio.apiKey, 'FAXGATE_PHAXIO_API_KEY');
      need(confirmations.fax.phaxio.apiSecret, 'FAXGATE_PHAXIO_API_SECRET');
    }
  }
  if ((mode === 'email' || mode === 'both') && (!smtpUrl || !confirmations.email.from)) {
    fail(
      smtpUrl ? 'FAXGATE_SMTP_FROM' : 'FAXGATE_SMTP_URL',
      `is required when FAXGATE_CONFIRMATIONS=${mode}`,
    );
  }
  if (confirmations.urlSigningKey !== null && confirmations.urlSigningKey.length < 16) {
    fail('FAXGATE_URL_SIGNING_KEY', 'must be at least 16 characters');
  }

  const gln = str(env, 'FAXGATE_SUPPLIER_GLN');
  if (gln !== null && !/^\d{13}$/.test(gln)) fail('FAXGATE_SUPPLIER_GLN', `must be 13 digits, got "${gln}"`);
  const currency = (str(env, 'FAXGATE_CURRENCY') ?? 'CHF').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    fail('FAXGATE_CURRENCY', `must be an ISO 4217 code like CHF, got "${currency}"`);

  return {
    supplier: {
      id: str(env, 'FAXGATE_SUPPLIER_ID') ?? gln ?? 'SUPPLIER',
      gln,
      name: str(env, 'FAXGATE_SUPPLIER_NAME') ?? 'Supplier',
      // One variable, lines separated by '|' or newlines, so it fits in a .env file.
      addressLines: (str(env, 'FAXGATE_SUPPLIER_ADDRESS') ?? '').split(/\s*(?:\||\n)\s*/).filter(Boolean),
      phone: str(env, 'FAXGATE_SUPPLIER_PHONE'),
      fax: str(env, 'FAXGATE_SUPPLIER_FAX'),
      email: str(env, 'FAXGATE_SUPPLIER_EMAIL'),
      currency,
    },
    erpPush: {
      url: pushUrl,
      secret,
      format: oneOf(env, 'FAXGATE_ERP_PUSH_FORMAT', ['json', 'opentrans', 'ubl'] as const, 'json'),
      attempts: int(env, 'FAXGATE_ERP_PUSH_ATTEMPTS', 10, 1, 50),
    },
    confirmations,
    outboundScanIntervalMs: int(env, 'FAXGATE_OUTBOUND_SCAN_MS', 2000, 100, 600_000),
    outboundRetryBaseMs: int(env, 'FAXGATE_OUTBOUND_RETRY_BASE_MS', 10_000, 1, 3_600_000),
  };
}
