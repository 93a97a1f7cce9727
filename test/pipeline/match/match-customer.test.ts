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
  it('does not name a customer from one shared word', () => {
    expect(matchCustomer(meta, 'Firma\nSanitär Meier AG', idx).customer.id).toBeNull();
    expect(matchCustomer(meta, 'Keller Holz AG', idx).customer.id).toBeNull();
  });
});
