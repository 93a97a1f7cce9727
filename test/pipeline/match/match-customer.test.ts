import { describe, expect, it } from 'vitest';
import { buildCatalogIndex } from '../../../src/pipeline/match/catalog-index.ts';
import { matchCustomer } from '../../../src/pipeline/match/match-customer.ts';
import type { Customer, InboundMeta } from '../../../src/pipeline/types.ts';

const customer = (id: string, name: string, fax: string): Customer => ({
  id,
  name,
  fax,
  email: null,
  street: null,
  zip: null,
  city: null,
  country: 'CH',
});
const idx = buildCatalogIndex({
  products: [],
  customers: [
    customer('C-1', 'Sanitär Huber & Co.', '+41415553881'),
    customer('C-2', 'Sanitaire Rochat Sàrl', '+41225554326'),
    customer('C-3', 'Gebr. Keller Bau AG', '+41525551928'),
    {
      ...customer('C-4', 'Müller Anlagenbau GmbH', '+497115554380'),
      street: 'Heilbronner Straße 150',
      zip: '70191',
      city: 'Stuttgart',
    },
  ],
  customerSkus: [],
});
const meta: InboundMeta = {
  channel: 'fax',
  provider: null,
  from: '+41415551078',
  to: '+41445550000',
  receivedAt: null,
};

describe('customer by name in the sender block', () => {
  it('ignores the dot of "Co." however OCR renders it', () => {
    const m = matchCustomer(meta, 'Firma\nSanitär Huber o Co,\nReto Vogel', idx);
    expect(m.customer.id).toBe('C-1');
    expect(m.customer.matchedBy).toBe('name');
  });
  it('takes the customer named first when several are, less surely and saying so', () => {
    const m = matchCustomer(
      meta,
      'Gebr. Keller Bau AG\nBestellung 4711\nLieferadresse: Sanitaire Rochat Sàrl, Genève',
      idx,
    );
    expect(m.customer.id).toBe('C-3');
    expect(m.customer.confidence).toBeLessThan(0.7);
    expect(m.warnings.join('\n')).toMatch(/names several customers \(C-3, C-2\); took C-3/);
  });
  it("is surer of a letterhead that prints the customer's own street and postcode too", () => {
    // the name with its street and postcode; the name alone, or with another street or postcode,
    // is only a name
    const heads: [string, number][] = [
      ['Müller Anlagenbau GmbH\nHeilbronner Straße 150, 70191 Stuttgart', 0.85],
      ['MÜLLER ANLAGENBAU GMBH · Heilbronner Str. 150 · D-70191 Stuttgart', 0.85],
      ['Müller Anlagenbau GmbH\nHeilbronnerstrasse 150\n70191 Stuttgart', 0.85],
      ['Müller Anlagenbau GmbH\nStuttgart', 0.7],
      ['Müller Anlagenbau GmbH\nHeilbronner Straße 15, 70191 Stuttgart', 0.7],
      ['Müller Anlagenbau GmbH\nHeilbronner Straße 150, 70197 Stuttgart', 0.7],
    ];
    for (const [head, confidence] of heads) {
      const m = matchCustomer({ ...meta, from: null }, `${head}\nBestellung 4711`, idx);
      expect(m.customer.id, head).toBe('C-4');
      expect(m.customer.confidence, head).toBe(confidence);
    }
  });
  it('reads a name through one OCR error per long word, an umlaut read as "ii" among them', () => {
    for (const head of ['Miiller Anlagenbau GmbH', 'Müller Anlagnbau GmbH', 'Mueller Anlagenbau GmbH']) {
      expect(matchCustomer({ ...meta, from: null }, `${head}\nBestellung`, idx).customer.id, head).toBe(
        'C-4',
      );
    }
    expect(matchCustomer({ ...meta, from: null }, 'Mailer Anlegenbau GmbH', idx).customer.id).toBeNull();
  });
  it('does not name a customer from one shared word', () => {
    expect(matchCustomer(meta, 'Firma\nSanitär Meier AG', idx).customer.id).toBeNull();
    expect(matchCustomer(meta, 'Keller Holz AG', idx).customer.id).toBeNull();
  });
});
