/**
 * Orders in layouts and wording the generators do not make, written by hand: purchase orders in
 * Italian, English and French, quantity or description first, article numbers last, GTINs or the
 * customer's own numbers only, two-line headers, tables continued over a page without their
 * header, discount and freight rows, prices per 100 pieces, letters, and e-mails of every shape
 * (lists, "2x", label/value blocks, HTML tables, prose, positions, replies, forwards, signatures),
 * ERP orders with figures set flush right and ruled tables, a fax cover sheet before the order,
 * units spelled out, thousands grouped in the German or the English way, a delivery week in the
 * next year, footers full of numbers, header fields as a strip of labels over their values, SAP
 * quantities with three decimals, article numbers in the customer's own style (no hyphen, spaces,
 * dots), UN/ECE unit codes, tab-separated e-mails, Swiss totals with VAT, SAP purchase orders with
 * "Bestellmenge | BME", dates as "26-Nov-2026", delivery windows and "Délai de livraison", article
 * numbers inside the description, a reply that orders from an offer, and a title beside a ruled box
 * of header labels. Each says what a clerk
 * expects of its draft.
 * Master data: fixtures/master-data.
 */
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

/**
 * A run of text at x (PDF points from the left; its right end with `r`), its size and weight; `i`
 * for what a customer filled in by hand (an oblique typewriter face stands in for handwriting).
 */
type It = { x: number; t: string; s?: number; b?: boolean; r?: boolean; i?: boolean };
/** A ruling from x0 to x1, dy points above the next line's baseline. */
type Rule = { x0: number; x1: number; dy: number };
/** A line of runs, a ruling, or a gap in points. */
type Line = It[] | Rule | number;
export interface VariedOrder {
  name: string;
  /** An A4 page on its side. */
  landscape?: boolean;
  /** Pages of a born-digital PDF, or the raw e-mail. */
  pages?: Line[][];
  eml?: string;
  /** Expected: customer, reference, order and delivery date (undefined: not checked), lines as "sku|quantity". */
  want: {
    cust?: string | null;
    ref?: string | null;
    od?: string | null;
    dd?: string | null;
    lines: string[];
  };
}
const L = (...xs: [number, string][]): It[] => xs.map(([x, t]) => ({ x, t }));
/** Runs as ERP systems print them: figures set flush right, at -x. */
const R = (...xs: [number, string][]): It[] => xs.map(([x, t]) => (x < 0 ? { x: -x, t, r: true } : { x, t }));
const HR = (...xs: [number, string][]): It[] => R(...xs).map((it) => ({ ...it, b: true }));
const rule = (x0 = 40, x1 = 555, dy = 8): Rule => ({ x0, x1, dy });
const H = (...xs: [number, string][]): It[] => xs.map(([x, t]) => ({ x, t, b: true }));
let messages = 0;
const eml = (from: string, subject: string, body: string, ct = 'text/plain; charset=utf-8') =>
  `From: ${from}\r\nTo: orders@supplier.example\r\nSubject: ${subject}\r\nDate: Fri, 27 Nov 2026 09:12:00 +0100\r\nMessage-ID: <${(++messages).toString(36)}@mail.example>\r\nMIME-Version: 1.0\r\nContent-Type: ${ct}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body.replace(/\n/g, '\r\n')}\r\n`;

/** A run at x in the regular weight. */
const F = (x: number, t: string): It => ({ x, t });
/** A supplier's order form lists these; the customer filled in a few quantities. */
const catalog: [string, string, string][] = [
  ['10-4711', 'Senkkopfschraube M4x20', 'Pack'],
  ['10-4717', 'Senkkopfschraube M4x25', 'Pack'],
  ['10-4720', 'Senkkopfschraube M5x30', 'Pack'],
  ['10-5120', 'Zylinderschraube M6x30', 'Pack'],
  ['10-5128', 'Zylinderschraube M8x40', 'Pack'],
  ['10-6030', 'Sechskantmutter M8', 'Pack'],
  ['10-6038', 'Unterlegscheibe M8', 'Pack'],
  ['12-0815', 'Spanplattenschraube 5x60', 'Karton'],
  ['12-0816', 'Spanplattenschraube 5x80', 'Karton'],
  ['204.118.05', 'Spiralbohrer HSS-G 5.0', 'Stk'],
  ['204.118.06', 'Spiralbohrer HSS-G 6.0', 'Stk'],
  ['204.118.08', 'Spiralbohrer HSS-G 8.0', 'Stk'],
  ['0001547', 'Arbeitshandschuh Gr. 9', 'Paar'],
  ['0001574', 'Arbeitshandschuh Gr. 10', 'Paar'],
  ['0001620', 'Schutzbrille klar', 'Stk'],
  ['0003318', 'Gewebeklebeband 50 mm', 'Rolle'],
  ['0003319', 'Abdeckband 38 mm', 'Rolle'],
  ['0003402', 'Stretchfolie 500 mm', 'Rolle'],
];
/** What the customer filled in. */
const filled: Record<string, string> = {
  '10-4717': '6',
  '12-0816': '2',
  '204.118.06': '15',
  '0001574': '20',
  '0003402': '3',
};
/** A message with its own Content-Type and headers (an encoded or multipart body). */
const mime = (from: string, subject: string, ct: string, extra = '') =>
  `From: ${from}\r\nTo: orders@supplier.example\r\nSubject: ${subject}\r\nDate: Fri, 27 Nov 2026 09:12:00 +0100\r\nMessage-ID: <${(++messages).toString(36)}@mail.example>\r\nMIME-Version: 1.0\r\nContent-Type: ${ct}\r\n${extra}`;
