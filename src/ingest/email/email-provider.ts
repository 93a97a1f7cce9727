/**
 * The contract of an inbound e-mail webhook provider (Mailgun, SendGrid, Postmark): check the
 * request, then turn it into one RFC 5322 message. Whatever format the provider posts (form
 * fields, JSON, raw MIME), the gateway stores a real e-mail, so the pipeline reads webhook mail,
 * IMAP mail and uploaded .eml files the same way.
 */
import type { RawRequest, Verdict } from '../provider.ts';

export const EMAIL_PROVIDERS = ['mailgun', 'sendgrid', 'postmark'] as const;
export type EmailProviderName = (typeof EMAIL_PROVIDERS)[number];

/** One received message. */
export interface InboundEmail {
  /** The whole message as RFC 5322 bytes (original when the provider sent it, else rebuilt). */
  eml: Buffer;
  /** The Message-ID header without angle brackets, or null when the message has none. */
  messageId: string | null;
  /** Envelope or header sender address, for the document list (matching reads the message itself). */
  from: string | null;
  to: string | null;
  subject: string | null;
  /** Provider ids for support cases (Postmark's MessageID, Mailgun's token…); never secrets. */
  providerIds: Record<string, string>;
}

export interface EmailProvider {
  readonly name: EmailProviderName;
  verify(raw: RawRequest): Promise<Verdict>;
  /** Only called after `verify` passed. Malformed bodies throw HttpError 400. */
  parse(raw: RawRequest): Promise<InboundEmail>;
  /**
   * The status that makes the provider give up on a message the gateway will never accept
   * (Mailgun retries everything but 406 for 8 h; Postmark stops on 403; SendGrid drops any 4xx).
   */
  readonly rejectStatus: number;
  /** Undo what `verify` remembered (a Mailgun token) when the message could not be stored. */
  release?(raw: RawRequest): Promise<void>;
}
