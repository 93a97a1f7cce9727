import { describe, expect, it } from 'vitest';
import { loadImapConfig } from '../../src/imap/imap-config.ts';

describe('IMAP mailbox URLs', () => {
  const one = (url: string) => loadImapConfig({ FAXGATE_IMAP_URL: url }).mailboxes[0]!;

  it('imaps:// is TLS from the start; imap:// requires STARTTLS unless told otherwise', () => {
    expect(one('imaps://a:b@mail.example.ch/INBOX')).toMatchObject({
      secure: true,
      port: 993,
      starttls: false,
    });
    expect(one('imap://a:b@mail.example.ch/INBOX')).toMatchObject({
      secure: false,
      port: 143,
      starttls: true,
    });
    expect(one('imap://a:b@127.0.0.1:1143/INBOX?starttls=off')).toMatchObject({
      secure: false,
      starttls: false,
    });
  });

  it('refuses an unknown starttls value, naming the variable', () => {
    expect(() => one('imap://a:b@mail.example.ch/INBOX?starttls=maybe')).toThrow(
      /FAXGATE_IMAP_URL.*starttls/,
    );
  });
});