/** UTF-8 text as quoted-printable, lines of at most 76 characters. */
function toQp(s: string): string {
  let out = '';
  let line = '';
  for (const b of Buffer.from(s.replace(/\n/g, '\r\n'), 'utf8')) {
    if (b === 13 || b === 10) {
      out += line + String.fromCharCode(b);
      line = '';
      continue;
    }
    const piece =
      b > 126 || b === 61 ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b);
    if (line.length + piece.length > 73) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += piece;
  }
  return out + line;
}
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64').replace(/.{76}/g, '$&\r\n');
/** A plain one-page PDF order, to attach to a message. */
async function pdfOf(lines: [number, string][][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  let y = 800;
  for (const l of lines) {
    for (const [x, t] of l) page.drawText(t, { x, y, size: 10, font });
    y -= 15;
  }
  return pdf.save();
}

const attachedPdf = await pdfOf([
  [[40, 'Sanitär Kälin & Co. AG, Baarerstrasse 41, 6300 Zug']],
  [[40, 'BESTELLUNG 26-2207']],
  [
    [40, 'Datum: 25.11.2026'],
    [300, 'Liefertermin: 03.12.2026'],
  ],
  [],
  [
    [40, 'Pos'],
    [70, 'Artikel'],
    [160, 'Bezeichnung'],
    [400, 'Menge'],
    [450, 'ME'],
  ],
  [
    [40, '1'],
    [70, 'KS 1500-12'],
    [160, 'Eckventil 1/2 verchromt'],
    [400, '10'],
    [450, 'Stk'],
  ],
  [
    [40, '2'],
    [70, 'KS 2300-15'],
    [160, 'Kupferrohr 15x1'],
    [400, '50'],
    [450, 'm'],
  ],
]);

/** Filled in by hand. */
const W = (x: number, t: string, s = 12): It => ({ x, t, i: true, s });
export const VARIED_ORDERS: VariedOrder[] = [
  {
    name: 'it-ordine',
    pages: [
      [
        [{ x: 40, t: 'Müller Anlagenbau GmbH', s: 14, b: true }],
        L([40, 'Heilbronner Straße 150, 70191 Stuttgart']),
        30,
        [{ x: 40, t: "ORDINE D'ACQUISTO", s: 16, b: true }],
        L([40, 'Ordine n.'], [150, 'OA-2026-0418']),
        L([40, 'Data ordine'], [150, '25.11.2026']),
        L([40, 'Consegna entro'], [150, '4 dicembre 2026']),
        20,
        H(
          [40, 'Pos.'],
          [80, 'Codice'],
          [160, 'Descrizione'],
          [400, 'Q.tà'],
          [440, 'UM'],
          [470, 'Prezzo'],
          [530, 'Importo'],
        ),
        L(
          [40, '1'],
          [80, '10-4711'],
          [160, 'Senkkopfschraube M4x20 verzinkt'],
          [400, '12'],
          [440, 'Pack'],
          [470, '8.90'],
          [530, '106.80'],
        ),
        L(
          [40, '2'],
          [80, 'AB-2058S'],
          [160, 'Akku 18 V 5.0 Ah'],
          [400, '3'],
          [440, 'pz'],
          [470, '95.00'],
          [530, '285.00'],
        ),
        L(
          [40, '3'],
          [80, '0003318'],
          [160, 'Gewebeklebeband silber 50 mm'],
          [400, '24'],
          [440, 'Rotolo'],
          [470, '9.80'],
          [530, '235.20'],
        ),
        20,
        L([400, 'Totale CHF'], [530, '627.00']),
      ],
    ],
    want: {
      cust: 'C-2006',
      ref: 'OA-2026-0418',
      od: '2026-11-25',
      dd: '2026-12-04',
      lines: ['10-4711|12', 'AB-2058S|3', '0003318|24'],
    },
  },
  {
    name: 'en-po-qty-first',
    pages: [
      [
        [{ x: 40, t: 'Elektro Frei AG', s: 14, b: true }],
        L([40, 'Hauptstrasse 5 · 4132 Muttenz · Fax 061 555 33 90']),
        30,
        [{ x: 40, t: 'Purchase Order', s: 16, b: true }],
        L([40, 'PO number: 77120'], [300, 'Date: 26.11.2026']),
        L([40, 'Requested delivery date: 03.12.2026']),
        20,
        H(
          [40, 'Qty'],
          [80, 'Unit'],
          [130, 'Item no.'],
          [220, 'Description'],
          [450, 'Unit price'],
          [520, 'Amount'],
        ),
        L(
          [40, '5'],
          [80, 'pcs'],
          [130, 'AB-1020X'],
          [220, 'Angle grinder 125 mm 1200 W'],
          [450, '129.00'],
          [520, '645.00'],
        ),
        L(
          [40, '40'],
          [80, 'm'],
          [130, '0005230'],
          [220, 'Copper pipe 15x1 mm'],
          [450, '11.60'],
          [520, '464.00'],
        ),
        L(
          [40, '2'],
          [80, 'box'],
          [130, '0002210'],
          [220, 'Ear plugs box of 200 pairs'],
          [450, '32.00'],
          [520, '64.00'],
        ),
        20,
        L([450, 'Subtotal'], [520, '1173.00']),
        L([450, 'VAT 8.1%'], [520, '95.01']),
        L([450, 'Total'], [520, '1268.01']),
      ],
    ],
    want: {
      cust: 'C-2003',
      ref: '77120',
      od: '2026-11-26',
      dd: '2026-12-03',
      lines: ['AB-1020X|5', '0005230|40', '0002210|2'],
    },
  },
  {
    name: 'fr-commande-gtin',
    pages: [
      [
        [{ x: 40, t: 'Garage Steiner AG', s: 14, b: true }],
        L([40, 'Rorschacher Strasse 210, 9000 St. Gallen']),
        30,
        [{ x: 40, t: 'Commande', s: 16, b: true }],
        L([40, 'N° de commande : GS/2611/07']),
        L([40, 'St. Gallen, le 26 novembre 2026']),
        L([40, 'Livraison souhaitée : 10.12.2026']),
        20,
        H([40, 'EAN'], [150, 'Désignation'], [380, 'Quantité'], [450, 'Unité']),
        L([40, '7612345105185'], [150, 'Vis cylindrique M8x40'], [380, '6'], [450, 'paquet']),
        L([40, '4012345204186'], [150, 'Foret HSS 8 mm'], [380, '10'], [450, 'pièce']),
        L([40, '7612345001623'], [150, 'Lunettes de protection'], [380, '15'], [450, 'pièce']),
      ],
    ],
    want: {
      cust: 'C-2005',
      ref: 'GS/2611/07',
      od: '2026-11-26',
      dd: '2026-12-10',
      lines: ['10-5128|6', '204.118.08|10', '0001620|15'],
    },
  },
  {
    name: 'de-wrap-2pages',
    pages: [
      [
        [{ x: 40, t: 'Hofmann Haustechnik GmbH', s: 14, b: true }],
        L([40, 'Landsberger Straße 302 · 80687 München']),
        30,
        [{ x: 40, t: 'Bestellung 4511-209', s: 16, b: true }],
        L([40, 'Datum:'], [120, '24.11.2026']),
        L([40, 'Liefertermin:'], [120, 'KW 50']),
        20,
        H(
          [40, 'Pos'],
          [70, 'Menge'],
          [120, 'ME'],
          [160, 'Artikel-Nr.'],
          [260, 'Bezeichnung'],
          [460, 'EP'],
          [520, 'GP'],
        ),
        L(
          [40, '10'],
          [70, '100'],
          [120, 'm'],
          [160, '0005231'],
          [260, 'Kupferrohr 18x1 mm'],
          [460, '14.20'],
          [520, '1420.00'],
        ),
        L([260, 'in Stangen à 5 m, blank']),
        L(
          [40, '20'],
          [70, '8'],
          [120, 'Stk'],
          [160, 'EK-3150I'],
          [260, 'Eckventil 1/2" verchromt'],
          [460, '16.40'],
          [520, '131.20'],
        ),
        L([260, 'mit Rosette']),
        L(
          [40, '30'],
          [70, '4'],
          [120, 'Stk'],
          [160, 'BZ-5081'],
          [260, 'Schraubzwinge 300x120 mm'],
          [460, '24.50'],
          [520, '98.00'],
        ),
        20,
        L([40, 'Übertrag'], [520, '1649.20']),
      ],
      [
        L([40, 'Bestellung 4511-209 · Seite 2/2']),
        20,
        H(
          [40, 'Pos'],
          [70, 'Menge'],
          [120, 'ME'],
          [160, 'Artikel-Nr.'],
          [260, 'Bezeichnung'],
          [460, 'EP'],
          [520, 'GP'],
        ),
        L(
          [40, '40'],
          [70, '2'],
          [120, 'Karton'],
          [160, '12-0815'],
          [260, 'Spanplattenschraube Torx 5x60'],
          [460, '38.50'],
          [520, '77.00'],
        ),
        L(
          [40, '50'],
          [70, '20'],
          [120, 'Paar'],
          [160, '0001574'],
          [260, 'Arbeitshandschuh Nitril Gr. 10'],
          [460, '3.90'],
          [520, '78.00'],
        ),
        20,
        L([40, 'Gesamtsumme netto EUR'], [520, '1804.20']),
        L([40, 'Versandkosten'], [520, '12.00']),
      ],
    ],
    want: {
      cust: 'C-2007',
      ref: '4511-209',
      od: '2026-11-24',
      dd: '2026-12-07',
      lines: ['0005231|100', 'EK-3150I|8', 'BZ-5081|4', '12-0815|2', '0001574|20'],
    },
  },
  {
    name: 'de-customer-skus-only',
    pages: [
      [
        [{ x: 40, t: 'Baumann Metallbau AG', s: 14, b: true }],
        L([40, 'Industriestrasse 14, 8152 Glattbrugg']),
        30,
        [{ x: 40, t: 'Bestellung', s: 16, b: true }],
        L([40, 'Unsere Bestellnummer'], [200, 'BM-88213']),
        L([40, 'Bestelldatum'], [200, '27. Nov. 2026']),
        L([40, 'Gewünschter Termin'], [200, '2. Dezember 2026']),
        20,
        H([40, 'Unsere Art.-Nr.'], [150, 'Text'], [400, 'Anzahl'], [460, 'Einheit']),
        L([40, 'BMB-40711'], [150, 'Senkkopfschraube M4x20 verzinkt'], [400, '30'], [460, 'Pack']),
        L([40, 'BMB-40725'], [150, 'Senkkopfschraube M4x25 verzinkt'], [400, '15'], [460, 'Pack']),
        L([40, 'BMB-71205'], [150, 'Spiralbohrer HSS-G 5.0 mm'], [400, '50'], [460, 'Stück']),
      ],
    ],
    want: {
      cust: 'C-2001',
      ref: 'BM-88213',
      od: '2026-11-27',
      dd: '2026-12-02',
      lines: ['10-4711|30', '10-4717|15', '204.118.05|50'],
    },
  },
  {
    name: 'de-discount-rows',
    pages: [
      [
        [{ x: 40, t: 'Bauunternehmung Zaugg AG', s: 14, b: true }],
        L([40, 'Kirchbergstrasse 19, 3400 Burgdorf']),
        30,
        [{ x: 40, t: 'Bestellung Nr. Z-26-1187', s: 16, b: true }],
        L([40, 'Burgdorf, 23.11.2026']),
        L([40, 'Lieferung bis: 30.11.2026']),
        20,
        H(
          [40, 'Artikel'],
          [110, 'Beschreibung'],
          [330, 'Anz.'],
          [370, 'Einh.'],
          [420, 'Preis'],
          [470, 'Rabatt'],
          [530, 'Betrag'],
        ),
        L(
          [40, '0005302'],
          [110, 'Stahlkette verzinkt 6 mm'],
          [330, '25'],
          [370, 'm'],
          [420, '5.30'],
          [470, '10%'],
          [530, '119.25'],
        ),
        L(
          [40, '0006150'],
          [110, 'Strahlmittel Korund F80'],
          [330, '200'],
          [370, 'kg'],
          [420, '3.20'],
          [470, '10%'],
          [530, '576.00'],
        ),
        L(
          [40, '12-0816'],
          [110, 'Spanplattenschraube Torx 5x80'],
          [330, '3'],
          [370, 'Ktn'],
          [420, '44.90'],
          [470, ''],
          [530, '134.70'],
        ),
        20,
        L([110, 'Zwischentotal'], [530, '829.95']),
        L([110, 'Rabatt 2%'], [530, '-16.60']),
        L([110, 'Fracht'], [530, '25.00']),
        L([110, 'Total CHF inkl. MWST'], [530, '905.92']),
      ],
    ],
    want: {
      cust: 'C-2008',
      ref: 'Z-26-1187',
      od: '2026-11-23',
      dd: '2026-11-30',
      lines: ['0005302|25', '0006150|200', '12-0816|3'],
    },
  },
  {
    name: 'mail-bullets',
    eml: eml(
      'Peter Lüthi <bestellung@luethi-holzbau.ch>',
      'Bestellung',
      `Guten Tag

Bitte liefern Sie uns bis nächsten Mittwoch:

- 3 Pack 10-5120 Zylinderschraube M6x30
- 1 Karton 205.320.12 Trennscheiben
- 6 Rollen 0003319 Abdeckband

Unsere Bestellnummer: LH-7781

Freundliche Grüsse
Peter Lüthi
Schreinerei Lüthi GmbH`,
    ),
    want: {
      cust: 'C-2002',
      ref: 'LH-7781',
      od: null,
      dd: '2026-12-02',
      lines: ['10-5120|3', '205.320.12|1', '0003319|6'],
    },
  },
  {
    name: 'mail-x-notation',
    eml: eml(
      'teile@garage-steiner.ch',
      'Nachbestellung',
      `Hallo zusammen

2x AB-2050S
10x 0004110 Bremsenreiniger
4 x HS-1018

Danke und Gruss
Garage Steiner`,
    ),
    want: { cust: 'C-2005', lines: ['AB-2050S|2', '0004110|10', 'HS-1018|4'] },
  },
  {
    name: 'mail-kv-blocks',
    eml: eml(
      'einkauf@mueller-anlagenbau.de',
      'Bestellung 5530021',
      `Sehr geehrte Damen und Herren,

hiermit bestellen wir:

Artikel: MA-0815-060
Menge: 4 Karton

Artikel: MA-9910-043
Menge: 2 Paar

Liefertermin: 15.12.2026

Mit freundlichen Grüßen
Müller Anlagenbau GmbH`,
    ),
    want: { cust: 'C-2006', ref: '5530021', dd: '2026-12-15', lines: ['12-0815|4', '0007010|2'] },
  },
  {
    name: 'mail-html-table',
    eml: eml(
      'bestellung@kaelin-sanitaer.ch',
      'Bestellung KS-2026-331',
      `<html><body><p>Guten Tag</p><p>Wir bestellen gemäss Tabelle, Lieferung am 8.12.2026.</p>
<table border="1"><tr><th>Art.-Nr.</th><th>Bezeichnung</th><th>Menge</th><th>Einheit</th></tr>
<tr><td>KS 1500-12</td><td>Eckventil 1/2&quot;</td><td>12</td><td>Stk</td></tr>
<tr><td>KS 2300-15</td><td>Kupferrohr 15x1</td><td>60</td><td>m</td></tr>
<tr><td>0004105</td><td>Bohr- und Schneidöl</td><td>5</td><td>l</td></tr></table>
<p>Freundliche Grüsse<br>Sanitär Kälin &amp; Co. AG</p></body></html>`,
      'text/html; charset=utf-8',
    ),
    want: {
      cust: 'C-2004',
      ref: 'KS-2026-331',
      dd: '2026-12-08',
      lines: ['EK-3150I|12', '0005230|60', '0004105|5'],
    },
  },
  {
    name: 'mail-prose',
    eml: eml(
      'einkauf@baumann-metallbau.ch',
      'Material Baustelle Kloten',
      `Grüezi Herr Meier

Für die Baustelle Kloten bräuchten wir noch 2 Kartons à 12 Stk Bremsenreiniger (0004110) und 10 Paar Arbeitshandschuhe Nitril Gr. 9.
Ausserdem 1 Stk Winkelschleifer AB-1020Z.

Liefertermin wäre Donnerstag, 3. Dezember.

Besten Dank
M. Baumann`,
    ),
    want: { cust: 'C-2001', dd: '2026-12-03', lines: ['0004110|2', '0001547|10', 'AB-1020Z|1'] },
  },
  {
    name: 'de-price-before-qty',
    pages: [
      [
        [{ x: 40, t: 'Sanitär Kälin & Co. AG', s: 14, b: true }],
        L([40, 'Baarerstrasse 41 · 6300 Zug']),
        30,
        L([40, 'Bestellung'], [350, 'Zug, 20. November 2026']),
        L([40, 'Ihre Offerte 2026-114'], [350, 'Bestell-Nr. 88-2011']),
        L([40, 'Liefertermin 1.12.26']),
        20,
        H(
          [40, 'Bezeichnung'],
          [260, 'Art.-Nr.'],
          [340, 'Preis/ME'],
          [410, 'Menge'],
          [460, 'ME'],
          [510, 'Total'],
        ),
        L(
          [40, 'Kupferrohr 18x1 mm'],
          [260, '0005231'],
          [340, '14.20'],
          [410, '36'],
          [460, 'm'],
          [510, '511.20'],
        ),
        L(
          [40, 'Isopropanol 99.9 %'],
          [260, '0004120'],
          [340, '7.90'],
          [410, '10'],
          [460, 'l'],
          [510, '79.00'],
        ),
        L(
          [40, 'Schweissdraht SG2 1.0 mm'],
          [260, '0005201'],
          [340, '7.40'],
          [410, '15'],
          [460, 'kg'],
          [510, '111.00'],
        ),
      ],
    ],
    want: {
      cust: 'C-2004',
      ref: '88-2011',
      od: '2026-11-20',
      dd: '2026-12-01',
      lines: ['0005231|36', '0004120|10', '0005201|15'],
    },
  },
  {
    name: 'mail-space-table',
    eml: eml(
      'einkauf@elektro-frei.ch',
      'Bestellung',
      `Guten Tag

Bitte liefern Sie folgende Positionen:

Art.Nr.      Bezeichnung                         Menge   Einheit
0006001      Kabelbinder schwarz 4.8x200         20      Pack
0006002      Kabelbinder schwarz 7.6x300         10      Pack
204.150.10   Steinbohrer SDS-plus 10x160         12      Stk

Liefertermin: 7.12.2026
Bestellnummer: EF-26-5512

Gruss
Elektro Frei AG
Tel. 061 555 33 91`,
    ),
    want: {
      cust: 'C-2003',
      ref: 'EF-26-5512',
      dd: '2026-12-07',
      lines: ['0006001|20', '0006002|10', '204.150.10|12'],
    },
  },
  {
    name: 'mail-reply-quoted',
    eml: eml(
      'bestellung@hofmann-haustechnik.de',
      'AW: Bestellung 4511-300',
      `Hallo,

bitte zusätzlich noch 5 Stk HS-101B mitliefern.

Viele Grüße
Hofmann

-----Ursprüngliche Nachricht-----
Von: Hofmann Haustechnik
Gesendet: Donnerstag, 26. November 2026 10:00
Betreff: Bestellung 4511-300

bitte liefern: 20 m 0005231 Kupferrohr 18x1`,
    ),
    want: { cust: 'C-2007', ref: '4511-300', lines: ['HS-101B|5'] },
  },
  {
    name: 'mail-english',
    eml: eml(
      'magazin@zaugg-bau.ch',
      'Order',
      `Hello,

please send us 5 x AB-1020X and 3 boxes of 0002210 by December 9, 2026.
Our order number is ZB-4471.

Kind regards,
Zaugg`,
    ),
    want: { cust: 'C-2008', ref: 'ZB-4471', dd: '2026-12-09', lines: ['AB-1020X|5', '0002210|3'] },
  },
  {
    name: 'mail-french',
    eml: eml(
      'teile@garage-steiner.ch',
      'Commande',
      `Bonjour,

Veuillez nous livrer jusqu'au 4 décembre 2026:
20 pièces 204.118.06 Foret HSS 6 mm
2 cartons 205.320.12 disques à tronçonner

Notre référence: GS-8812

Meilleures salutations`,
    ),
    want: { cust: 'C-2005', ref: 'GS-8812', dd: '2026-12-04', lines: ['204.118.06|20', '205.320.12|2'] },
  },
  {
    name: 'mail-italian',
    eml: eml(
      'einkauf@elektro-frei.ch',
      'Ordine',
      `Buongiorno,

vi preghiamo di fornirci entro il 10.12.2026:
10 pz. 0001620 occhiali di protezione
4 rotoli 0003402 film estensibile

Cordiali saluti`,
    ),
    want: { cust: 'C-2003', dd: '2026-12-10', lines: ['0001620|10', '0003402|4'] },
  },
  {
    name: 'mail-sku-colon-qty',
    eml: eml(
      'einkauf@baumann-metallbau.ch',
      'Bestellung BM-90017',
      `Guten Tag

10-4711: 12 Pack
10-6030: 4 Pack
0005302: 30 m

Danke`,
    ),
    want: { cust: 'C-2001', ref: 'BM-90017', lines: ['10-4711|12', '10-6030|4', '0005302|30'] },
  },
  {
    name: 'mail-number-words',
    eml: eml(
      'bestellung@luethi-holzbau.ch',
      'Bestellung',
      `Guten Tag

Wir benötigen zwei Kartons 12-0816 und drei Pack 10-6038.

Gruss Lüthi`,
    ),
    want: { cust: 'C-2002', lines: ['12-0816|2', '10-6038|3'] },
  },
  {
    name: 'mail-pos-lines',
    eml: eml(
      'bestellung@kaelin-sanitaer.ch',
      'Bestellung 2026-77',
      `Grüezi

Pos. 1: Art. 0004120, Menge 20 l
Pos. 2: Art. 0001574, Menge 10 Paar
Pos. 3: Art. KS 2300-15, Menge 48 m

Liefern bis Ende KW 50.

Freundliche Grüsse`,
    ),
    want: {
      cust: 'C-2004',
      ref: '2026-77',
      dd: '2026-12-11',
      lines: ['0004120|20', '0001574|10', '0005230|48'],
    },
  },
  {
    name: 'de-qty-with-unit-cell',
    pages: [
      [
        [{ x: 40, t: 'Schreinerei Lüthi GmbH', s: 14, b: true }],
        L([40, 'Bernstrasse 77, 3072 Ostermundigen']),
        30,
        L([40, 'BESTELLUNG'], [300, 'Nr. 2026/118']),
        L([40, 'Datum: 2026-11-25']),
        L([40, 'Lieferwoche: 49/2026']),
        20,
        H([40, 'Artikel'], [140, 'Bezeichnung'], [380, 'Menge'], [460, 'Preis CHF']),
        L([40, '12-0815'], [140, 'Spanplattenschraube Torx 5x60'], [380, '3 Ktn.'], [460, 'CHF 38.50']),
        L([40, '0003319'], [140, 'Abdeckband Maler 38 mm'], [380, '24 Rollen'], [460, 'CHF 4.60']),
        L([40, '0006150'], [140, 'Strahlmittel Korund F80'], [380, "1'000 kg"], [460, 'CHF 3.20']),
        L([40, '0004105'], [140, 'Bohr- und Schneidöl'], [380, '12,5 l'], [460, 'CHF 12.40']),
      ],
    ],
    want: {
      cust: 'C-2002',
      ref: '2026/118',
      od: '2026-11-25',
      dd: '2026-11-30',
      lines: ['12-0815|3', '0003319|24', '0006150|1000', '0004105|12.5'],
    },
  },
  {
    name: 'de-no-header-rows',
    pages: [
      [
        [{ x: 40, t: 'Elektro Frei AG', s: 14, b: true }],
        L([40, 'Hauptstrasse 5, 4132 Muttenz']),
        30,
        L([40, 'Bestellung Nr. EF-5520 vom 24.11.2026']),
        L([40, 'Bitte liefern Sie bis 1.12.2026:']),
        20,
        L(
          [40, '0006001'],
          [120, 'Kabelbinder schwarz 4.8x200 mm'],
          [360, '50'],
          [400, 'Pack'],
          [450, '5.90'],
          [510, '295.00'],
        ),
        L(
          [40, '0006002'],
          [120, 'Kabelbinder schwarz 7.6x300 mm'],
          [360, '20'],
          [400, 'Pack'],
          [450, '11.40'],
          [510, '228.00'],
        ),
        L(
          [40, '205.310.01'],
          [120, 'Bit-Set Torx T10-T40'],
          [360, '6'],
          [400, 'Stk'],
          [450, '19.50'],
          [510, '117.00'],
        ),
        20,
        L([40, 'Freundliche Grüsse']),
      ],
    ],
    want: {
      cust: 'C-2003',
      ref: 'EF-5520',
      od: '2026-11-24',
      dd: '2026-12-01',
      lines: ['0006001|50', '0006002|20', '205.310.01|6'],
    },
  },
  {
    name: 'de-kv-block-right',
    pages: [
      [
        [{ x: 40, t: 'Garage Steiner AG', s: 14, b: true }],
        L([40, 'Rorschacher Strasse 210'], [330, 'Bestellnummer'], [440, '0099-4411']),
        L([40, '9000 St. Gallen'], [330, 'Bestelldatum'], [440, '27. Nov. 2026']),
        L([330, 'Liefertermin'], [440, '04.12.26']),
        L([330, 'Kunden-Nr.'], [440, '20051']),
        30,
        H(
          [40, 'Menge'],
          [90, 'Art.-Nr.'],
          [180, 'Artikelbezeichnung'],
          [430, 'Einzelpreis'],
          [510, 'Betrag'],
        ),
        L(
          [40, '2'],
          [90, 'AB-2050S'],
          [180, 'Akku-Bohrschrauber 18 V ohne Akku'],
          [430, '189.00'],
          [510, '378.00'],
        ),
        L([40, '4'], [90, 'AB-2058S'], [180, 'Akku 18 V 5.0 Ah'], [430, '95.00'], [510, '380.00']),
        L(
          [40, '1'],
          [90, '205.310.01'],
          [180, 'Bit-Set Torx T10-T40 10-tlg.'],
          [430, '19.50'],
          [510, '19.50'],
        ),
        20,
        L([430, 'Total'], [510, '777.50']),
      ],
    ],
    want: {
      cust: 'C-2005',
      ref: '0099-4411',
      od: '2026-11-27',
      dd: '2026-12-04',
      lines: ['AB-2050S|2', 'AB-2058S|4', '205.310.01|1'],
    },
  },
  {
    name: 'en-letter-dates',
    pages: [
      [
        [{ x: 40, t: 'Müller Anlagenbau GmbH', s: 14, b: true }],
        L([40, 'Heilbronner Straße 150, 70191 Stuttgart, Germany']),
        30,
        L([350, 'Stuttgart, 26 November 2026']),
        20,
        L([40, 'Order 4500881234']),
        20,
        L([40, 'Dear Sirs,']),
        L([40, 'please supply the following items by 14 December 2026:']),
        L([40, '- 3 cartons MA-0815-080 chipboard screws Torx 5x80']),
        L([40, '- 12 pairs MA-9910-043 safety shoes S3 size 43']),
        L([40, '- 5 litres of isopropanol 99.9 % (0004120)']),
        20,
        L([40, 'Best regards']),
      ],
    ],
    want: {
      cust: 'C-2006',
      ref: '4500881234',
      od: '2026-11-26',
      dd: '2026-12-14',
      lines: ['12-0816|3', '0007010|12', '0004120|5'],
    },
  },
  {
    name: 'de-two-line-header',
    pages: [
      [
        [{ x: 40, t: 'Bauunternehmung Zaugg AG', s: 14, b: true }],
        L([40, 'Kirchbergstrasse 19, 3400 Burgdorf']),
        30,
        L([40, 'Bestellung'], [200, 'Z-99812']),
        L([40, 'Datum'], [200, '23.11.2026']),
        20,
        H(
          [40, 'Pos.'],
          [80, 'Artikel-'],
          [170, 'Bezeichnung'],
          [390, 'Bestell-'],
          [450, 'Mengen-'],
          [510, 'Preis'],
        ),
        H([80, 'nummer'], [390, 'menge'], [450, 'einheit'], [510, 'je ME']),
        L(
          [40, '1'],
          [80, '10-5120'],
          [170, 'Zylinderschraube M6x30'],
          [390, '15'],
          [450, 'Pak'],
          [510, '12.60'],
        ),
        L([40, '2'], [80, '10-6038'], [170, 'Unterlegscheibe M8'], [390, '10'], [450, 'Pak'], [510, '6.50']),
        L(
          [40, '3'],
          [80, '0005302'],
          [170, 'Stahlkette verzinkt 6 mm'],
          [390, '40'],
          [450, 'm'],
          [510, '5.30'],
        ),
      ],
    ],
    want: {
      cust: 'C-2008',
      ref: 'Z-99812',
      od: '2026-11-23',
      lines: ['10-5120|15', '10-6038|10', '0005302|40'],
    },
  },
  {
    name: 'fr-letter',
    pages: [
      [
        [{ x: 40, t: 'Sanitär Kälin & Co. AG', s: 14, b: true }],
        L([40, 'Baarerstrasse 41, 6300 Zug']),
        30,
        L([350, 'Zoug, le 19.11.2026']),
        L([40, 'Objet : commande n° SK-4402']),
        20,
        L([40, 'Madame, Monsieur,']),
        L([40, 'Nous vous prions de nous livrer pour le 27 novembre 2026 :']),
        L([60, "• 15 pièces KS 1500-12 (vanne d'équerre)"]),
        L([60, '• 30 mètres de tube cuivre 18x1 mm, art. 0005231']),
        L([60, '• 2 paquets 0006002 colliers de serrage']),
        20,
        L([40, 'Avec nos salutations distinguées']),
      ],
    ],
    want: {
      cust: 'C-2004',
      ref: 'SK-4402',
      od: '2026-11-19',
      dd: '2026-11-27',
      lines: ['EK-3150I|15', '0005231|30', '0006002|2'],
    },
  },
  {
    name: 'de-continued-no-header',
    pages: [
      [
        [{ x: 40, t: 'Müller Anlagenbau GmbH', s: 14, b: true }],
        L([40, 'Heilbronner Straße 150, 70191 Stuttgart']),
        30,
        L([40, 'Bestellung'], [200, '4500991122']),
        L([40, 'Bestelldatum'], [200, '16.11.2026']),
        L([40, 'Ihre Referenz'], [200, 'Angebot 2026-114']),
        L([40, 'Liefertermin'], [200, '30.11.2026']),
        20,
        H([40, 'Pos'], [80, 'Bezeichnung'], [330, 'Menge'], [380, 'ME'], [420, 'Ihre Art.-Nr.']),
        L([40, '1'], [80, 'Spanplattenschraube Torx 5x60'], [330, '10'], [380, 'KT'], [420, '12-0815']),
        L([40, '2'], [80, 'Spanplattenschraube Torx 5x80'], [330, '10'], [380, 'KT'], [420, '12-0816']),
        L([40, '3'], [80, 'Sechskantmutter M8 verzinkt'], [330, '5'], [380, 'PAK'], [420, '10-6030']),
        L([40, '4'], [80, 'Unterlegscheibe M8 verzinkt'], [330, '5'], [380, 'PAK'], [420, '10-6038']),
      ],
      [
        L([40, 'Müller Anlagenbau GmbH – Bestellung 4500991122 – Seite 2']),
        20,
        L([40, '5'], [80, 'Sicherheitsschuh S3 Gr. 44'], [330, '6'], [380, 'PAA'], [420, '0007011']),
        L([40, '6'], [80, 'Schutzbrille klar EN 166'], [330, '12'], [380, 'ST'], [420, '0001620']),
        20,
        L([40, 'Bitte Auftragsbestätigung an einkauf@mueller-anlagenbau.de']),
      ],
    ],
    want: {
      cust: 'C-2006',
      ref: '4500991122',
      od: '2026-11-16',
      dd: '2026-11-30',
      lines: ['12-0815|10', '12-0816|10', '10-6030|5', '10-6038|5', '0007011|6', '0001620|12'],
    },
  },
  {
    name: 'de-both-skus',
    pages: [
      [
        [{ x: 40, t: 'Sanitär Kälin & Co. AG', s: 14, b: true }],
        L([40, 'Baarerstrasse 41, 6300 Zug']),
        30,
        L([40, 'Bestellung'], [350, 'Zug, 18.11.2026']),
        L([40, 'Unser Zeichen: SK/mb 7719'], [350, 'Ihr Angebot: 2026-0881']),
        L([40, 'Lieferung: bis 25.11.2026']),
        20,
        H([40, 'Unsere Nr.'], [120, 'Ihre Art.-Nr.'], [220, 'Bezeichnung'], [420, 'Menge'], [480, 'Einheit']),
        L(
          [40, 'KS 1500-12'],
          [120, 'EK-3150I'],
          [220, 'Eckventil 1/2" verchromt'],
          [420, '20'],
          [480, 'Stk'],
        ),
        L([40, 'KS 2300-15'], [120, '0005230'], [220, 'Kupferrohr 15x1 mm'], [420, '100'], [480, 'm']),
        L([40, 'KS 9900-01'], [120, '0004105'], [220, 'Bohr- und Schneidöl'], [420, '4'], [480, 'l']),
      ],
    ],
    want: {
      cust: 'C-2004',
      od: '2026-11-18',
      dd: '2026-11-25',
      lines: ['EK-3150I|20', '0005230|100', '0004105|4'],
    },
  },
  {
    name: 'de-desc-first-sku-last',
    pages: [
      [
        [{ x: 40, t: 'Hofmann Haustechnik GmbH', s: 14, b: true }],
        L([40, 'Landsberger Straße 302, 80687 München']),
        30,
        L([40, 'Materialbestellung Nr. HH-2026-1177']),
        L([40, 'München, den 20.11.2026']),
        L([40, 'Gewünschtes Lieferdatum: 03.12.2026']),
        20,
        H(
          [40, 'Artikelbezeichnung'],
          [260, 'Anzahl'],
          [310, 'Einheit'],
          [370, 'Preis/Einh.'],
          [450, 'Artikelnummer'],
        ),
        L(
          [40, 'Gewebeklebeband silber 50 mm x 50 m'],
          [260, '36'],
          [310, 'Rolle'],
          [370, '9.80'],
          [450, '0003318'],
        ),
        L(
          [40, 'Stretchfolie transparent 500 mm'],
          [260, '8'],
          [310, 'Rolle'],
          [370, '18.90'],
          [450, '0003402'],
        ),
        L([40, 'Kupferrohr 18x1 mm'], [260, '150'], [310, 'm'], [370, '14.20'], [450, '0005231']),
      ],
    ],
    want: {
      cust: 'C-2007',
      ref: 'HH-2026-1177',
      od: '2026-11-20',
      dd: '2026-12-03',
      lines: ['0003318|36', '0003402|8', '0005231|150'],
    },
  },

  {
    name: 'de-price-per-100',
    pages: [
      [
        [{ x: 40, t: 'Baumann Metallbau AG', s: 14, b: true }],
        L([40, 'Industriestrasse 14, 8152 Glattbrugg']),
        30,
        L([40, 'Bestellung Nr.'], [160, '26-0931']),
        L([40, 'Datum'], [160, '25.11.2026']),
        20,
        H(
          [40, 'Pos'],
          [70, 'Artikel'],
          [140, 'Bezeichnung'],
          [330, 'Menge'],
          [380, 'ME'],
          [410, 'Preis'],
          [460, 'PE'],
          [500, 'Betrag'],
        ),
        L(
          [40, '1'],
          [70, '10-4711'],
          [140, 'Senkkopfschraube M4x20'],
          [330, '2000'],
          [380, 'Stk'],
          [410, '8.90'],
          [460, '100'],
          [500, '178.00'],
        ),
        L(
          [40, '2'],
          [70, '10-6030'],
          [140, 'Sechskantmutter M8'],
          [330, '1000'],
          [380, 'Stk'],
          [410, '4.90'],
          [460, '100'],
          [500, '49.00'],
        ),
        L(
          [40, '3'],
          [70, '204.118.06'],
          [140, 'Spiralbohrer HSS-G 6.0 mm'],
          [330, '10'],
          [380, 'Stk'],
          [410, '4.80'],
          [460, '1'],
          [500, '48.00'],
        ),
        20,
        L([330, 'Total netto'], [500, '275.00']),
      ],
    ],
    want: {
      cust: 'C-2001',
      ref: '26-0931',
      od: '2026-11-25',
      lines: ['10-4711|2000', '10-6030|1000', '204.118.06|10'],
    },
  },
  {
    name: 'de-refs-dates-variety',
    pages: [
      [
        [{ x: 40, t: 'Garage Steiner AG', s: 14, b: true }],
        L([40, 'Rorschacher Strasse 210, 9000 St. Gallen']),
        30,
        L([40, 'Best.-Nr.: A-26/4471'], [330, 'Datum: 27/11/2026']),
        L([40, 'Liefertermin: 2. 12. 26']),
        20,
        H([40, 'Menge'], [90, 'Einheit'], [150, 'Artikel'], [240, 'Beschreibung']),
        L([40, "1'200"], [90, 'Stk'], [150, '0006001'], [240, 'Kabelbinder schwarz 4.8x200 mm']),
        L([40, '3'], [90, 'Set'], [150, '205.310.01'], [240, 'Bit-Set Torx T10-T40']),
      ],
    ],
    want: {
      cust: 'C-2005',
      ref: 'A-26/4471',
      od: '2026-11-27',
      dd: '2026-12-02',
      lines: ['0006001|1200', '205.310.01|3'],
    },
  },
  {
    name: 'mail-signature-noise',
    eml: eml(
      'einkauf@elektro-frei.ch',
      'Bestellung',
      `Guten Morgen

Bitte senden Sie uns 4 Stk AB-1020Z.

Freundliche Grüsse

Hans Frei
Elektro Frei AG
Hauptstrasse 5
4132 Muttenz
Tel. +41 61 555 33 90
Mobile 079 555 12 34
www.elektro-frei.ch
UID CHE-123.456.789 MWST`,
    ),
    want: { cust: 'C-2003', lines: ['AB-1020Z|4'] },
  },
  {
    name: 'mail-it-order-number',
    eml: eml(
      'einkauf@mueller-anlagenbau.de',
      'Ordine n. 2026/555',
      `Buongiorno,

con la presente ordiniamo:
Cod. 0004110 - Bremsenreiniger - Q.tà 6 cartoni
Cod. 0002210 - Gehörschutzstöpsel - Q.tà 2 conf.

Consegna: 15 dicembre 2026

Distinti saluti`,
    ),
    want: { cust: 'C-2006', ref: '2026/555', dd: '2026-12-15', lines: ['0004110|6', '0002210|2'] },
  },
  {
    name: 'mail-en-table-pipes',
    eml: eml(
      'magazin@zaugg-bau.ch',
      'PO 88120',
      `Hi,

| Item | Qty | Description |
|------|-----|-------------|
| 0005302 | 50 | chain 6 mm |
| 0006150 | 250 | corundum F80 |

Required by 11 December 2026.
Thanks`,
    ),
    want: { cust: 'C-2008', ref: '88120', dd: '2026-12-11', lines: ['0005302|50', '0006150|250'] },
  },
  {
    name: 'de-gtin-and-desc',
    pages: [
      [
        [{ x: 40, t: 'Hofmann Haustechnik GmbH', s: 14, b: true }],
        L([40, 'Landsberger Straße 302, 80687 München']),
        30,
        L([40, 'Bestellung 2026-4410 vom 21.11.2026']),
        20,
        H([40, 'EAN/GTIN'], [160, 'Artikelbezeichnung'], [400, 'Menge']),
        L([40, '7612345003313'], [160, 'Gewebeklebeband silber'], [400, '12 Rollen']),
        L([40, '7612345003321'], [160, 'Abdeckband Maler 38 mm'], [400, '24 Rollen']),
        L([40, '7612345005249'], [160, 'Kupferrohr 18x1 mm'], [400, '60 m']),
      ],
    ],
    want: {
      cust: 'C-2007',
      ref: '2026-4410',
      od: '2026-11-21',
      lines: ['0003318|12', '0003319|24', '0005231|60'],
    },
  },
  {
    name: 'mail-domain-only-qty-line-below',
    eml: eml(
      'Max Muster <m.muster@baumann-metallbau.ch>',
      'Order',
      `Hello,

please deliver:

Item 204.150.10 SDS drill 10x160
Qty: 25

Item 0003402 stretch film
Qty: 6

Thanks, Max`,
    ),
    want: { cust: 'C-2001', lines: ['204.150.10|25', '0003402|6'] },
  },
  {
    name: 'de-printed-fax-name-variant',
    pages: [
      [
        [{ x: 40, t: 'BAUMANN METALLBAU', s: 16, b: true }],
        L([40, 'Industriestr. 14 · CH-8152 Glattbrugg · Tel 044 555 12 30 · Fax 044 555 12 34']),
        30,
        L([40, 'Lieferadresse: Baustelle Zaugg AG, Kirchbergstrasse 19, 3400 Burgdorf']),
        20,
        L([40, 'Bestellung Nr. 4711-B'], [350, 'Datum: 12.11.2026']),
        20,
        H([40, 'Art.-Nr.'], [130, 'Bezeichnung'], [380, 'Menge']),
        L([40, '0005201'], [130, 'Schweissdraht SG2 1.0 mm'], [380, '2.5 kg']),
        L([40, '0005302'], [130, 'Stahlkette verzinkt 6 mm'], [380, '0.5 m']),
      ],
    ],
    want: { cust: 'C-2001', ref: '4711-B', od: '2026-11-12', lines: ['0005201|2.5', '0005302|0.5'] },
  },
  {
    name: 'mail-forwarded-by-sales',
    eml: eml(
      'Anna Verkauf <anna.verkauf@supplier.example>',
      'WG: Bestellung Baustelle Kloten',
      `Bitte erfassen, danke!
Anna

---------- Forwarded message ---------
Von: Einkauf Baumann <einkauf@baumann-metallbau.ch>
Date: Do., 26. Nov. 2026 um 16:02 Uhr
Subject: Bestellung Baustelle Kloten
To: Anna Verkauf <anna.verkauf@supplier.example>

Hallo Anna

Bitte liefern:
12 Pack 10-4711
5 Pack 10-4720

Gruss M. Baumann`,
    ),
    want: { cust: 'C-2001', lines: ['10-4711|12', '10-4720|5'] },
  },
  {
    name: 'mail-outlook-original-message',
    eml: eml(
      'Einkauf <einkauf@elektro-frei.ch>',
      'WG: Bestellung',
      `Hallo, bitte um Lieferung wie unten. Danke

-----Ursprüngliche Nachricht-----
Von: Hans Frei
Gesendet: Donnerstag, 26. November 2026 15:00
An: Einkauf
Betreff: Bestellung

Wir brauchen:
8 Stk 0001620 Schutzbrille
20 Pack 0006002 Kabelbinder`,
    ),
    want: { cust: 'C-2003', lines: ['0001620|8', '0006002|20'] },
  },
  {
    name: 'mail-html-signature-table',
    eml: eml(
      'bestellung@kaelin-sanitaer.ch',
      'Bestellung',
      `<html><body><p>Bitte liefern Sie uns 6 Stk HS-1018 und 2 Stk BZ-5081.</p>
<p>Freundliche Grüsse</p>
<table><tr><td>Sanitär Kälin &amp; Co. AG</td><td>Tel</td><td>041 555 44 12</td></tr><tr><td>Baarerstrasse 41</td><td>Fax</td><td>041 555 44 13</td></tr><tr><td>6300 Zug</td><td>Mobile</td><td>079 555 10 20</td></tr></table></body></html>`,
      'text/html; charset=utf-8',
    ),
    want: { cust: 'C-2004', lines: ['HS-1018|6', 'BZ-5081|2'] },
  },
  {
    name: 'mail-described-only',
    eml: eml(
      'magazin@zaugg-bau.ch',
      'Material',
      `Hoi zäme

Mir bruuchted:
- 10 Rollen Abdeckband Maler 38 mm
- 4 Stk Hammer Schlosser 800 g
- 2 Paar Sicherheitsschuhe S3 Grösse 44

Merci, Zaugg Magazin`,
    ),
    want: { cust: 'C-2008', lines: ['0003319|10', 'HS-1018|4', '0007011|2'] },
  },
  {
    name: 'mail-glued-units',
    eml: eml(
      'teile@garage-steiner.ch',
      'Bestellung',
      `Guten Tag

5Stk AB-1020X
10x 0004110
Anzahl 3: 0002210

Gruss`,
    ),
    want: { cust: 'C-2005', lines: ['AB-1020X|5', '0004110|10', '0002210|3'] },
  },

  {
    name: 'form-two-columns',
    pages: [
      [
        [{ x: 40, t: 'Rüegg Industriebedarf AG – Bestellformular', s: 14, b: true }],
        L([40, 'Kunde: Schreinerei Lüthi GmbH, Ostermundigen'], [380, 'Kunden-Nr.: C-2002']),
        L([40, 'Ihre Bestell-Nr.: ____ LU-3381 ____'], [380, 'Datum: 26.11.2026']),
        L([40, 'Gewünschter Liefertermin: 3.12.2026']),
        20,
        H(
          [40, 'Art.-Nr.'],
          [100, 'Bezeichnung'],
          [230, 'Menge'],
          [310, 'Art.-Nr.'],
          [370, 'Bezeichnung'],
          [500, 'Menge'],
        ),
        ...Array.from({ length: 9 }, (_, i) => {
          const a = catalog[i]!,
            b = catalog[i + 9]!;
          return [
            F(40, a[0]),
            F(100, a[1]),
            F(230, filled[a[0]] ?? '____'),
            F(310, b[0]),
            F(370, b[1]),
            F(500, filled[b[0]] ?? '____'),
          ];
        }),
      ],
    ],
    want: {
      cust: 'C-2002',
      ref: 'LU-3381',
      od: '2026-11-26',
      dd: '2026-12-03',
      lines: Object.entries(filled).map(([k, v]) => `${k}|${v}`),
    },
  },
  {
    name: 'form-qty-left-checkbox',
    pages: [
      [
        [{ x: 40, t: 'BESTELLSCHEIN', s: 16, b: true }],
        L([40, 'Firma: Garage Steiner AG'], [330, 'Datum: 20.11.26']),
        L([40, 'Bestellnummer: GS 2026-88']),
        20,
        H([40, 'Anzahl'], [100, '[ ]'], [120, 'Artikel'], [200, 'Beschreibung'], [430, 'Einheit']),
        ...catalog
          .slice(0, 12)
          .map(([sku, d, u]) =>
            [
              F(40, filled[sku] ?? ''),
              F(100, filled[sku] ? 'X' : ''),
              F(120, sku),
              F(200, d),
              F(430, u),
            ].filter((x) => x.t),
          ),
      ],
    ],
    want: {
      cust: 'C-2005',
      ref: 'GS 2026-88',
      od: '2026-11-20',
      lines: ['10-4717|6', '12-0816|2', '204.118.06|15'],
    },
  },

  {
    name: 'sap-three-line-items',
    pages: [
      [
        [{ x: 40, t: 'Müller Anlagenbau GmbH', s: 14, b: true }],
        L([40, 'Heilbronner Straße 150, 70191 Stuttgart']),
        30,
        L([300, 'Bestellung']),
        L([300, 'Bestellnummer/Datum'], [420, '4500771234 / 19.11.2026']),
        L([300, 'Ansprechpartner'], [420, 'Frau Keller']),
        20,
        H(
          [40, 'Pos.'],
          [80, 'Material'],
          [170, 'Bezeichnung'],
          [370, 'Bestellmenge'],
          [440, 'Einheit'],
          [480, 'Preis/Einheit'],
          [540, 'Nettowert'],
        ),
        L([40, '00010'], [80, '12-0815'], [170, 'Spanplattenschraube Torx 5x60']),
        L([370, '4,000'], [440, 'KT'], [480, '38,50'], [540, '154,00']),
        L([170, 'Liefertermin: Tag 01.12.2026']),
        L([40, '00020'], [80, '0004120'], [170, 'Isopropanol 99.9 %']),
        L([370, '12,000'], [440, 'L'], [480, '7,90'], [540, '94,80']),
        L([170, 'Liefertermin: Tag 01.12.2026']),
        L([40, '00030'], [80, '0005201'], [170, 'Schweissdraht SG2 1.0 mm']),
        L([370, '2,500'], [440, 'KG'], [480, '7,40'], [540, '18,50']),
        L([170, 'Liefertermin: Tag 01.12.2026']),
        20,
        L([370, 'Gesamtnettowert ohne MwSt EUR'], [540, '267,30']),
      ],
    ],
    want: {
      cust: 'C-2006',
      ref: '4500771234',
      od: '2026-11-19',
      dd: '2026-12-01',
      lines: ['12-0815|4', '0004120|12', '0005201|2.5'],
    },
  },
  {
    name: 'fr-facture-style-numbers',
    pages: [
      [
        [{ x: 40, t: 'Elektro Frei AG', s: 14, b: true }],
        L([40, 'Hauptstrasse 5, 4132 Muttenz']),
        30,
        L([40, 'BON DE COMMANDE N° EF-2026-77'], [380, 'Muttenz, le 24/11/2026']),
        L([40, 'Livraison souhaitée : 01/12/2026']),
        20,
        H([40, 'Réf.'], [120, 'Désignation'], [330, 'Qté'], [370, 'P.U. HT'], [450, 'Montant HT']),
        L([40, 'AB-2050S'], [120, 'Perceuse-visseuse 18 V'], [330, '10'], [370, '189,00'], [450, '1 890,00']),
        L([40, 'AB-2058S'], [120, 'Batterie 18 V 5,0 Ah'], [330, '20'], [370, '95,00'], [450, '1 900,00']),
        20,
        L([330, 'Total HT'], [450, '3 790,00']),
      ],
    ],
    want: {
      cust: 'C-2003',
      ref: 'EF-2026-77',
      od: '2026-11-24',
      dd: '2026-12-01',
      lines: ['AB-2050S|10', 'AB-2058S|20'],
    },
  },
  {
    name: 'en-ship-to-bill-to',
    pages: [
      [
        [{ x: 40, t: 'PURCHASE ORDER', s: 16, b: true }],
        L([40, 'Vendor:'], [300, 'Ship To:']),
        L([40, 'Rüegg Industriebedarf AG'], [300, 'Bauunternehmung Zaugg AG']),
        L([40, 'Hardstrasse 41, 8604 Volketswil'], [300, 'Site Lyssach, Industriestrasse 3']),
        L([300, '3421 Lyssach']),
        20,
        L([40, 'PO #: ZB-PO-1188'], [300, 'PO Date: 11/25/2026']),
        L([40, 'Delivery Date: 12/02/2026']),
        20,
        H(
          [40, 'Line'],
          [80, 'Part Number'],
          [180, 'Description'],
          [380, 'Qty'],
          [420, 'UOM'],
          [470, 'Unit Price'],
        ),
        L([40, '1'], [80, '0005302'], [180, 'Chain galvanised 6 mm'], [380, '30'], [420, 'M'], [470, '5.30']),
        L([40, '2'], [80, '0006150'], [180, 'Corundum F80'], [380, '100'], [420, 'KG'], [470, '3.20']),
      ],
    ],
    want: { cust: 'C-2008', ref: 'ZB-PO-1188', lines: ['0005302|30', '0006150|100'] },
  },

  {
    name: 'mail-numbered-list',
    eml: eml(
      'einkauf@baumann-metallbau.ch',
      'Bestellung 5512',
      `Guten Tag

1. 10-4711 Senkkopfschraube, 12 Pack
2. 10-5128 Zylinderschraube, 3 Pack
3. 0001620 Schutzbrille – Menge: 7
4) Art-Nr 204.118.05 / 25 Stk

Gruss`,
    ),
    want: { cust: 'C-2001', ref: '5512', lines: ['10-4711|12', '10-5128|3', '0001620|7', '204.118.05|25'] },
  },
  {
    name: 'mail-qty-first-numbered',
    eml: eml(
      'einkauf@baumann-metallbau.ch',
      'Bestellung',
      `Hallo

1. 12 Pack 10-4711
2. 3 Pack 10-5128
3. 7 Stk 0001620

Danke`,
    ),
    want: { cust: 'C-2001', lines: ['10-4711|12', '10-5128|3', '0001620|7'] },
  },

  {
    name: 'de-two-customers-named',
    pages: [
      [
        [{ x: 40, t: 'Hofmann Haustechnik GmbH', s: 14, b: true }],
        L([40, 'Landsberger Straße 302, 80687 München']),
        30,
        L([40, 'Bestellung 2026-5590'], [350, 'München, 25.11.2026']),
        L([40, 'Lieferadresse: Garage Steiner AG, Rorschacher Strasse 210, 9000 St. Gallen']),
        L([40, 'Bitte direkt an unseren Kunden Garage Steiner AG liefern.']),
        20,
        H([40, 'Art.-Nr.'], [130, 'Bezeichnung'], [380, 'Menge']),
        L([40, 'AB-1020Z'], [130, 'Winkelschleifer 125 mm 1400 W'], [380, '2']),
      ],
    ],
    want: { cust: 'C-2007', ref: '2026-5590', od: '2026-11-25', lines: ['AB-1020Z|2'] },
  },
  {
    name: 'mail-two-customers-named',
    eml: eml(
      'bestellung@hofmann-haustechnik.de',
      'Bestellung',
      `Hallo,

bitte liefern Sie 3 Stk AB-2058S direkt an die Garage Steiner AG, Rorschacher Strasse 210, 9000 St. Gallen.

Gruss Hofmann`,
    ),
    want: { cust: 'C-2007', lines: ['AB-2058S|3'] },
  },
  // ERP layouts with figures set flush right, rulings, a cover sheet, spelled-out units, number styles
  {
    name: 'abacus-right-aligned',
    pages: [
      [
        [{ x: 40, t: 'Elektro Frei AG', s: 15, b: true }],
        L([40, 'Hauptstrasse 5'], [380, 'Tel. 061 555 33 00']),
        L([40, '4132 Muttenz'], [380, 'Fax 061 555 33 90']),
        L([380, 'MWST CHE-112.334.556']),
        30,
        L([300, 'Werkzeug Meier AG']),
        L([300, 'Einkaufsstrasse 1']),
        L([300, '8000 Zürich']),
        30,
        [{ x: 40, t: 'Bestellung', s: 14, b: true }],
        L([40, 'Bestell-Nr.'], [140, '2026-00871'], [300, 'Datum'], [380, '26.11.26']),
        L([40, 'Lieferanten-Nr.'], [140, '30112'], [300, 'Liefertermin'], [380, '04.12.26']),
        L([40, 'Sachbearbeiter'], [140, 'R. Frei'], [300, 'Seite'], [380, '1']),
        20,
        HR(
          [40, 'Pos'],
          [70, 'Artikel'],
          [150, 'Bezeichnung'],
          [-390, 'Menge'],
          [400, 'Einheit'],
          [-500, 'Preis'],
          [-555, 'Betrag'],
        ),
        rule(40, 555, -4),
        R(
          [40, '1'],
          [70, '0006001'],
          [150, 'Kabelbinder schwarz 4.8x200'],
          [-390, '10'],
          [400, 'Pack'],
          [-500, '5.90'],
          [-555, '59.00'],
        ),
        R(
          [40, '2'],
          [70, '0006002'],
          [150, 'Kabelbinder schwarz 7.6x300'],
          [-390, '5'],
          [400, 'Pack'],
          [-500, '11.40'],
          [-555, '57.00'],
        ),
        R(
          [40, '3'],
          [70, '205.320.12'],
          [150, 'Trennscheibe Inox 125x1.0'],
          [-390, '2'],
          [400, 'Karton'],
          [-500, '42.00'],
          [-555, '84.00'],
        ),
        R(
          [40, '4'],
          [70, '0004120'],
          [150, 'Isopropanol 99.9 %'],
          [-390, '12.5'],
          [400, 'Liter'],
          [-500, '7.90'],
          [-555, '98.75'],
        ),
        rule(40, 555, -4),
        R([350, 'Total exkl. MWST'], [-555, '298.75']),
        R([350, 'MWST 8.1 %'], [-555, '24.20']),
        R([350, 'Total CHF'], [-555, '322.95']),
        30,
        L([40, 'Zahlbar 30 Tage netto. IBAN CH93 0076 2011 6238 5295 7']),
      ],
    ],
    want: {
      cust: 'C-2003',
      ref: '2026-00871',
      od: '2026-11-26',
      dd: '2026-12-04',
      lines: ['0006001|10', '0006002|5', '205.320.12|2', '0004120|12.5'],
    },
  },
  {
    name: 'sap-material-0010',
    pages: [
      [
        [{ x: 40, t: 'MÜLLER ANLAGENBAU GMBH', s: 12, b: true }],
        L([40, 'Heilbronner Straße 150 · D-70191 Stuttgart']),
        30,
        [{ x: 40, t: 'Bestellung', s: 16, b: true }],
        R([330, 'Belegnummer'], [430, '4500123456']),
        R([330, 'Belegdatum'], [430, '25.11.2026']),
        R([330, 'Ihre Kundennummer'], [430, 'C-2006']),
        R([330, 'Ansprechpartner'], [430, 'Frau Keller']),
        20,
        L([40, 'Gemäss Ihrem Angebot Nr. 2026-311 vom 12.11.2026 bestellen wir:']),
        15,
        HR(
          [40, 'Pos.'],
          [80, 'Material'],
          [170, 'Kurztext'],
          [-420, 'Bestellmenge'],
          [430, 'BME'],
          [-555, 'Nettowert'],
        ),
        rule(),
        R(
          [40, '00010'],
          [80, 'MA-0815-060'],
          [170, 'Spanplattenschraube 5x60'],
          [-420, '4'],
          [430, 'KAR'],
          [-555, '154,00'],
        ),
        R([170, 'Liefertermin 09.12.2026']),
        R(
          [40, '00020'],
          [80, 'MA-0815-080'],
          [170, 'Spanplattenschraube 5x80'],
          [-420, '2'],
          [430, 'KAR'],
          [-555, '89,80'],
        ),
        R([170, 'Liefertermin 09.12.2026']),
        R(
          [40, '00030'],
          [80, 'MA-9910-043'],
          [170, 'Sicherheitsschuh S3 Gr. 43'],
          [-420, '6'],
          [430, 'PAA'],
          [-555, '534,00'],
        ),
        R([170, 'Liefertermin 09.12.2026']),
        rule(),
        R([330, 'Gesamtnettowert EUR'], [-555, '777,80']),
      ],
    ],
    want: {
      cust: 'C-2006',
      ref: '4500123456',
      od: '2026-11-25',
      dd: '2026-12-09',
      lines: ['12-0815|4', '12-0816|2', '0007010|6'],
    },
  },
  {
    name: 'cover-then-po',
    pages: [
      [
        [{ x: 40, t: 'TELEFAX', s: 24, b: true }],
        20,
        L([40, 'An:'], [120, 'Werkzeug Meier AG, Verkauf Innendienst']),
        L([40, 'Fax:'], [120, '044 555 10 20']),
        L([40, 'Von:'], [120, 'Garage Steiner AG, Teilelager']),
        L([40, 'Fax:'], [120, '071 555 66 20']),
        L([40, 'Datum:'], [120, '27.11.2026']),
        L([40, 'Seiten:'], [120, '2 (inkl. Deckblatt)']),
        L([40, 'Betreff:'], [120, 'Bestellung']),
        30,
        L([40, 'Guten Tag']),
        L([40, 'Anbei unsere Bestellung. Bitte Auftragsbestätigung per Fax.']),
        L([40, 'Freundliche Grüsse']),
        L([40, 'M. Steiner']),
      ],
      [
        [{ x: 40, t: 'Garage Steiner AG', s: 14, b: true }],
        L([40, 'Rorschacher Strasse 210 · 9000 St. Gallen']),
        25,
        [{ x: 40, t: 'Bestellung Nr. 26-1044', s: 13, b: true }],
        L([40, 'St. Gallen, 27. November 2026']),
        L([40, 'Bitte liefern bis: Freitag, 4. Dezember 2026']),
        15,
        HR([40, 'Menge'], [100, 'Einh.'], [150, 'Art.-Nr.'], [250, 'Bezeichnung']),
        rule(),
        R([-70, '2'], [100, 'Stk'], [150, 'AB-2050S'], [250, 'Akku-Bohrschrauber 18 V']),
        R([-70, '4'], [100, 'Stk'], [150, 'AB-2058S'], [250, 'Akku 18 V 5.0 Ah']),
        R([-70, '1'], [100, 'Stk'], [150, '205.310.01'], [250, 'Bit-Set Torx T10-T40']),
        R([-70, '25'], [100, 'Stk'], [150, '205.320.13'], [250, 'Fächerschleifscheibe K80 125 mm']),
      ],
    ],
    want: {
      cust: 'C-2005',
      ref: '26-1044',
      od: '2026-11-27',
      dd: '2026-12-04',
      lines: ['AB-2050S|2', 'AB-2058S|4', '205.310.01|1', '205.320.13|25'],
    },
  },
  {
    name: 'letter-units-spelled',
    pages: [
      [
        [{ x: 40, t: 'Schreinerei Lüthi GmbH', s: 14, b: true }],
        L([40, 'Bernstrasse 77, 3072 Ostermundigen']),
        L([40, 'Telefon 031 555 28 70 · Telefax 031 555 28 71']),
        40,
        L([330, 'Ostermundigen, 24.11.2026']),
        20,
        [{ x: 40, t: 'Bestellung Nr. 1187', b: true }],
        15,
        L([40, 'Sehr geehrte Damen und Herren']),
        10,
        L([40, 'Wir bestellen hiermit zur Lieferung bis spätestens 2. Dezember 2026:']),
        10,
        L([60, '- fünf Karton Spanplattenschrauben Torx 5x60 (Art. 12-0815)']),
        L([60, '- 3 Rollen Abdeckband Maler 38 mm, Art. 0003319']),
        L([60, '- 2 Stück Schraubzwinge 300x120 mm, Art. BZ-5081']),
        L([60, '- 1,5 Kilogramm Schweissdraht SG2 1.0 mm, Art. 0005201']),
        10,
        L([40, 'Besten Dank für die prompte Lieferung.']),
        L([40, 'Freundliche Grüsse']),
        L([40, 'Peter Lüthi']),
      ],
    ],
    want: {
      cust: 'C-2002',
      ref: '1187',
      od: '2026-11-24',
      dd: '2026-12-02',
      lines: ['12-0815|5', '0003319|3', 'BZ-5081|2', '0005201|1.5'],
    },
  },
  {
    name: 'kw-year-crossing',
    pages: [
      [
        [{ x: 40, t: 'Bauunternehmung Zaugg AG', s: 14, b: true }],
        L([40, 'Kirchbergstrasse 19 · 3400 Burgdorf']),
        30,
        [{ x: 40, t: 'BESTELLUNG', s: 14, b: true }],
        L([40, 'Nummer:'], [140, 'B-26-2291']),
        L([40, 'Datum:'], [140, '28.12.2026']),
        L([40, 'Lieferung:'], [140, 'KW 2/2027']),
        20,
        HR([40, 'Art.-Nr.'], [130, 'Artikelbezeichnung'], [-430, 'Menge'], [440, 'ME']),
        R([40, '0005302'], [130, 'Stahlkette verzinkt 6 mm'], [-430, '50'], [440, 'm']),
        R([40, '0006150'], [130, 'Strahlmittel Korund F80'], [-430, "1'000"], [440, 'kg']),
        R([40, '204.150.10'], [130, 'Steinbohrer SDS-plus 10x160'], [-430, '20'], [440, 'Stk']),
      ],
    ],
    want: {
      cust: 'C-2008',
      ref: 'B-26-2291',
      od: '2026-12-28',
      dd: '2027-01-11',
      lines: ['0005302|50', '0006150|1000', '204.150.10|20'],
    },
  },
  {
    name: 'ruled-grid-form',
    pages: [
      [
        [{ x: 40, t: 'Sanitär Kälin & Co. AG', s: 14, b: true }],
        L([40, 'Baarerstrasse 41 · 6300 Zug · Fax 041 555 44 12']),
        30,
        [{ x: 40, t: 'Materialbestellung', s: 14, b: true }],
        L([40, 'Bestellnr.: K-4471'], [250, 'Datum: 26.11.2026'], [420, 'Termin: 01.12.2026']),
        15,
        rule(40, 555, 12),
        HR(
          [45, 'Ihre Art.-Nr.'],
          [130, 'Unsere Art.-Nr.'],
          [230, 'Bezeichnung'],
          [-470, 'Anzahl'],
          [480, 'Einheit'],
        ),
        rule(40, 555, 12),
        R(
          [45, 'EK-3150I'],
          [130, 'KS 1500-12'],
          [230, 'Eckventil 1/2" verchromt'],
          [-470, '24'],
          [480, 'Stk'],
        ),
        rule(40, 555, 12),
        R([45, '0005230'], [130, 'KS 2300-15'], [230, 'Kupferrohr 15x1 mm'], [-470, '60'], [480, 'm']),
        rule(40, 555, 12),
        R([45, '0004105'], [130, ''], [230, 'Bohr- und Schneidöl'], [-470, '5'], [480, 'l']),
        rule(40, 555, 12),
      ],
    ],
    want: {
      cust: 'C-2004',
      ref: 'K-4471',
      od: '2026-11-26',
      dd: '2026-12-01',
      lines: ['EK-3150I|24', '0005230|60', '0004105|5'],
    },
  },
  {
    name: 'en-po-decimal-comma-thousands',
    pages: [
      [
        [{ x: 40, t: 'Hofmann Haustechnik GmbH', s: 14, b: true }],
        L([40, 'Landsberger Straße 302, 80687 München, Germany']),
        30,
        [{ x: 40, t: 'PURCHASE ORDER', s: 14, b: true }],
        L([40, 'PO No.'], [120, 'HH-PO-55102']),
        L([40, 'PO Date'], [120, '2026-11-25']),
        L([40, 'Delivery'], [120, '2026-12-08']),
        20,
        HR(
          [40, 'Line'],
          [75, 'Our Part'],
          [150, 'Your Part No.'],
          [240, 'Description'],
          [-450, 'Qty'],
          [460, 'UoM'],
          [-555, 'Ext. Price'],
        ),
        R(
          [40, '1'],
          [75, 'P-88120'],
          [150, '0005231'],
          [240, 'Copper tube 18x1'],
          [-450, '1.200'],
          [460, 'm'],
          [-555, '17.040,00'],
        ),
        R(
          [40, '2'],
          [75, 'P-77031'],
          [150, '0004110'],
          [240, 'Brake cleaner 500 ml'],
          [-450, '3'],
          [460, 'CT'],
          [-555, '140,40'],
        ),
        R(
          [40, '3'],
          [75, 'P-10044'],
          [150, 'HS-1018'],
          [240, 'Hammer 800 g'],
          [-450, '6'],
          [460, 'EA'],
          [-555, '129,00'],
        ),
        20,
        R([380, 'Order total EUR'], [-555, '17.309,40']),
      ],
    ],
    want: {
      cust: 'C-2007',
      ref: 'HH-PO-55102',
      od: '2026-11-25',
      dd: '2026-12-08',
      lines: ['0005231|1200', '0004110|3', 'HS-1018|6'],
    },
  },
  {
    name: 'form-many-rows-few-filled',
    pages: [
      [
        [{ x: 40, t: 'Werkzeug Meier AG · Bestellformular', s: 13, b: true }],
        L([40, 'Bitte ausfüllen und faxen an 044 555 10 20']),
        20,
        L([40, 'Kunde:'], [120, 'Baumann Metallbau AG'], [330, 'Kunden-Nr.:'], [410, 'C-2001']),
        L([40, 'Datum:'], [120, '25.11.2026'], [330, 'Ihre Bestell-Nr.:'], [410, 'BAU-7781']),
        L([40, 'Liefertermin:'], [120, 'sofort']),
        15,
        HR([40, 'Art.-Nr.'], [120, 'Artikel'], [360, 'VE'], [-470, 'Preis/VE'], [490, 'Bestellmenge']),
        rule(),
        ...[
          ['10-4711', 'Senkkopfschraube M4x20', 'Pack', '8.90', ''],
          ['10-4717', 'Senkkopfschraube M4x25', 'Pack', '9.40', '4'],
          ['10-4720', 'Senkkopfschraube M5x30', 'Pack', '11.20', ''],
          ['10-5120', 'Zylinderschraube M6x30', 'Pack', '12.60', ''],
          ['10-5128', 'Zylinderschraube M8x40', 'Pack', '17.80', '10'],
          ['10-6030', 'Sechskantmutter M8', 'Pack', '9.80', ''],
          ['10-6038', 'Unterlegscheibe M8', 'Pack', '6.50', '10'],
          ['204.118.05', 'Spiralbohrer HSS-G 5.0', 'Stk', '4.20', ''],
          ['204.118.06', 'Spiralbohrer HSS-G 6.0', 'Stk', '4.80', ''],
          ['204.118.08', 'Spiralbohrer HSS-G 8.0', 'Stk', '6.90', '12'],
          ['0001547', 'Arbeitshandschuh Gr. 9', 'Paar', '3.90', ''],
          ['0001574', 'Arbeitshandschuh Gr. 10', 'Paar', '3.90', ''],
        ].flatMap(([a, d, u, p, q]) => [
          R([40, a!], [120, d!], [360, u!], [-470, p!], [510, q!]),
          rule(40, 555, -4),
        ]),
      ],
    ],
    want: {
      cust: 'C-2001',
      ref: 'BAU-7781',
      od: '2026-11-25',
      lines: ['10-4717|4', '10-5128|10', '10-6038|10', '204.118.08|12'],
    },
  },
  {
    name: 'it-ordine-qty-desc-code',
    pages: [
      [
        [{ x: 40, t: 'Müller Anlagenbau GmbH', s: 14, b: true }],
        L([40, 'Heilbronner Straße 150 – 70191 Stuttgart']),
        30,
        [{ x: 40, t: 'Ordine', s: 14, b: true }],
        L([40, 'N. ordine: 2026/0417 del 24/11/2026']),
        L([40, 'Consegna richiesta: 03/12/2026']),
        20,
        HR([-70, 'Quantità'], [80, 'UM'], [120, 'Descrizione articolo'], [400, 'Vostro codice']),
        R([-70, '3'], [80, 'CF'], [120, 'Viti Torx 5x60, scatola da 500'], [400, '12-0815']),
        R([-70, '8'], [80, 'PZ'], [120, 'Morsetto 300x120 mm'], [400, 'BZ-5081']),
        R([-70, '2'], [80, 'PZ'], [120, 'Smerigliatrice 125 mm 1400 W'], [400, 'AB-1020Z']),
        15,
        L([40, 'Cordiali saluti']),
      ],
    ],
    want: {
      cust: 'C-2006',
      ref: '2026/0417',
      od: '2026-11-24',
      dd: '2026-12-03',
      lines: ['12-0815|3', 'BZ-5081|8', 'AB-1020Z|2'],
    },
  },
  {
    name: 'de-short-year-dates-spaced',
    pages: [
      [
        [{ x: 40, t: 'Baumann Metallbau AG', s: 14, b: true }],
        L([40, 'Industriestrasse 14 · 8152 Glattbrugg']),
        30,
        L([40, 'Bestellung'], [200, 'Nr. 88-3312']),
        L([40, 'vom'], [200, '27. 11. 26']),
        L([40, 'Lieferdatum'], [200, 'Mo. 7.12.']),
        20,
        HR(
          [40, 'Anzahl'],
          [100, 'Artikelnummer'],
          [220, 'Bezeichnung'],
          [-500, 'Einzelpreis'],
          [-555, 'Total'],
        ),
        R(
          [40, '20'],
          [100, 'BMB-40711'],
          [220, 'Senkkopfschraube M4x20 verzinkt'],
          [-500, '8.90'],
          [-555, '178.00'],
        ),
        R(
          [40, '150'],
          [100, '0003318'],
          [220, 'Gewebeklebeband silber 50 mm'],
          [-500, '9.80'],
          [-555, "1'470.00"],
        ),
        R([40, '6'], [100, 'HS-101B'], [220, 'Hammer Schlosser 300 g'], [-500, '14.90'], [-555, '89.40']),
        R([380, 'Total'], [-555, "1'737.40"]),
      ],
    ],
    want: {
      cust: 'C-2001',
      ref: '88-3312',
      od: '2026-11-27',
      dd: '2026-12-07',
      lines: ['10-4711|20', '0003318|150', 'HS-101B|6'],
    },
  },
  {
    name: 'mail-de-casual-table',
    eml: eml(
      'Hans Zaugg <magazin@zaugg-bau.ch>',
      'Material für Baustelle Lyssach',
      `Hallo zusammen

Für die Baustelle Lyssach brauchen wir bis Donnerstag 3.12.:

Art. 0005302   Kette 6mm        80 m
Art. 204.150.10 Steinbohrer 10  12 Stk
Art. 0001620   Schutzbrillen    30 Stk

Lieferadresse: Baustelle Lyssach, Bernstrasse 12, 3421 Lyssach
Unsere Bestellnr.: Z-26-1302

Gruss
Hans Zaugg
Magazin
Bauunternehmung Zaugg AG`,
    ),
    want: {
      cust: 'C-2008',
      ref: 'Z-26-1302',
      dd: '2026-12-03',
      lines: ['0005302|80', '204.150.10|12', '0001620|30'],
    },
  },
  {
    name: 'mail-fr-lignes',
    eml: eml(
      'Garage Steiner AG <teile@garage-steiner.ch>',
      'Commande 2611-A',
      `Bonjour,

Veuillez nous livrer les articles suivants :

1) 10 x AB-2058S Batterie 18 V 5,0 Ah
2) 4 x 0004110 Nettoyant freins (carton de 12)
3) 2 x 205.320.12 Disques à tronçonner inox

Livraison au plus tard le 8 décembre 2026.
Merci et meilleures salutations

Garage Steiner AG`,
    ),
    want: {
      cust: 'C-2005',
      ref: '2611-A',
      dd: '2026-12-08',
      lines: ['AB-2058S|10', '0004110|4', '205.320.12|2'],
    },
  },
  {
    name: 'mail-html-two-tables',
    eml: eml(
      'Elektro Frei AG <einkauf@elektro-frei.ch>',
      'Bestellung 77231',
      `<html><body><p>Guten Tag</p><p>Bitte folgende Positionen liefern:</p>
<table border="1"><tr><th>Artikel</th><th>Bezeichnung</th><th>Menge</th></tr>
<tr><td>0006001</td><td>Kabelbinder 4.8x200</td><td>20 Pack</td></tr>
<tr><td>0006002</td><td>Kabelbinder 7.6x300</td><td>10 Pack</td></tr></table>
<p>Zusätzlich für Lager 2:</p>
<table border="1"><tr><th>Artikel</th><th>Bezeichnung</th><th>Menge</th></tr>
<tr><td>0002210</td><td>Gehörschutz Box</td><td>3 Pack</td></tr></table>
<p>Liefertermin: 02.12.2026</p><p>Freundliche Grüsse<br>Elektro Frei AG</p></body></html>`,
      'text/html; charset=utf-8',
    ),
    want: {
      cust: 'C-2003',
      ref: '77231',
      dd: '2026-12-02',
      lines: ['0006001|20', '0006002|10', '0002210|3'],
    },
  },
  {
    name: 'po-footer-bank-phone',
    pages: [
      [
        [{ x: 40, t: 'Sanitär Kälin & Co. AG', s: 16, b: true }],
        L([40, 'Baarerstrasse 41']),
        L([40, '6300 Zug']),
        30,
        [{ x: 40, t: 'Bestellung', s: 14, b: true }],
        R([40, 'Ihr Zeichen: mk'], [220, 'Unser Zeichen: ak'], [400, 'Zug, 26.11.2026']),
        R([40, 'Bestellnummer: 26/1188']),
        15,
        HR([40, 'Pos'], [-110, 'Menge'], [120, 'ME'], [160, 'Artikel'], [250, 'Bezeichnung']),
        R([40, '1'], [-110, '12'], [120, 'Stk'], [160, 'EK-3150I'], [250, 'Eckventil 1/2" verchromt']),
        R([40, '2'], [-110, '30'], [120, 'm'], [160, '0005231'], [250, 'Kupferrohr 18x1 mm']),
        40,
        L([40, 'Lieferung frei Baustelle bis 11.12.2026.']),
        300,
        L([40, 'Sanitär Kälin & Co. AG · Tel. 041 555 44 10 · Fax 041 555 44 12 · info@kaelin-sanitaer.ch']),
        L([40, 'Zuger Kantonalbank · IBAN CH44 0078 7000 1234 5678 9 · UID CHE-105.882.114 MWST']),
      ],
    ],
    want: {
      cust: 'C-2004',
      ref: '26/1188',
      od: '2026-11-26',
      dd: '2026-12-11',
      lines: ['EK-3150I|12', '0005231|30'],
    },
  },
  // products named by their description only, counts with their unit in one cell, a cover sheet and a
  // two-page order, a French table with spaced thousands, a form whose quantity column is last
  {
    name: 'desc-only-letter',
    pages: [
      [
        [{ x: 40, t: 'Schreinerei Lüthi GmbH', s: 14, b: true }],
        L([40, 'Bernstrasse 77 · 3072 Ostermundigen']),
        40,
        L([330, 'Ostermundigen, 25. November 2026']),
        20,
        [{ x: 40, t: 'Bestellung', b: true }],
        15,
        L([40, 'Guten Tag Herr Meier']),
        L([40, 'Wir benötigen für die nächste Woche folgendes Material:']),
        10,
        L([60, '6 Pack Senkkopfschrauben M4x25 verzinkt']),
        L([60, '2 Karton Spanplattenschrauben Torx 5x80']),
        L([60, '10 Stück Spiralbohrer HSS-G 6 mm']),
        L([60, '20 Paar Arbeitshandschuhe Nitril Grösse 10']),
        10,
        L([40, 'Vielen Dank und freundliche Grüsse']),
        L([40, 'Peter Lüthi']),
      ],
    ],
    want: {
      cust: 'C-2002',
      od: '2026-11-25',
      lines: ['10-4717|6', '12-0816|2', '204.118.06|10', '0001574|20'],
    },
  },
  {
    name: 'po-qty-unit-one-cell',
    pages: [
      [
        [{ x: 40, t: 'Garage Steiner AG', s: 14, b: true }],
        L([40, 'Rorschacher Strasse 210, CH-9000 St. Gallen']),
        30,
        [{ x: 40, t: 'Bestellung', s: 14, b: true }],
        L([40, 'Bestell-Nr.: GS-26-588'], [300, 'St. Gallen, 23.11.2026']),
        L([40, 'Liefertermin: KW 49']),
        20,
        HR(
          [40, 'Pos.'],
          [75, 'Menge'],
          [140, 'Artikel-Nr.'],
          [240, 'Bezeichnung'],
          [-490, 'Preis'],
          [-555, 'Total'],
        ),
        rule(40, 555, -4),
        R(
          [40, '1'],
          [75, '10 Stk.'],
          [140, '204.118.05'],
          [240, 'Spiralbohrer HSS-G 5.0 mm'],
          [-490, '4.20'],
          [-555, '42.00'],
        ),
        R(
          [40, '2'],
          [75, '3 Pack'],
          [140, '10-6030'],
          [240, 'Sechskantmutter M8 verzinkt'],
          [-490, '9.80'],
          [-555, '29.40'],
        ),
        R(
          [40, '3'],
          [75, '2 Sets'],
          [140, '205.310.01'],
          [240, 'Bit-Set Torx T10-T40'],
          [-490, '19.50'],
          [-555, '39.00'],
        ),
        R(
          [40, '4'],
          [75, '15 Rollen'],
          [140, '0003319'],
          [240, 'Abdeckband Maler 38 mm'],
          [-490, '4.60'],
          [-555, '69.00'],
        ),
        rule(40, 555, -4),
        R([400, 'Total netto'], [-555, '179.40']),
      ],
    ],
    want: {
      cust: 'C-2005',
      ref: 'GS-26-588',
      od: '2026-11-23',
      dd: '2026-11-30',
      lines: ['204.118.05|10', '10-6030|3', '205.310.01|2', '0003319|15'],
    },
  },
  {
    name: 'multipage-cover-po-continued',
    pages: [
      [
        [{ x: 40, t: 'Fax-Deckblatt', s: 20, b: true }],
        20,
        L([40, 'Empfänger:'], [140, 'Werkzeug Meier AG']),
        L([40, 'Absender:'], [140, 'Müller Anlagenbau GmbH, Einkauf']),
        L([40, 'Fax-Nr.:'], [140, '+49 711 555 43 80']),
        L([40, 'Anzahl Seiten:'], [140, '3']),
        L([40, 'Datum:'], [140, '24.11.2026']),
        20,
        L([40, 'Nachricht: Bitte die beiliegende Bestellung bis 1.12. liefern.']),
      ],
      [
        [{ x: 40, t: 'Müller Anlagenbau GmbH', s: 13, b: true }],
        L([40, 'Heilbronner Straße 150, 70191 Stuttgart']),
        20,
        [{ x: 40, t: 'Bestellung 4500098123', s: 13, b: true }],
        L([40, 'Datum: 24.11.2026'], [300, 'Lieferdatum: 01.12.2026']),
        15,
        HR(
          [40, 'Pos'],
          [80, 'Artikel'],
          [180, 'Bezeichnung'],
          [-430, 'Menge'],
          [440, 'ME'],
          [-555, 'Wert EUR'],
        ),
        rule(40, 555, -4),
        R(
          [40, '10'],
          [80, 'MA-0815-060'],
          [180, 'Spanplattenschraube 5x60'],
          [-430, '6'],
          [440, 'KAR'],
          [-555, '231,00'],
        ),
        R(
          [40, '20'],
          [80, 'MA-0815-080'],
          [180, 'Spanplattenschraube 5x80'],
          [-430, '4'],
          [440, 'KAR'],
          [-555, '179,60'],
        ),
        R(
          [40, '30'],
          [80, 'AB-1020X'],
          [180, 'Winkelschleifer 125 mm 1200 W'],
          [-430, '2'],
          [440, 'ST'],
          [-555, '258,00'],
        ),
        R(
          [40, '40'],
          [80, '0001620'],
          [180, 'Schutzbrille klar EN 166'],
          [-430, '25'],
          [440, 'ST'],
          [-555, '160,00'],
        ),
        30,
        L([40, 'Seite 1 von 2']),
      ],
      [
        L([40, 'Müller Anlagenbau GmbH · Bestellung 4500098123 · Seite 2 von 2']),
        20,
        HR(
          [40, 'Pos'],
          [80, 'Artikel'],
          [180, 'Bezeichnung'],
          [-430, 'Menge'],
          [440, 'ME'],
          [-555, 'Wert EUR'],
        ),
        rule(40, 555, -4),
        R(
          [40, '50'],
          [80, 'MA-9910-043'],
          [180, 'Sicherheitsschuh S3 Gr. 43'],
          [-430, '4'],
          [440, 'PAA'],
          [-555, '356,00'],
        ),
        R(
          [40, '60'],
          [80, '0007011'],
          [180, 'Sicherheitsschuh S3 Gr. 44'],
          [-430, '2'],
          [440, 'PAA'],
          [-555, '178,00'],
        ),
        rule(40, 555, -4),
        R([300, 'Gesamtwert netto EUR'], [-555, '1.362,60']),
      ],
    ],
    want: {
      cust: 'C-2006',
      ref: '4500098123',
      od: '2026-11-24',
      dd: '2026-12-01',
      lines: ['12-0815|6', '12-0816|4', 'AB-1020X|2', '0001620|25', '0007010|4', '0007011|2'],
    },
  },
  {
    name: 'fr-bon-de-commande-table',
    pages: [
      [
        [{ x: 40, t: 'Garage Steiner AG', s: 14, b: true }],
        L([40, 'Rorschacher Strasse 210 – 9000 St-Gall']),
        30,
        [{ x: 40, t: 'BON DE COMMANDE', s: 14, b: true }],
        L([40, 'Commande n° :'], [160, 'GS-FR-7731']),
        L([40, 'Date :'], [160, '26/11/2026']),
        L([40, 'Livraison :'], [160, 'semaine 50']),
        20,
        HR(
          [40, 'Réf.'],
          [130, 'Désignation'],
          [-400, 'Qté'],
          [410, 'Unité'],
          [-490, 'P.U. HT'],
          [-555, 'Montant HT'],
        ),
        R(
          [40, '10-5120'],
          [130, 'Vis cylindrique M6x30'],
          [-400, '8'],
          [410, 'paquet'],
          [-490, '12,60'],
          [-555, '100,80'],
        ),
        R(
          [40, '0006150'],
          [130, 'Corindon F80'],
          [-400, '250'],
          [410, 'kg'],
          [-490, '3,20'],
          [-555, '800,00'],
        ),
        R(
          [40, '0004105'],
          [130, 'Huile de coupe'],
          [-400, '10'],
          [410, 'litres'],
          [-490, '12,40'],
          [-555, '124,00'],
        ),
        20,
        R([380, 'Total HT'], [-555, '1 024,80']),
        R([380, 'TVA 8,1 %'], [-555, '83,01']),
        R([380, 'Total TTC'], [-555, '1 107,81']),
      ],
    ],
    want: {
      cust: 'C-2005',
      ref: 'GS-FR-7731',
      od: '2026-11-26',
      dd: '2026-12-07',
      lines: ['10-5120|8', '0006150|250', '0004105|10'],
    },
  },
  {
    name: 'en-po-vendor-item-col',
    pages: [
      [
        [{ x: 40, t: 'ELEKTRO FREI AG', s: 14, b: true }],
        L([40, 'Hauptstrasse 5, 4132 Muttenz, Switzerland']),
        30,
        [{ x: 40, t: 'PURCHASE ORDER', s: 14, b: true }],
        L([320, 'PO #'], [400, '4410-2231']),
        L([320, 'Date'], [400, 'Nov 24, 2026']),
        L([320, 'Ship by'], [400, 'Dec 2, 2026']),
        L([40, 'Vendor:'], [100, 'Werkzeug Meier AG']),
        20,
        HR(
          [40, 'Item'],
          [100, 'Vendor Item #'],
          [200, 'Description'],
          [-420, 'Qty'],
          [430, 'U/M'],
          [-490, 'Rate'],
          [-555, 'Amount'],
        ),
        R(
          [40, '1'],
          [100, '0006001'],
          [200, 'Cable ties black 4.8x200'],
          [-420, '50'],
          [430, 'pack'],
          [-490, '5.90'],
          [-555, '295.00'],
        ),
        R(
          [40, '2'],
          [100, '0003402'],
          [200, 'Stretch film 500 mm'],
          [-420, '6'],
          [430, 'roll'],
          [-490, '18.90'],
          [-555, '113.40'],
        ),
        R(
          [40, '3'],
          [100, 'AB-2058S'],
          [200, 'Battery 18V 5.0Ah'],
          [-420, '4'],
          [430, 'each'],
          [-490, '95.00'],
          [-555, '380.00'],
        ),
        20,
        R([400, 'TOTAL CHF'], [-555, '788.40']),
      ],
    ],
    want: {
      cust: 'C-2003',
      ref: '4410-2231',
      od: '2026-11-24',
      dd: '2026-12-02',
      lines: ['0006001|50', '0003402|6', 'AB-2058S|4'],
    },
  },
  {
    name: 'form-checkbox-qty-right',
    pages: [
      [
        [{ x: 40, t: 'Werkzeug Meier AG', s: 14, b: true }],
        L([40, 'Nachbestellung Verbrauchsmaterial — bitte Menge eintragen und zurückfaxen an 044 555 10 20']),
        20,
        L([40, 'Firma:'], [110, 'Bauunternehmung Zaugg AG']),
        L([40, 'Kd.-Nr.:'], [110, 'C-2008'], [300, 'Datum:'], [360, '27.11.2026']),
        L([40, 'Bestell-Nr.:'], [110, 'ZA-11/26']),
        20,
        HR([40, 'Artikel-Nr.'], [130, 'Bezeichnung'], [350, 'Einheit'], [430, 'Menge']),
        rule(40, 555, -4),
        ...[
          ['0001547', 'Arbeitshandschuh Nitril Gr. 9', 'Paar', ''],
          ['0001574', 'Arbeitshandschuh Nitril Gr. 10', 'Paar', '40'],
          ['0001620', 'Schutzbrille klar EN 166', 'Stk', ''],
          ['0002210', 'Gehörschutzstöpsel Box', 'Pack', '5'],
          ['0003318', 'Gewebeklebeband silber 50 mm', 'Rolle', ''],
          ['0003319', 'Abdeckband Maler 38 mm', 'Rolle', '24'],
          ['0003402', 'Stretchfolie transparent 500 mm', 'Rolle', ''],
          ['0006001', 'Kabelbinder 4.8x200 mm', 'Pack', ''],
          ['0006002', 'Kabelbinder 7.6x300 mm', 'Pack', ''],
        ].flatMap(([a, d, u, q]) => [R([40, a!], [130, d!], [350, u!], [440, q!]), rule(40, 555, -4)]),
      ],
    ],
    want: {
      cust: 'C-2008',
      ref: 'ZA-11/26',
      od: '2026-11-27',
      lines: ['0001574|40', '0002210|5', '0003319|24'],
    },
  },
  {
    name: 'mail-it-elenco',
    eml: eml(
      'Müller Anlagenbau GmbH <einkauf@mueller-anlagenbau.de>',
      'Ordine n. 2026-0519',
      `Buongiorno,

vi preghiamo di fornirci entro il 7 dicembre 2026:

- 12 conf. viti Torx 5x60 (cod. 12-0815)
- 5 pz. trapano a batteria 18 V (cod. AB-2050S)
- 30 m catena zincata 6 mm (cod. 0005302)

Distinti saluti
Ufficio acquisti`,
    ),
    want: {
      cust: 'C-2006',
      ref: '2026-0519',
      dd: '2026-12-07',
      lines: ['12-0815|12', 'AB-2050S|5', '0005302|30'],
    },
  },
  {
    name: 'mail-en-inline',
    eml: eml(
      'Hofmann Haustechnik <bestellung@hofmann-haustechnik.de>',
      'PO HH-77120',
      `Hi,

please ship the following against PO HH-77120:

Item 0005230 copper pipe 15x1, qty 120 m
Item EK-3150I angle valve, qty 16 pcs
Item 0004120 isopropanol, qty 25 l

Required delivery: 4 December 2026.

Thanks,
Anna Hofmann`,
    ),
    want: {
      cust: 'C-2007',
      ref: 'HH-77120',
      dd: '2026-12-04',
      lines: ['0005230|120', 'EK-3150I|16', '0004120|25'],
    },
  },
  {
    name: 'po-position-subline-article',
    pages: [
      [
        [{ x: 40, t: 'Bauunternehmung Zaugg AG', s: 14, b: true }],
        L([40, 'Kirchbergstrasse 19, 3400 Burgdorf']),
        30,
        [{ x: 40, t: 'Bestellung Nr. 26-4410', s: 13, b: true }],
        L([40, 'Burgdorf, 20.11.2026']),
        L([40, 'Anlieferung: 25.11.2026, Werkhof']),
        20,
        HR([40, 'Pos.'], [80, 'Bezeichnung'], [-420, 'Menge'], [430, 'Einheit'], [-555, 'Preis']),
        rule(40, 555, -4),
        R([40, '1'], [80, 'Steinbohrer SDS-plus 10x160 mm'], [-420, '15'], [430, 'Stk'], [-555, '7.80']),
        R([80, 'Ihre Art.-Nr. 204.150.10']),
        R([40, '2'], [80, 'Trennscheibe Inox 125x1.0 mm'], [-420, '3'], [430, 'Karton'], [-555, '42.00']),
        R([80, 'Ihre Art.-Nr. 205.320.12']),
        R([40, '3'], [80, 'Fächerschleifscheibe K80 125 mm'], [-420, '40'], [430, 'Stk'], [-555, '5.60']),
        R([80, 'Ihre Art.-Nr. 205.320.13']),
      ],
    ],
    want: {
      cust: 'C-2008',
      ref: '26-4410',
      od: '2026-11-20',
      dd: '2026-11-25',
      lines: ['204.150.10|15', '205.320.12|3', '205.320.13|40'],
    },
  },
  {
    name: 'de-gtin-column-last',
    pages: [
      [
        [{ x: 40, t: 'Hofmann Haustechnik GmbH', s: 14, b: true }],
        L([40, 'Landsberger Straße 302 · 80687 München']),
        30,
        [{ x: 40, t: 'Bestellung', s: 14, b: true }],
        L([40, 'Nr.'], [100, 'HH-26-0913']),
        L([40, 'Datum'], [100, '19.11.2026']),
        20,
        HR([40, 'Bezeichnung'], [-300, 'Anzahl'], [310, 'VE'], [380, 'EAN']),
        R([40, 'Kupferrohr 15x1 mm'], [-300, '60'], [310, 'm'], [380, '7612345005232']),
        R([40, 'Bremsenreiniger 500 ml'], [-300, '2'], [310, 'KAR'], [380, '7612345004112']),
        R([40, 'Hammer Schlosser 300 g'], [-300, '3'], [310, 'Stk'], [380, '7612345971018']),
      ],
    ],
    want: {
      cust: 'C-2007',
      ref: 'HH-26-0913',
      od: '2026-11-19',
      lines: ['0005230|60', '0004110|2', 'HS-101B|3'],
    },
  },
  // e-mails: quoted-printable, base64 Outlook HTML, a CSV and a PDF attached, <br> lines, a text table,
  // a reply that orders more above a quoted confirmation
  {
    name: 'mail-qp-umlauts',
    eml:
      mime(
        'Schreinerei Lüthi <bestellung@luethi-holzbau.ch>',
        '=?utf-8?Q?Bestellung_f=C3=BCr_n=C3=A4chste_Woche?=',
        'text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable\r\n',
      ) +
      '\r\n' +
      toQp(`Grüezi mitenand

Bitte für nächste Woche (bis 4.12.2026) liefern:

12-0815  Spanplattenschraube Torx 5x60   3 Karton
0003319  Abdeckband Maler 38 mm          10 Rollen
0001547  Arbeitshandschuh Nitril Grösse 9  12 Paar

Bestellnummer: L-26-114

Mit freundlichen Grüssen
Peter Lüthi
Tel. 031 555 28 70`),
    want: {
      cust: 'C-2002',
      ref: 'L-26-114',
      dd: '2026-12-04',
      lines: ['12-0815|3', '0003319|10', '0001547|12'],
    },
  },
  {
    name: 'mail-b64-html-outlook',
    eml:
      mime(
        'Elektro Frei AG <einkauf@elektro-frei.ch>',
        'Bestellung 77301',
        'multipart/alternative; boundary="b1"',
      ) +
      '\r\n' +
      '--b1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
      b64(`<html><head><style>p.MsoNormal{margin:0}</style></head><body><div class="WordSection1">
<p class="MsoNormal">Guten Tag Herr Meier<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Bitte liefern Sie uns folgende Artikel bis am 02.12.2026:<o:p></o:p></p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0"><tr><td><p class="MsoNormal"><b>Anzahl</b></p></td><td><p class="MsoNormal"><b>Art.-Nr.</b></p></td><td><p class="MsoNormal"><b>Bezeichnung</b></p></td></tr>
<tr><td><p class="MsoNormal">8</p></td><td><p class="MsoNormal">AB-1020Z</p></td><td><p class="MsoNormal">Winkelschleifer 125&nbsp;mm 1400&nbsp;W</p></td></tr>
<tr><td><p class="MsoNormal">100</p></td><td><p class="MsoNormal">0006002</p></td><td><p class="MsoNormal">Kabelbinder 7.6x300</p></td></tr></table>
<p class="MsoNormal">Freundliche Grüsse<br>Hans Frei<br>Elektro Frei AG | Hauptstrasse 5 | 4132 Muttenz | Tel. 061 555 33 00</p></div></body></html>`) +
      '\r\n--b1--\r\n',
    want: { cust: 'C-2003', ref: '77301', dd: '2026-12-02', lines: ['AB-1020Z|8', '0006002|100'] },
  },
  {
    name: 'mail-csv-semicolon',
    eml:
      mime(
        'Bauunternehmung Zaugg AG <magazin@zaugg-bau.ch>',
        'Bestellung Z-26-1410',
        'multipart/mixed; boundary="b2"',
      ) +
      '\r\n' +
      '--b2\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGuten Tag, anbei unsere Bestellung als CSV. Gruss H. Zaugg\r\n' +
      '--b2\r\nContent-Type: text/csv; name="bestellung.csv"\r\nContent-Disposition: attachment; filename="bestellung.csv"\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
      b64(
        'Artikelnummer;Bezeichnung;Menge;Einheit\r\n0005302;Stahlkette verzinkt 6 mm;40;m\r\n204.150.10;Steinbohrer SDS-plus 10x160;25;Stk\r\n0006150;Strahlmittel Korund F80;500;kg\r\n',
      ) +
      '\r\n--b2--\r\n',
    want: { cust: 'C-2008', ref: 'Z-26-1410', lines: ['0005302|40', '204.150.10|25', '0006150|500'] },
  },
  {
    name: 'mail-pdf-attached-body-anbei',
    eml:
      mime(
        'Sanitär Kälin <bestellung@kaelin-sanitaer.ch>',
        'Bestellung 26-2207',
        'multipart/mixed; boundary="b3"',
      ) +
      '\r\n' +
      '--b3\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGuten Tag\r\n\r\nAnbei unsere Bestellung 26-2207.\r\n\r\nFreundliche Grüsse\r\nA. Kälin\r\nSanitär Kälin & Co. AG\r\nTel. 041 555 44 10\r\n' +
      '--b3\r\nContent-Type: application/pdf; name="Bestellung_26-2207.pdf"\r\nContent-Disposition: attachment; filename="Bestellung_26-2207.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
      b64(attachedPdf) +
      '\r\n--b3--\r\n',
    want: {
      cust: 'C-2004',
      ref: '26-2207',
      od: '2026-11-25',
      dd: '2026-12-03',
      lines: ['EK-3150I|10', '0005230|50'],
    },
  },
  {
    name: 'mail-html-br-lines',
    eml:
      mime(
        'Garage Steiner AG <teile@garage-steiner.ch>',
        'Bestellung',
        'text/html; charset=utf-8',
        'Content-Transfer-Encoding: 8bit\r\n',
      ) +
      '\r\n' +
      `<div>Hallo Team,<br><br>bitte schickt uns:<br>2x AB-2058S Akku 18V 5Ah<br>1x AB-2050S Bohrschrauber<br>5x 205.320.13 F&auml;cherschleifscheiben<br><br>Unsere Bestell-Nr.: GS-26-601<br>Liefertermin: so bald wie m&ouml;glich<br><br>Danke &amp; Gruss<br>Marco Steiner<br>Garage Steiner AG</div>`,
    want: { cust: 'C-2005', ref: 'GS-26-601', dd: null, lines: ['AB-2058S|2', 'AB-2050S|1', '205.320.13|5'] },
  },
  {
    name: 'mail-markdown-table',
    eml:
      mime(
        'Hofmann Haustechnik <bestellung@hofmann-haustechnik.de>',
        'Bestellung HH-26-1001',
        'text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit\r\n',
      ) +
      '\r\n' +
      `Sehr geehrte Damen und Herren,

| Pos | Artikel  | Beschreibung          | Menge | Einheit |
|-----|----------|-----------------------|------:|---------|
| 1   | 0005231  | Kupferrohr 18x1 mm    |   200 | m       |
| 2   | EK-3150I | Eckventil 1/2"        |    30 | Stk     |
| 3   | 0004105  | Bohr- und Schneidöl   |     6 | l       |

Liefertermin: 09.12.2026

Mit freundlichen Grüßen
Hofmann Haustechnik GmbH`.replace(/\n/g, '\r\n'),
    want: {
      cust: 'C-2007',
      ref: 'HH-26-1001',
      dd: '2026-12-09',
      lines: ['0005231|200', 'EK-3150I|30', '0004105|6'],
    },
  },
  {
    name: 'mail-reply-on-top-of-confirmation',
    eml:
      mime(
        'Baumann Metallbau AG <einkauf@baumann-metallbau.ch>',
        'AW: Auftragsbestätigung 880123',
        'text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit\r\n',
      ) +
      '\r\n' +
      `Guten Tag

Danke für die Bestätigung. Bitte zusätzlich noch liefern:
5 Pack 10-4720 Senkkopfschraube M5x30
2 Stk 205.310.01 Bit-Set

Unsere Bestellnummer dafür: BM-88290

Gruss R. Baumann

-----Ursprüngliche Nachricht-----
Von: Verkauf Werkzeug Meier AG
Gesendet: Donnerstag, 26. November 2026 16:02
An: einkauf@baumann-metallbau.ch
Betreff: Auftragsbestätigung 880123

Wir bestätigen Ihre Bestellung BM-88213:
30 Pack 10-4711 Senkkopfschraube M4x20
15 Pack 10-4717 Senkkopfschraube M4x25`.replace(/\n/g, '\r\n'),
    want: { cust: 'C-2001', ref: 'BM-88290', lines: ['10-4720|5', '205.310.01|2'] },
  },
  // a form filled in by hand, a landscape page, notes under rows and a rounding line, a letter with two
  // address columns and an offer's validity date
  {
    name: 'form-filled-by-hand',
    pages: [
      [
        [{ x: 40, t: 'Werkzeug Meier AG', s: 16, b: true }],
        L([40, 'Bestellschein  ·  Fax 044 555 10 20  ·  bestellung@werkzeug-meier.ch']),
        20,
        [{ x: 40, t: 'Kunde:' }, W(120, 'Garage Steiner AG'), { x: 330, t: 'Kd-Nr.:' }, W(390, 'C-2005')],
        [{ x: 40, t: 'Datum:' }, W(120, '26.11.26'), { x: 330, t: 'Ihre Bestell-Nr.:' }, W(430, 'GS 4471')],
        [{ x: 40, t: 'Lieferung bis:' }, W(120, '3.12.')],
        20,
        HR([40, 'Menge'], [100, 'Art.-Nr.'], [190, 'Bezeichnung'], [430, 'Einheit'], [-555, 'Preis']),
        rule(40, 555, -4),
        ...[
          ['', 'AB-1020X', 'Winkelschleifer 125 mm 1200 W', 'Stk', '129.00'],
          ['2', 'AB-1020Z', 'Winkelschleifer 125 mm 1400 W', 'Stk', '149.00'],
          ['', 'AB-2050S', 'Akku-Bohrschrauber 18 V ohne Akku', 'Stk', '189.00'],
          ['6', 'AB-2058S', 'Akku 18 V 5.0 Ah', 'Stk', '95.00'],
          ['', 'HS-101B', 'Hammer Schlosser 300 g', 'Stk', '14.90'],
          ['', 'HS-1018', 'Hammer Schlosser 800 g', 'Stk', '21.50'],
          ['4', 'BZ-5081', 'Schraubzwinge 300x120 mm', 'Stk', '24.50'],
          ['', '205.310.01', 'Bit-Set Torx T10-T40 10-tlg.', 'Stk', '19.50'],
        ].flatMap(([q, a, d, u, p]) => [
          [...(q ? [W(55, q!)] : []), ...R([100, a!], [190, d!], [430, u!], [-555, p!])],
          rule(40, 555, -4),
        ]),
        30,
        [{ x: 40, t: 'Unterschrift:' }, W(130, 'M. Steiner')],
      ],
    ],
    want: {
      cust: 'C-2005',
      ref: 'GS 4471',
      od: '2026-11-26',
      dd: '2026-12-03',
      lines: ['AB-1020Z|2', 'AB-2058S|6', 'BZ-5081|4'],
    },
  },
  {
    name: 'landscape-po',
    landscape: true,
    pages: [
      [
        [
          { x: 40, t: 'Hofmann Haustechnik GmbH', s: 14, b: true },
          { x: 560, t: 'BESTELLUNG', s: 14, b: true },
        ],
        L([40, 'Landsberger Straße 302 · 80687 München'], [560, 'Nr.: HH-26-1140']),
        L([560, 'Datum: 23.11.2026']),
        L([560, 'Liefertermin: 30.11.2026']),
        20,
        HR(
          [40, 'Pos'],
          [80, 'Artikel-Nr.'],
          [180, 'Bezeichnung'],
          [460, 'Lieferant-Nr.'],
          [-620, 'Menge'],
          [630, 'ME'],
          [-720, 'EP'],
          [-800, 'GP'],
        ),
        rule(40, 800, -4),
        R(
          [40, '1'],
          [80, 'HT-55120'],
          [180, 'Kupferrohr 15 x 1 mm, Stange 5 m'],
          [460, '0005230'],
          [-620, '75'],
          [630, 'm'],
          [-720, '11,60'],
          [-800, '870,00'],
        ),
        R(
          [40, '2'],
          [80, 'HT-55121'],
          [180, 'Kupferrohr 18 x 1 mm, Stange 5 m'],
          [460, '0005231'],
          [-620, '50'],
          [630, 'm'],
          [-720, '14,20'],
          [-800, '710,00'],
        ),
        R(
          [40, '3'],
          [80, 'HT-10931'],
          [180, 'Eckventil 1/2" verchromt'],
          [460, 'EK-3150I'],
          [-620, '20'],
          [630, 'Stk'],
          [-720, '16,40'],
          [-800, '328,00'],
        ),
        rule(40, 800, -4),
        R([600, 'Summe netto'], [-800, '1.908,00']),
      ],
    ],
    want: {
      cust: 'C-2007',
      ref: 'HH-26-1140',
      od: '2026-11-23',
      dd: '2026-11-30',
      lines: ['0005230|75', '0005231|50', 'EK-3150I|20'],
    },
  },
  {
    name: 'po-rounding-and-notes',
    pages: [
      [
        [{ x: 40, t: 'Elektro Frei AG', s: 14, b: true }],
        L([40, 'Hauptstrasse 5, 4132 Muttenz']),
        30,
        [{ x: 40, t: 'Bestellung 2026-00911', s: 13, b: true }],
        L([40, 'Muttenz, 24. November 2026']),
        15,
        HR(
          [40, 'Art.-Nr.'],
          [120, 'Bezeichnung'],
          [-380, 'Menge'],
          [390, 'ME'],
          [-470, 'Preis'],
          [-555, 'Total'],
        ),
        rule(40, 555, -4),
        R(
          [40, '0001620'],
          [120, 'Schutzbrille klar EN 166'],
          [-380, '12'],
          [390, 'Stk'],
          [-470, '6.40'],
          [-555, '76.80'],
        ),
        R([120, 'Bitte einzeln verpackt']),
        R(
          [40, '0002210'],
          [120, 'Gehörschutzstöpsel Box à 200 Paar'],
          [-380, '3'],
          [390, 'Pack'],
          [-470, '32.00'],
          [-555, '96.00'],
        ),
        R(
          [40, '0004110'],
          [120, 'Bremsenreiniger 500 ml'],
          [-380, '2'],
          [390, 'Karton'],
          [-470, '46.80'],
          [-555, '93.60'],
        ),
        R([120, 'Achtung: Gefahrgut, separat verpacken']),
        rule(40, 555, -4),
        R([330, 'Warenwert'], [-555, '266.40']),
        R([330, 'Rundung'], [-555, '0.00']),
        R([330, 'MWST 8.1%'], [-555, '21.58']),
        R([330, 'Total CHF'], [-555, '287.98']),
        20,
        L([40, 'Lieferung: bis Ende nächster Woche. Bemerkung: Anlieferung Rampe 2, Mo–Fr 7–16 Uhr.']),
      ],
    ],
    want: {
      cust: 'C-2003',
      ref: '2026-00911',
      od: '2026-11-24',
      dd: '2026-12-04',
      lines: ['0001620|12', '0002210|3', '0004110|2'],
    },
  },
  {
    name: 'letter-two-col-address',
    pages: [
      [
        [
          { x: 40, t: 'Bauunternehmung', s: 11 },
          { x: 330, t: 'Werkzeug Meier AG' },
        ],
        [
          { x: 40, t: 'Zaugg AG', s: 16, b: true },
          { x: 330, t: 'Verkauf Innendienst' },
        ],
        L([40, 'Kirchbergstrasse 19'], [330, 'Industriestrasse 80']),
        L([40, '3400 Burgdorf'], [330, '8000 Zürich']),
        40,
        L([40, 'Ihr Angebot Nr. 2026-388 vom 10.11.2026'], [330, 'Burgdorf, 25.11.2026']),
        20,
        [{ x: 40, t: 'Bestellung B-26-2302', b: true }],
        15,
        L([40, 'Sehr geehrte Damen und Herren']),
        L([40, 'Gestützt auf Ihr Angebot bestellen wir zur Lieferung in KW 50 auf die Baustelle Kirchberg:']),
        10,
        L([60, '1.'], [80, '200 kg Strahlmittel Korund F80, Art. 0006150']),
        L([60, '2.'], [80, '60 m Stahlkette verzinkt 6 mm, Art. 0005302']),
        L([60, '3.'], [80, '10 Stk. Steinbohrer SDS-plus 10x160, Art. 204.150.10']),
        10,
        L([40, 'Die Preise gemäss Angebot gelten bis 31.12.2026.']),
        L([40, 'Freundliche Grüsse']),
        L([40, 'Bauunternehmung Zaugg AG']),
      ],
    ],
    want: {
      cust: 'C-2008',
      ref: 'B-26-2302',
      od: '2026-11-25',
      dd: '2026-12-07',
      lines: ['0006150|200', '0005302|60', '204.150.10|10'],
    },
  },
  // fax cover sheets in French, English and Italian before the order, one order continued on a third page
  {
    name: 'fr-cover-telecopie',
    pages: [
      [
        [{ x: 40, t: 'TÉLÉCOPIE', s: 22, b: true }],
        20,
        L([40, 'À :'], [120, 'Werkzeug Meier AG – service commandes']),
        L([40, 'N° fax :'], [120, '+41 44 555 10 20']),
        L([40, 'De :'], [120, 'Garage Steiner AG']),
        L([40, 'N° fax :'], [120, '+41 71 555 66 20']),
        L([40, 'Date :'], [120, '26 novembre 2026']),
        L([40, 'Pages :'], [120, '2, y compris celle-ci']),
        L([40, 'Objet :'], [120, 'Commande 26-FR-118']),
        30,
        L([40, 'Madame, Monsieur,']),
        L([40, 'Veuillez trouver ci-joint notre commande. Merci de nous envoyer une confirmation.']),
        L([40, 'Meilleures salutations, J. Steiner']),
      ],
      [
        [{ x: 40, t: 'Garage Steiner AG', s: 14, b: true }],
        L([40, 'Rorschacher Strasse 210, 9000 St-Gall']),
        20,
        [{ x: 40, t: 'Commande 26-FR-118', s: 13, b: true }],
        L([40, 'Date de commande : 26.11.2026'], [320, 'Livraison : 08.12.2026']),
        15,
        HR([40, 'Article'], [130, 'Désignation'], [-420, 'Quantité'], [430, 'Unité']),
        rule(40, 555, -4),
        R([40, '0006001'], [130, 'Serre-câbles noirs 4,8x200'], [-420, '30'], [430, 'paquets']),
        R([40, '0001547'], [130, 'Gants nitrile taille 9'], [-420, '24'], [430, 'paires']),
        R([40, '204.118.05'], [130, 'Foret HSS-G 5,0 mm'], [-420, '20'], [430, 'pièces']),
      ],
    ],
    want: {
      cust: 'C-2005',
      ref: '26-FR-118',
      od: '2026-11-26',
      dd: '2026-12-08',
      lines: ['0006001|30', '0001547|24', '204.118.05|20'],
    },
  },
  {
    name: 'en-cover-three-pages-continued',
    pages: [
      [
        [{ x: 40, t: 'FAX COVER SHEET', s: 20, b: true }],
        20,
        L([40, 'To:'], [120, 'Werkzeug Meier AG, Sales']),
        L([40, 'From:'], [120, 'Elektro Frei AG, Purchasing']),
        L([40, 'Fax:'], [120, '061 555 33 90']),
        L([40, 'Date:'], [120, '11/25/2026']),
        L([40, 'Pages:'], [120, '3 (including cover)']),
        L([40, 'Re:'], [120, 'Purchase Order 4410-2290']),
        30,
        L([40, 'Please confirm receipt and delivery date. Thank you.']),
      ],
      [
        [{ x: 40, t: 'Elektro Frei AG', s: 14, b: true }],
        L([40, 'Hauptstrasse 5, 4132 Muttenz']),
        20,
        [{ x: 40, t: 'PURCHASE ORDER 4410-2290', s: 13, b: true }],
        L([40, 'Order date: 25.11.2026'], [320, 'Delivery: 07.12.2026']),
        15,
        HR([40, 'Line'], [80, 'Item'], [170, 'Description'], [-430, 'Qty'], [440, 'UoM'], [-555, 'Amount']),
        rule(40, 555, -4),
        R(
          [40, '1'],
          [80, '0006002'],
          [170, 'Cable ties 7.6x300'],
          [-430, '40'],
          [440, 'PK'],
          [-555, '456.00'],
        ),
        R(
          [40, '2'],
          [80, '0003402'],
          [170, 'Stretch film 500 mm'],
          [-430, '10'],
          [440, 'RL'],
          [-555, '189.00'],
        ),
        R(
          [40, '3'],
          [80, 'AB-1020X'],
          [170, 'Angle grinder 1200 W'],
          [-430, '3'],
          [440, 'EA'],
          [-555, '387.00'],
        ),
        30,
        L([40, 'continued on page 2']),
      ],
      [
        L([40, 'Elektro Frei AG – PO 4410-2290 – page 2 of 2']),
        20,
        R(
          [40, '4'],
          [80, '0002210'],
          [170, 'Ear plugs box of 200 pairs'],
          [-430, '6'],
          [440, 'PK'],
          [-555, '192.00'],
        ),
        R([40, '5'], [80, 'HS-1018'], [170, 'Hammer 800 g'], [-430, '4'], [440, 'EA'], [-555, '86.00']),
        rule(40, 555, -4),
        R([380, 'Total CHF'], [-555, '1310.00']),
      ],
    ],
    want: {
      cust: 'C-2003',
      ref: '4410-2290',
      od: '2026-11-25',
      dd: '2026-12-07',
      lines: ['0006002|40', '0003402|10', 'AB-1020X|3', '0002210|6', 'HS-1018|4'],
    },
  },
  {
    name: 'it-cover-ordine',
    pages: [
      [
        [{ x: 40, t: 'FAX', s: 24, b: true }],
        L([40, 'Destinatario:'], [140, 'Werkzeug Meier AG']),
        L([40, 'Mittente:'], [140, 'Müller Anlagenbau GmbH']),
        L([40, 'Data:'], [140, '24/11/2026']),
        L([40, 'Pagine:'], [140, '2']),
        20,
        L([40, 'In allegato il nostro ordine. Cordiali saluti.']),
      ],
      [
        [{ x: 40, t: 'Müller Anlagenbau GmbH', s: 13, b: true }],
        L([40, 'Heilbronner Straße 150, D-70191 Stuttgart']),
        20,
        [{ x: 40, t: "ORDINE D'ACQUISTO N. 2026/0533", s: 12, b: true }],
        L([40, 'Data: 24/11/2026'], [300, 'Consegna: entro il 04/12/2026']),
        15,
        HR([40, 'Q.tà'], [90, 'UM'], [130, 'Codice'], [230, 'Descrizione']),
        R([-70, '5'], [90, 'CF'], [130, 'MA-0815-080'], [230, 'Viti truciolari 5x80']),
        R([-70, '2'], [90, 'PZ'], [130, 'AB-2050S'], [230, 'Trapano avvitatore 18 V']),
        R([-70, '4'], [90, 'PA'], [130, 'MA-9910-043'], [230, 'Scarpe antinfortunistiche S3 n. 43']),
      ],
    ],
    want: {
      cust: 'C-2006',
      ref: '2026/0533',
      od: '2026-11-24',
      dd: '2026-12-04',
      lines: ['12-0816|5', 'AB-2050S|2', '0007010|4'],
    },
  },

  {
    // the title and a ruled box of labels on one line, values under the labels; descriptions
    // wrapped onto a second line; net total, VAT and total under the table
    name: 'fr-title-beside-header-box',
    pages: [
      [
        [{ x: 40, t: 'Müller Anlagenbau GmbH', s: 12, b: true }],
        L([40, 'Heilbronner Straße 150, 70191 Stuttgart']),
        L([40, 'Fax +49 711 555 43 80 · einkauf@mueller-anlagenbau.de']),
        30,
        rule(280, 560, 13),
        [
          { x: 40, t: 'Bon de commande', s: 16, b: true },
          { x: 283, t: 'N° de commande', s: 7, b: true },
          { x: 373, t: 'Date de commande', s: 7, b: true },
          { x: 453, t: 'Date de livraison', s: 7, b: true },
        ],
        rule(280, 560, 10),
        L([283, 'ORD/832/26'], [373, '26.05.2026'], [453, '05.06.2026']),
        rule(280, 560, 10),
        25,
        rule(),
        H(
          [40, 'N° article'],
          [130, 'Désignation'],
          [330, 'Quantité'],
          [390, 'Unité'],
          [450, 'Prix'],
          [505, 'Total'],
        ),
        rule(),
        R(
          [40, 'EK-3150I'],
          [130, 'Eckventil 1/2"'],
          [-365, '10'],
          [390, 'pièces'],
          [-490, '16,40'],
          [-550, '164,00'],
        ),
        L([130, 'verchromt']),
        rule(),
        R(
          [40, '0004105'],
          [130, 'Bohr- und'],
          [-365, '8'],
          [390, 'litres'],
          [-490, '12,40'],
          [-550, '99,20'],
        ),
        L([130, 'Schneidöl']),
        rule(),
        10,
        R([400, 'Total net'], [-550, '263,20']),
        R([400, 'TVA 8,1 %'], [-550, '21,32']),
        HR([400, 'Total TTC CHF'], [-550, '284,52']),
        20,
        L([40, 'Meilleures salutations']),
      ],
    ],
    want: {
      cust: 'C-2006',
      ref: 'ORD/832/26',
      od: '2026-05-26',
      dd: '2026-06-05',
      lines: ['EK-3150I|10', '0004105|8'],
    },
  },

  {
    // header fields as a row of labels with their values on the line below (ERP header strip)
    name: 'de-header-strip',
    pages: [
      [
        [{ x: 40, t: 'Elektro Frei AG', s: 14, b: true }],
        L([40, 'Hauptstrasse 5 · 4132 Muttenz · Tel. 061 555 33 90']),
        30,
        [{ x: 40, t: 'Bestellung', s: 16, b: true }],
        10,
        H(
          [40, 'Bestell-Nr.'],
          [150, 'Datum'],
          [250, 'Liefertermin'],
          [360, 'Kunden-Nr.'],
          [460, 'Sachbearb.'],
        ),
        L([40, 'EF-26-1187'], [150, '26.11.2026'], [250, '07.12.2026'], [360, '2003'], [460, 'R. Meier']),
        25,
        H([40, 'Pos'], [70, 'Artikel'], [160, 'Bezeichnung'], [400, 'Menge'], [450, 'ME'], [500, 'Preis']),
        L(
          [40, '1'],
          [70, '0006001'],
          [160, 'Kabelbinder 4.8x200'],
          [400, '10'],
          [450, 'Pack'],
          [500, '5.90'],
        ),
        L(
          [40, '2'],
          [70, '0006002'],
          [160, 'Kabelbinder 7.6x300'],
          [400, '5'],
          [450, 'Pack'],
          [500, '11.40'],
        ),
        L([40, '3'], [70, '0003319'], [160, 'Abdeckband 38 mm'], [400, '12'], [450, 'Rolle'], [500, '4.60']),
      ],
    ],
    want: {
      cust: 'C-2003',
      ref: 'EF-26-1187',
      od: '2026-11-26',
      dd: '2026-12-07',
      lines: ['0006001|10', '0006002|5', '0003319|12'],
    },
  },
  {
    // SAP prints quantities with three decimals and a decimal comma ("10,000 ST")
    name: 'sap-three-decimals-comma',
    pages: [
      [
        [{ x: 40, t: 'Müller Anlagenbau GmbH', s: 14, b: true }],
        L([40, 'Heilbronner Straße 150 · 70191 Stuttgart']),
        30,
        [{ x: 40, t: 'Bestellung 4500078812', s: 14, b: true }],
        L([40, 'Bestelldatum: 25.11.2026'], [300, 'Lieferdatum: 09.12.2026']),
        20,
        HR(
          [40, 'Pos.'],
          [80, 'Material'],
          [170, 'Kurztext'],
          [-420, 'Menge'],
          [430, 'ME'],
          [-520, 'Nettowert'],
        ),
        R(
          [40, '00010'],
          [80, '12-0815'],
          [170, 'Spanplattenschraube Torx 5x60'],
          [-420, '4,000'],
          [430, 'KAR'],
          [-520, '154,00'],
        ),
        R(
          [40, '00020'],
          [80, '0005201'],
          [170, 'Schweissdraht SG2 1.0 mm'],
          [-420, '15,000'],
          [430, 'KG'],
          [-520, '111,00'],
        ),
        R(
          [40, '00030'],
          [80, '10-5128'],
          [170, 'Zylinderschraube M8x40'],
          [-420, '3,000'],
          [430, 'PAK'],
          [-520, '53,40'],
        ),
        20,
        R([300, 'Gesamtnettowert EUR'], [-520, '318,40']),
      ],
    ],
    want: {
      cust: 'C-2006',
      ref: '4500078812',
      od: '2026-11-25',
      dd: '2026-12-09',
      lines: ['12-0815|4', '0005201|15', '10-5128|3'],
    },
  },
  {
    // the supplier's article numbers written in the customer's own style: no hyphen, spaces, dots
    name: 'de-sku-styles',
    pages: [
      [
        [{ x: 40, t: 'Baumann Metallbau AG', s: 14, b: true }],
        L([40, 'Industriestrasse 14, 8152 Glattbrugg']),
        30,
        [{ x: 40, t: 'Bestellung Nr. 88231', s: 14, b: true }],
        L([40, 'Glattbrugg, 27.11.2026']),
        20,
        H([40, 'Art.-Nr.'], [140, 'Bezeichnung'], [400, 'Anzahl'], [460, 'Einheit']),
        L([40, '104720'], [140, 'Senkkopfschraube M5x30'], [400, '8'], [460, 'Pack']),
        L([40, '204 118 08'], [140, 'Spiralbohrer HSS-G 8 mm'], [400, '10'], [460, 'Stk']),
        L([40, 'AB 1020 Z'], [140, 'Winkelschleifer 1400 W'], [400, '1'], [460, 'Stk']),
        L([40, '10.6030'], [140, 'Sechskantmutter M8'], [400, '4'], [460, 'Pack']),
      ],
    ],
    want: {
      cust: 'C-2001',
      ref: '88231',
      od: '2026-11-27',
      lines: ['10-4720|8', '204.118.08|10', 'AB-1020Z|1', '10-6030|4'],
    },
  },
  {
    // English PO, UN/ECE-style unit codes, dates written out in English
    name: 'en-po-unece-units',
    pages: [
      [
        [{ x: 40, t: 'Hofmann Haustechnik GmbH', s: 14, b: true }],
        L([40, 'Landsberger Straße 302, 80687 München, Germany']),
        30,
        [{ x: 40, t: 'PURCHASE ORDER', s: 16, b: true }],
        L([40, 'PO No.:'], [130, 'HH-PO-55102']),
        L([40, 'PO Date:'], [130, 'November 26, 2026']),
        L([40, 'Need by:'], [130, 'Dec 8, 2026']),
        20,
        H([40, 'Line'], [80, 'Item'], [160, 'Description'], [380, 'Qty'], [420, 'UoM'], [470, 'Unit Price']),
        L(
          [40, '1'],
          [80, '0007011'],
          [160, 'Safety shoe S3 size 44'],
          [380, '6'],
          [420, 'PR'],
          [470, '89.00'],
        ),
        L([40, '2'], [80, '0003402'], [160, 'Stretch film 500 mm'], [380, '10'], [420, 'RO'], [470, '18.90']),
        L([40, '3'], [80, '0004105'], [160, 'Cutting oil'], [380, '5'], [420, 'LTR'], [470, '12.40']),
        L([40, '4'], [80, 'BZ-5081'], [160, 'Bar clamp 300x120'], [380, '4'], [420, 'EA'], [470, '24.50']),
      ],
    ],
    want: {
      cust: 'C-2007',
      ref: 'HH-PO-55102',
      od: '2026-11-26',
      dd: '2026-12-08',
      lines: ['0007011|6', '0003402|10', '0004105|5', 'BZ-5081|4'],
    },
  },
  {
    // columns in an unusual order: unit before quantity, description last
    name: 'de-unit-qty-desc-last',
    pages: [
      [
        [{ x: 40, t: 'Schreinerei Lüthi GmbH', s: 14, b: true }],
        L([40, 'Bernstrasse 77, 3072 Ostermundigen']),
        30,
        [{ x: 40, t: 'Materialbestellung', s: 14, b: true }],
        L([40, 'Unsere Bestellnummer: SL-0412'], [330, 'Datum: 24.11.2026']),
        L([40, 'Gewünschter Liefertermin: 1. Dezember 2026']),
        20,
        H([40, 'Artikel-Nr.'], [130, 'Einheit'], [190, 'Menge'], [250, 'Bezeichnung']),
        L([40, '12-0816'], [130, 'Karton'], [190, '3'], [250, 'Spanplattenschraube Torx 5x80']),
        L([40, '204.150.10'], [130, 'Stk'], [190, '6'], [250, 'Steinbohrer SDS-plus 10x160']),
        L([40, '0001620'], [130, 'Stk'], [190, '10'], [250, 'Schutzbrille klar']),
      ],
    ],
    want: {
      cust: 'C-2002',
      ref: 'SL-0412',
      od: '2026-11-24',
      dd: '2026-12-01',
      lines: ['12-0816|3', '204.150.10|6', '0001620|10'],
    },
  },
  {
    // French PO with quantities in the first column and "Réf. fournisseur" last, dates like "le 25/11/2026"
    name: 'fr-qte-first-ref-last',
    pages: [
      [
        [{ x: 40, t: 'Sanitär Kälin & Co. AG', s: 14, b: true }],
        L([40, 'Baarerstrasse 41 – 6300 Zug']),
        30,
        [{ x: 40, t: 'COMMANDE N° KS-7740', s: 14, b: true }],
        L([40, 'Zoug, le 25/11/2026']),
        L([40, 'Livraison souhaitée : semaine 50']),
        20,
        H([40, 'Qté'], [80, 'Unité'], [140, 'Désignation'], [380, 'Réf. fournisseur'], [490, 'Prix unit.']),
        L([40, '20'], [80, 'pce'], [140, 'Robinet d’équerre 1/2" chromé'], [380, 'EK-3150I'], [490, '16,40']),
        L([40, '36'], [80, 'm'], [140, 'Tube cuivre 18x1 mm'], [380, '0005231'], [490, '14,20']),
        L(
          [40, '2'],
          [80, 'carton'],
          [140, 'Nettoyant freins 500 ml (12 pces)'],
          [380, '0004110'],
          [490, '46,80'],
        ),
      ],
    ],
    want: {
      cust: 'C-2004',
      ref: 'KS-7740',
      od: '2026-11-25',
      dd: '2026-12-07',
      lines: ['EK-3150I|20', '0005231|36', '0004110|2'],
    },
  },
  {
    // e-mail: quantity after the article, separated by a tab; umlauts; order number in the subject only
    name: 'mail-tabs',
    eml: eml(
      'Bauunternehmung Zaugg AG <magazin@zaugg-bau.ch>',
      'Bestellung 2026-318',
      `Grüezi

Bitte liefern Sie bis 4.12.2026 auf die Baustelle Lyssachstrasse:

0005302\tStahlkette verzinkt 6 mm\t25 m
0001547\tArbeitshandschuh Gr. 9\t24 Paar
0002210\tGehörschutzstöpsel\t2 Pack
205.320.12\tTrennscheibe Inox 125\t3 Karton

Freundliche Grüsse
Magazin Zaugg`,
    ),
    want: {
      cust: 'C-2008',
      ref: '2026-318',
      dd: '2026-12-04',
      lines: ['0005302|25', '0001547|24', '0002210|2', '205.320.12|3'],
    },
  },
  {
    // an Italian letter: quantities as "n. 5", "pz. 10"
    name: 'it-lettera-pz',
    pages: [
      [
        [{ x: 40, t: 'Garage Steiner AG', s: 14, b: true }],
        L([40, 'Rorschacher Strasse 210, 9000 St. Gallen']),
        30,
        L([40, 'San Gallo, 26 novembre 2026']),
        20,
        [{ x: 40, t: 'Oggetto: ordine n. GS-2026-77', b: true }],
        15,
        L([40, 'Spettabile ditta,']),
        L([40, 'vi preghiamo di fornirci entro il 3 dicembre 2026:']),
        10,
        L([60, '- n. 5 Winkelschleifer 125 mm 1200 W, art. AB-1020X']),
        L([60, '- pz. 10 Fächerschleifscheibe K80, art. 205.320.13']),
        L([60, '- n. 2 Akku 18 V 5.0 Ah, art. AB-2058S']),
        15,
        L([40, 'Distinti saluti']),
      ],
    ],
    want: {
      cust: 'C-2005',
      ref: 'GS-2026-77',
      od: '2026-11-26',
      dd: '2026-12-03',
      lines: ['AB-1020X|5', '205.320.13|10', 'AB-2058S|2'],
    },
  },
  {
    // the order ends with subtotal, VAT and total rows in Swiss style with apostrophes
    name: 'ch-apostrophe-totals',
    pages: [
      [
        [{ x: 40, t: 'Bauunternehmung Zaugg AG', s: 14, b: true }],
        L([40, 'Kirchbergstrasse 19, 3400 Burgdorf']),
        30,
        [{ x: 40, t: 'Bestellung', s: 14, b: true }],
        L([40, 'Nr.'], [120, 'Z-26-4410']),
        L([40, 'Datum'], [120, '27.11.2026']),
        20,
        HR(
          [40, 'Art.-Nr.'],
          [120, 'Bezeichnung'],
          [-380, 'Menge'],
          [390, 'Einh.'],
          [-480, 'Preis'],
          [-550, 'Betrag'],
        ),
        R(
          [40, 'AB-1020Z'],
          [120, 'Winkelschleifer 1400 W'],
          [-380, '10'],
          [390, 'Stk'],
          [-480, '149.00'],
          [-550, "1'490.00"],
        ),
        R(
          [40, '0005230'],
          [120, 'Kupferrohr 15x1 mm'],
          [-380, '120'],
          [390, 'm'],
          [-480, '11.60'],
          [-550, "1'392.00"],
        ),
        R(
          [40, '0007010'],
          [120, 'Sicherheitsschuh S3 Gr. 43'],
          [-380, '12'],
          [390, 'Paar'],
          [-480, '89.00'],
          [-550, "1'068.00"],
        ),
        10,
        R([300, 'Zwischensumme'], [-550, "3'950.00"]),
        R([300, 'MWST 8.1 %'], [-550, '319.95']),
        R([300, 'Total CHF'], [-550, "4'269.95"]),
      ],
    ],
    want: {
      cust: 'C-2008',
      ref: 'Z-26-4410',
      od: '2026-11-27',
      lines: ['AB-1020Z|10', '0005230|120', '0007010|12'],
    },
  },
  {
    // descriptions that wrap over two lines with the figures on the second line
    name: 'de-wrap-figures-second-line',
    pages: [
      [
        [{ x: 40, t: 'Hofmann Haustechnik GmbH', s: 14, b: true }],
        L([40, 'Landsberger Straße 302, 80687 München']),
        30,
        [{ x: 40, t: 'Bestellung HH-26-3391', s: 14, b: true }],
        L([40, 'München, 25.11.2026']),
        20,
        H([40, 'Art.-Nr.'], [120, 'Bezeichnung'], [400, 'Menge'], [460, 'Preis']),
        L([40, '0004110'], [120, 'Bremsenreiniger 500 ml']),
        L([120, 'Karton à 12 Stk'], [400, '3 Kar'], [460, '46,80']),
        L([40, '0006150'], [120, 'Strahlmittel Korund F80,']),
        L([120, 'Sack à 25 kg'], [400, '50 kg'], [460, '3,20']),
        L([40, '0003318'], [120, 'Gewebeklebeband silber']),
        L([120, '50 mm x 50 m'], [400, '8 Rol'], [460, '9,80']),
      ],
    ],
    want: {
      cust: 'C-2007',
      ref: 'HH-26-3391',
      od: '2026-11-25',
      lines: ['0004110|3', '0006150|50', '0003318|8'],
    },
  },
  {
    // e-mail: HTML with a table whose first row is the header in <th>, quantities with "Stk." suffix in cell
    name: 'mail-html-th-units-in-cell',
    eml: eml(
      'Elektro Frei AG <einkauf@elektro-frei.ch>',
      'Bestellung EF-26-1201',
      `<html><body><p>Guten Tag</p><p>Wir bestellen gemäss Ihrem Katalog, Lieferung bis 10.12.2026:</p>
<table border="1"><thead><tr><th>Artikel</th><th>Beschreibung</th><th>Anzahl</th></tr></thead>
<tbody><tr><td>0001574</td><td>Arbeitshandschuh Nitril Gr. 10</td><td>30 Paar</td></tr>
<tr><td>0001620</td><td>Schutzbrille klar</td><td>15 Stk.</td></tr>
<tr><td>0006002</td><td>Kabelbinder 7.6x300</td><td>8 Pack</td></tr></tbody></table>
<p>Besten Dank<br>Elektro Frei AG</p></body></html>`,
      'text/html; charset=utf-8',
    ),
    want: {
      cust: 'C-2003',
      ref: 'EF-26-1201',
      dd: '2026-12-10',
      lines: ['0001574|30', '0001620|15', '0006002|8'],
    },
  },
  {
    // a letter asking for delivery in a calendar week, articles in brackets after their description
    name: 'de-date-words-relative',
    pages: [
      [
        [{ x: 40, t: 'Schreinerei Lüthi GmbH', s: 14, b: true }],
        L([40, 'Bernstrasse 77, 3072 Ostermundigen']),
        30,
        L([40, 'Ostermundigen, 27. November 2026']),
        20,
        [{ x: 40, t: 'Bestellung 26/118', b: true }],
        10,
        L([40, 'Sehr geehrte Damen und Herren']),
        L([40, 'Wir bitten um Lieferung in der KW 50 folgender Artikel:']),
        10,
        L([60, '4 Karton Spanplattenschraube Torx 5x60 (12-0815)']),
        L([60, '2 Stk Bit-Set Torx T10-T40 (205.310.01)']),
        L([60, '1 Stk Akku-Bohrschrauber 18 V (AB-2050S)']),
        10,
        L([40, 'Freundliche Grüsse']),
      ],
    ],
    want: {
      cust: 'C-2002',
      ref: '26/118',
      od: '2026-11-27',
      dd: '2026-12-07',
      lines: ['12-0815|4', '205.310.01|2', 'AB-2050S|1'],
    },
  },

  {
    name: 'fr-delai-de-livraison',
    pages: [
      [
        [{ x: 40, t: 'Sanitär Kälin & Co. AG', s: 14, b: true }],
        L([40, 'Baarerstrasse 41 · 6300 Zug']),
        30,
        [{ x: 40, t: 'Commande n° 26-0871', s: 14, b: true }],
        L([40, 'Zoug, le 26 novembre 2026']),
        L([40, 'Délai de livraison : 10.12.2026']),
        20,
        H([40, 'No d’article'], [140, 'Désignation'], [380, 'Quantité commandée'], [500, 'Unité']),
        L([40, '0005230'], [140, 'Tube cuivre 15x1 mm'], [380, '60'], [500, 'm']),
        L([40, 'EK-3150I'], [140, 'Robinet d’équerre 1/2"'], [380, '12'], [500, 'pce']),
        L([40, '0004120'], [140, 'Isopropanol 99.9 %'], [380, '10'], [500, 'l']),
      ],
    ],
    want: {
      cust: 'C-2004',
      ref: '26-0871',
      od: '2026-11-26',
      dd: '2026-12-10',
      lines: ['0005230|60', 'EK-3150I|12', '0004120|10'],
    },
  },
  {
    name: 'de-wunschtermin-no-year-debitor',
    pages: [
      [
        [{ x: 40, t: 'Garage Steiner AG', s: 14, b: true }],
        L([40, 'Rorschacher Strasse 210 · 9000 St. Gallen']),
        30,
        [{ x: 40, t: 'Bestellung', s: 14, b: true }],
        L([40, 'Bestellnummer'], [160, 'GS/26/4471']),
        L([40, 'Bestelldatum'], [160, '27.11.2026']),
        L([40, 'Wunschtermin'], [160, '08.12.']),
        L([40, 'Ihre Debitor-Nr.'], [160, '20051']),
        20,
        HR(
          [40, 'Pos.'],
          [80, 'Material'],
          [170, 'Bezeichnung'],
          [-440, 'Bestellmenge'],
          [450, 'BME'],
          [-540, 'Preis'],
        ),
        R(
          [40, '10'],
          [80, 'AB-1020X'],
          [170, 'Winkelschleifer 125 mm 1200 W'],
          [-440, '2'],
          [450, 'ST'],
          [-540, '129.00'],
        ),
        R(
          [40, '20'],
          [80, '205.320.12'],
          [170, 'Trennscheibe Inox 125x1.0'],
          [-440, '4'],
          [450, 'KAR'],
          [-540, '42.00'],
        ),
        R(
          [40, '30'],
          [80, '0001620'],
          [170, 'Schutzbrille klar EN 166'],
          [-440, '10'],
          [450, 'ST'],
          [-540, '6.40'],
        ),
        R(
          [40, '40'],
          [80, '0007011'],
          [170, 'Sicherheitsschuh S3 Gr. 44'],
          [-440, '3'],
          [450, 'PAA'],
          [-540, '89.00'],
        ),
      ],
    ],
    want: {
      cust: 'C-2005',
      ref: 'GS/26/4471',
      od: '2026-11-27',
      dd: '2026-12-08',
      lines: ['AB-1020X|2', '205.320.12|4', '0001620|10', '0007011|3'],
    },
  },
  {
    name: 'de-termin-sofort',
    pages: [
      [
        [{ x: 40, t: 'Elektro Frei AG', s: 14, b: true }],
        L([40, 'Hauptstrasse 5, 4132 Muttenz']),
        30,
        L([40, 'Muttenz, 27.11.2026']),
        15,
        [{ x: 40, t: 'Bestellung EF-26-1290 – dringend', b: true }],
        L([40, 'Liefertermin: sofort']),
        15,
        H([40, 'Art.-Nr.'], [140, 'Bezeichnung'], [400, 'Menge']),
        L([40, '0006001'], [140, 'Kabelbinder schwarz 4.8x200 mm'], [400, '20 Pack']),
        L([40, '0006002'], [140, 'Kabelbinder schwarz 7.6x300 mm'], [400, '10 Pack']),
      ],
    ],
    want: { cust: 'C-2003', ref: 'EF-26-1290', od: '2026-11-27', lines: ['0006001|20', '0006002|10'] },
  },
  {
    name: 'it-qta-ordinata-consegna-richiesta',
    pages: [
      [
        [{ x: 40, t: 'Müller Anlagenbau GmbH', s: 14, b: true }],
        L([40, 'Heilbronner Straße 150, 70191 Stuttgart']),
        30,
        [{ x: 40, t: 'Ordine n. MA-26-3310', s: 14, b: true }],
        L([40, 'Data ordine: 25/11/2026'], [300, 'Data consegna richiesta: 07/12/2026']),
        20,
        H([40, 'Cod. art.'], [130, 'Descrizione'], [370, 'Q.tà ordinata'], [460, 'U.M.'], [500, 'Prezzo']),
        L([40, '12-0815'], [130, 'Spanplattenschraube Torx 5x60'], [370, '6'], [460, 'CT'], [500, '38,50']),
        L([40, '10-5120'], [130, 'Zylinderschraube M6x30'], [370, '10'], [460, 'CF'], [500, '12,60']),
        L([40, '0005201'], [130, 'Schweissdraht SG2 1.0 mm'], [370, '30'], [460, 'KG'], [500, '7,40']),
      ],
    ],
    want: {
      cust: 'C-2006',
      ref: 'MA-26-3310',
      od: '2026-11-25',
      dd: '2026-12-07',
      lines: ['12-0815|6', '10-5120|10', '0005201|30'],
    },
  },
  {
    name: 'en-ship-date-ctn-pcs',
    pages: [
      [
        [{ x: 40, t: 'Hofmann Haustechnik GmbH', s: 14, b: true }],
        L([40, 'Landsberger Straße 302, 80687 München']),
        30,
        [{ x: 40, t: 'PURCHASE ORDER  No. 7716', s: 14, b: true }],
        L([40, 'Date: 26-Nov-2026'], [300, 'Ship date: 04-Dec-2026']),
        20,
        H([40, 'Qty'], [80, 'U/M'], [130, 'Part No.'], [230, 'Description'], [470, 'Unit cost']),
        L([40, '3'], [80, 'Ctn'], [130, '0004110'], [230, 'Brake cleaner 500 ml (12/ctn)'], [470, '46.80']),
        L([40, '25'], [80, 'Pcs'], [130, '204.118.05'], [230, 'HSS-G drill 5.0 mm'], [470, '4.20']),
        L(
          [40, '2'],
          [80, 'Pcs'],
          [130, 'AB-2050S'],
          [230, 'Cordless drill 18 V, no battery'],
          [470, '189.00'],
        ),
      ],
    ],
    want: {
      cust: 'C-2007',
      ref: '7716',
      od: '2026-11-26',
      dd: '2026-12-04',
      lines: ['0004110|3', '204.118.05|25', 'AB-2050S|2'],
    },
  },
  {
    name: 'de-art-in-description-dash-prices',
    pages: [
      [
        [{ x: 40, t: 'Bauunternehmung Zaugg AG', s: 14, b: true }],
        L([40, 'Kirchbergstrasse 19, 3400 Burgdorf']),
        30,
        [{ x: 40, t: 'Materialbestellung Baustelle Lyssach', s: 14, b: true }],
        L([40, 'Bestell-Nr. Z-26-4471'], [330, 'Datum 26.11.2026']),
        L([40, 'Anlieferung: KW 50']),
        20,
        H([40, 'Pos.'], [80, 'Bezeichnung'], [400, 'Menge'], [450, 'Einheit'], [510, 'Preis']),
        L([40, '1'], [80, 'Stahlkette verzinkt 6 mm, Art. 0005302'], [400, '50'], [450, 'm'], [510, '—']),
        L(
          [40, '2'],
          [80, 'Arbeitshandschuh Nitril Gr. 10, Art. 0001574'],
          [400, '40'],
          [450, 'Paar'],
          [510, '—'],
        ),
        L([40, '3'], [80, 'Gehörschutzstöpsel Box, Art. 0002210'], [400, '2'], [450, 'Box'], [510, '—']),
      ],
    ],
    want: {
      cust: 'C-2008',
      ref: 'Z-26-4471',
      od: '2026-11-26',
      dd: '2026-12-07',
      lines: ['0005302|50', '0001574|40', '0002210|2'],
    },
  },
  {
    name: 'de-liefertermin-range',
    pages: [
      [
        [{ x: 40, t: 'Schreinerei Lüthi GmbH', s: 14, b: true }],
        L([40, 'Bernstrasse 77, 3072 Ostermundigen']),
        30,
        [{ x: 40, t: 'Bestellung SL-0433', s: 14, b: true }],
        L([40, 'Datum: 25.11.2026']),
        L([40, 'Liefertermin: 2.–4. Dezember 2026']),
        20,
        H([40, 'Menge'], [100, 'Einheit'], [170, 'Art.-Nr.'], [260, 'Bezeichnung']),
        L([40, '2'], [100, 'Karton'], [170, '12-0815'], [260, 'Spanplattenschraube Torx 5x60']),
        L([40, '1'], [100, 'Stk'], [170, '205.310.01'], [260, 'Bit-Set Torx T10-T40']),
      ],
    ],
    want: {
      cust: 'C-2002',
      ref: 'SL-0433',
      od: '2026-11-25',
      dd: '2026-12-02',
      lines: ['12-0815|2', '205.310.01|1'],
    },
  },
  {
    name: 'mail-quote-then-order',
    eml: eml(
      'Baumann Metallbau <einkauf@baumann-metallbau.ch>',
      'AW: Ihre Offerte 26-5512 / Bestellung BMB-26-907',
      `Guten Tag Frau Keller

Besten Dank für die Offerte 26-5512 vom 20.11.2026. Wir bestellen daraus:

Pos. 2: 15 Stk Spiralbohrer HSS-G 8.0 mm (204.118.08)
Pos. 4: 3 Karton Spanplattenschraube Torx 5x80 (12-0816)

Pos. 1 und 3 benötigen wir vorerst nicht.
Liefertermin: Mittwoch, 9. Dezember 2026
Unsere Bestellnummer: BMB-26-907

Freundliche Grüsse
Peter Baumann`,
    ),
    want: { cust: 'C-2001', ref: 'BMB-26-907', dd: '2026-12-09', lines: ['204.118.08|15', '12-0816|3'] },
  },
  {
    name: 'mail-en-order-with-totals-and-vat',
    eml: eml(
      'Garage Steiner AG <teile@garage-steiner.ch>',
      'Order GS-EN-0091',
      `Hello,

please find our order GS-EN-0091 below (delivery by 11 December 2026):

1 x AB-1020Z angle grinder 1400 W  @ 149.00 = 149.00
6 x 0001620 safety glasses          @ 6.40   = 38.40
2 x HS-1018 hammer 800 g            @ 21.50  = 43.00

Subtotal 230.40
VAT 8.1% 18.66
Total CHF 249.06

Best regards,
Garage Steiner`,
    ),
    want: {
      cust: 'C-2005',
      ref: 'GS-EN-0091',
      dd: '2026-12-11',
      lines: ['AB-1020Z|1', '0001620|6', 'HS-1018|2'],
    },
  },
];

/** The order as a born-digital A4 PDF: each line 1.5 × its largest size below the one before; rulings take no room. */
export async function orderPdf(order: VariedOrder): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const hand = await pdf.embedFont(StandardFonts.CourierBoldOblique);
  for (const lines of order.pages!) {
    const page = pdf.addPage(order.landscape ? [842, 595] : [595, 842]);
    let y = order.landscape ? 560 : 800;
    for (const line of lines) {
      if (typeof line === 'number') {
        y -= line;
        continue;
      }
      if (!Array.isArray(line)) {
        const at = { y: y + line.dy };
        page.drawLine({
          start: { x: line.x0, ...at },
          end: { x: line.x1, ...at },
          thickness: 0.8,
          color: rgb(0, 0, 0),
        });
        continue;
      }
      for (const run of line) {
        const font = run.i ? hand : run.b ? bold : regular;
        const size = run.s ?? 10;
        const x = run.r ? run.x - font.widthOfTextAtSize(run.t, size) : run.x;
        page.drawText(run.t, { x, y, size, font });
      }
      y -= Math.max(...line.map((run) => (run.s ?? 10) * 1.5));
    }
  }
  return pdf.save();
}
