/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1, a random port, that accepts every
 * message and keeps it raw. The sender is configured with a plain `smtp://` URL without
 * credentials, so the sink offers neither STARTTLS (no certificate to trust, no opportunistic
 * upgrade) nor AUTH — nodemailer then goes straight to MAIL FROM, as against an internal relay.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SunkMail {
  /** The envelope sender (MAIL FROM), not the From: header. */
  from: string;
  /** The envelope recipients (RCPT TO), in order. */
  to: string[];
  /** The message as it came over DATA, dot-unstuffed: headers, MIME parts, attachments. */
  raw: Buffer;
}

export interface SmtpSink {
  port: number;
  mails: SunkMail[];
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: SunkMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    // A connection still open at close() is cut after this, not after the default 30 s.
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        const envelope = session.envelope;
        mails.push({
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          to: envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
