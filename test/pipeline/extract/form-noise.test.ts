/** Order forms as faxes bring them: noise between header labels, specks in the quantity column, no printed date. */
import { describe, expect, it } from 'vitest';
import { extractDraft } from '../../../src/pipeline/extract/extract-draft.ts';
import { layoutLines } from '../../../src/pipeline/extract/layout-lines.ts';
import { detectHeader } from '../../../src/pipeline/extract/table-columns.ts';
import type { InboundMeta, MasterData, PageContent } from '../../../src/pipeline/types.ts';
import { pageFromRows } from './synthetic-page.ts';

const master: MasterData = {
  products: [
    {
      sku: '10-5056',
      description: 'Blechschraube DIN 7981 4.8x25 verzinkt',
      unit: 'Pack',
      price: 11.2,
      gtin: null,
    },
    { sku: '10-6986', description: 'Gewindestange DIN 976 M6x1000 mm', unit: 'Stk', price: 4.75, gtin: null },
    { sku: '20-1145', description: 'Ankerstange verzinkt M12x160', unit: 'Stk', price: 1.5, gtin: null },
  ],
  customers: [],
  customerSkus: [],
};
const fax: InboundMeta = {
  channel: 'fax',
  provider: null,
  from: null,
  to: null,
  receivedAt: '2026-07-25T09:00:00Z',
};

/** The page with its rows moved to the top, so that the first row is where a fax header line prints. */
function topPage(rows: string[]): PageContent {
  const p = pageFromRows(rows);
  return { ...p, words: p.words.map((w) => ({ ...w, box: [w.box[0], w.box[1] - 180, w.box[2], w.box[3]] })) };
}

const FORM = [
  'Art.-Nr.   Bezeichnung                        Tue   il   Preis is CHF   Menge',
  '10-5056    Blechschraube DIN 7981 4.8x25       Pack       11.20',
  '10-6986    Gewindestange DIN 976 M6x1000 mm    Stk         4.75           3',
  '20-1145    Ankerstange verzinkt M12x160        Stk         1.50',
];

describe('order forms read from noisy faxes', () => {
  it('keeps a header row whose labels are interleaved with short OCR noise words', () => {
    const h = detectHeader(layoutLines(pageFromRows([FORM[0]!]))[0]!);
    expect(h?.columns.map((c) => c.kind)).toEqual(['article', 'description', 'price', 'quantity']);
    // a sentence that names the columns is still no header
    expect(
      detectHeader(layoutLines(pageFromRows(['Bitte Artikel, Menge und Preis angeben']))[0]!),
    ).toBeNull();
  });

  it('orders only the filled rows and never takes the printed price for a quantity', () => {
    const d = extractDraft([pageFromRows(FORM)], fax, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['10-6986', 3]]);
  });

  it('ignores a flat speck in the quantity column', () => {
    const page = pageFromRows(FORM);
    // a 3-pixel-high "7" under the price of the last row (a form rule or a speck)
    page.words.push({ text: '7', box: [100 + 75 * 12, 200 + 3 * 40 + 26, 12, 3], conf: 0.5 });
    const d = extractDraft([page], fax, master);
    expect(d.lines.map((l) => [l.sku, l.quantity])).toEqual([['10-6986', 3]]);
  });

  it('takes the fax transmission date for a printed order date OCR could not read, with a warning', () => {
    const d = extractDraft(
      [topPage(['22.07.2026 08:08  +41615554762  WIDMER  S. 1/1', '', '', 'Datum: 2?.0;.2o2', '', ...FORM])],
      fax,
      master,
    );
    expect(d.orderDate).toBe('2026-07-22');
    expect(d.warnings.join(' ')).toMatch(/fax transmission header/);
  });

  it('keeps the order date null when the order prints none (the fax header is transport metadata)', () => {
    const d = extractDraft(
      [topPage(['22.07.2026 08:08  +41615554762  WIDMER  S. 1/1', '', '', '', '', ...FORM])],
      fax,
      master,
    );
    expect(d.orderDate).toBeNull();
  });

  it("reads a document's own first line at the top of the page, a date and no fax signs, as content", () => {
    const d = extractDraft(
      [topPage(['Bestellung Nr. 88-1234                 Datum: 20.07.2026', '', '', ...FORM])],
      fax,
      master,
    );
    expect(d.orderDate).toBe('2026-07-20');
    expect(d.customerReference).toBe('88-1234');
    // a fax header whose time OCR garbled is still one, by its date and its sender number
    const garbled = extractDraft(
      [topPage(['22.07.2026 O8;O8  +41615554762  WIDMER', '', '', '', '', ...FORM])],
      fax,
      master,
    );
    expect(garbled.orderDate).toBeNull();
  });

  it('prefers a printed order date over the fax transmission date', () => {
    const d = extractDraft(
      [topPage(['22.07.2026 08:08  +41615554762  WIDMER  S. 1/1', '', '', 'Datum: 20.07.2026', '', ...FORM])],
      fax,
      master,
    );
    expect(d.orderDate).toBe('2026-07-20');
  });
});
