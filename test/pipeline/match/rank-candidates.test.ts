import { describe, expect, it } from 'vitest';
import { buildCatalogIndex } from '../../../src/pipeline/match/catalog-index.ts';
import { pickCandidate, rankCandidates, skuSimilarity } from '../../../src/pipeline/match/rank-candidates.ts';
import type { MasterData } from '../../../src/pipeline/types.ts';

const p = (sku: string, description: string, price: number) => ({
  sku,
  description,
  unit: 'Stk',
  price,
  gtin: null,
});
const master: MasterData = {
  products: [
    p('10-5197', 'Sechskantschraube DIN 933 M10x30 8.8 verzinkt Pack à 100 Stk', 27.1),
    p('10-5198', 'Sechskantschraube DIN 933 M10x40 8.8 verzinkt Pack à 100 Stk', 29.4),
    p('50-6524', 'Epoxidkleber 2K 25 ml', 8.6),
    p('SI-2726E', 'Sicherungsring DIN 471 20 mm', 0.35),
    p('SI-2726F', 'Sicherungsring DIN 471 25 mm', 0.45),
    p('LD-3586O', 'Einweghandschuhe Nitril Gr. L Box à 100 Stk', 13.3),
    p('0002253', 'Sechskantschraube DIN 933 M6x20 8.8 verzinkt Pack à 100 Stk', 13.3),
  ],
  customers: [],
  customerSkus: [],
};
const idx = buildCatalogIndex(master);

