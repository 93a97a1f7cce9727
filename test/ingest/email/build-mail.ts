/**
 * Test e-mails built with nodemailer's MIME composer (a real client), and the master data the
 * acceptance tests match against.
 */
import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';

export const newMessageId = () => `${randomBytes(8).toString('hex')}@mail.example-customer.ch`;

export async function buildMail(opts: Mail.Options = {}): Promise<Buffer> {
  return new MailComposer({
    from: 'Einkauf <einkauf@baeckerei-mueller.example>',
    to: 'orders@gw.example.com',
    subject: 'Bestellung',
    date: new Date('2026-03-02T08:54:58Z'),
    messageId: `<${newMessageId()}>`,
    text: 'Guten Tag\n\nbitte liefern:\n10x Roggenmehl 25 kg\n4x Hefe 500 g\n',
    ...opts,
  })
    .compile()
    .build();
}
