/**
 * pino with redaction of secrets and personal data (phone numbers, e-mail addresses).
 * Code logs through children bound to {documentId, jobId, provider}.
 */
import { type DestinationStream, type Logger, pino, stdSerializers } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger };

export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.token',
  '*.apiKey',
  '*.signingKey',
  'from',
  'to',
  '*.from',
  '*.to',
  '*.email',
  '*.fax',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'faxgate' },
      redact: { paths: redactPaths, censor: '[redacted]' },
      serializers: { err: stdSerializers.err },
    },
    destination,
  );
}
