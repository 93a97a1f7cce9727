/**
 * One received e-mail (from a webhook or an IMAP mailbox) → a stored `eml` document, idempotent
 * on the message's Message-ID (or, without one, a hash of the message), → first step enqueued.
 * The same message delivered again — a provider retry, an IMAP re-fetch after a crash or a
 * UIDVALIDITY change — finds its receipt and creates nothing.
 */
import { createHash } from 'node:crypto';
import { HttpError } from '../../errors.ts';
import type { Queues } from '../../jobs.ts';
import type { Stores } from '../../store/stores.ts';
import { failDocument } from '../../workers/step-context.ts';
import { enqueueFirstStep } from '../first-step.ts';

export interface EmailIngestDeps {
  stores: Stores;
  queues: Queues;
  config: { uploadLimitBytes: number; mediaRetryBaseMs: number };
  log: { warn(obj: object, msg: string): void };
}

export interface EmailToIngest {
  eml: Buffer;
  messageId: string | null;
  from: string | null;
  to: string | null;
  subject: string | null;
  receivedAt: Date;
  providerIds: Record<string, string>;
  /** Set when the message was too big to fetch: stored as a failed document with this reason. */
  refused?: string;
  /** Receipt key when neither a Message-ID nor the bytes can identify the message (refused ones). */
  fallbackKey?: string;
}

/** The receipt key: the Message-ID when there is one, else the message's hash. */
export const emailKey = (m: { messageId: string | null; eml: Buffer; fallbackKey?: string }): string =>
  m.messageId
    ? `mid:${m.messageId}`
    : m.fallbackKey && m.eml.length === 0
      ? m.fallbackKey
      : `sha256:${createHash('sha256').update(m.eml).digest('hex')}`;

export async function ingestEmail(
  deps: EmailIngestDeps,
  provider: string,
  mail: EmailToIngest,
): Promise<{ documentId: string; created: boolean }> {
  if (!mail.refused && mail.eml.length > deps.config.uploadLimitBytes) {
    throw new HttpError(
      413,
      'LIMIT_EXCEEDED',
      `the message is ${mail.eml.length} bytes; the limit is ${deps.config.uploadLimitBytes}`,
    );
  }
  const { documentId, created } = await deps.stores.documents.ingest({
    bytes: mail.refused ? Buffer.alloc(0) : mail.eml,
    contentType: mail.refused ? null : 'eml',
    meta: {
      channel: 'email',
      provider,
      from: mail.from?.toLowerCase() ?? null,
      to: mail.to?.toLowerCase() ?? null,
      receivedAt: mail.receivedAt.toISOString(),
      warnings: [],
    },
    receiptKey: { provider, key: emailKey(mail) },
    extraMeta: {
      providerIds: mail.providerIds,
      ...(mail.subject ? { subject: mail.subject } : {}),
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
    },
  });
  if (!created) return { documentId, created };
  if (mail.refused) {
    await failDocument(deps.stores, documentId, mail.refused);
    return { documentId, created };
  }
  try {
    await enqueueFirstStep(deps.queues, documentId, {
      awaitsMedia: false,
      retryBaseMs: deps.config.mediaRetryBaseMs,
    });
  } catch (err) {
    deps.log.warn({ err, documentId }, 'enqueue failed; the reconciler will pick the document up');
  }
  return { documentId, created };
}
