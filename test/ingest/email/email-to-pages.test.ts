/**
 * emailToPages / documentPages on messages built with nodemailer: which parts become pages (and
 * which group = which draft), archives refused with a reason, forwarded messages unpacked, HTML
 * bodies read as text, fax-to-e-mail relays recognised, the message's subject and date kept.
 */
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../../src/errors.ts';
import { documentPages } from '../../../src/pipeline/document-pages.ts';
import { detectFaxRelay } from '../../../src/pipeline/email/fax-relay.ts';
import { htmlToText } from '../../../src/pipeline/email/html-to-text.ts';
import type { InboundMeta } from '../../../src/pipeline/types.ts';
import { buildMail } from './build-mail.ts';
import { orderPdfForTest } from './order-pdf.ts';

const meta: InboundMeta = { channel: 'email', provider: 'imap', from: null, to: null, receivedAt: null };
const words = (p: { words: Array<{ text: string }> | null }) => (p.words ?? []).map((w) => w.text).join(' ');

describe('e-mail → pages', () => {
  it('a body-only order: one body page, the sender as from, subject and date for the clerk', async () => {
    const r = await documentPages(await buildMail({ subject: 'Bestellung 4711' }), meta);
    expect(r.pages).toHaveLength(1);
    expect(words(r.pages[0]!)).toContain('Roggenmehl');
    expect(r.meta.from).toBe('einkauf@baeckerei-mueller.example');
    expect(r.extra).toMatchObject({ subject: 'Bestellung 4711', date: '2026-03-02T08:54:58.000Z' });
    expect(r.extra.pageGroups).toBeUndefined();
    // the subject goes on to extraction: it may name the order's reference
    expect(r.meta.subject).toBe('Bestellung 4711');
  });

  it('a body that orders in any language is an order: counts with units, or article numbers with them', async () => {
    for (const text of [
      'Buongiorno,\nvi preghiamo di fornirci:\n10 pz. 0001620 occhiali\n4 rotoli 0003402 film\n',
      'Guten Tag\n\n10-4711: 12 Pack\n10-6030: 4 Pack\n\nDanke',
    ]) {
      const r = await documentPages(await buildMail({ subject: 'Nachschub', text }), meta);
      expect(r.pages, text).toHaveLength(1);
    }
    // order words in the subject, an article number in the body
    const r = await documentPages(
      await buildMail({ subject: 'Bestellung', text: 'Hallo\nbitte 10-4711 wie immer.\nGruss' }),
      meta,
    );
    expect(r.pages).toHaveLength(1);
    // a chat body with a postcode and a phone number orders nothing
    await expect(
      documentPages(
        await buildMail({
          subject: 'Hallo',
          text: 'Hoi Peter\nbis morgen!\n8152 Glattbrugg\nTel. 044 555 12 34',
        }),
        meta,
      ),
    ).rejects.toThrow(/neither an order text nor a readable attachment/);
  });

  it('a forwarded order ("bitte erfassen" above it) is read with its sender line; a quoted reply is not', async () => {
    const original = [
      'Von: Einkauf <einkauf@baeckerei-mueller.example>',
      'Gesendet: Donnerstag, 26. November 2026 15:00',
      'An: Verkauf',
      'Betreff: Bestellung',
      '',
      'Bitte liefern:',
      '10x Roggenmehl 25 kg',
      '4x Hefe 500 g',
    ].join('\n');
    for (const [subject, text] of [
      ['Fwd: Bestellung', `Bitte erfassen, danke!\n\n---------- Forwarded message ---------\n${original}`],
      ['WG: Bestellung', `Bitte erfassen\n\n-----Ursprüngliche Nachricht-----\n${original}`],
    ] as const) {
      const r = await documentPages(
        await buildMail({ from: 'Verkauf <verkauf@gw.example.com>', subject, text }),
        meta,
      );
      expect(words(r.pages[0]!), subject).toContain('Roggenmehl');
      expect(words(r.pages[0]!), subject).toContain('einkauf@baeckerei-mueller.example');
      expect(words(r.pages[0]!), subject).not.toContain('Gesendet:');
    }
    // a reply thanks for a confirmation: the order it quotes was made before
    await expect(
      documentPages(
        await buildMail({
          subject: 'AW: Bestellung',
          text: `Danke für die Bestätigung!\n\n-----Ursprüngliche Nachricht-----\n${original}`,
        }),
        meta,
      ),
    ).rejects.toThrow(/neither an order text/);
  });

  it('two PDFs (one inline) and a logo: two groups, the logo and the chat body left out', async () => {
    const pdf = await orderPdfForTest('A-1');
    const r = await documentPages(
      await buildMail({
        text: 'Hallo, anbei die Bestellungen.',
        html: '<p>Hallo, anbei die Bestellungen.</p><img src="cid:logo@x">',
        attachments: [
          { filename: 'a.pdf', content: pdf, contentDisposition: 'inline' },
          { filename: 'b.pdf', content: await orderPdfForTest('B-2') },
          {
            filename: 'logo.png',
            content: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
            cid: 'logo@x',
          },
        ],
      }),
      meta,
    );
    expect(r.pages).toHaveLength(2);
    expect(r.extra.pageGroups).toEqual([
      { source: 'attachment:a.pdf', pages: [1] },
      { source: 'attachment:b.pdf', pages: [2] },
    ]);
  });

  it('archives are refused with a reason; an archive alone fails the document with it', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]);
    const withBody = await documentPages(
      await buildMail({ attachments: [{ filename: 'bestellung.zip', content: zip }] }),
      meta,
    );
    expect(withBody.warnings.join()).toMatch(/bestellung\.zip refused: archives \(zip\)/);
    const alone = documentPages(
      await buildMail({
        text: 'siehe Anhang',
        attachments: [{ filename: 'scan.rar', content: Buffer.from('Rar!\x1a\x07\x00 stand-in') }],
      }),
      meta,
    );
    await expect(alone).rejects.toThrow(DocumentError);
    await expect(alone).rejects.toThrow(/scan\.rar refused: archives \(rar\)/);
  });

  it('a forwarded message (message/rfc822) yields its attachment', async () => {
    const inner = await buildMail({
      subject: 'Original',
      text: 'siehe Anhang',
      attachments: [{ filename: 'o.pdf', content: await orderPdfForTest('F-1') }],
    });
    const outer = await buildMail({
      subject: 'Fwd: Original',
      text: 'zur Info',
      attachments: [{ filename: 'original.eml', content: inner, contentType: 'message/rfc822' }],
    });
    const r = await documentPages(outer, meta);
    expect(r.pages.some((p) => words(p).includes('F-1'))).toBe(true);
  });

  it('an HTML-only order: table cells stay apart, scripts and styles vanish', async () => {
    const r = await documentPages(
      await buildMail({
        text: undefined,
        html: '<style>td{color:red}</style><script>alert("x")</script><p>Bestellung:</p><table><tr><td>10</td><td>Stk</td><td>10-4711</td></tr><tr><td>2</td><td>Pack</td><td>12-0815</td></tr></table>',
      }),
      meta,
    );
    const text = words(r.pages[0]!);
    expect(text).toContain('10 Stk 10-4711');
    expect(text).not.toMatch(/alert|color/);
  });

  it('table cells (HTML, "| a | b |", "a;b;c") are laid out in aligned columns', async () => {
    const xOf = (p: { words: Array<{ text: string; box: number[] }> | null }, t: string) =>
      (p.words ?? []).filter((w) => w.text === t).map((w) => w.box[0]);
    const html = await documentPages(
      await buildMail({
        text: undefined,
        html: '<table><tr><th>Art.-Nr.</th><th>Bezeichnung</th><th>Menge</th></tr><tr><td>10-4711</td><td>Senkkopfschraube M4x20 verzinkt Pack à 100 Stk</td><td>12</td></tr><tr><td>12-0815</td><td>Mutter</td><td>7</td></tr></table>',
      }),
      meta,
    );
    const [menge] = xOf(html.pages[0]!, 'Menge');
    expect(xOf(html.pages[0]!, '12')).toEqual([menge]);
    expect(xOf(html.pages[0]!, '7')).toEqual([menge]);
    for (const body of [
      'Bestellung:\n| Art.-Nr. | Bezeichnung | Menge |\n|---|---|---|\n| 10-4711 | Senkkopfschraube M4x20 | 12 |\n| 12-0815 | Mutter | 7 |',
      'Art.-Nr.;Bezeichnung;Menge\n10-4711;Senkkopfschraube M4x20;12\n12-0815;Mutter;7',
    ]) {
      const r = await documentPages(await buildMail({ text: body }), meta);
      const [x] = xOf(r.pages[0]!, 'Menge');
      expect(xOf(r.pages[0]!, '7'), body).toEqual([x]);
      expect(words(r.pages[0]!)).not.toMatch(/---|\|/);
    }
  });

  it('an order exported as CSV is read like a table in the body, in any encoding and delimiter', async () => {
    const xOf = (p: { words: Array<{ text: string; box: number[] }> | null }, t: string) =>
      (p.words ?? []).filter((w) => w.text === t).map((w) => w.box[0]);
    // a Windows export: semicolons, Windows-1252 ("Stück" with one byte for the ü)
    const latin = Buffer.from(
      'Art.-Nr.;Bezeichnung;Menge;Einheit\r\n10-4711;Senkkopfschraube M4x20;12;Stück\r\n12-0815;Mutter;7;Stück\r\n',
      'latin1',
    );
    // a comma export with a quoted decimal comma
    const comma = Buffer.from(
      'Item,Description,Qty,Unit\n10-4711,"Senkkopfschraube M4x20, verzinkt",12,pcs\n70-4572,Bindedraht,"1,5",kg\n',
    );
    const r = await documentPages(
      await buildMail({
        text: 'Guten Tag, anbei unsere Bestellung.',
        attachments: [
          { filename: 'bestellung.csv', content: latin, contentType: 'text/csv' },
          { filename: 'order.csv', content: comma, contentType: 'application/octet-stream' },
        ],
      }),
      meta,
    );
    expect(r.extra.pageGroups).toEqual([
      { source: 'attachment:bestellung.csv', pages: [1] },
      { source: 'attachment:order.csv', pages: [2] },
    ]);
    expect(words(r.pages[0]!)).toContain('12 Stück');
    const [menge] = xOf(r.pages[0]!, 'Menge');
    expect(xOf(r.pages[0]!, '7')).toEqual([menge]);
    const [qty] = xOf(r.pages[1]!, 'Qty');
    expect(xOf(r.pages[1]!, '1,5')).toEqual([qty]);
    expect(words(r.pages[1]!)).toContain('Senkkopfschraube M4x20, verzinkt');
  });

  it('office documents are refused as such, not as archives', async () => {
    const xlsx = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]);
    const r = await documentPages(
      await buildMail({ attachments: [{ filename: 'Bestellung.xlsx', content: xlsx }] }),
      meta,
    );
    expect(r.warnings.join()).toMatch(/Bestellung\.xlsx not read: office documents are not supported/);
    expect(r.warnings.join()).not.toMatch(/archive/);
  });

  it('a fax-to-e-mail relay: the caller number is `from`, never the relay address', async () => {
    const tiffLike = await orderPdfForTest('FAX-1');
    const r = await documentPages(
      await buildMail({
        from: '"eFax Corporate" <message@inbound.efax.com>',
        subject: 'Corporate eFax message from "314 994 7202" - 2 page(s)',
        text: 'You have received a 2 page fax at 2026-03-02 09:15:31 GMT.',
        attachments: [{ filename: 'FAX.pdf', content: tiffLike }],
      }),
      { ...meta, from: 'message@inbound.efax.com' },
    );
    expect(r.meta.from).toBe('+13149947202');
    expect(r.meta.subject).toBeUndefined(); // the relay's subject names no order
    expect(r.extra).toMatchObject({ faxRelay: true, faxNumber: '+13149947202' });
    expect(r.pages).toHaveLength(1); // the notification body is not an order
  });

  it('relay detection: subjects and sender domains, and ordinary mail left alone', () => {
    expect(detectFaxRelay('fax2mail@provider.ch', 'Fax from +41 44 555 12 34', '')).toEqual({
      relay: true,
      faxNumber: '+41445551234',
    });
    expect(detectFaxRelay('noreply@retarus.com', 'Neues Fax', 'Absender: 044 555 12 34')).toEqual({
      relay: true,
      faxNumber: '+41445551234',
    });
    expect(detectFaxRelay('hans@kunde.ch', 'Bestellung 4711', 'Fax: 044 555 12 34').relay).toBe(false);
  });

  it("htmlToText keeps a table row whole though its cells are paragraphs (Outlook), not a layout table's lines", () => {
    const outlook =
      '<table><tr><td><p class="MsoNormal"><b>Anzahl</b></p></td><td><p class="MsoNormal">Art.-Nr.</p></td></tr>' +
      '<tr><td><p class="MsoNormal">8</p></td><td><p class="MsoNormal">AB-1020Z</p><p>1400 W</p></td></tr></table>';
    expect(htmlToText(outlook)).toBe('Anzahl\tArt.-Nr.\n\n8\tAB-1020Z 1400 W');
    const wrapper = '<table><tr><td><p>Bitte liefern:</p>2x AB-2058S<br>1x AB-2050S</td></tr></table>';
    expect(htmlToText(wrapper)).toBe('Bitte liefern:\n2x AB-2058S\n1x AB-2050S');
  });
  it('htmlToText decodes entities and never passes markup through', () => {
    expect(
      htmlToText('<p>M&uuml;ller &amp; Co&#8482;</p><a href="x">link</a><img src=x onerror=alert(1)'),
    ).toBe('Müller & Co™\nlink');
  });
});