describe('rankCandidates', () => {
  it("names a product by its dimensions though the order leaves out the pack's content and a .0", () => {
    const described = (text: string, products: MasterData['products']) =>
      pickCandidate(
        rankCandidates(
          { articleTexts: [], text, unitPrice: null, total: null, quantity: 6 },
          buildCatalogIndex({ products, customers: [], customerSkus: [] }),
        ),
        0.5,
        0.15,
      )?.product.sku;
    const screws = [
      p('10-4711', 'Senkkopfschraube M4x20 verzinkt Pack à 100 Stk', 8.9),
      p('10-4717', 'Senkkopfschraube M4x25 verzinkt Pack à 100 Stk', 9.4),
      p('10-4720', 'Senkkopfschraube M5x30 verzinkt Pack à 100 Stk', 11.2),
    ];
    expect(described('Senkkopfschrauben M4x25 verzinkt', screws)).toBe('10-4717');
    const drills = [
      p('204.118.05', 'Spiralbohrer HSS-G 5.0 mm', 4.2),
      p('204.118.06', 'Spiralbohrer HSS-G 6.0 mm', 4.8),
      p('204.118.08', 'Spiralbohrer HSS-G 8.0 mm', 6.9),
    ];
    expect(described('Spiralbohrer HSS-G 6 mm', drills)).toBe('204.118.06');
    // a measure written against its unit ("6mm", "800g") is that measure
    expect(described('Spiralbohrer HSS-G 6mm', drills)).toBe('204.118.06');
    const hammers = [
      p('HS-101B', 'Hammer Schlosser 300 g', 14.9),
      p('HS-1018', 'Hammer Schlosser 800 g', 21.5),
    ];
    expect(described('Hammer Schlosser 800g', hammers)).toBe('HS-1018');
  });

  it('measures article-number similarity after OCR folding', () => {
    expect(skuSimilarity('10-5l97', '10-5197')).toBe(1);
    expect(skuSimilarity('10197', '10-5197')).toBeGreaterThan(0.8);
    expect(skuSimilarity('XX', '10-5197')).toBe(0);
    // leading zeros left out
    expect(skuSimilarity('1547', '0001547')).toBe(0.9);
    expect(skuSimilarity('1574', '0001547')).toBeLessThan(0.5);
  });

  it('counts a total that is a whole number of catalog prices when quantity and price misread', () => {
    const ranked = rankCandidates(
      // 25 × 13.30 = 332.50; "45" and "13.80" are misreads
      { articleTexts: ['2253'], text: 'Sechskantschraube', unitPrice: 13.8, total: 332.5, quantity: 45 },
      idx,
    );
    const own = ranked.find((r) => r.product.sku === '0002253')!;
    expect(own.price).toBe(0.5);
    expect(ranked[0]!.product.sku).toBe('0002253');
    // the glove box costs 13.30 too: the price evidence is the same for both, and the article
    // number and the description decide
    expect(pickCandidate(ranked)?.product.sku).toBe('0002253');
  });

  it('does not count figures shared with a product the row does not describe', () => {
    // a noisy form row: the article number and the dimension misread, the price read right; a
    // glove box costs the same and also comes "à 100 Stk"
    const ranked = rankCandidates(
      {
        articleTexts: ['10007263'],
        text: '10007263 ochskaniechraube DiN 933 MEx20 ve finkg Pack è 100 Six 13.30',
        unitPrice: 13.3,
        total: null,
        quantity: 4,
      },
      idx,
    );
    expect(ranked[0]!.product.sku).toBe('0002253');
    expect(pickCandidate(ranked)?.product.sku).toBe('0002253');
  });

  it('lets the dimension decide between near-miss article numbers', () => {
    const ranked = rankCandidates(
      {
        articleTexts: ['10-519?'],
        text: 'Sechskantschr. DIN 933 M10x40 verz.',
        unitPrice: null,
        total: null,
        quantity: 5,
      },
      idx,
    );
    expect(pickCandidate(ranked)?.product.sku).toBe('10-5198');
  });

  // Regression (dev 0004): "M12x 120", its dimension read in two pieces, counted as a conflicting
  // size ("M12x…" but not M12x120), and a bolt of another size whose price fitted the misread one
  // came within the margin
  it('takes a dimension read with a space around its "x" as that dimension, not as a conflicting one', () => {
    const bolts: MasterData = {
      products: [
        p('BA-9613U', 'Bolzenanker A4 M12x120', 1.15),
        p('20-7091', 'Bolzenanker A4 M10x95', 1.05),
        p('20-4053', 'Bolzenanker A4 M8x75', 3.05),
      ],
      customers: [],
      customerSkus: [],
    };
    for (const text of ['Holzenanker A4 M12x 120', 'Bolzenanker A4 M12 x 120']) {
      const ranked = rankCandidates(
        { articleTexts: ['BA ve 13U'], text, unitPrice: 104, total: null, quantity: 4 },
        buildCatalogIndex(bolts),
      );
      const own = ranked.find((r) => r.product.sku === 'BA-9613U')!;
      expect(own.dimensions).toBe(1);
      expect(ranked[0]!.product.sku).toBe('BA-9613U');
      expect(ranked[0]!.score - ranked[1]!.score).toBeGreaterThanOrEqual(0.1);
    }
    // a truly different size still conflicts
    const other = rankCandidates(
      { articleTexts: [], text: 'Bolzenanker A4 M12x 100', unitPrice: null, total: null, quantity: 4 },
      buildCatalogIndex(bolts),
    ).find((r) => r.product.sku === 'BA-9613U')!;
    expect(other.dimensions).toBe(0);
  });

  // Regression (s7500 0015): "Zyfinderscvaube DIN 912 M8x40 8.8" came within the margin of the
  // M6x30 screw, its size of another diameter counted as no conflict
  it('takes a screw size of another diameter for a conflicting size too', () => {
    const screws: MasterData = {
      products: [
        p('10-5128', 'Zylinderschraube DIN 912 M8x40 8.8 Pack à 50 Stk', 9.6),
        p('10-5120', 'Zylinderschraube DIN 912 M6x30 8.8 Pack à 50 Stk', 7.8),
      ],
      customers: [],
      customerSkus: [],
    };
    const ranked = rankCandidates(
      {
        articleTexts: [],
        text: 'Zyfinderscvaube DIN 912 M8x40 8.8 Pack à',
        unitPrice: null,
        total: null,
        quantity: 25,
      },
      buildCatalogIndex(screws),
    );
    expect(ranked.map((r) => r.product.sku)).toEqual(['10-5128', '10-5120']);
    expect(ranked[1]!.dimensions).toBeLessThan(ranked[0]!.dimensions - 0.5);
    expect(pickCandidate(ranked, 0.5, 0.15)?.product.sku).toBe('10-5128');
  });

  // Regression (s10500 0036): "Kabelbinder schwarz 4.85200 mm", its article number garbled, was
  // as near the 7.6x300 cable tie as the 4.8x200 one, and the row went without a line
  it('takes a dimension whose "x" OCR read as another character as that dimension', () => {
    const ties: MasterData = {
      products: [
        p('0006001', 'Kabelbinder schwarz 4.8x200 mm Pack à 100 Stk', 6.9),
        p('0006002', 'Kabelbinder schwarz 7.6x300 mm Pack à 100 Stk', 12.4),
      ],
      customers: [],
      customerSkus: [],
    };
    const rank = (text: string) =>
      rankCandidates(
        { articleTexts: ['GUBGUO!'], text, unitPrice: null, total: null, quantity: 2 },
        buildCatalogIndex(ties),
      );
    for (const text of ['Kabelbinder schwarz 4.85200 mm Pack à 100 Sik', 'Kabelbinder schwarz 4.8K200 mm']) {
      const ranked = rank(text);
      expect(ranked[0]!.product.sku, text).toBe('0006001');
      expect(pickCandidate(ranked, 0.5, 0.15)?.product.sku, text).toBe('0006001');
    }
    // a figure misread is no such dimension: "4.8x300" counts no more for 4.8x200 than "4.8" alone
    const dims = (text: string) => rank(text).find((r) => r.product.sku === '0006001')!.dimensions;
    expect(dims('Kabelbinder schwarz 4.8x300 mm Pack à 100 Stk')).toBe(
      dims('Kabelbinder schwarz 4.8 mm Pack à 100 Stk'),
    );
    expect(dims('Kabelbinder schwarz 4.8K200 mm Pack à 100 Stk')).toBeGreaterThan(
      dims('Kabelbinder schwarz 4.8 mm Pack à 100 Stk'),
    );
  });

  it('lets the printed price decide when the text cannot', () => {
    const ranked = rankCandidates(
      { articleTexts: ['SI-2726?'], text: 'Sicherungsring', unitPrice: 0.45, total: null, quantity: 100 },
      idx,
      [master.products[3]!, master.products[4]!],
    );
    expect(pickCandidate(ranked, 0.3, 0.08)?.product.sku).toBe('SI-2726F');
  });

  it('also when OCR lost the decimal point of the price, and by quantity × price = total', () => {
    const byLostDot = rankCandidates(
      {
        articleTexts: ['HO 6524'],
        text: 'ZK Eproxiaiktetior 25 ent',
        unitPrice: 860,
        total: null,
        quantity: 6,
      },
      idx,
    );
    expect(pickCandidate(byLostDot)?.product.sku).toBe('50-6524');
    const byTotal = rankCandidates(
      {
        articleTexts: [],
        text: 'Sechskantschraube DIN 933 verzinkt',
        unitPrice: null,
        total: 216.8,
        quantity: 8,
      },
      idx,
    );
    expect(byTotal[0]?.product.sku).toBe('10-5197');
  });

  it("counts a customer's contract price, the list price less a discount, as weaker evidence", () => {
    const ev = (unitPrice: number) =>
      rankCandidates(
        { articleTexts: ['SI-2726?'], text: 'Sicherungsring', unitPrice, total: null, quantity: 100 },
        idx,
        [master.products[3]!, master.products[4]!],
      );
    // 0.43: the 25 mm ring at 5 % off (0.45), above the 20 mm one's list price (0.35)
    const discounted = ev(0.43);
    expect(discounted[0]?.product.sku).toBe('SI-2726F');
    expect(discounted[0]!.price).toBeGreaterThan(0);
    expect(discounted[0]!.price).toBeLessThan(ev(0.45)[0]!.price);
    // more than a fifth off, or above the list price: no evidence
    expect(ev(0.3).find((r) => r.product.sku === 'SI-2726F')!.price).toBe(0);
    expect(ev(0.5).find((r) => r.product.sku === 'SI-2726F')!.price).toBe(0);
  });

  it('keeps null when nothing stands out', () => {
    const ranked = rankCandidates(
      { articleTexts: [], text: 'Sicherungsring DIN 471', unitPrice: null, total: null, quantity: 1 },
      idx,
    );
    expect(pickCandidate(ranked)).toBeNull();
  });
});
