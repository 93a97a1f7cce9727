/**
 * The one place that reads process.env. Builds a validated, typed configuration at boot;
 * a bad value stops start-up with a message naming the variable.
 */
import path from 'node:path';
import { loadOutboundConfig, type OutboundConfig } from './erp/outbound-config.ts';
import { FaxgateError } from './errors.ts';
import { type ImapConfig, loadImapConfig } from './imap/imap-config.ts';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** ERP push, confirmations and supplier letterhead: see erp/outbound-config.ts. */
export interface Config extends OutboundConfig {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string | null;
  databaseUrl: string | null;
  redisUrl: string | null;
  logLevel: LogLevel;
  /** Queue-name prefix in Redis; lets several installations (or test runs) share one Redis. */
  queuePrefix: string;
  ocrLanguages: string[];
  ocrWorkers: number;
  workerConcurrency: number;
  /** A document still `received` after this long is enqueued again (Redis was down at ingest). */
  reconcileAfterMs: number;
  reconcileIntervalMs: number;
  uploadLimitBytes: number;
  mediaHosts: string[];
  /**
   * Secure attribute on the session cookie. Default on, except when listening on loopback only
   * (plain-http development); behind a TLS proxy on 127.0.0.1 set FAXGATE_COOKIE_SECURE=true.
   */
  cookieSecure: boolean;
  /** First back-off of the media-download retries (doubles each try); small in tests. */
  mediaRetryBaseMs: number;
  /** Telnyx API base for renewing expired media links; only tests and private proxies change it. */
  telnyxApiUrl: string;
  providers: {
    telnyx: { publicKey: string | null; apiKey: string | null };
    sinch: { username: string | null; password: string | null };
    phaxio: { callbackToken: string | null };
    signalwire: { signingKey: string | null };
    mailgun: { signingKey: string | null };
    sendgrid: { username: string | null; password: string | null };
    postmark: { username: string | null; password: string | null };
  };
  /** IMAP mailboxes to poll (FAXGATE_IMAP_*); none configured = no poller. */
  imap: ImapConfig;
}

type Env = Record<string, string | undefined>;

function fail(name: string, message: string): never {
  throw new FaxgateError('CONFIG', `configuration: ${name} ${message}`);
}

function str(env: Env, name: string): string | null {
  const v = env[name]?.trim();
  return v ? v : null;
}

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === null) return def;
  if (!/^\d+$/.test(raw)) fail(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) fail(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = str(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    fail(name, `must be a URL (${protocols.join(' or ')}), got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    fail(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${parsed.protocol}//…"`);
  }
  return raw;
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const logLevel = (str(env, 'FAXGATE_LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LEVELS.includes(logLevel)) fail('FAXGATE_LOG_LEVEL', `must be one of ${LEVELS.join(', ')}`);

  const languages = (str(env, 'FAXGATE_OCR_LANGUAGES') ?? 'deu+eng+fra+ita')
    .split(/[+,]/)
    .map((l) => l.trim())
    .filter(Boolean);
  for (const l of languages) {
    if (!['deu', 'eng', 'fra', 'ita'].includes(l)) {
      fail('FAXGATE_OCR_LANGUAGES', `lists "${l}"; available are deu, eng, fra, ita`);
    }
  }

  const mediaHosts = (str(env, 'FAXGATE_MEDIA_HOSTS') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (const h of mediaHosts) {
    if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(h) && !/^\[[0-9a-f:]+\](:\d{1,5})?$/i.test(h)) {
      fail('FAXGATE_MEDIA_HOSTS', `entry "${h}" is not host[:port]`);
    }
  }

  const publicUrl = url(env, 'FAXGATE_PUBLIC_URL', ['http:', 'https:']);
  const host = str(env, 'FAXGATE_HOST') ?? '127.0.0.1';
  const cookieSecureRaw = str(env, 'FAXGATE_COOKIE_SECURE')?.toLowerCase() ?? null;
  if (cookieSecureRaw !== null && !['true', 'false', '1', '0'].includes(cookieSecureRaw)) {
    fail('FAXGATE_COOKIE_SECURE', `must be true or false, got "${cookieSecureRaw}"`);
  }
  const loopback = ['127.0.0.1', '::1', 'localhost'].includes(host);

  return {
    port: int(env, 'FAXGATE_PORT', 3000, 0, 65535),
    host,
    dataDir: path.resolve(cwd, str(env, 'FAXGATE_DATA_DIR') ?? './data'),
    publicUrl: publicUrl?.replace(/\/+$/, '') ?? null,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    logLevel,
    queuePrefix: str(env, 'FAXGATE_QUEUE_PREFIX') ?? 'faxgate',
    ocrLanguages: languages,
    ocrWorkers: int(env, 'FAXGATE_OCR_WORKERS', 1, 1, 16),
    workerConcurrency: int(env, 'FAXGATE_WORKER_CONCURRENCY', 2, 1, 64),
    reconcileAfterMs: int(env, 'FAXGATE_RECONCILE_AFTER_SECONDS', 30, 1, 86_400) * 1000,
    reconcileIntervalMs: int(env, 'FAXGATE_RECONCILE_INTERVAL_SECONDS', 15, 1, 3600) * 1000,
    uploadLimitBytes: int(env, 'FAXGATE_UPLOAD_LIMIT_MB', 25, 1, 1024) * 1024 * 1024,
    mediaHosts,
    cookieSecure:
      cookieSecureRaw === null ? !loopback : cookieSecureRaw === 'true' || cookieSecureRaw === '1',
    mediaRetryBaseMs: int(env, 'FAXGATE_MEDIA_RETRY_BASE_MS', 5000, 1, 600_000),
    telnyxApiUrl: (
      url(env, 'FAXGATE_TELNYX_API_URL', ['https:', 'http:']) ?? 'https://api.telnyx.com'
    ).replace(/\/+$/, ''),
    providers: {
      telnyx: {
        publicKey: str(env, 'FAXGATE_TELNYX_PUBLIC_KEY'),
        apiKey: str(env, 'FAXGATE_TELNYX_API_KEY'),
      },
      sinch: { username: str(env, 'FAXGATE_SINCH_USERNAME'), password: str(env, 'FAXGATE_SINCH_PASSWORD') },
      phaxio: { callbackToken: str(env, 'FAXGATE_PHAXIO_CALLBACK_TOKEN') },
      signalwire: { signingKey: str(env, 'FAXGATE_SIGNALWIRE_SIGNING_KEY') },
      mailgun: { signingKey: str(env, 'FAXGATE_MAILGUN_SIGNING_KEY') },
      sendgrid: {
        username: str(env, 'FAXGATE_SENDGRID_USERNAME'),
        password: str(env, 'FAXGATE_SENDGRID_PASSWORD'),
      },
      postmark: {
        username: str(env, 'FAXGATE_POSTMARK_USERNAME'),
        password: str(env, 'FAXGATE_POSTMARK_PASSWORD'),
      },
    },
    imap: loadImapConfig(env),
    ...loadOutboundConfig(env),
  };
}
