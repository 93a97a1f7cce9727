import { describe, expect, it } from 'vitest';
import {
  boundedDistance,
  findLabelSpans,
  foldLabel,
  labelEquals,
} from '../../../src/pipeline/extract/fuzzy-label.ts';

const V = [
  ['ref', ['bestell-nr', 'po number'].map(foldLabel)],
  ['refDate', ['po number/date'].map(foldLabel)],
  ['date', ['datum'].map(foldLabel)],
  ['other', ['kunden-nr'].map(foldLabel)],
] as const;

describe('fuzzy labels', () => {
  it('folds OCR-confusable characters and separators', () => {
    expect(foldLabel('Bestel1-Nr.')).toBe(foldLabel('Bestell-Nr'));
    expect(foldLabel('N° Commande')).toBe(foldLabel('no commande'));
    // the number sign read as a quote, or written as the ordinal sign
    expect(foldLabel('N“')).toBe(foldLabel('N°'));
    expect(foldLabel("N'")).toBe(foldLabel('N°'));
    expect(foldLabel('Nº')).toBe(foldLabel('N°'));
    expect(foldLabel('Nr')).not.toBe(foldLabel('N°'));
    // a Q whose tail the fax lost reads as O ("Oty" for "Qty")
    expect(foldLabel('Oty')).toBe(foldLabel('Qty'));
    // Regression (s6200 0023): "Beslell Nr.! CMD-56202", a colon read as "!" after the dot, gave
    // no reference: the "!" took the one edit the label tolerates
    expect(foldLabel('Nr.!')).toBe(foldLabel('Nr.'));
    expect(labelEquals(foldLabel('Beslell Nr.!'), foldLabel('bestell-nr'))).toBe(true);
  });
  it('tolerates one edit in longer labels, none in short ones', () => {
    expect(labelEquals(foldLabel('Hestelldatum'), foldLabel('bestelldatum'))).toBe(true);
    expect(labelEquals(foldLabel('Mange'), foldLabel('menge'))).toBe(true);
    expect(labelEquals(foldLabel('PA'), foldLabel('po'))).toBe(false);
    expect(labelEquals(foldLabel('Bestellung'), foldLabel('bestell-nr'))).toBe(false);
    expect(boundedDistance('abcdef', 'xyzuvw', 2)).toBe(3);
  });
  it('tolerates two edits in labels of twelve letters or more', () => {
    // Regression (s3500 0025): "Licfortermin: 13 Oktober 2026" gave no delivery date
    expect(labelEquals(foldLabel('Licfortermin'), foldLabel('liefertermin'))).toBe(true);
    // eleven letters: one edit only
    expect(labelEquals(foldLabel('Licfordatum'), foldLabel('lieferdatum'))).toBe(false);
  });
  it('tolerates a second edit in a label of ten letters or more when both swap letters OCR confuses', () => {
    // s/z and u/n
    expect(labelEquals(foldLabel('Beseichuung'), foldLabel('bezeichnung'))).toBe(true);
    // e/c and f/l (a serif typeface on a standard-resolution fax)
    expect(labelEquals(foldLabel('Anliclerung'), foldLabel('anlieferung'))).toBe(true);
    // a/e and e/c (s7200 0022: a form's header went unread, and its empty rows became lines); a/e
    // and s/z
    expect(labelEquals(foldLabel('Daseription'), foldLabel('description'))).toBe(true);
    expect(labelEquals(foldLabel('Dascrisione'), foldLabel('descrizione'))).toBe(true);
    // two other letters: another word
    expect(labelEquals(foldLabel('Bekleidung'), foldLabel('bezeichnung'))).toBe(false);
    expect(labelEquals(foldLabel('Beseichxung'), foldLabel('bezeichnung'))).toBe(false);
    // short labels keep their one edit
    expect(labelEquals(foldLabel('Zesun'), foldLabel('menge'))).toBe(false);
  });
  it('accepts a label whose first letter a form box swallowed, at the cost of one edit', () => {
    expect(labelEquals(foldLabel('atum'), foldLabel('datum'))).toBe(true);
    expect(labelEquals(foldLabel('esteller'), foldLabel('besteller'))).toBe(true);
    expect(findLabelSpans(['atum:', '12.06.26'], V)).toMatchObject([{ kind: 'date', from: 0, to: 1 }]);
    // the lost letter uses up the tolerance of a short label: no further error on top
    expect(labelEquals(foldLabel('atun'), foldLabel('datum'))).toBe(false);
    // a wrong first letter is still no match (only a missing one)
    expect(labelEquals(foldLabel('Hatum'), foldLabel('datum'))).toBe(false);
    // short labels never match fuzzily, not even with their first letter lost
    expect(labelEquals(foldLabel('r'), foldLabel('nr'))).toBe(false);
    expect(labelEquals(foldLabel('NO'), foldLabel('nr'))).toBe(false);
    expect(labelEquals(foldLabel('os'), foldLabel('pos'))).toBe(false);
  });
  it('prefers exact spans over fuzzy longer ones and multi-word labels over single words', () => {
    const spans = findLabelSpans(['N', 'PO', 'number/date'], V);
    expect(spans).toMatchObject([{ kind: 'refDate', from: 1, to: 3, edits: 0 }]);
    const other = findLabelSpans(['Kunden-Nr.', '1001', 'Datum'], V);
    expect(other.map((s) => s.kind)).toEqual(['other', 'date']);
  });
  it('takes a longer label one edit off over the exact label inside it, when asked to', () => {
    const H = [
      ...V,
      ['ref', ['commande'].map(foldLabel)],
      ['orderDate', ['date de commande'].map(foldLabel)],
      ['delivery', ['liefertermin'].map(foldLabel)],
      ['address', ['lieferadresse'].map(foldLabel)],
    ] as const;
    const words = ['Dale', 'de', 'commande:', '24.11.26'];
    expect(findLabelSpans(words, H).map((s) => s.kind)).toEqual(['ref']);
    expect(findLabelSpans(words, H, { misreadLonger: true })).toMatchObject([
      { kind: 'orderDate', from: 0, to: 3, edits: 1 },
    ]);
    // not a stray letter, nor two labels side by side where one ends the other's compound
    expect(findLabelSpans(['N', 'PO', 'number/date'], H, { misreadLonger: true })).toMatchObject([
      { kind: 'refDate', from: 1, to: 3 },
    ]);
    const pair = findLabelSpans(['Liefertermin', 'Lieferadresse'], H, { misreadLonger: true });
    expect(pair.map((s) => s.kind)).toEqual(['delivery', 'address']);
    // nor a label read right, ended by its colon, and the value's prefix after it; nor two labels
    // read right ("Purchase Order | PO number:")
    const L = [
      ...H,
      ['ref', ['ihre bestell-nr', 'purchase order', 'purchase order number'].map(foldLabel)],
    ] as const;
    expect(findLabelSpans(['Ihre', 'Bestell-Nr.:', 'GS', '4471'], L, { misreadLonger: true })).toMatchObject([
      { kind: 'ref', from: 0, to: 2, edits: 0 },
    ]);
    const two = findLabelSpans(['Purchase', 'Order', 'PO', 'number:', 'CMD-78869'], L, {
      misreadLonger: true,
    });
    expect(two.map((s) => [s.from, s.to, s.edits])).toEqual([
      [0, 2, 0],
      [2, 4, 0],
    ]);
  });
});
